// The registry's read model as the API answers it (dates as ISO strings, who moved someone by name).
import type { z } from "@hono/zod-openapi";
import type { Queryable } from "../../platform/db/database.ts";
import { displayNames } from "../identity/index.ts";
import type { HouseholdOut, MoveOut, ResidentOut, ResidentSummaryOut, SearchItemOut } from "./registry.contract.ts";
import type { HouseholdView, MoveRow, ResidentRow, ResidentView, SearchRow } from "./registry.model.ts";

export function presentSummary(r: ResidentRow): z.infer<typeof ResidentSummaryOut> {
  return {
    id: r.id,
    householdId: r.householdId,
    fullName: r.fullName,
    birthYear: r.birthYear,
    birthDate: r.birthDate,
    sex: r.sex,
    relationToHead: r.relationToHead,
    phone: r.phone,
    citizenIdNumber: r.citizenIdNumber,
    flags: r.flags,
    villageCode: r.villageCode,
    version: r.version,
    archived: r.archivedAt !== null,
  };
}

export const moverIds = (moves: MoveRow[]) => moves.map((m) => m.movedBy);
export const moverNames = (q: Queryable, moves: MoveRow[]) => displayNames(q, moverIds(moves));

export function presentMove(m: MoveRow, names: Map<string, string>): z.infer<typeof MoveOut> {
  return {
    residentId: m.residentId,
    residentName: m.residentName,
    fromHouseholdId: m.fromHouseholdId,
    toHouseholdId: m.toHouseholdId,
    fromVillageCode: m.fromVillageCode,
    toVillageCode: m.toVillageCode,
    relationToHead: m.relationToHead,
    reason: m.reason,
    movedAt: new Date(m.movedAt).toISOString(),
    movedBy: m.movedBy ? (names.get(m.movedBy) ?? null) : null,
  };
}

export function presentHousehold(v: HouseholdView, names: Map<string, string>): z.infer<typeof HouseholdOut> {
  const h = v.household;
  return {
    id: h.id,
    communeCode: h.communeCode,
    villageCode: h.villageCode,
    address: h.address,
    poverty: h.poverty,
    headId: h.headId,
    version: h.version,
    archived: h.archivedAt !== null,
    members: v.members.map(presentSummary),
    moves: v.moves.map((m) => presentMove(m, names)),
  };
}

export function presentResident(v: ResidentView, names: Map<string, string>): z.infer<typeof ResidentOut> {
  const r = v.resident;
  return {
    ...presentSummary(r),
    communeCode: r.communeCode,
    ethnicity: r.ethnicity,
    language: r.language,
    householdAddress: v.household?.address ?? null,
    archivedReason: r.archivedReason,
    mergedInto: r.mergedInto,
    moves: v.moves.map((m) => presentMove(m, names)),
  };
}

export function presentSearchItem(r: SearchRow): z.infer<typeof SearchItemOut> {
  return { ...presentSummary(r), householdAddress: r.householdAddress, headName: r.headName, poverty: r.poverty };
}
