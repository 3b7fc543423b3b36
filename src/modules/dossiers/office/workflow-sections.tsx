// Sections of the office dossier page about the workflow's records: inter-agency steps and the applying
// organisation. Kept apart from the page's layout so either can change without the other.
import { formatDateTime } from "../../../platform/i18n/format.ts";
import { Tag } from "../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import { type Applicant, type InteragencyStep, stepLate } from "../dossiers.model.ts";

export function InteragencySteps(props: { ctx: PageContext; steps: readonly InteragencyStep[]; now: Date }) {
  const { t, locale } = props.ctx;
  if (props.steps.length === 0) return null;
  const at = (x: Date | null) => (x ? formatDateTime(new Date(x), locale) : "–");
  const columns: Column<InteragencyStep>[] = [
    { header: t("dossiers.office.interagency.agency"), cell: (s) => (s.agencyCode ? `${s.agencyName} (${s.agencyCode})` : s.agencyName) },
    { header: t("dossiers.office.interagency.sent"), nowrap: true, cell: (s) => at(s.sentAt) },
    { header: t("dossiers.office.interagency.due"), nowrap: true, cell: (s) => at(s.stepDueAt) },
    {
      header: t("dossiers.office.interagency.returned"),
      cell: (s) => (
        <>
          {s.returnedAt ? at(s.returnedAt) : <Tag tone="grey">{t("dossiers.office.interagency.open")}</Tag>}
          {stepLate(s, props.now) && (
            <>
              {" "}
              <Tag tone="red">{t("dossiers.office.interagency.late")}</Tag>
            </>
          )}
        </>
      ),
    },
    {
      header: t("dossiers.office.interagency.result"),
      cell: (s) => [s.result ? t(`dossiers.office.interagency.result.${s.result}`) : "", s.note ?? ""].filter(Boolean).join(": "),
    },
  ];
  return (
    <section aria-labelledby="interagency-title">
      <h2 id="interagency-title">{t("dossiers.office.interagency.title")}</h2>
      <DataTable caption={t("dossiers.office.interagency.title")} columns={columns} rows={[...props.steps]} />
    </section>
  );
}

/** The summary row naming an applying organisation, or none for a citizen. */
export function organisationRow(ctx: PageContext, a: Applicant): Array<[string, string]> {
  if (a.type !== "organisation" || !a.organisation) return [];
  return [[ctx.t("dossiers.office.summary.organisation"), ctx.t("dossiers.office.organisationValue", { ...a.organisation })]];
}
