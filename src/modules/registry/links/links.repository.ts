// SQL of enter once: residents matched to citizen accounts, the links proposed and decided, and the household a
// linked citizen sees. Only registry tables; who may see a household is the caller's `householdVisibleSql`.
import type { Queryable } from "../../../platform/db/database.ts";
import type { ResidentRow as RegistryResident, ResidentCore } from "../registry.model.ts";

export type LinkStatus = "proposed" | "confirmed" | "rejected";
export type MatchedOn = "id_number" | "phone";

export type LinkRow = {
  id: string;
  residentId: string;
  userId: string;
  matchedOn: MatchedOn;
  status: LinkStatus;
  decidedHow: "citizen" | "officer" | null;
  decidedBy: string | null;
  proposedAt: Date;
  decidedAt: Date | null;
};

const LINK_COLUMNS = `l.id, l.resident_id AS "residentId", l.user_id AS "userId", l.matched_on AS "matchedOn", l.status,
  l.decided_how AS "decidedHow", l.decided_by AS "decidedBy", l.proposed_at AS "proposedAt", l.decided_at AS "decidedAt"`;

export type ResidentRow = ResidentCore & Pick<RegistryResident, "userId"> & { relationToHead: string; address: string | null };

const RESIDENT_COLUMNS = `r.id, r.household_id AS "householdId", r.commune_code AS "communeCode", r.village_code AS "villageCode",
  r.unit_path AS "unitPath", r.relation_to_head AS "relationToHead", r.full_name AS "fullName", r.search_name AS "searchName",
  to_char(r.birth_date, 'YYYY-MM-DD') AS "birthDate", r.birth_year AS "birthYear", r.sex, r.phone,
  r.citizen_id_number AS "citizenIdNumber", r.user_id AS "userId", h.address`;

/** Residents with no account yet whose ID number (or, failing that, phone) is the given verified one. */
export async function findUnlinkedMatches(q: Queryable, contacts: { citizenIdNumber: string | null; phone: string | null }, limit: number) {
  const { rows } = await q.query<{ id: string; communeCode: string; matchedOn: MatchedOn }>(
    `SELECT r.id, r.commune_code AS "communeCode",
            CASE WHEN $1::text IS NOT NULL AND r.citizen_id_number = $1 THEN 'id_number' ELSE 'phone' END AS "matchedOn"
     FROM residents r
     WHERE r.archived_at IS NULL AND r.user_id IS NULL AND r.household_id IS NOT NULL
       AND ((r.citizen_id_number = $1) OR (r.phone = $2 AND (r.citizen_id_number IS NULL OR $1::text IS NULL OR r.citizen_id_number = $1)))
     ORDER BY (r.citizen_id_number = $1) DESC NULLS LAST, r.birth_year, r.id
     LIMIT $3`,
    [contacts.citizenIdNumber, contacts.phone, limit],
  );
  return rows;
}

/** A link proposed once per resident and account: a rejected one is never proposed again. */
export async function insertProposal(q: Queryable, residentId: string, userId: string, matchedOn: MatchedOn, now: Date): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO resident_account_links (resident_id, user_id, matched_on, proposed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (resident_id, user_id) DO NOTHING RETURNING id`,
    [residentId, userId, matchedOn, now],
  );
  return rows[0]?.id ?? null;
}

/** The resident this account is linked to, if any (one account, one resident). */
export async function findResidentOfUser(q: Queryable, userId: string): Promise<ResidentRow | null> {
  const { rows } = await q.query<ResidentRow>(
    `SELECT ${RESIDENT_COLUMNS} FROM residents r LEFT JOIN households h ON h.id = r.household_id WHERE r.user_id = $1`,
    [userId],
  );
  return rows[0] ?? null;
}

export async function findResident(q: Queryable, id: string, forUpdate = false): Promise<ResidentRow | null> {
  const { rows } = await q.query<ResidentRow>(
    `SELECT ${RESIDENT_COLUMNS} FROM residents r LEFT JOIN households h ON h.id = r.household_id WHERE r.id = $1${forUpdate ? " FOR UPDATE OF r" : ""}`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * A resident the caller may see: its current household passes `visibleWhere` (householdVisibleSql over alias `h`,
 * with `params` already holding its parameters). Archived residents and those who left the commune are not found.
 */
export async function findVisibleResident(q: Queryable, id: string, visibleWhere: string, params: unknown[]): Promise<ResidentRow | null> {
  const all = [...params, id];
  const { rows } = await q.query<ResidentRow>(
    `SELECT ${RESIDENT_COLUMNS} FROM residents r JOIN households h ON h.id = r.household_id AND h.archived_at IS NULL
     WHERE r.id = $${all.length} AND r.archived_at IS NULL AND ${visibleWhere}`,
    all,
  );
  return rows[0] ?? null;
}

export type MemberRow = { id: string; fullName: string; relationToHead: string; birthYear: number; isHead: boolean };

/** A household's current members: names, relations and birth years only (what a member may know of the others). */
export async function listMembers(q: Queryable, householdId: string): Promise<MemberRow[]> {
  const { rows } = await q.query<MemberRow>(
    `SELECT r.id, r.full_name AS "fullName", r.relation_to_head AS "relationToHead", r.birth_year AS "birthYear", (h.head_id = r.id) AS "isHead"
     FROM residents r JOIN households h ON h.id = r.household_id
     WHERE r.household_id = $1 AND r.archived_at IS NULL
     ORDER BY (h.head_id = r.id) DESC, r.birth_year, r.full_name`,
    [householdId],
  );
  return rows;
}

export async function findLink(q: Queryable, id: string, forUpdate = false): Promise<LinkRow | null> {
  const { rows } = await q.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM resident_account_links l WHERE l.id = $1${forUpdate ? " FOR UPDATE" : ""}`, [id]);
  return rows[0] ?? null;
}

