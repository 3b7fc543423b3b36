// /api/v1 routes of registry: teams, members, assignments. Handlers are thin; use cases live under use-cases/.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { addTeamMember } from "../use-cases/team-add-member.ts";
import { archiveTeam } from "../use-cases/team-archive.ts";
import { assignHouseholds } from "../use-cases/team-assign.ts";
import { createTeam } from "../use-cases/team-create.ts";
import { enrolVolunteer } from "../use-cases/team-enrol-volunteer.ts";
import { getTeam, type TeamDetail } from "../use-cases/team-get.ts";
import { type AssignedHousehold, listMyHouseholds, listTeamHouseholds } from "../use-cases/team-households.ts";
import { listTeams, type TeamListItem } from "../use-cases/team-list.ts";
import { removeTeamMember } from "../use-cases/team-remove-member.ts";
import { unassignHousehold } from "../use-cases/team-unassign.ts";
import { updateTeam } from "../use-cases/team-update.ts";
import {
  AddMemberInput,
  AssignedHouseholdView,
  AssignInput,
  AssignResult,
  CreateTeamInput,
  EnrolVolunteerInput,
  HouseholdIdParam,
  MemberParams,
  TeamDetailView,
  TeamIdParam,
  TeamListQuery,
  TeamView,
  UpdateTeamInput,
} from "./teams.contract.ts";

const tags = ["Teams"];
const security = [{ bearerAuth: [] }];
const reads = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };
const writes = { ...reads, 409: problems[409] };
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const presentTeam = (t: TeamListItem | TeamDetail) => ({
  id: t.id,
  name: t.name,
  communeCode: t.communeCode,
  villageCode: t.villageCode,
  unitName: t.unitName,
  leader: t.leaderUserId ? { userId: t.leaderUserId, displayName: t.leaderName ?? "" } : null,
  memberCount: t.memberCount,
  householdCount: t.householdCount,
  archivedAt: iso(t.archivedAt),
});
const presentHousehold = (h: AssignedHousehold) => ({
  householdId: h.householdId,
  address: h.address,
  villageCode: h.villageCode,
  villageName: h.villageName,
  headName: h.headName,
  teamId: h.teamId,
  memberUserId: h.memberUserId,
  memberName: h.memberName,
  assignedAt: h.assignedAt.toISOString(),
});
const Households = z.object({ items: z.array(AssignedHouseholdView) }).openapi("AssignedHouseholdList");
const HouseholdFilter = z.object({
  member: z
    .uuid()
    .optional()
    .openapi({ param: { name: "member", in: "query" }, description: "Only the households given to this member" }),
  village: z
    .string()
    .regex(/^\d{5}\.\d{3}$/)
    .optional()
    .openapi({ param: { name: "village", in: "query" }, description: "Only this village's households" }),
});

