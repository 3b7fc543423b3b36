// A resident leaves the registry: died, or entered twice (merged into the record kept). The row stays, archived, for
// history; a head hands over first, and a household left with nobody is dissolved with them.
import type { z } from "zod";
import { AppError } from "../../../platform/http/app-error.ts";
import type { ArchiveResidentInput } from "../registry.contract.ts";
import * as repo from "../registry.repository.ts";
import { assertMayEdit, fieldError, type RegistryCtx, type RegistryDeps, staleVersion, visibleResident } from "./registry-access.ts";

export async function archiveResident(deps: RegistryDeps, ctx: RegistryCtx, id: string, input: z.infer<typeof ArchiveResidentInput>): Promise<void> {
  const now = deps.clock.now();
  await deps.db.tx(async (q) => {
    const r = await visibleResident(q, ctx, id, true);
    assertMayEdit(ctx.principal, { code: r.villageCode, path: r.unitPath });
    if (r.archivedAt) throw new AppError("conflict", "registry.error.archived");
    if (r.version !== input.version) throw staleVersion(r.version);
    let mergedInto: string | null = null;
    if (input.reason === "duplicate") {
      if (input.mergedInto === r.id) throw fieldError("mergedInto", "registry.error.mergeSelf");
      const kept = await visibleResident(q, ctx, input.mergedInto!).catch((err: unknown) => {
        if (err instanceof AppError && err.code === "not_found") throw fieldError("mergedInto", "registry.error.noSuchResident", "not_found");
        throw err;
      });
      if (kept.archivedAt) throw fieldError("mergedInto", "registry.error.archived");
      mergedInto = kept.id;
    }
    const household = r.householdId ? await repo.lockHousehold(q, r.householdId) : null;
    const others = household ? (await repo.listMembers(q, household.id)).filter((m) => m.id !== r.id) : [];
    if (household && household.headId === r.id && others.length > 0)
      throw new AppError("conflict", "registry.error.headMustChangeFirst", [{ field: "reason", code: "head", message: "registry.error.headMustChangeFirst" }]);
    const ok = await repo.updateResident(q, r.id, input.version, { ...r, archivedAt: now, archivedReason: input.reason, mergedInto }, now);
    if (!ok) throw staleVersion(r.version);
    if (household) await repo.touchHousehold(q, household.id, now, others.length === 0);
    await deps.events.publish(q, {
      type: "resident.updated",
      actor: ctx.actor,
      target: { type: "resident", id: r.id },
      adminUnitCode: r.communeCode,
      requestId: ctx.requestId,
      details: { archived: input.reason, ...(mergedInto ? { mergedInto } : {}), householdDissolved: !!household && others.length === 0 },
    });
  });
}
