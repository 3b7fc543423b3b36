// A commune admin opens an account for a new volunteer (or team leader) from the team page: the account, with its
// home on the team's unit, its role there, and its membership of the team, through identity's own use cases.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import { createUser, grantRole } from "../../identity/index.ts";
import type { EnrolVolunteerInput } from "../teams/teams.contract.ts";
import * as repo from "../teams/teams.repository.ts";
import { type Ctx, loadTeam, teamEvent, unitOfTeam } from "./team-scope.ts";

export async function enrolVolunteer(
  deps: Pick<Deps, "db" | "events" | "config">,
  ctx: Ctx,
  teamId: string,
  input: z.infer<typeof EnrolVolunteerInput>,
): Promise<string> {
  const team = await loadTeam(deps.db, ctx, teamId, "manage");
  const unit = unitOfTeam(team).code;
  const userId = await createUser(deps, ctx, {
    username: input.username,
    displayName: input.displayName,
    kind: "volunteer",
    homeUnitCode: unit,
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.password ? { password: input.password } : {}),
  });
  await grantRole(deps, ctx, userId, { role: input.role, adminUnitCode: unit });
  await deps.db.tx(async (q) => {
    await loadTeam(q, ctx, teamId, "manage", { forUpdate: true });
    if (await repo.addMember(q, team.id, userId)) await deps.events.publish(q, teamEvent(ctx, team, "team.memberAdded", { userId, enrolled: true }));
  });
  return userId;
}
