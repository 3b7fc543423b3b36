// A household's head changes (the head died, moved out, or the family decided): the new head must be a member.
import type { z } from "zod";
import { AppError } from "../../../platform/http/app-error.ts";
import type { ChangeHeadInput } from "../registry.contract.ts";
import * as repo from "../registry.repository.ts";
import { assertMayEdit, fieldError, type RegistryCtx, type RegistryDeps, staleVersion, visibleHousehold } from "./registry-access.ts";

export async function changeHead(
  deps: RegistryDeps,
  ctx: RegistryCtx,
  householdId: string,
  input: z.infer<typeof ChangeHeadInput>,
): Promise<{ version: number }> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const h = await visibleHousehold(q, ctx, householdId, true);
    assertMayEdit(ctx.principal, { code: h.villageCode, path: h.unitPath });
    if (h.archivedAt) throw new AppError("conflict", "registry.error.archived");
    if (h.version !== input.version) throw staleVersion(h.version);
    const members = await repo.listMembers(q, h.id);
    const next = members.find((m) => m.id === input.residentId);
    if (!next) throw fieldError("residentId", "registry.error.notMember");
    if (next.id === h.headId) return { version: h.version };
    const former = members.find((m) => m.id === h.headId);
    if (former) await repo.setRelation(q, former.id, input.formerHeadRelation, now);
    await repo.setRelation(q, next.id, "head", now);
    const set = { address: h.address, villageCode: h.villageCode, communeCode: h.communeCode, unitPath: h.unitPath, poverty: h.poverty, headId: next.id };
    if (!(await repo.updateHousehold(q, h.id, input.version, set, now))) throw staleVersion(h.version);
    await deps.events.publish(q, {
      type: "household.updated",
      actor: ctx.actor,
      target: { type: "household", id: h.id },
      adminUnitCode: h.communeCode,
      requestId: ctx.requestId,
      details: { fields: ["headId"], fromHead: h.headId, toHead: next.id, version: input.version + 1 },
    });
    return { version: input.version + 1 };
  });
}
