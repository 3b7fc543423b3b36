// GET and POST /office/teams: the teams of my communes with member and household counts, and (for commune admins)
// the form that creates one.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt, readForm, validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  emptyForm,
  ErrorSummary,
  type FormState,
  SelectField,
  Tag,
  TextField,
} from "../../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { communesGranted, getAdminUnit, listAdminUnitChildren } from "../../../admin-units/index.ts";
import { createTeam } from "../../use-cases/team-create.ts";
import { listTeams, type TeamListItem } from "../../use-cases/team-list.ts";
import { CreateTeamInput } from "../teams.contract.ts";

export function teamsListPages(kit: PageKit) {
  const { deps, secure, page } = kit;

  /** The units a team may be created for: each commune the caller manages teams in, and its villages. */
  const unitChoices = async (c: Context<AppEnv>, allCommune: string) => {
    const p = requireSignedIn(c);
    return Promise.all(
      communesGranted(p, "team.manage").map(async (code) => {
        const commune = await getAdminUnit(deps, code);
        const villages = await listAdminUnitChildren(deps, code, { limit: 200 });
        return {
          label: commune.fullName,
          options: [{ value: code, label: `${allCommune} – ${commune.fullName}` }, ...villages.items.map((v) => ({ value: v.code, label: v.fullName }))],
        };
      }),
    );
  };

  const render = async (c: Context<AppEnv>, form: FormState = emptyForm(), status: 200 | 400 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    const teams = await listTeams(deps, ctxOf(c));
    const groups = await unitChoices(c, t("teams.wholeCommune"));
    const columns: Column<TeamListItem>[] = [
      { header: t("teams.name"), rowHeader: true, cell: (tm) => <a href={`/office/teams/${tm.id}`}>{tm.name}</a> },
      { header: t("teams.unit"), cell: (tm) => (tm.villageCode ? tm.unitName : `${t("teams.wholeCommune")} – ${tm.unitName}`) },
      { header: t("teams.leader"), cell: (tm) => tm.leaderName ?? t("teams.noLeader") },
      { header: t("teams.memberCount"), num: true, cell: (tm) => tm.memberCount },
      { header: t("teams.householdCount"), num: true, cell: (tm) => tm.householdCount },
      { header: t("teams.status"), cell: (tm) => (tm.archivedAt ? <Tag tone="grey">{t("teams.archived")}</Tag> : <Tag tone="green">{t("teams.active")}</Tag>) },
    ];
    return c.html(
      <Layout ctx={ctx} title={t("teams.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("teams.title") }]} />
        <ErrorSummary t={t} errors={form.errors} labels={{ name: t("teams.name"), unitCode: t("teams.unit") }} />
        <h1>{t("teams.title")}</h1>
        <DataTable caption={t("teams.title")} columns={columns} rows={teams} stack empty={<p>{t("teams.none")}</p>} />
        {groups.length > 0 && (
          <section aria-labelledby="create-team">
            <h2 id="create-team">{t("teams.create")}</h2>
            <form method="post" action="/office/teams" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextField t={t} form={form} name="name" label={t("teams.name")} autocomplete="off" required />
              <SelectField t={t} form={form} name="unitCode" label={t("teams.unit")} hint={t("teams.unitHint")} options={[]} groups={groups} required />
              <Button>{t("teams.create")}</Button>
            </form>
          </section>
        )}
      </Layout>,
      status,
    );
  };

  const show = (c: Context<AppEnv>) => render(c);

  const create = async (c: Context<AppEnv>) => {
    const values = await readForm(c);
    const parsed = validateForm(CreateTeamInput, values);
    if (!parsed.ok) return render(c, { values, errors: parsed.errors }, 400);
    const res = await attempt(() => createTeam(deps, ctxOf(c), parsed.data));
    if (!res.ok) return render(c, { values, errors: res.errors }, 400);
    setFlash(c, "teams.flash.created", secure);
    return c.redirect(`/office/teams/${res.data}`, 303);
  };

  return { show, create };
}
