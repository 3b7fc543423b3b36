// A household's address, village and poverty, edited against the version the editor saw. A household moving to
// another village takes its members along, and each member's history records the move.
import type { z } from "zod";
import type { UpdateHouseholdInput } from "../registry.contract.ts";
import * as repo from "../registry.repository.ts";
import { assertMayEdit, type RegistryCtx, type RegistryDeps, staleVersion, targetVillage, visibleHousehold } from "./registry-access.ts";
import { AppError } from "../../../platform/http/app-error.ts";

export async function updateHousehold(
  deps: RegistryDeps,
  ctx: RegistryCtx,
  id: string,
  input: z.infer<typeof UpdateHouseholdInput>,
): Promise<{ version: number }> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const h = await visibleHousehold(q, ctx, id, true);
    assertMayEdit(ctx.principal, { code: h.villageCode, path: h.unitPath });
    if (h.archivedAt) throw new AppError("conflict", "registry.error.archived");
    if (h.version !== input.version) throw staleVersion(h.version);
    const village =
      input.villageCode && input.villageCode !== h.villageCode
        ? await targetVillage(deps, ctx.principal, input.villageCode, "villageCode")
        : { code: h.villageCode, communeCode: h.communeCode, path: h.unitPath };
    const next = {
      address: input.address ?? h.address,
      villageCode: village.code,
      communeCode: village.communeCode,
      unitPath: village.path,
      poverty: input.poverty === undefined ? h.poverty : input.poverty,
      headId: h.headId,
    };
    if (!(await repo.updateHousehold(q, id, input.version, next, now))) throw staleVersion(h.version);
    const changed = (["address", "villageCode", "poverty"] as const).filter((k) => next[k] !== h[k]);
    if (village.code !== h.villageCode) {
      for (const m of await repo.listMembers(q, id)) {
        await repo.insertMove(
          q,
          {
            residentId: m.id,
            fromHouseholdId: id,
            toHouseholdId: id,
            fromVillageCode: h.villageCode,
            toVillageCode: village.code,
            relationToHead: m.relationToHead,
            reason: null,
            movedBy: ctx.actor.userId,
          },
          now,
        );
      }
      await repo.moveMembersToVillage(q, id, { villageCode: village.code, communeCode: village.communeCode, unitPath: village.path }, now);
    }
    await deps.events.publish(q, {
      type: "household.updated",
      actor: ctx.actor,
      target: { type: "household", id },
      adminUnitCode: village.communeCode,
      requestId: ctx.requestId,
      details: {
        fields: changed,
        version: input.version + 1,
        ...(village.code !== h.villageCode ? { fromVillage: h.villageCode, toVillage: village.code } : {}),
      },
    });
    return { version: input.version + 1 };
  });
}
