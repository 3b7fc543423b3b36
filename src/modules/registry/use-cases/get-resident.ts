// One resident with their household and their moves: a read of personal data, recorded once. The resident page
// may also ask for the households of a village (their own by default) to move them to; named in the same entry.
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { householdAccess } from "../household-access.ts";
import type { ResidentView } from "../registry.model.ts";
import * as repo from "../registry.repository.ts";
import { type RegistryCtx, type RegistryDeps, visibleResident } from "./registry-access.ts";

export const MOVE_CHOICES_LIMIT = 1000;

export async function getResident(
  deps: RegistryDeps,
  ctx: RegistryCtx,
  id: string,
  opts: { moveTargets?: { village?: string } } = {},
): Promise<ResidentView & { moveTargets: repo.HouseholdChoice[] }> {
  const resident = await visibleResident(deps.db, ctx, id);
  const village = opts.moveTargets ? (opts.moveTargets.village ?? resident.villageCode) : null;
  const [household, moves, moveTargets] = await Promise.all([
    resident.householdId ? repo.findHousehold(deps.db, resident.householdId) : null,
    repo.movesOfResident(deps.db, resident.id),
    village ? repo.householdsInVillage(deps.db, householdAccess(ctx.principal), village, MOVE_CHOICES_LIMIT) : [],
  ]);
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "resident", id: resident.id },
    adminUnitCode: resident.communeCode,
    ...(village ? { details: { moveTargetsIn: village } } : {}),
  });
  return { resident, household, moves, moveTargets };
}
