// One table component for every list and figures table: a caption (hidden or shown), header cells with
// scope, numeric columns aligned, an optional row header, foot and empty text. A wide table scrolls inside
// its own box, which keyboard users can focus (role=region, labelled by the caption).
import type { Child } from "hono/jsx";

export type Column<Row> = {
  /** The header cell's content (usually t("…")). */
  header: Child;
  cell: (row: Row, index: number) => Child;
  /** Numbers: aligned right, tabular figures. */
  num?: boolean;
  /** Dates and codes that must not wrap. */
  nowrap?: boolean;
  /** This column names the row: rendered as <th scope="row">. */
  rowHeader?: boolean;
};

const classOf = (c: { num?: boolean; nowrap?: boolean }) => [c.num && "num", c.nowrap && "nowrap"].filter(Boolean).join(" ") || undefined;

/** A caption as an id: Vietnamese letters folded to ASCII (đ → d), the rest to hyphens. */
const foldId = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);

export function DataTable<Row>(props: {
  caption: string;
  /** Show the caption above the table (default: for screen readers only, as the page heading says it). */
  showCaption?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** Shown instead of the table when there are no rows; without it an empty table is rendered. */
  empty?: Child;
  /** A totals row: one cell per column (the first is rendered as its row header). */
  foot?: readonly Child[];
  /** The caption's id (aria-labelledby); give one when a page has two tables with the same caption. */
  id?: string;
  /** Text linked by aria-describedby (for example, how the figures are counted). */
  describedBy?: string;
  /** A class for one row, e.g. to mark a late dossier. */
  rowClass?: (row: Row) => string | undefined;
  /** On a narrow screen each row becomes a card, each cell labelled by its column's header (text headers only). */
  stack?: boolean;
}) {
  if (props.rows.length === 0 && props.empty !== undefined) return <>{props.empty}</>;
  const captionId = props.id ?? `table-${foldId(props.caption)}`;
  return (
    <div class="table-wrap" role="region" aria-labelledby={captionId} aria-describedby={props.describedBy} tabindex={0}>
      <table class={props.stack ? "table--stack" : undefined}>
        <caption id={captionId} class={props.showCaption ? undefined : "visually-hidden"}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" class={classOf(c)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr class={props.rowClass?.(row)}>
              {props.columns.map((c) =>
                c.rowHeader ? (
                  <th scope="row" class={classOf(c)}>
                    {c.cell(row, i)}
                  </th>
                ) : (
                  <td class={classOf(c)} data-label={props.stack && typeof c.header === "string" ? c.header : undefined}>
                    {c.cell(row, i)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {props.foot && (
          <tfoot>
            <tr>{props.foot.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td class={classOf(props.columns[i] ?? {})}>{cell}</td>))}</tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
