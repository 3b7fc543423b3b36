// SQL of notices' preferences part: notice_preferences, notice_consents and notice_sms_inbound (owned by notices),
// and the registry's published view resident_contact_refs (read only).
import type { Queryable } from "../../../platform/db/database.ts";
import type { PreferenceColumns } from "./choice.ts";

export type PreferenceKeys = { phone: string | null; userId: string | null; residentId: string | null };
export type PreferenceRow = PreferenceKeys & PreferenceColumns & { id: string };

const COLUMNS = `id, phone, user_id AS "userId", resident_id AS "residentId", channels_off AS "channelsOff",
  channels_on AS "channelsOn", categories_off AS "categoriesOff"`;

/** Every row that matches the person by any of their keys (none given: none). */
export async function matchingRows(q: Queryable, keys: Partial<PreferenceKeys>, opts: { lock?: boolean } = {}): Promise<PreferenceRow[]> {
  if (!keys.phone && !keys.userId && !keys.residentId) return [];
  const { rows } = await q.query<PreferenceRow>(
    `SELECT ${COLUMNS} FROM notice_preferences
      WHERE ($1::text IS NOT NULL AND phone = $1) OR ($2::uuid IS NOT NULL AND user_id = $2) OR ($3::uuid IS NOT NULL AND resident_id = $3)
      ORDER BY updated_at${opts.lock ? " FOR UPDATE" : ""}`,
    [keys.phone ?? null, keys.userId ?? null, keys.residentId ?? null],
  );
  return rows;
}

export async function insertPreference(q: Queryable, keys: PreferenceKeys, cols: PreferenceColumns, now: Date): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO notice_preferences (phone, user_id, resident_id, channels_off, channels_on, categories_off, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [keys.phone, keys.userId, keys.residentId, cols.channelsOff, cols.channelsOn, cols.categoriesOff, now],
  );
  return rows[0]!.id;
}

export async function updatePreference(q: Queryable, id: string, keys: PreferenceKeys, cols: PreferenceColumns, now: Date): Promise<void> {
  await q.query(
    `UPDATE notice_preferences SET phone = $2, user_id = $3, resident_id = $4, channels_off = $5, channels_on = $6, categories_off = $7,
       updated_at = $8 WHERE id = $1`,
    [id, keys.phone, keys.userId, keys.residentId, cols.channelsOff, cols.channelsOn, cols.categoriesOff, now],
  );
}

/** Folds one row into another: its consent history moves with it, so nothing of the record is lost. */
export async function mergeInto(q: Queryable, keepId: string, goneId: string): Promise<void> {
  await q.query("UPDATE notice_consents SET preference_id = $1 WHERE preference_id = $2", [keepId, goneId]);
  await q.query("DELETE FROM notice_preferences WHERE id = $1", [goneId]);
}

export async function insertConsent(
  q: Queryable,
  c: { preferenceId: string; method: string; recordedBy: string | null; change: Record<string, unknown>; note: string | null; at: Date },
): Promise<void> {
  await q.query("INSERT INTO notice_consents (preference_id, method, recorded_by, change, note, at) VALUES ($1, $2, $3, $4, $5, $6)", [
    c.preferenceId,
    c.method,
    c.recordedBy,
    JSON.stringify(c.change),
    c.note,
    c.at,
  ]);
}

export type ConsentRow = { at: Date; method: string; recordedBy: string | null; note: string | null; change: Record<string, unknown> };

/** The consent entries of these rows, newest first (one per save, even when a save wrote several rows). */
export async function consentHistory(q: Queryable, preferenceIds: readonly string[], limit = 100): Promise<ConsentRow[]> {
  if (preferenceIds.length === 0) return [];
  const { rows } = await q.query<ConsentRow>(
    `SELECT DISTINCT ON (at, method, change) at, method, recorded_by AS "recordedBy", note, change
       FROM notice_consents WHERE preference_id = ANY($1::uuid[]) ORDER BY at DESC, method, change, id LIMIT $2`,
    [preferenceIds, limit],
  );
  return rows;
}

// ── the registry's residents (published view) ─────────────────────────────────────────────────────────────────────
export type ResidentContact = { id: string; communeCode: string; villageCode: string; unitPath: string; fullName: string; phone: string | null };

