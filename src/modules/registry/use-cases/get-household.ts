// One household with its members and the moves in and out of it: a read of personal data, recorded.
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import type { HouseholdView } from "../registry.model.ts";
import * as repo from "../registry.repository.ts";
import { type RegistryCtx, type RegistryDeps, visibleHousehold } from "./registry-access.ts";

export async function getHousehold(deps: RegistryDeps, ctx: RegistryCtx, id: string): Promise<HouseholdView> {
  const household = await visibleHousehold(deps.db, ctx, id);
  const [members, moves] = await Promise.all([repo.listMembers(deps.db, household.id), repo.movesOfHousehold(deps.db, household.id)]);
  await recordPersonalDataRead(deps, ctx, { target: { type: "household", id: household.id }, adminUnitCode: household.communeCode });
  return { household, members, moves };
}
