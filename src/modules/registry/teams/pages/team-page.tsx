// GET /office/teams/:id: the team's leader and members with how many households each looks after; for commune
// admins the forms that rename, lead, add and remove members and archive; for them and the team's leader the
// forms that assign households (by village, or the area's unassigned households ticked in a table).
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { fieldErrorsFromZod, notFound } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt, readForm, validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { isUuid } from "../../../../platform/db/uuid.ts";
import { formatDate } from "../../../../platform/i18n/format.ts";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  emptyForm,
  ErrorSummary,
  type FormState,
  PostButton,
  SelectField,
  SummaryList,
  Tag,
  TextField,
} from "../../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { listAdminUnitChildren } from "../../../admin-units/index.ts";
import { addTeamMember } from "../../use-cases/team-add-member.ts";
import { enrolVolunteer } from "../../use-cases/team-enrol-volunteer.ts";
import { archiveTeam } from "../../use-cases/team-archive.ts";
import { assignHouseholds } from "../../use-cases/team-assign.ts";
import { getTeam, type TeamMember, teamCandidates } from "../../use-cases/team-get.ts";
import { removeTeamMember } from "../../use-cases/team-remove-member.ts";
import { updateTeam } from "../../use-cases/team-update.ts";
import type { UnassignedRow } from "../teams.repository.ts";
import { AddMemberInput, AssignInput, EnrolVolunteerInput, UpdateTeamInput } from "../teams.contract.ts";
import { listErrors, readAll } from "./form-lists.ts";