/** Links of an account that are still waiting, with what the person is shown to recognise themselves. */
export async function listProposalsOfUser(q: Queryable, userId: string) {
  const { rows } = await q.query<LinkRow & { fullName: string; birthYear: number; address: string; villageCode: string }>(
    `SELECT ${LINK_COLUMNS}, r.full_name AS "fullName", r.birth_year AS "birthYear", h.address, h.village_code AS "villageCode"
     FROM resident_account_links l
     JOIN residents r ON r.id = l.resident_id AND r.archived_at IS NULL AND r.user_id IS NULL
     JOIN households h ON h.id = r.household_id AND h.archived_at IS NULL
     WHERE l.user_id = $1 AND l.status = 'proposed'
     ORDER BY l.proposed_at, l.id`,
    [userId],
  );
  return rows;
}

export async function listLinksOfResident(q: Queryable, residentId: string): Promise<LinkRow[]> {
  const { rows } = await q.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM resident_account_links l WHERE l.resident_id = $1 ORDER BY l.proposed_at DESC, l.id`, [
    residentId,
  ]);
  return rows;
}

export async function decideLink(q: Queryable, id: string, status: "confirmed" | "rejected", how: "citizen" | "officer", by: string, now: Date) {
  await q.query("UPDATE resident_account_links SET status = $2, decided_how = $3, decided_by = $4, decided_at = $5 WHERE id = $1", [id, status, how, by, now]);
}

/** Once a link is confirmed, the other proposals of the same resident or the same account can no longer hold. */
export async function closeOtherProposals(q: Queryable, link: LinkRow, how: "citizen" | "officer", by: string, now: Date) {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE resident_account_links SET status = 'rejected', decided_how = $3, decided_by = $4, decided_at = $5
     WHERE status = 'proposed' AND id <> $1 AND (resident_id = $2 OR user_id = $6) RETURNING id`,
    [link.id, link.residentId, how, by, now, link.userId],
  );
  return rows.map((r) => r.id);
}

export async function setResidentUser(q: Queryable, residentId: string, userId: string, now: Date) {
  await q.query("UPDATE residents SET user_id = $2, version = version + 1, updated_at = $3 WHERE id = $1", [residentId, userId, now]);
}

/**
 * The account's verified contacts become the resident's: a phone proven by a code beats a typed one; an ID number
 * from the SSO or the card fills an empty one, unless another current resident already holds it (an officer merges).
 */
export async function takeVerifiedContacts(q: Queryable, residentId: string, contacts: { phone: string | null; citizenIdNumber: string | null }, now: Date) {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE residents r SET
       phone = coalesce($2, r.phone),
       citizen_id_number = CASE WHEN r.citizen_id_number IS NULL AND $3::text IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM residents o WHERE o.citizen_id_number = $3 AND o.archived_at IS NULL AND o.id <> r.id)
         THEN $3 ELSE r.citizen_id_number END,
       version = r.version + 1, updated_at = $4
     WHERE r.id = $1
       AND (r.phone IS DISTINCT FROM coalesce($2, r.phone)
         OR (r.citizen_id_number IS NULL AND $3::text IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM residents o WHERE o.citizen_id_number = $3 AND o.archived_at IS NULL AND o.id <> r.id)))
     RETURNING r.id`,
    [residentId, contacts.phone, contacts.citizenIdNumber, now],
  );
  return rows.length > 0;
}

/** One decision at a time per account: two confirmations for one account must not both pass the checks. */
export async function lockAccountLinks(q: Queryable, userId: string) {
  await q.query("SELECT pg_advisory_xact_lock(hashtext('resident-link:' || $1::text))", [userId]);
}
