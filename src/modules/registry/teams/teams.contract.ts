// Teams, members and assignments: one schema each for page forms and API bodies (and the OpenAPI document).
import { z } from "@hono/zod-openapi";
import { Password, Username, VnPhone } from "../../identity/index.ts";

const UnitCode = z.string().regex(/^\d{5}(\.\d{3})?$/);
const TeamName = z.string().trim().min(2).max(120);

export const CreateTeamInput = z
  .strictObject({
    name: TeamName,
    unitCode: UnitCode.openapi({ description: "The team's village (NNNNN.NNN), or its commune (NNNNN) for a commune-wide team", example: "02923.001" }),
    leaderUserId: z.uuid().optional().openapi({ description: "A user holding the team_leader role on the team's unit or above" }),
  })
  .openapi("CreateTeamInput");

export const UpdateTeamInput = z
  .strictObject({
    name: TeamName.optional(),
    leaderUserId: z.uuid().nullable().optional().openapi({ description: "null: the team has no leader for now" }),
  })
  .openapi("UpdateTeamInput");

export const AddMemberInput = z
  .strictObject({ userId: z.uuid().openapi({ description: "A user holding the volunteer or team_leader role on the team's unit or above" }) })
  .openapi("AddTeamMemberInput");

export const AssignInput = z
  .strictObject({
    teamId: z.uuid(),
    memberUserId: z.uuid().nullable().optional().openapi({ description: "A current member; absent or null: the team's, not yet given to a member" }),
    householdIds: z.array(z.uuid()).min(1).max(2000).optional().openapi({ description: "These households (reassigned if they belong elsewhere)" }),
    villageCode: UnitCode.optional().openapi({
      description: "Every household of this village with no assignment yet (for a team leader: the team's own not yet given to a member)",
    }),
  })
  .refine((v) => (v.householdIds === undefined) !== (v.villageCode === undefined), {
    message: "householdIds or villageCode",
    path: ["householdIds"],
    params: { messageKey: "teams.error.listOrVillage", code: "one_of" },
  })
  .openapi("AssignInput");

export const TeamIdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
export const MemberParams = z.object({
  id: z.uuid().openapi({ param: { name: "id", in: "path" } }),
  userId: z.uuid().openapi({ param: { name: "userId", in: "path" } }),
});
export const HouseholdIdParam = z.object({ householdId: z.uuid().openapi({ param: { name: "householdId", in: "path" } }) });
export const TeamListQuery = z.object({
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .openapi({ param: { name: "commune", in: "query" }, description: "Only this commune's teams" }),
  archived: z
    .enum(["true", "false"])
    .optional()
    .openapi({ param: { name: "archived", in: "query" }, description: "true: archived teams too" }),
});

export const TeamView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    communeCode: z.string(),
    villageCode: z.string().nullable(),
    unitName: z.string(),
    leader: z.object({ userId: z.uuid(), displayName: z.string() }).nullable(),
    memberCount: z.number().int(),
    householdCount: z.number().int(),
    archivedAt: z.string().nullable(),
  })
  .openapi("Team");

export const TeamMemberView = z
  .object({ userId: z.uuid(), displayName: z.string(), isLeader: z.boolean(), joinedAt: z.string(), householdCount: z.number().int() })
  .openapi("TeamMember");

export const TeamDetailView = TeamView.extend({ members: z.array(TeamMemberView), unassignedToMember: z.number().int() }).openapi("TeamDetail");

export const AssignedHouseholdView = z
  .object({
    householdId: z.uuid(),
    address: z.string(),
    villageCode: z.string(),
    villageName: z.string(),
    headName: z.string().nullable(),
    teamId: z.uuid(),
    memberUserId: z.uuid().nullable(),
    memberName: z.string().nullable(),
    assignedAt: z.string(),
  })
  .openapi("AssignedHousehold");

export const AssignResult = z.object({ assigned: z.number().int().openapi({ description: "How many households changed hands" }) }).openapi("AssignResult");

/** A commune admin opens an account for a new volunteer from the team page: the account, its role on the team's unit, the membership. */
export const EnrolVolunteerInput = z
  .strictObject({
    username: Username,
    displayName: z.string().trim().min(1).max(120),
    phone: z.union([z.literal(""), VnPhone]).optional(),
    password: Password.optional().openapi({ description: "An initial password; without one the person signs in another way (phone, SSO)" }),
    role: z.enum(["volunteer", "team_leader"]).default("volunteer"),
  })
  .openapi("EnrolVolunteerInput");