export function registerTeamsApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/teams",
      tags,
      security,
      summary: "The teams of your communes (or the teams you lead), with member and household counts (audited: names leaders)",
      request: { query: TeamListQuery },
      responses: { 200: json(z.object({ items: z.array(TeamView) }).openapi("TeamList"), "Teams"), ...reads },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const items = await listTeams(deps, useCaseContext(c), { commune: q.commune, withArchived: q.archived === "true" });
      return c.json({ items: items.map(presentTeam) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/teams",
      tags,
      security,
      summary: "Create a team for a village or a commune (team.manage: commune admins)",
      request: body(CreateTeamInput),
      responses: { 201: json(TeamDetailView, "The new team"), ...writes },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const id = await createTeam(deps, ctx, c.req.valid("json"));
      return c.json(presentDetail(await getTeam(deps, ctx, id)), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/teams/{id}",
      tags,
      security,
      summary: "One team: leader, members and how many households each looks after (audited)",
      request: { params: TeamIdParam },
      responses: { 200: json(TeamDetailView, "The team"), ...reads },
    }),
    async (c) => c.json(presentDetail(await getTeam(deps, useCaseContext(c), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/api/v1/teams/{id}",
      tags,
      security,
      summary: "Rename a team or name its leader (who joins the team); leaderUserId null leaves it without one",
      request: { params: TeamIdParam, ...body(UpdateTeamInput) },
      responses: { 200: json(TeamDetailView, "The team"), ...writes },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { id } = c.req.valid("param");
      await updateTeam(deps, ctx, id, c.req.valid("json"));
      return c.json(presentDetail(await getTeam(deps, ctx, id)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/teams/{id}",
      tags,
      security,
      summary: "Archive a team: kept for history; its members leave and its households become unassigned",
      request: { params: TeamIdParam },
      responses: { 200: json(z.object({ released: z.number().int() }).openapi("TeamArchived"), "How many households were released"), ...writes },
    }),
    async (c) => c.json(await archiveTeam(deps, useCaseContext(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/teams/{id}/members",
      tags,
      security,
      summary: "Add a member: a user holding the volunteer or team_leader role on the team's village or commune",
      request: { params: TeamIdParam, ...body(AddMemberInput) },
      responses: { 201: json(z.object({ added: z.boolean() }).openapi("TeamMemberAdded"), "false: already a member"), ...writes },
    }),
    async (c) => c.json({ added: await addTeamMember(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json").userId) }, 201),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/teams/{id}/volunteers",
      tags,
      security,
      summary: "Open an account for a new volunteer (or team leader): the account, its role on the team's village or commune, and its membership",
      request: { params: TeamIdParam, ...body(EnrolVolunteerInput) },
      responses: { 201: json(z.object({ userId: z.uuid() }).openapi("VolunteerEnrolled"), "The new account, now a member"), ...writes },
    }),
    async (c) => c.json({ userId: await enrolVolunteer(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json")) }, 201),
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/teams/{id}/members/{userId}",
      tags,
      security,
      summary: "A member leaves the team; the households given to them go back to the team (no member)",
      request: { params: MemberParams },
      responses: { 200: json(z.object({ returned: z.number().int() }).openapi("TeamMemberRemoved"), "How many households went back to the team"), ...writes },
    }),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      return c.json(await removeTeamMember(deps, useCaseContext(c), id, userId), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/teams/{id}/households",
      tags,
      security,
      summary: "The team's households, with who looks after each (audited; only those the visibility rule shows you)",
      request: { params: TeamIdParam, query: HouseholdFilter },
      responses: { 200: json(Households, "Households"), ...reads },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const rows = await listTeamHouseholds(deps, useCaseContext(c), c.req.valid("param").id, {
        ...(q.member ? { memberUserId: q.member } : {}),
        ...(q.village ? { villageCode: q.village } : {}),
      });
      return c.json({ items: rows.map(presentHousehold) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/me/households",
      tags,
      security,
      summary: "The households assigned to you as a team member (audited)",
      responses: { 200: json(Households, "Households"), 401: problems[401] },
    }),
    async (c) => c.json({ items: (await listMyHouseholds(deps, useCaseContext(c))).map(presentHousehold) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/assignments",
      tags,
      security,
      summary:
        "Assign households to a team and optionally one of its members: a list (householdIds, reassigned from wherever they were) or a village " +
        "(villageCode: its households not yet assigned). A team leader only hands their own team's households among its members.",
      request: body(AssignInput),
      responses: { 200: json(AssignResult, "How many households changed hands"), ...writes },
    }),
    async (c) => c.json(await assignHouseholds(deps, useCaseContext(c), c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/assignments/{householdId}",
      tags,
      security,
      summary: "Unassign a household: a commune admin frees it from its team; its team leader gives it back to the team",
      request: { params: HouseholdIdParam },
      responses: { 200: json(z.object({ freed: z.boolean() }).openapi("Unassigned"), "freed: no team any more (false: back to the team)"), ...writes },
    }),
    async (c) => c.json(await unassignHousehold(deps, useCaseContext(c), c.req.valid("param").householdId), 200),
  );
}

function presentDetail(t: TeamDetail) {
  return {
    ...presentTeam(t),
    unassignedToMember: t.unassignedToMember,
    members: t.members.map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      isLeader: m.isLeader,
      joinedAt: m.joinedAt.toISOString(),
      householdCount: m.householdCount,
    })),
  };
}
