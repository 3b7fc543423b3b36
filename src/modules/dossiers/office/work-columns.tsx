// The columns of every worklist of dossiers (the desk's queues, the search results): one list, so a column added
// here shows everywhere. Insert a column by its key (see insertColumn) to keep the others' order.
import { formatDateTime } from "../../../platform/i18n/format.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { Tag } from "../../../platform/views/components.tsx";
import type { Column } from "../../../platform/views/data-table.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import { CLOCK_STOPPED, isOverdue } from "../dossier-workflow.ts";
import type { WorkItem } from "../use-cases/list-desk-queues.ts";
import { stateLabel } from "./action-forms.tsx";

export type WorkColumnKey = "code" | "procedure" | "applicant" | "channel" | "received" | "due" | "step" | "handler";
export type WorkColumn = Column<WorkItem> & { key: WorkColumnKey | (string & {}) };

/** Late and due-soon are marked against these instants (the caller's now, and now plus the due-soon margin). */
export type Boundaries = { now: Date; dueSoon: Date };

/** The due time with its flag in words (late, due soon), never by colour alone. */
export function DueCell(props: {
  t: Translate;
  locale: PageContext["locale"];
  item: Pick<WorkItem, "dueAt" | "state" | "clockStoppedAt" | "receiveBy">;
  at: Boundaries;
}) {
  const { t, item, locale } = props;
  // An online dossier waiting at the desk has no deadline yet, but a time limit to be received or refused.
  if (item.receiveBy)
    return (
      <>
        {t("dossiers.office.receiveBy", { at: formatDateTime(item.receiveBy, locale) })}{" "}
        {item.receiveBy < props.at.now && <Tag tone="red">{t("dossiers.office.tag.lateToReceive")}</Tag>}
      </>
    );
  const due = item.dueAt ? new Date(item.dueAt) : null;
  const stopped = CLOCK_STOPPED.has(item.state);
  const late = isOverdue(item, props.at.now);
  const soon = !late && !stopped && due !== null && due < props.at.dueSoon;
  return (
    <>
      {due ? formatDateTime(due, locale) : "–"} {late && <Tag tone="red">{t("dossiers.office.tag.late")}</Tag>}
      {soon && <Tag>{t("dossiers.office.tag.dueSoon")}</Tag>}
    </>
  );
}

export function workColumns(ctx: Pick<PageContext, "t" | "locale">, at: Boundaries): WorkColumn[] {
  const { t, locale } = ctx;
  return [
    { key: "code", header: t("dossiers.office.col.code"), cell: (i) => <a href={`/office/dossiers/${i.id}`}>{i.code ?? t("dossiers.office.noCode")}</a> },
    { key: "procedure", header: t("dossiers.office.col.procedure"), cell: (i) => i.procedureName },
    { key: "applicant", header: t("dossiers.office.col.applicant"), cell: (i) => i.applicantName },
    { key: "step", header: t("dossiers.work.col.step"), cell: (i) => stateLabel(t, i.state) },
    { key: "handler", header: t("dossiers.work.col.handler"), cell: (i) => i.assigneeName ?? "–" },
    { key: "channel", header: t("dossiers.office.col.channel"), cell: (i) => t(`dossiers.channel.${i.channel}`) },
    {
      key: "received",
      header: t("dossiers.office.col.received"),
      nowrap: true,
      cell: (i) => (i.receivedAt ? formatDateTime(new Date(i.receivedAt), locale) : i.submittedAt ? formatDateTime(new Date(i.submittedAt), locale) : "–"),
    },
    { key: "due", header: t("dossiers.office.col.due"), nowrap: true, cell: (i) => <DueCell t={t} locale={locale} item={i} at={at} /> },
  ];
}

/** The columns with one more placed after the column of the given key (at the end when there is none). */
export function insertColumn(columns: readonly WorkColumn[], after: string, column: WorkColumn): WorkColumn[] {
  const i = columns.findIndex((c) => c.key === after);
  return i < 0 ? [...columns, column] : [...columns.slice(0, i + 1), column, ...columns.slice(i + 1)];
}
