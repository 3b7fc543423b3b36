// The only code that queries citizen_profiles, phone_codes and vault_items.
import type { Queryable } from "../../platform/db/database.ts";
import type { VaultItemRecord } from "./vault-item.ts";

export type ProfileRow = {
  userId: string;
  fullName: string;
  birthDate: string | null;
  citizenIdNumber: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** The number proven by an SMS code: it signs in and receives SMS. `phone` is only what prefills forms. */
  verifiedPhone: string | null;
  updatedAt: Date;
};

const PROFILE_COLUMNS = `user_id AS "userId", full_name AS "fullName", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate",
  citizen_id_number AS "citizenIdNumber", address, phone, email, verified_phone AS "verifiedPhone", updated_at AS "updatedAt"`;

export async function findProfile(q: Queryable, userId: string): Promise<ProfileRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const { rows } = await q.query<ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM citizen_profiles WHERE user_id = $1`, [userId]);
  return rows[0] ?? null;
}

/** Whose profile has proven this phone by a code (a verified phone is unique across profiles; a typed one is not). */
export async function verifiedPhoneOwner(q: Queryable, phone: string): Promise<string | null> {
  const { rows } = await q.query<{ userId: string }>(`SELECT user_id AS "userId" FROM citizen_profiles WHERE verified_phone = $1`, [phone]);
  return rows[0]?.userId ?? null;
}

/** Saves what the person typed; the verified phone is left alone (only a code changes it). */
export async function upsertProfile(q: Queryable, p: Omit<ProfileRow, "updatedAt" | "verifiedPhone">, now: Date): Promise<ProfileRow> {
  const { rows } = await q.query<ProfileRow>(
    `INSERT INTO citizen_profiles (user_id, full_name, birth_date, citizen_id_number, address, phone, email, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (user_id) DO UPDATE SET full_name = EXCLUDED.full_name, birth_date = EXCLUDED.birth_date,
       citizen_id_number = EXCLUDED.citizen_id_number, address = EXCLUDED.address, phone = EXCLUDED.phone,
       email = EXCLUDED.email, updated_at = EXCLUDED.updated_at
     RETURNING ${PROFILE_COLUMNS}`,
    [p.userId, p.fullName, p.birthDate, p.citizenIdNumber, p.address, p.phone, p.email, now],
  );
  return rows[0]!;
}

/** A code sent to the phone was entered: the number becomes the profile's verified one (and its typed one). */
export async function markPhoneVerified(q: Queryable, userId: string, phone: string, now: Date): Promise<ProfileRow> {
  const { rows } = await q.query<ProfileRow>(
    `UPDATE citizen_profiles SET verified_phone = $2, phone = $2, phone_verified_at = $3, updated_at = $3 WHERE user_id = $1 RETURNING ${PROFILE_COLUMNS}`,
    [userId, phone, now],
  );
  return rows[0]!;
}

// --- the ID number an officer checked on the card ------------------------------------------

/** The number an officer read from this account's ID card, or null. */
export async function findCheckedCitizenIdNumber(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string | null }>("SELECT verified_citizen_id_number AS id FROM citizen_profiles WHERE user_id = $1", [userId]);
  return rows[0]?.id ?? null;
}

/** Which profile an officer checked this ID number for (a verified number is unique across profiles). */
export async function checkedCitizenIdOwner(q: Queryable, citizenIdNumber: string): Promise<string | null> {
  const { rows } = await q.query<{ userId: string }>(`SELECT user_id AS "userId" FROM citizen_profiles WHERE verified_citizen_id_number = $1`, [
    citizenIdNumber,
  ]);
  return rows[0]?.userId ?? null;
}

/** Serialises checks of one ID number, so two desks cannot give it to two accounts at once. */
export async function lockCitizenId(q: Queryable, citizenIdNumber: string): Promise<void> {
  await q.query("SELECT pg_advisory_xact_lock(hashtext('citizen-id:' || $1))", [citizenIdNumber]);
}

/**
 * An officer read the number from the card: it becomes the profile's verified ID number (and its typed one), with
 * who checked it, when and where. False when the number is another profile's (the unique index).
 */
export async function markCitizenIdChecked(
  q: Queryable,
  c: { userId: string; citizenIdNumber: string; by: string; unitCode: string; now: Date },
): Promise<boolean> {
  const res = await q.query(
    `UPDATE citizen_profiles SET verified_citizen_id_number = $2, citizen_id_number = $2, citizen_id_verified_at = $3,
       citizen_id_verified_by = $4, citizen_id_verified_unit = $5, updated_at = $3
     WHERE user_id = $1 AND NOT EXISTS (SELECT 1 FROM citizen_profiles o WHERE o.verified_citizen_id_number = $2 AND o.user_id <> $1)`,
    [c.userId, c.citizenIdNumber, c.now, c.by, c.unitCode],
  );
  return (res.rowCount ?? 0) > 0;
}

// --- phone sign-in ------------------------------------------------------------------

/** Serialises sign-ins of one phone so two tabs cannot create two accounts. */
export async function lockPhone(q: Queryable, phone: string): Promise<void> {
  await q.query("SELECT pg_advisory_xact_lock(hashtext('phone-signin:' || $1))", [phone]);
}

export async function insertPhoneCode(q: Queryable, c: { phone: string; codeHash: string; expiresAt: Date; now: Date }): Promise<string> {
  const { rows } = await q.query<{ id: string }>("INSERT INTO phone_codes (phone, code_hash, expires_at, created_at) VALUES ($1, $2, $3, $4) RETURNING id", [
    c.phone,
    c.codeHash,
    c.expiresAt,
    c.now,
  ]);
  return rows[0]!.id;
}

/** The newest unused, unexpired code of a phone: asking again replaces the previous code. */
export async function latestLiveCode(q: Queryable, phone: string, now: Date): Promise<{ id: string; codeHash: string; attempts: number } | null> {
  const { rows } = await q.query<{ id: string; codeHash: string; attempts: number }>(
    `SELECT id, code_hash AS "codeHash", attempts FROM phone_codes
     WHERE phone = $1 AND used_at IS NULL AND expires_at > $2 ORDER BY created_at DESC, id LIMIT 1`,
    [phone, now],
  );
  return rows[0] ?? null;
}

/** Counts an attempt before comparing, atomically, so parallel guesses cannot exceed the limit: its number, or null once spent. */
export async function takeAttempt(q: Queryable, id: string, max: number): Promise<number | null> {
  const { rows } = await q.query<{ attempts: number }>("UPDATE phone_codes SET attempts = attempts + 1 WHERE id = $1 AND attempts < $2 RETURNING attempts", [
    id,
    max,
  ]);
  return rows[0]?.attempts ?? null;
}

/** True for the one caller that uses the code; a second, parallel use of the same code gets false. */
export async function markCodeUsed(q: Queryable, id: string, now: Date): Promise<boolean> {
  const res = await q.query("UPDATE phone_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL", [id, now]);
  return (res.rowCount ?? 0) > 0;
}

// --- vault ------------------------------------------------------------------------------

// The file's name, type and size are the file store's (readFilesMeta): a list never reads the bytes.
const VAULT_COLUMNS = `id, user_id AS "userId", file_id AS "fileId", title, kind, document_type AS "documentType",
  source_dossier_id AS "sourceDossierId", created_at AS "createdAt"`;

/** One item per person and content: a file whose content the vault holds already gives the existing item (added: false). */
export async function insertVaultItem(
  q: Queryable,
  v: {
    userId: string;
    fileId: string;
    contentSha256: string;
    title: string;
    kind: "upload" | "result";
    documentType: string | null;
    sourceDossierId: string | null;
    now: Date | null;
  },
): Promise<{ id: string; added: boolean }> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO vault_items (user_id, file_id, content_sha256, title, kind, document_type, source_dossier_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, now()))
     ON CONFLICT (user_id, content_sha256) DO NOTHING RETURNING id`,
    [v.userId, v.fileId, v.contentSha256, v.title, v.kind, v.documentType, v.sourceDossierId, v.now],
  );
  if (rows[0]) return { id: rows[0].id, added: true };
  const same = await q.query<{ id: string }>("SELECT id FROM vault_items WHERE user_id = $1 AND content_sha256 = $2", [v.userId, v.contentSha256]);
  return { id: same.rows[0]!.id, added: false };
}

export async function listVaultItems(q: Queryable, userId: string, limit: number): Promise<VaultItemRecord[]> {
  const { rows } = await q.query<VaultItemRecord>(`SELECT ${VAULT_COLUMNS} FROM vault_items WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [
    userId,
    limit,
  ]);
  return rows;
}

/** The item only when it belongs to userId: another person's item looks exactly like a missing one. */
export async function findVaultItem(q: Queryable, userId: string, id: string): Promise<VaultItemRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const { rows } = await q.query<VaultItemRecord>(`SELECT ${VAULT_COLUMNS} FROM vault_items WHERE id = $1 AND user_id = $2`, [id, userId]);
  return rows[0] ?? null;
}

export async function deleteVaultItem(q: Queryable, userId: string, id: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const res = await q.query("DELETE FROM vault_items WHERE id = $1 AND user_id = $2", [id, userId]);
  return (res.rowCount ?? 0) > 0;
}
