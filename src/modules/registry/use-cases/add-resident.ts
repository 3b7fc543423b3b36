// A new member of a household (born, married in, or found on a visit). The household's version moves on.
import { randomUUID } from "node:crypto";
import { AppError } from "../../../platform/http/app-error.ts";
import * as repo from "../registry.repository.ts";
import { type MemberInput, residentFields } from "./create-household.ts";
import { assertIdNumberFree, assertMayEdit, idNumberRace, type RegistryCtx, type RegistryDeps, visibleHousehold } from "./registry-access.ts";

export async function addResident(deps: RegistryDeps, ctx: RegistryCtx, householdId: string, input: MemberInput): Promise<{ id: string }> {
  const now = deps.clock.now();
  const id = randomUUID();
  try {
    await deps.db.tx(async (q) => {
      const h = await visibleHousehold(q, ctx, householdId, true);
      assertMayEdit(ctx.principal, { code: h.villageCode, path: h.unitPath });
      if (h.archivedAt) throw new AppError("conflict", "registry.error.archived");
      await assertIdNumberFree(q, input.citizenIdNumber, null);
      await repo.insertResident(
        q,
        {
          id,
          householdId: h.id,
          communeCode: h.communeCode,
          villageCode: h.villageCode,
          unitPath: h.unitPath,
          relationToHead: input.relationToHead,
          ...residentFields(input),
          createdBy: ctx.actor.userId,
        },
        now,
      );
      await repo.touchHousehold(q, h.id, now);
      await deps.events.publish(q, {
        type: "resident.created",
        actor: ctx.actor,
        target: { type: "resident", id },
        adminUnitCode: h.communeCode,
        requestId: ctx.requestId,
        details: { householdId: h.id },
      });
    });
  } catch (err) {
    idNumberRace(err);
  }
  return { id };
}