export function teamPages(kit: PageKit) {
  const { deps, secure, page } = kit;

  const show = async (c: Context<AppEnv>, id: string, form: FormState = emptyForm(), status: 200 | 400 = 200) => {
    if (!isUuid(id)) throw notFound();
    const team = await getTeam(deps, ctxOf(c), id, { withUnassigned: true });
    const ctx = page(c);
    const { t, locale } = ctx;
    const candidates = team.may.manage
      ? await teamCandidates(
          deps,
          team,
          team.members.map((m) => m.userId),
        )
      : { members: [], leaders: [] };
    const villages = team.villageCode
      ? [{ value: team.villageCode, label: team.unitName }]
      : (await listAdminUnitChildren(deps, team.communeCode, { limit: 200 })).items.map((v) => ({ value: v.code, label: v.fullName }));
    const memberOptions = [{ value: "", label: t("teams.ofTeam") }, ...team.members.map((m) => ({ value: m.userId, label: m.displayName }))];
    const values = { name: team.name, leaderUserId: team.leaderUserId ?? "", ...form.values };
    const state = { values, errors: form.errors };
    const memberColumns: Column<TeamMember>[] = [
      {
        header: t("teams.members"),
        rowHeader: true,
        cell: (m) => (
          <>
            {m.displayName} {m.isLeader && <Tag>{t("teams.leader")}</Tag>}
          </>
        ),
      },
      { header: t("teams.householdCount"), num: true, cell: (m) => m.householdCount },
      { header: t("teams.joinedAt"), nowrap: true, cell: (m) => formatDate(m.joinedAt, locale) },
      ...(team.may.manage
        ? [
            {
              header: <span class="visually-hidden">{t("teams.removeMember")}</span>,
              cell: (m: TeamMember) => (
                <PostButton
                  action={`/office/teams/${team.id}/members/${m.userId}/remove`}
                  csrfToken={ctx.csrfToken}
                  label={t("teams.removeMember")}
                  rowLabel={m.displayName}
                />
              ),
            },
          ]
        : []),
    ];
    const unassignedColumns: Column<UnassignedRow>[] = [
      {
        header: <span class="visually-hidden">{t("teams.select")}</span>,
        cell: (h) => (
          <div class="checkbox">
            <input type="checkbox" id={`hh-${h.householdId}`} name="householdIds" value={h.householdId} />
            <label for={`hh-${h.householdId}`}>
              <span class="visually-hidden">{t("teams.selectHousehold", { address: h.address })}</span>
            </label>
          </div>
        ),
      },
      { header: t("teams.address"), cell: (h) => h.address },
      { header: t("teams.village"), cell: (h) => h.villageName },
      { header: t("teams.head"), cell: (h) => h.headName ?? "–" },
    ];
    return c.html(
      <Layout ctx={ctx} title={team.name} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { href: "/office/teams", label: t("teams.title") }, { label: team.name }]} />
        <ErrorSummary
          t={t}
          errors={listErrors(form.errors)}
          labels={{
            name: t("teams.name"),
            leaderUserId: t("teams.leader"),
            userId: t("teams.addMember"),
            villageCode: t("teams.village"),
            memberUserId: t("teams.assignTo"),
            householdIds: t("teams.select"),
            displayName: t("teams.displayName"),
            username: t("teams.username"),
            phone: t("teams.phone"),
            password: t("teams.password"),
            role: t("teams.enrolRole"),
          }}
        />
        <h1>{team.name}</h1>
        <SummaryList
          rows={[
            [t("teams.unit"), team.villageCode ? team.unitName : `${t("teams.wholeCommune")} – ${team.unitName}`],
            [t("teams.leader"), team.leaderName ?? t("teams.noLeader")],
            [t("teams.memberCount"), String(team.memberCount)],
            [t("teams.householdCount"), String(team.householdCount)],
            [t("teams.unassignedToMember"), String(team.unassignedToMember)],
            [t("teams.status"), team.archivedAt ? <Tag tone="grey">{t("teams.archived")}</Tag> : <Tag tone="green">{t("teams.active")}</Tag>],
          ]}
        />
        <p>
          <a href={`/office/teams/${team.id}/households`}>{t("teams.householdsLink")}</a>
        </p>
        <h2 id="members">{t("teams.perMember")}</h2>
        <DataTable caption={t("teams.perMember")} columns={memberColumns} rows={team.members} stack empty={<p>{t("teams.membersNone")}</p>} />
        {team.may.manage && (
          <section aria-labelledby="add-member">
            <h2 id="add-member">{t("teams.addMember")}</h2>
            {candidates.members.length === 0 ? (
              <p>{t("teams.noCandidates")}</p>
            ) : (
              <form method="post" action={`/office/teams/${team.id}/members`} novalidate>
                <CsrfField token={ctx.csrfToken} />
                <SelectField
                  t={t}
                  form={state}
                  name="userId"
                  label={t("teams.addMember")}
                  hint={t("teams.addMemberHint")}
                  options={candidates.members.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
                  required
                />
                <Button>{t("teams.addMember")}</Button>
              </form>
            )}
          </section>
        )}
        {team.may.manage && (
          <section aria-labelledby="enrol">
            <h2 id="enrol">{t("teams.enrol")}</h2>
            <p class="hint">{t("teams.enrolHint")}</p>
            <form method="post" action={`/office/teams/${team.id}/volunteers`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextField t={t} form={state} name="displayName" label={t("teams.displayName")} autocomplete="off" required />
              <TextField t={t} form={state} name="username" label={t("teams.username")} autocomplete="off" required />
              <TextField t={t} form={state} name="phone" type="tel" label={t("teams.phone")} autocomplete="off" />
              <TextField
                t={t}
                form={state}
                name="password"
                type="password"
                label={t("teams.password")}
                hint={t("teams.passwordHint")}
                autocomplete="new-password"
              />
              <SelectField
                t={t}
                form={state}
                name="role"
                label={t("teams.enrolRole")}
                options={(["volunteer", "team_leader"] as const).map((r) => ({ value: r, label: t(`teams.role.${r}`) }))}
              />
              <Button>{t("teams.enrol")}</Button>
            </form>
          </section>
        )}
        {team.may.assign && (
          <section aria-labelledby="assign-village">
            <h2 id="assign-village">{t("teams.assignVillage")}</h2>
            <form method="post" action={`/office/teams/${team.id}/assign`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <SelectField
                t={t}
                form={state}
                name="villageCode"
                label={t("teams.village")}
                hint={team.may.manage ? t("teams.assignVillageHint") : t("teams.assignVillageHintLeader")}
                options={villages}
                required
              />
              <SelectField t={t} form={state} name="memberUserId" label={t("teams.assignTo")} options={memberOptions} />
              <Button>{t("teams.assign")}</Button>
            </form>
          </section>
        )}
        {team.may.manage && team.unassigned.length > 0 && (
          <section aria-labelledby="assign-selected">
            <h2 id="assign-selected">{t("teams.assignSelected")}</h2>
            <form method="post" action={`/office/teams/${team.id}/assign`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <div id="f-householdIds">
                <DataTable caption={t("teams.assignSelected")} id="unassigned-households" columns={unassignedColumns} rows={team.unassigned} stack />
              </div>
              <SelectField t={t} form={state} name="memberUserId" id="f-memberUserId-list" label={t("teams.assignTo")} options={memberOptions} />
              <Button>{t("teams.assignSelected")}</Button>
            </form>
          </section>
        )}
        {team.may.manage && (
          <section aria-labelledby="team-settings">
            <h2 id="team-settings">{t("teams.rename")}</h2>
            <form method="post" action={`/office/teams/${team.id}`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextField t={t} form={state} name="name" label={t("teams.name")} autocomplete="off" required />
              <SelectField
                t={t}
                form={state}
                name="leaderUserId"
                label={t("teams.setLeader")}
                options={[
                  { value: "", label: t("teams.noLeader") },
                  ...candidates.leaders.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` })),
                ]}
              />
              <Button>{t("teams.save")}</Button>
            </form>
            <form method="post" action={`/office/teams/${team.id}/archive`}>
              <CsrfField token={ctx.csrfToken} />
              <p class="hint">{t("teams.archiveHint")}</p>
              <Button variant="warning">{t("teams.archive")}</Button>
            </form>
          </section>
        )}
      </Layout>,
      status,
    );
  };

  const back = (c: Context<AppEnv>, id: string, flash: Parameters<typeof setFlash>[1]) => {
    setFlash(c, flash, secure);
    return c.redirect(`/office/teams/${id}`, 303);
  };

  /** POST /office/teams/:id: name and leader. */
  const update = async (c: Context<AppEnv>, id: string) => {
    if (!isUuid(id)) throw notFound();
    const values = await readForm(c);
    // An empty leader choice means "no leader"; the form always sends both fields.
    const parsed = validateForm(UpdateTeamInput, { name: values.name ?? "", ...(values.leaderUserId ? { leaderUserId: values.leaderUserId } : {}) });
    if (!parsed.ok) return show(c, id, { values, errors: parsed.errors }, 400);
    const input = { ...parsed.data, leaderUserId: parsed.data.leaderUserId ?? null };
    const res = await attempt(() => updateTeam(deps, ctxOf(c), id, input));
    if (!res.ok) return show(c, id, { values, errors: res.errors }, 400);
    return back(c, id, "teams.flash.saved");
  };

  const archive = async (c: Context<AppEnv>, id: string) => {
    if (!isUuid(id)) throw notFound();
    await archiveTeam(deps, ctxOf(c), id);
    return back(c, id, "teams.flash.archived");
  };

  const addMember = async (c: Context<AppEnv>, id: string) => {
    if (!isUuid(id)) throw notFound();
    const values = await readForm(c);
    const parsed = validateForm(AddMemberInput, values);
    if (!parsed.ok) return show(c, id, { values, errors: parsed.errors }, 400);
    const res = await attempt(() => addTeamMember(deps, ctxOf(c), id, parsed.data.userId));
    if (!res.ok) return show(c, id, { values, errors: res.errors }, 400);
    return back(c, id, "teams.flash.memberAdded");
  };

  const removeMember = async (c: Context<AppEnv>, id: string, userId: string) => {
    if (!isUuid(id) || !isUuid(userId)) throw notFound();
    await removeTeamMember(deps, ctxOf(c), id, userId);
    return back(c, id, "teams.flash.memberRemoved");
  };

  /** POST /office/teams/:id/volunteers: a new account, its role and its membership. */
  const enrol = async (c: Context<AppEnv>, id: string) => {
    if (!isUuid(id)) throw notFound();
    const values = await readForm(c);
    const parsed = validateForm(EnrolVolunteerInput, values);
    const shown = { ...values, password: "" };
    if (!parsed.ok) return show(c, id, { values: shown, errors: parsed.errors }, 400);
    const res = await attempt(() => enrolVolunteer(deps, ctxOf(c), id, parsed.data));
    if (!res.ok) return show(c, id, { values: shown, errors: res.errors }, 400);
    return back(c, id, "teams.flash.enrolled");
  };

  /** POST /office/teams/:id/assign: a village, or the ticked households, to the team or one member. */
  const assign = async (c: Context<AppEnv>, id: string) => {
    if (!isUuid(id)) throw notFound();
    const { values, lists } = await readAll(c, ["householdIds"]);
    const householdIds = lists.householdIds ?? [];
    // Nothing chosen: the error goes beside the control of the form that was sent (the village select, or the table).
    if (!values.villageCode && householdIds.length === 0) {
      const field = "villageCode" in values ? "villageCode" : "householdIds";
      return show(c, id, { values, errors: [{ field, code: "required", message: "validation.required" }] }, 400);
    }
    const candidate = {
      teamId: id,
      ...(values.memberUserId ? { memberUserId: values.memberUserId } : {}),
      ...(values.villageCode ? { villageCode: values.villageCode } : {}),
      ...(householdIds.length ? { householdIds } : {}),
    };
    const parsed = AssignInput.safeParse(candidate);
    if (!parsed.success) return show(c, id, { values, errors: fieldErrorsFromZod(parsed.error.issues) }, 400);
    const res = await attempt(() => assignHouseholds(deps, ctxOf(c), parsed.data));
    if (!res.ok) return show(c, id, { values, errors: res.errors }, 400);
    return back(c, id, res.data.assigned > 0 ? "teams.flash.assigned" : "teams.flash.nothingAssigned");
  };

  return { show, update, archive, addMember, removeMember, enrol, assign };
}
