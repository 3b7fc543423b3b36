// GET /office/teams/:id/households: the team's households with who looks after each; tick some to give them to a
// member, back to the team, or (a commune admin) off the team. POST the same path.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { type FieldError, notFound } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { isUuid } from "../../../../platform/db/uuid.ts";
import { formatDate } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, type FormState, SelectField } from "../../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { assignHouseholds } from "../../use-cases/team-assign.ts";
import { getTeam } from "../../use-cases/team-get.ts";
import { type AssignedHousehold, listTeamHouseholds } from "../../use-cases/team-households.ts";
import { unassignHousehold } from "../../use-cases/team-unassign.ts";
import { listErrors, readAll } from "./form-lists.ts";

export function teamHouseholdsPages(kit: PageKit) {
  const { deps, secure, page } = kit;

  const show = async (c: Context<AppEnv>, id: string, form: FormState = emptyForm(), status: 200 | 400 = 200) => {
    if (!isUuid(id)) throw notFound();
    const team = await getTeam(deps, ctxOf(c), id, { record: false });
    const households = await listTeamHouseholds(deps, ctxOf(c), id);
    const ctx = page(c);
    const { t, locale } = ctx;
    const base = `/office/teams/${team.id}`;
    const columns: Column<AssignedHousehold>[] = [
      ...(team.may.assign
        ? [
            {
              header: <span class="visually-hidden">{t("teams.select")}</span>,
              cell: (h: AssignedHousehold) => (
                <div class="checkbox">
                  <input type="checkbox" id={`hh-${h.householdId}`} name="householdIds" value={h.householdId} />
                  <label for={`hh-${h.householdId}`}>
                    <span class="visually-hidden">{t("teams.selectHousehold", { address: h.address })}</span>
                  </label>
                </div>
              ),
            },
          ]
        : []),
      { header: t("teams.address"), cell: (h) => <a href={`/office/registry/households/${h.householdId}`}>{h.address}</a> },
      { header: t("teams.village"), cell: (h) => h.villageName },
      { header: t("teams.head"), cell: (h) => h.headName ?? "–" },
      { header: t("teams.assignedTo"), cell: (h) => h.memberName ?? t("teams.ofTeam") },
      { header: t("teams.assignedAt"), nowrap: true, cell: (h) => formatDate(h.assignedAt, locale) },
    ];
    const table = <DataTable caption={t("teams.households")} columns={columns} rows={households} stack empty={<p>{t("teams.householdsNone")}</p>} />;
    const memberOptions = [{ value: "", label: t("teams.ofTeam") }, ...team.members.map((m) => ({ value: m.userId, label: m.displayName }))];
    return c.html(
      <Layout ctx={ctx} title={`${t("teams.households")} – ${team.name}`} office>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            { href: "/office/teams", label: t("teams.title") },
            { href: base, label: team.name },
            { label: t("teams.households") },
          ]}
        />
        <ErrorSummary t={t} errors={listErrors(form.errors)} labels={{ memberUserId: t("teams.assignTo"), householdIds: t("teams.select") }} />
        <h1>
          {t("teams.households")} – {team.name}
        </h1>
        {team.may.assign && households.length > 0 ? (
          <form method="post" action={`${base}/households`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <div id="f-householdIds">{table}</div>
            <SelectField t={t} form={form} name="memberUserId" label={t("teams.assignTo")} options={memberOptions} />
            <Button name="action" value="assign">
              {t("teams.assignSelected")}
            </Button>{" "}
            <Button name="action" value="unassign" variant="secondary">
              {t("teams.unassignSelected")}
            </Button>
          </form>
        ) : (
          table
        )}
      </Layout>,
      status,
    );
  };

  /** POST /office/teams/:id/households: action=assign (to the chosen member, or the team) or action=unassign. */
  const submit = async (c: Context<AppEnv>, id: string) => {
    if (!isUuid(id)) throw notFound();
    const { values, lists } = await readAll(c, ["householdIds"]);
    const ids = lists.householdIds ?? [];
    const none: FieldError[] = [{ field: "householdIds", code: "required", message: "validation.required" }];
    if (ids.length === 0) return show(c, id, { values, errors: none }, 400);
    const bad = ids.findIndex((h) => !isUuid(h));
    if (bad >= 0) return show(c, id, { values, errors: [{ field: `householdIds.${bad}`, code: "unknown", message: "teams.error.household" }] }, 400);
    if (values.action === "unassign") {
      for (const h of ids) await unassignHousehold(deps, ctxOf(c), h);
      setFlash(c, "teams.flash.unassigned", secure);
      return c.redirect(`/office/teams/${id}/households`, 303);
    }
    const member = values.memberUserId && isUuid(values.memberUserId) ? values.memberUserId : null;
    if (values.memberUserId && !member)
      return show(c, id, { values, errors: [{ field: "memberUserId", code: "not_member", message: "teams.error.notMember" }] }, 400);
    const res = await attempt(() => assignHouseholds(deps, ctxOf(c), { teamId: id, memberUserId: member, householdIds: ids }));
    if (!res.ok) return show(c, id, { values, errors: res.errors }, 400);
    setFlash(c, res.data.assigned > 0 ? "teams.flash.assigned" : "teams.flash.nothingAssigned", secure);
    return c.redirect(`/office/teams/${id}/households`, 303);
  };

  return { show, submit };
}
