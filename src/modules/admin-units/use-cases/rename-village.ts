// Villages get renamed when they merge or split; national units are renamed only by the official list.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import type { RenameVillageInput } from "../admin-units.contract.ts";
import type { AdminUnitRow } from "../admin-units.model.ts";
import * as repo from "../admin-units.repository.ts";
import { getAdminUnit } from "./browse-admin-units.ts";

export async function renameVillage(
  deps: Pick<Deps, "db" | "config" | "events">,
  ctx: Context & { principal: Principal | null },
  code: string,
  input: z.infer<typeof RenameVillageInput>,
): Promise<AdminUnitRow> {
  const village = await getAdminUnit(deps, code);
  authorise(ctx.principal, "village.manage", village);
  if (village.level !== "village")
    throw new AppError("validation", "error.validation", [{ field: "code", code: "level", message: "adminUnits.onlyVillagesRenamed" }]);
  const unitType = input.unitType ?? village.unitType;
  return deps.db.tx(async (q) => {
    await repo.updateVillage(q, code, input.name, unitType);
    await deps.events.publish(q, {
      type: "village.renamed",
      actor: ctx.actor,
      target: { type: "adminUnit", id: code },
      adminUnitCode: village.parentCode,
      requestId: ctx.requestId,
      details: { from: village.name, to: input.name, unitType },
    });
    return (await repo.findByCode(q, code, deps.config.servedProvinces))!;
  });
}
