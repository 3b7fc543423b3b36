// A person moves: into another household (of this or another village), to head a new household, or away from the
// commune. Each move is a row of resident_moves, so the history stays; the household left behind is dissolved
// (archived) when nobody is left in it, and a head must hand over before leaving a household with others in it.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { AppError } from "../../../platform/http/app-error.ts";
import type { MoveResidentInput } from "../registry.contract.ts";
import type { HouseholdRow } from "../registry.model.ts";
import * as repo from "../registry.repository.ts";
import {
  assertMayEdit,
  fieldError,
  type RegistryCtx,
  type RegistryDeps,
  staleVersion,
  targetVillage,
  visibleHousehold,
  visibleResident,
} from "./registry-access.ts";

export type MoveResult = { householdId: string | null; version: number };

export async function moveResident(deps: RegistryDeps, ctx: RegistryCtx, id: string, input: z.infer<typeof MoveResidentInput>): Promise<MoveResult> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const r = await visibleResident(q, ctx, id, true);
    assertMayEdit(ctx.principal, { code: r.villageCode, path: r.unitPath });
    if (r.archivedAt) throw new AppError("conflict", "registry.error.archived");
    if (r.version !== input.version) throw staleVersion(r.version);
    const from = r.householdId ? await repo.lockHousehold(q, r.householdId) : null;
    const others = from ? (await repo.listMembers(q, from.id)).filter((m) => m.id !== r.id) : [];
    if (from && from.headId === r.id && others.length > 0)
      throw new AppError("conflict", "registry.error.headMustChangeFirst", [{ field: "kind", code: "head", message: "registry.error.headMustChangeFirst" }]);

    let to: Pick<HouseholdRow, "id" | "villageCode" | "communeCode" | "unitPath"> | null = null;
    let relation = r.relationToHead;
    if (input.kind === "household") {
      const target = await visibleHousehold(q, ctx, input.toHouseholdId!, true);
      assertMayEdit(ctx.principal, { code: target.villageCode, path: target.unitPath });
      if (target.archivedAt) throw fieldError("toHouseholdId", "registry.error.archived");
      if (target.id === r.householdId) throw fieldError("toHouseholdId", "registry.error.sameHousehold");
      to = target;
      relation = input.relationToHead ?? "other";
      await repo.touchHousehold(q, target.id, now);
    } else if (input.kind === "newHousehold") {
      const village = await targetVillage(deps, ctx.principal, input.toVillageCode!, "toVillageCode");
      const hid = randomUUID();
      await repo.insertHousehold(
        q,
        {
          id: hid,
          communeCode: village.communeCode,
          villageCode: village.code,
          unitPath: village.path,
          address: input.address!,
          poverty: null,
          createdBy: ctx.actor.userId,
        },
        now,
      );
      await repo.setHead(q, hid, r.id);
      to = { id: hid, villageCode: village.code, communeCode: village.communeCode, unitPath: village.path };
      relation = "head";
      await deps.events.publish(q, {
        type: "household.created",
        actor: ctx.actor,
        target: { type: "household", id: hid },
        adminUnitCode: village.communeCode,
        requestId: ctx.requestId,
        details: { villageCode: village.code, members: [r.id], by: "move" },
      });
    }
    const place = to ?? { id: null, villageCode: r.villageCode, communeCode: r.communeCode, unitPath: r.unitPath };
    const ok = await repo.updateResident(
      q,
      r.id,
      input.version,
      {
        ...r,
        householdId: place.id,
        villageCode: place.villageCode,
        communeCode: place.communeCode,
        unitPath: place.unitPath,
        relationToHead: relation,
        archivedAt: null,
        archivedReason: null,
        mergedInto: null,
      },
      now,
    );
    if (!ok) throw staleVersion(r.version);
    await repo.insertMove(
      q,
      {
        residentId: r.id,
        fromHouseholdId: r.householdId,
        toHouseholdId: place.id,
        fromVillageCode: r.householdId ? r.villageCode : null,
        toVillageCode: to ? to.villageCode : null,
        relationToHead: relation,
        reason: input.reason ?? null,
        movedBy: ctx.actor.userId,
      },
      now,
    );
    if (from) await repo.touchHousehold(q, from.id, now, others.length === 0);
    await deps.events.publish(q, {
      type: "resident.moved",
      actor: ctx.actor,
      target: { type: "resident", id: r.id },
      adminUnitCode: place.communeCode,
      requestId: ctx.requestId,
      details: {
        kind: input.kind,
        fromHousehold: r.householdId,
        toHousehold: place.id,
        fromVillage: r.villageCode,
        toVillage: place.villageCode,
        householdLeftEmpty: !!from && others.length === 0,
      },
    });
    return { householdId: place.id, version: input.version + 1 };
  });
}
