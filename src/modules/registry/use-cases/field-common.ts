// What the registry's field edits share: who writes (a volunteer or team leader syncing, or the settler of a
// conflict), the answer each gives, and the checks of a person's fields (citizens' phone rule).
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor, EventBus } from "../../../platform/events/domain-events.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { checkPhone } from "../../citizens/index.ts";
import { householdAccess, householdVisibleSql } from "../household-access.ts";

export type FieldWriter = { principal: Principal; actor: Actor; requestId: string | null; events: EventBus };

/** A problem with one field of the item; `field` is relative to the item (e.g. "changes.phone"). */
export type FieldProblem = { outcome: "invalid"; field: string; message: MessageKey; params?: Record<string, string | number> };

export type FieldWriteResult =
  | { outcome: "applied"; householdId: string; version: number }
  | {
      outcome: "conflict";
      householdId: string;
      communeCode: string;
      unitPath: string;
      serverVersion: number;
      /** Every field the device may edit, as the server holds it now. */
      serverState: Record<string, unknown>;
    }
  /** Not visible to the writer, in another commune, or not there: the same answer for all three. */
  | { outcome: "notFound" }
  /** The id the device made is already another record's. */
  | { outcome: "exists"; field: string }
  | FieldProblem;

export const HOUSEHOLD_FIELDS = ["address", "poverty"] as const;
export const RESIDENT_FIELDS = ["fullName", "birthYear", "sex", "phone", "flags", "relationToHead"] as const;
export type HouseholdChanges = { address?: string; poverty?: "poor" | "near_poor" | null };
export type ResidentChanges = {
  fullName?: string;
  birthYear?: number;
  sex?: "male" | "female" | null;
  phone?: string | null;
  flags?: string[];
  relationToHead?: string;
};

/** The writer may change this household: field edit (volunteers, team leaders) or the office's registry edit. */
export const mayEdit = (p: Principal, unit: { code: string; path: string }) => can(p, "registry.fieldEdit", unit) || can(p, "registry.manage", unit);

/** The household, locked for the write, if the writer sees it. */
export async function lockVisibleHousehold(q: Queryable, p: Principal, id: string) {
  const params: unknown[] = [id];
  const visible = householdVisibleSql(householdAccess(p), "h", params);
  const { rows } = await q.query<{
    id: string;
    version: number;
    address: string;
    poverty: string | null;
    commune_code: string;
    village_code: string;
    unit_path: string;
  }>(
    `SELECT h.id, h.version, h.address, h.poverty, h.commune_code, h.village_code, h.unit_path FROM households h
     WHERE h.id = $1 AND h.archived_at IS NULL AND ${visible} FOR UPDATE OF h`,
    params,
  );
  const h = rows[0];
  return h && mayEdit(p, { code: h.village_code, path: h.unit_path }) ? h : null;
}

/** Checks and normalises a person's fields; the phone by the citizens' rule (stored as 0xxxxxxxxx). */
export function checkPerson<T extends ResidentChanges>(fields: T, prefix: string, thisYear: number): { ok: true; value: T } | FieldProblem {
  const value = { ...fields };
  if (value.fullName !== undefined) {
    value.fullName = value.fullName.normalize("NFC").replace(/\s+/g, " ").trim();
    if (!value.fullName) return { outcome: "invalid", field: `${prefix}fullName`, message: "registryField.nameRequired" };
  }
  if (value.birthYear !== undefined && (value.birthYear < 1890 || value.birthYear > thisYear))
    return { outcome: "invalid", field: `${prefix}birthYear`, message: "registryField.birthYear" };
  if (value.phone !== undefined && value.phone !== null && value.phone.trim() !== "") {
    const r = checkPhone(value.phone);
    if (!r.ok) return { outcome: "invalid", field: `${prefix}phone`, message: `citizens.phone.${r.code}` };
    value.phone = r.national;
  } else if (value.phone !== undefined) value.phone = null;
  if (value.flags) value.flags = [...new Set(value.flags)];
  return { ok: true, value };
}

export const cleanAddress = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