const RESIDENT = `id, commune_code AS "communeCode", village_code AS "villageCode", unit_path AS "unitPath", full_name AS "fullName", phone`;

/** A resident in one of the scope's units (path prefixes), or null (unknown, archived or elsewhere alike). */
export async function residentInScope(q: Queryable, id: string, paths: readonly string[]): Promise<ResidentContact | null> {
  if (paths.length === 0) return null;
  const { rows } = await q.query<ResidentContact>(
    `SELECT ${RESIDENT} FROM resident_contact_refs WHERE id = $1 AND archived_at IS NULL AND unit_path LIKE ANY($2::text[])`,
    [id, paths.map((p) => `${p}%`)],
  );
  return rows[0] ?? null;
}

/** Residents of the scope with this phone (stored 0xxxxxxxxx in the registry). */
export async function residentsByPhone(q: Queryable, national: string, paths: readonly string[]): Promise<ResidentContact[]> {
  if (paths.length === 0) return [];
  const { rows } = await q.query<ResidentContact>(
    `SELECT ${RESIDENT} FROM resident_contact_refs WHERE phone = $1 AND archived_at IS NULL AND unit_path LIKE ANY($2::text[])
      ORDER BY full_name LIMIT 20`,
    [national, paths.map((p) => `${p}%`)],
  );
  return rows;
}

// Vietnamese letters to their base letter, for a name search typed with or without diacritics.
const FOLD_FROM: string = Array.from({ length: 0x1ef9 - 0xc0 + 1 }, (_, i) => String.fromCodePoint(0xc0 + i))
  .filter((ch) => /^[A-Za-z]$/.test(ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "")) && ch.normalize("NFD").length > 1)
  .join("")
  .concat("Đđ");
const FOLD_TO: string = [...FOLD_FROM].map((ch) => (ch === "Đ" || ch === "đ" ? "d" : ch.normalize("NFD")[0]!.toLowerCase())).join("");

/** Residents of the scope whose name contains the folded words (at most `limit`). */
export async function searchResidents(q: Queryable, folded: string, paths: readonly string[], limit = 30): Promise<ResidentContact[]> {
  if (paths.length === 0 || !folded) return [];
  const { rows } = await q.query<ResidentContact>(
    `SELECT ${RESIDENT} FROM resident_contact_refs
      WHERE archived_at IS NULL AND unit_path LIKE ANY($2::text[]) AND lower(translate(full_name, $3, $4)) LIKE '%' || $1 || '%'
      ORDER BY full_name LIMIT $5`,
    [folded.replace(/[\\%_]/g, ""), paths.map((p) => `${p}%`), FOLD_FROM, FOLD_TO, limit],
  );
  return rows;
}

// ── SMS replies received ──────────────────────────────────────────────────────────────────────────────────────────
export type InboundRow = { id: string; outcome: string | null; reply: string | null };

/** Claims a message: null when it was received before (the earlier row is returned by findInbound). */
export async function claimInbound(q: Queryable, m: { dedupeKey: string; phone: string; text: string; at: Date }): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO notice_sms_inbound (dedupe_key, phone, text, received_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id::text`,
    [m.dedupeKey, m.phone, m.text, m.at],
  );
  return rows[0]?.id ?? null;
}

export async function findInbound(q: Queryable, dedupeKey: string): Promise<InboundRow | null> {
  const { rows } = await q.query<InboundRow>("SELECT id::text, outcome, reply FROM notice_sms_inbound WHERE dedupe_key = $1", [dedupeKey]);
  return rows[0] ?? null;
}

export async function finishInbound(q: Queryable, id: string, outcome: string, reply: string | null): Promise<void> {
  await q.query("UPDATE notice_sms_inbound SET outcome = $2, reply = $3 WHERE id = $1::bigint", [id, outcome, reply]);
}

/** A keyword handler failed: the claim goes, so the gateway's retry runs it again. */
export async function releaseInbound(q: Queryable, id: string): Promise<void> {
  await q.query("DELETE FROM notice_sms_inbound WHERE id = $1::bigint AND outcome IS NULL", [id]);
}
