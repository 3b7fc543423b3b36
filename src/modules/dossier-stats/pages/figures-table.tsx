// One figures table for the office page and the public summary: a row per commune or procedure, a column
// per figure, the totals in the foot. A missing figure (nothing to divide by) reads as a dash and as words.
import type { Child } from "hono/jsx";
import { formatDecimal, formatNumber, formatPercent } from "../../../platform/i18n/format.ts";
import type { MessageKey, Translate } from "../../../platform/i18n/i18n.ts";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import type { Figures } from "../dossier-stats.contract.ts";

export const formatShare = formatPercent;
export const decimal = formatDecimal;

/** A missing figure (nothing to divide by): a dash for the eye, words for a screen reader. */
export function NotAvailable(props: { t: Translate }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span class="visually-hidden">{props.t("stats.na")}</span>
    </>
  );
}

export function Share(props: { ctx: PageContext; value: number | null }) {
  return props.value === null ? <NotAvailable t={props.ctx.t} /> : formatShare(props.value, props.ctx.locale);
}

function Num(props: { ctx: PageContext; value: number | null }) {
  return props.value === null ? <NotAvailable t={props.ctx.t} /> : decimal(props.value, props.ctx.locale);
}

export const rowLabel = (ctx: PageContext, r: { label: string; labelEn: string | null }) => (ctx.locale === "en" && r.labelEn ? r.labelEn : r.label);

/** The figures a table can show: each with its header and how it is written (a count, a share, a decimal). */
const FIGURE_COLUMNS = {
  received: { header: "stats.col.received", kind: "count" },
  onlineShare: { header: "stats.col.onlineShare", kind: "share" },
  finished: { header: "stats.col.finished", kind: "count" },
  refused: { header: "stats.col.refused", kind: "count" },
  early: { header: "stats.col.early", kind: "count" },
  onTime: { header: "stats.col.onTime", kind: "count" },
  onTimeShare: { header: "stats.col.onTimeShare", kind: "share" },
  late: { header: "stats.col.late", kind: "count" },
  inProgress: { header: "stats.col.inProgress", kind: "count" },
  overdue: { header: "stats.col.overdue", kind: "count" },
  digitisedShare: { header: "stats.col.digitisedShare", kind: "share" },
  cashlessShare: { header: "stats.col.cashlessShare", kind: "share" },
  avgProcessingDays: { header: "stats.col.avgDays", kind: "decimal" },
  avgRating: { header: "stats.col.avgRating", kind: "decimal" },
  ratings: { header: "stats.col.ratings", kind: "count" },
} as const satisfies Partial<Record<keyof Figures, { header: MessageKey; kind: "count" | "share" | "decimal" }>>;
type Figure = keyof typeof FIGURE_COLUMNS;

function FigureCell(props: { ctx: PageContext; figure: Figure; value: number | null }) {
  const { ctx, figure, value } = props;
  const kind = FIGURE_COLUMNS[figure].kind;
  if (kind === "share") return <Share ctx={ctx} value={value} />;
  if (kind === "decimal") return <Num ctx={ctx} value={value} />;
  return <>{formatNumber(value ?? 0, ctx.locale)}</>;
}

/** The figures of the office page and of the public summary. */
export const OFFICE_FIGURES = [
  "received",
  "onlineShare",
  "finished",
  "refused",
  "early",
  "onTime",
  "late",
  "onTimeShare",
  "inProgress",
  "overdue",
  "digitisedShare",
  "cashlessShare",
  "avgProcessingDays",
  "avgRating",
] as const satisfies readonly Figure[];
export const PUBLIC_FIGURES = ["received", "onlineShare", "finished", "onTimeShare", "avgRating", "ratings"] as const satisfies readonly Figure[];

export function FiguresTable<K extends Figure, Row extends Pick<Figures, K>>(props: {
  ctx: PageContext;
  caption: string;
  id: string;
  describedBy?: string;
  /** The first column's header: commune or procedure. */
  rowHeader: MessageKey;
  rowName: (row: Row) => Child;
  figures: readonly K[];
  rows: readonly Row[];
  totals: Pick<Figures, K>;
}) {
  const { ctx } = props;
  const cell = (k: K) => (f: Pick<Figures, K>) => <FigureCell ctx={ctx} figure={k} value={f[k]} />;
  const columns: Column<Row>[] = [
    { header: ctx.t(props.rowHeader), rowHeader: true, cell: props.rowName },
    ...props.figures.map((k) => ({ header: ctx.t(FIGURE_COLUMNS[k].header), num: true, cell: cell(k) })),
  ];
  return (
    <DataTable
      caption={props.caption}
      showCaption
      id={props.id}
      describedBy={props.describedBy}
      columns={columns}
      rows={props.rows}
      foot={[ctx.t("stats.total"), ...props.figures.map((k) => cell(k)(props.totals))]}
    />
  );
}
