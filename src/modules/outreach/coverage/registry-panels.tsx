// The outreach panels of the registry's pages (slots handed over in src/modules.ts): on a resident's page their
// skills against the province's checklist, a no-JS form to confirm one (POST /office/residents/:id/skills) and the
// visits they were at; on a household's page its coverage, its visits and the way to the field app.
import type { Context } from "hono";
import type { Deps } from "../../../deps.ts";
import { localNoon } from "../../../platform/calendar/vietnam-time.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import { Button, CsrfField, emptyForm, RadioGroup, SelectField, SummaryList } from "../../../platform/views/components.tsx";
import { DataTable } from "../../../platform/views/data-table.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import type { HouseholdPanel, HouseholdPanelInput, ResidentPanel, ResidentPanelInput } from "../../registry/index.ts";
import { householdOutreach, residentOutreach } from "../use-cases/registry-panels.ts";
import { labelOf } from "./pages/shared.tsx";

const day = (d: string, ctx: PageContext) => formatDate(localNoon(d), ctx.locale);

export const residentOutreachPanel =
  (deps: Pick<Deps, "db">): ResidentPanel =>
  async (_c: Context<AppEnv>, ctx: PageContext, input: ResidentPanelInput) => {
    const o = await residentOutreach(deps, ctx.principal, input.residentId);
    if (!o) return null;
    const { t, locale } = ctx;
    const missing = o.skills.filter((s) => s.active && !s.held);
    return (
      <>
        <DataTable
          caption={t("coverage.panel.skills")}
          id="skills"
          stack
          rows={o.skills}
          empty={<p>{t("coverage.panel.noChecklist")}</p>}
          columns={[
            { header: t("coverage.panel.col.skill"), rowHeader: true, cell: (s) => labelOf(s, ctx) },
            {
              header: t("coverage.panel.col.status"),
              cell: (s) => (s.held ? t(`coverage.panel.method.${s.held.method}`) : <strong>{t("coverage.panel.missing")}</strong>),
            },
            { header: t("coverage.panel.col.by"), cell: (s) => (s.held?.confirmedBy ? (o.names.get(s.held.confirmedBy) ?? "") : "") },
            { header: t("coverage.panel.col.on"), nowrap: true, cell: (s) => (s.held ? formatDate(s.held.confirmedAt, locale) : "") },
          ]}
        />
        <p>{missing.length === 0 ? t("coverage.panel.allHeld") : t("coverage.panel.missingCount", { n: String(missing.length) })}</p>
        {o.mayConfirm && o.skills.some((s) => s.active) && (
          <form method="post" action={`/office/residents/${input.residentId}/skills`}>
            <h3>{t("coverage.panel.confirm")}</h3>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="returnTo" value={input.returnTo} />
            <SelectField
              t={t}
              form={emptyForm({ skillKey: missing[0]?.key ?? "" })}
              name="skillKey"
              label={t("coverage.panel.col.skill")}
              options={o.skills.filter((s) => s.active).map((s) => ({ value: s.key, label: labelOf(s, ctx) }))}
            />
            <RadioGroup
              t={t}
              form={emptyForm({ method: "seen" })}
              name="method"
              legend={t("coverage.panel.method")}
              options={[
                { value: "seen", label: t("coverage.panel.method.seen") },
                { value: "self_declared", label: t("coverage.panel.method.self_declared") },
              ]}
            />
            <Button variant="secondary">{t("coverage.panel.confirmSubmit")}</Button>
          </form>
        )}
        <h3>{t("coverage.panel.residentVisits")}</h3>
        <DataTable
          caption={t("coverage.panel.residentVisits")}
          stack
          rows={o.visits}
          empty={<p>{t("coverage.panel.noResidentVisits")}</p>}
          columns={[
            { header: t("visits.visitedOn"), nowrap: true, cell: (v) => day(v.visitedOn, ctx) },
            { header: t("visits.household"), rowHeader: true, cell: (v) => <a href={`/office/registry/households/${v.householdId}`}>{v.address}</a> },
            { header: t("visits.volunteer"), cell: (v) => o.names.get(v.volunteerUserId) ?? "" },
            { header: t("visits.outcome"), cell: (v) => t(`visits.outcome.${v.outcome}`) },
          ]}
        />
      </>
    );
  };

export const householdOutreachPanel =
  (deps: Pick<Deps, "db">): HouseholdPanel =>
  async (_c: Context<AppEnv>, ctx: PageContext, input: HouseholdPanelInput) => {
    const o = await householdOutreach(deps, ctx.principal, input.householdId);
    if (!o) return null;
    const { t } = ctx;
    return (
      <>
        <SummaryList
          rows={[
            [t("coverage.panel.proficient"), o.proficientMembers > 0 ? t("coverage.panel.yes") : t("coverage.panel.no")],
            [t("coverage.panel.lastVisit"), o.lastVisitOn ? day(o.lastVisitOn, ctx) : t("coverage.gaps.never")],
          ]}
        />
        {o.fieldApp && (
          <p>
            <a href="/field">{t("coverage.panel.fieldApp")}</a>
          </p>
        )}
        <h3>{t("coverage.panel.householdVisits")}</h3>
        <DataTable
          caption={t("coverage.panel.householdVisits")}
          stack
          rows={o.visits}
          empty={<p>{t("visits.none")}</p>}
          columns={[
            { header: t("visits.visitedOn"), rowHeader: true, nowrap: true, cell: (v) => day(v.visitedOn, ctx) },
            { header: t("visits.volunteer"), cell: (v) => o.names.get(v.volunteerUserId) ?? "" },
            { header: t("visits.outcome"), cell: (v) => t(`visits.outcome.${v.outcome}`) },
            { header: t("visits.nextStep"), cell: (v) => v.nextStep ?? "" },
          ]}
        />
      </>
    );
  };
