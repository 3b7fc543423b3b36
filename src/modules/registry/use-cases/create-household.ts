// A household entered with its members, the head first: one transaction, so a bad member leaves nothing behind.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { searchKey } from "../../../platform/text/search-key.ts";
import type { createHouseholdInput } from "../registry.contract.ts";
import * as repo from "../registry.repository.ts";
import { assertIdNumberFree, idNumberRace, type RegistryCtx, type RegistryDeps, targetVillage } from "./registry-access.ts";
import { AppError } from "../../../platform/http/app-error.ts";

export type CreateHouseholdInput = z.infer<ReturnType<typeof createHouseholdInput>>;
export type MemberInput = CreateHouseholdInput["members"][number];

/** The resident row's fields from what was entered (the year from the date when there is one). */
export function residentFields(m: Omit<MemberInput, "relationToHead">) {
  return {
    fullName: m.fullName,
    searchName: searchKey(m.fullName),
    birthDate: m.birthDate ?? null,
    birthYear: m.birthDate ? Number(m.birthDate.slice(0, 4)) : (m.birthYear as number),
    sex: m.sex ?? null,
    phone: m.phone ?? null,
    citizenIdNumber: m.citizenIdNumber ?? null,
    ethnicity: m.ethnicity ?? null,
    language: m.language ?? null,
    flags: [...new Set(m.flags ?? [])],
  };
}

export async function createHousehold(deps: RegistryDeps, ctx: RegistryCtx, input: CreateHouseholdInput): Promise<{ id: string; residentIds: string[] }> {
  const village = await targetVillage(deps, ctx.principal, input.villageCode, "villageCode");
  const index = input.members.findIndex((m, i) => !!m.citizenIdNumber && input.members.slice(0, i).some((o) => o.citizenIdNumber === m.citizenIdNumber));
  if (index >= 0) {
    throw new AppError("validation", "error.validation", [
      { field: `members.${index}.citizenIdNumber`, code: "duplicate", message: "registry.error.idNumberTwice" },
    ]);
  }
  const now = deps.clock.now();
  const id = randomUUID();
  const residentIds = input.members.map(() => randomUUID());
  const actorId = ctx.actor.userId;
  try {
    await deps.db.tx(async (q) => {
      for (const [i, m] of input.members.entries()) await assertIdNumberFree(q, m.citizenIdNumber, null, `members.${i}.citizenIdNumber`);
      await repo.insertHousehold(
        q,
        {
          id,
          communeCode: village.communeCode,
          villageCode: village.code,
          unitPath: village.path,
          address: input.address,
          poverty: input.poverty ?? null,
          createdBy: actorId,
        },
        now,
      );
      for (const [i, m] of input.members.entries()) {
        await repo.insertResident(
          q,
          {
            id: residentIds[i]!,
            householdId: id,
            communeCode: village.communeCode,
            villageCode: village.code,
            unitPath: village.path,
            relationToHead: i === 0 ? "head" : m.relationToHead,
            ...residentFields(m),
            createdBy: actorId,
          },
          now,
        );
      }
      await repo.setHead(q, id, residentIds[0]!);
      await deps.events.publish(q, {
        type: "household.created",
        actor: ctx.actor,
        target: { type: "household", id },
        adminUnitCode: village.communeCode,
        requestId: ctx.requestId,
        details: { villageCode: village.code, members: residentIds },
      });
      for (const rid of residentIds) {
        await deps.events.publish(q, {
          type: "resident.created",
          actor: ctx.actor,
          target: { type: "resident", id: rid },
          adminUnitCode: village.communeCode,
          requestId: ctx.requestId,
          details: { householdId: id },
        });
      }
    });
  } catch (err) {
    idNumberRace(err);
  }
  return { id, residentIds };
}
