// A commune creates its own villages (thôn, bản, ấp, khóm, tổ dân phố): they have no national code.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import type { CreateVillageInput } from "../admin-units.contract.ts";
import type { AdminUnitRow } from "../admin-units.model.ts";
import * as repo from "../admin-units.repository.ts";
import { getAdminUnit } from "./browse-admin-units.ts";

export async function createVillage(
  deps: Pick<Deps, "db" | "config" | "events">,
  ctx: Context & { principal: Principal | null },
  communeCode: string,
  input: z.infer<typeof CreateVillageInput>,
): Promise<AdminUnitRow> {
  const commune = await getAdminUnit(deps, communeCode);
  authorise(ctx.principal, "village.manage", commune);
  if (commune.level !== "commune")
    throw new AppError("validation", "error.validation", [{ field: "parentCode", code: "level", message: "adminUnits.villageParentMustBeCommune" }]);
  return deps.db.tx(async (q) => {
    const code = await repo.nextVillageCode(q, commune.code);
    await repo.upsertUnits(q, [
      {
        code,
        parentCode: commune.code,
        level: "village",
        unitType: input.unitType,
        name: input.name,
        fullName: `${input.unitType} ${input.name}`,
        nameEn: null,
        fullNameEn: null,
      },
    ]);
    await deps.events.publish(q, {
      type: "village.created",
      actor: ctx.actor,
      target: { type: "adminUnit", id: code },
      adminUnitCode: commune.code,
      requestId: ctx.requestId,
      details: { name: input.name, unitType: input.unitType },
    });
    const created = await repo.findByCode(q, code, deps.config.servedProvinces);
    if (!created) throw new Error("village vanished after insert");
    return created;
  });
}
