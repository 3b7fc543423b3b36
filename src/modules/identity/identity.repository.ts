// The only code that queries users, role_grants, sessions and api_tokens. Unit paths come from
// admin_unit_refs, the view admin-units publishes (migration 0006): identity never reads the unit table itself.
import type { Grant, Principal } from "../../platform/auth/authorise.ts";
import type { Role } from "../../platform/auth/roles.ts";
import { type Queryable, queryPrepared } from "../../platform/db/database.ts";

export type UserRow = {
  id: string;
  username: string;
  displayName: string;
  kind: Principal["kind"];
  email: string | null;
  phone: string | null;
  locale: "vi" | "en" | null;
  homeUnitCode: string | null;
  homeUnitPath: string | null;
  disabledAt: Date | null;
  createdAt: Date;
  passwordHash: string | null;
};

const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.kind, u.email, u.phone, u.locale,
  u.home_unit_code AS "homeUnitCode", hu.path AS "homeUnitPath", u.disabled_at AS "disabledAt", u.created_at AS "createdAt",
  u.password_hash AS "passwordHash"`;
const USER_FROM = "users u LEFT JOIN admin_unit_refs hu ON hu.code = u.home_unit_code";

const GRANTS_JSON = `coalesce((SELECT json_agg(json_build_object('role', g.role, 'unitCode', g.admin_unit_code, 'unitPath', au.path) ORDER BY au.path, g.role)
  FROM role_grants g JOIN admin_unit_refs au ON au.code = g.admin_unit_code WHERE g.user_id = u.id), '[]')`;

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | null> {
  const { rows } = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE lower(u.username) = lower($1)`, [username]);
  return rows[0] ?? null;
}

export async function findUserById(q: Queryable, id: string): Promise<(UserRow & { grants: Grant[] }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const { rows } = await q.query<UserRow & { grants: Grant[] }>(`SELECT ${USER_COLUMNS}, ${GRANTS_JSON} AS grants FROM ${USER_FROM} WHERE u.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function findUserByOidc(q: Queryable, issuer: string, subject: string): Promise<UserRow | null> {
  const { rows } = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE u.oidc_issuer = $1 AND u.oidc_subject = $2`, [issuer, subject]);
  return rows[0] ?? null;
}

export type NewUser = {
  username: string;
  displayName: string;
  kind: Principal["kind"];
  email?: string | null;
  phone?: string | null;
  citizenIdNumber?: string | null;
  passwordHash?: string | null;
  homeUnitCode: string | null;
  oidc?: { issuer: string; subject: string };
};

export async function insertUser(q: Queryable, u: NewUser): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO users (username, display_name, kind, email, phone, citizen_id_number, password_hash, home_unit_code, oidc_issuer, oidc_subject)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
    [
      u.username,
      u.displayName,
      u.kind,
      u.email || null,
      u.phone || null,
      u.citizenIdNumber ?? null,
      u.passwordHash ?? null,
      u.homeUnitCode,
      u.oidc?.issuer ?? null,
      u.oidc?.subject ?? null,
    ],
  );
  return rows[0]!.id;
}

export async function usernameTaken(q: Queryable, username: string): Promise<boolean> {
  const { rowCount } = await q.query("SELECT 1 FROM users WHERE lower(username) = lower($1)", [username]);
  return (rowCount ?? 0) > 0;
}

export async function setPassword(q: Queryable, userId: string, passwordHash: string) {
  await q.query("UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1", [userId, passwordHash]);
}

export async function setDisabled(q: Queryable, userId: string, disabled: boolean) {
  await q.query("UPDATE users SET disabled_at = CASE WHEN $2 THEN now() ELSE NULL END, updated_at = now() WHERE id = $1", [userId, disabled]);
}

export async function setLocale(q: Queryable, userId: string, locale: "vi" | "en") {
  await q.query("UPDATE users SET locale = $2 WHERE id = $1", [userId, locale]);
}

/** Users whose home unit lies inside one of the given subtrees. Keyset on (username). */
export async function listUsers(q: Queryable, opts: { paths: string[]; after: string | null; limit: number; text?: string }) {
  const { rows } = await q.query<UserRow & { grants: Grant[] }>(
    `SELECT ${USER_COLUMNS}, ${GRANTS_JSON} AS grants FROM ${USER_FROM}
     WHERE hu.path LIKE ANY (SELECT p || '%' FROM unnest($1::text[]) p)
       AND ($2::text IS NULL OR lower(u.username) > $2)
       AND ($4::text IS NULL OR lower(u.username || ' ' || u.display_name) LIKE '%' || lower($4) || '%')
     ORDER BY lower(u.username) LIMIT $3`,
    [opts.paths, opts.after, opts.limit, opts.text || null],
  );
  return rows;
}

export async function insertGrant(q: Queryable, userId: string, role: Role, unitCode: string, grantedBy: string | null): Promise<boolean> {
  const res = await q.query(`INSERT INTO role_grants (user_id, role, admin_unit_code, granted_by) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING`, [
    userId,
    role,
    unitCode,
    grantedBy,
  ]);
  return (res.rowCount ?? 0) > 0;
}

export async function deleteGrant(q: Queryable, userId: string, role: Role, unitCode: string): Promise<boolean> {
  const res = await q.query("DELETE FROM role_grants WHERE user_id = $1 AND role = $2 AND admin_unit_code = $3", [userId, role, unitCode]);
  return (res.rowCount ?? 0) > 0;
}

// --- sessions ---------------------------------------------------------------

export async function insertSession(q: Queryable, s: { tokenHash: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null }) {
  await q.query("INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent) VALUES ($1,$2,$3,$4,$5)", [
    s.tokenHash,
    s.userId,
    s.expiresAt,
    s.ip,
    s.userAgent?.slice(0, 300) ?? null,
  ]);
}

/** One query on every signed-in request: the session, its user and the user's grants. */
export async function findPrincipalBySession(q: Queryable, tokenHash: string, now: Date): Promise<(Principal & { lastSeenAt: Date }) | null> {
  const { rows } = await q.query<Principal & { lastSeenAt: Date }>(
    `SELECT u.id AS "userId", u.username, u.display_name AS "displayName", u.kind, u.locale, s.last_seen_at AS "lastSeenAt", ${GRANTS_JSON} AS grants
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
    [tokenHash, now],
  );
  return rows[0] ?? null;
}

export async function touchSession(q: Queryable, tokenHash: string, now: Date) {
  await q.query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1", [tokenHash, now]);
}

export async function deleteSession(q: Queryable, tokenHash: string) {
  await q.query("DELETE FROM sessions WHERE token_hash = $1", [tokenHash]);
}

export async function deleteUserSessions(q: Queryable, userId: string) {
  await q.query("DELETE FROM sessions WHERE user_id = $1", [userId]);
}

export async function deleteExpiredSessions(q: Queryable, now: Date): Promise<number> {
  const res = await q.query("DELETE FROM sessions WHERE expires_at <= $1", [now]);
  return res.rowCount ?? 0;
}

// --- API tokens -----------------------------------------------------------------

export type ApiTokenRow = {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  role: Role;
  adminUnitCode: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};
const TOKEN_COLUMNS = `t.id, t.user_id AS "userId", t.name, t.prefix, t.role, t.admin_unit_code AS "adminUnitCode", t.created_at AS "createdAt",
  t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt", t.revoked_at AS "revokedAt"`;

export async function insertApiToken(
  q: Queryable,
  t: { userId: string; name: string; tokenHash: string; prefix: string; role: Role; adminUnitCode: string; expiresAt: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    "INSERT INTO api_tokens (user_id, name, token_hash, prefix, role, admin_unit_code, expires_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id",
    [t.userId, t.name, t.tokenHash, t.prefix, t.role, t.adminUnitCode, t.expiresAt],
  );
  return rows[0]!.id;
}

export async function listApiTokens(q: Queryable, userId: string): Promise<ApiTokenRow[]> {
  const { rows } = await q.query<ApiTokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens t WHERE t.user_id = $1 ORDER BY t.created_at DESC`, [userId]);
  return rows;
}

export async function revokeApiToken(q: Queryable, userId: string, id: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const res = await q.query("UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL", [id, userId]);
  return (res.rowCount ?? 0) > 0;
}

/** The token's principal carries only the token's own grant, and only while the owner still holds a covering one. */
export async function findPrincipalByToken(q: Queryable, tokenHash: string, now: Date): Promise<(Principal & { lastUsedAt: Date | null }) | null> {
  const { rows } = await queryPrepared<Principal & { lastUsedAt: Date | null }>(
    q,
    "api_token_principal",
    `SELECT u.id AS "userId", u.username, u.display_name AS "displayName", u.kind, u.locale, t.id AS "tokenId", t.last_used_at AS "lastUsedAt",
       json_build_array(json_build_object('role', t.role, 'unitCode', t.admin_unit_code, 'unitPath', au.path)) AS grants
     FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN admin_unit_refs au ON au.code = t.admin_unit_code
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2) AND u.disabled_at IS NULL
       AND EXISTS (SELECT 1 FROM role_grants g JOIN admin_unit_refs gu ON gu.code = g.admin_unit_code
                   WHERE g.user_id = u.id AND g.role = t.role AND au.path LIKE gu.path || '%')`,
    [tokenHash, now],
  );
  return rows[0] ?? null;
}

export async function touchApiToken(q: Queryable, tokenId: string, now: Date): Promise<void> {
  await q.query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1", [tokenId, now]);
}

/** Active users holding a role on the unit or above it (e.g. the specialists a leader may assign). */
export async function listHoldersOfRole(q: Queryable, role: string, unitPath: string): Promise<Array<{ id: string; displayName: string; username: string }>> {
  const { rows } = await q.query<{ id: string; displayName: string; username: string }>(
    `SELECT DISTINCT u.id, u.display_name AS "displayName", u.username
     FROM role_grants g JOIN admin_unit_refs au ON au.code = g.admin_unit_code JOIN users u ON u.id = g.user_id
     WHERE g.role = $1 AND $2 LIKE au.path || '%' AND u.disabled_at IS NULL ORDER BY u.display_name, u.username`,
    [role, unitPath],
  );
  return rows;
}

/** What the account itself knows of a person (from the national SSO's claims or an officer's entry). */
export async function findAccountDetails(
  q: Queryable,
  userId: string,
): Promise<{ displayName: string; phone: string | null; email: string | null; citizenIdNumber: string | null; kind: string } | null> {
  const { rows } = await q.query<{ displayName: string; phone: string | null; email: string | null; citizenIdNumber: string | null; kind: string }>(
    `SELECT display_name AS "displayName", phone, email, citizen_id_number AS "citizenIdNumber", kind FROM users WHERE id = $1`,
    [userId],
  );
  return rows[0] ?? null;
}

/** Kind and state of an account, for modules that hold a user id (phone sign-in, assisted filing). */
export async function findAccountState(q: Queryable, userId: string): Promise<{ kind: Principal["kind"]; disabled: boolean } | null> {
  const { rows } = await q.query<{ kind: Principal["kind"]; disabled: boolean }>("SELECT kind, disabled_at IS NOT NULL AS disabled FROM users WHERE id = $1", [
    userId,
  ]);
  return rows[0] ?? null;
}

/** The citizen ID number an SSO account was created with (the provider's claim); null for any other account. */
export async function findSsoCitizenIdNumber(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string | null }>(
    "SELECT citizen_id_number AS id FROM users WHERE id = $1 AND oidc_issuer IS NOT NULL AND kind = 'citizen'",
    [userId],
  );
  return rows[0]?.id ?? null;
}

/** An active SSO citizen account, other than `exceptUserId`, whose provider vouched for this ID number; null if none. */
export async function findOtherSsoHolderOfCitizenId(q: Queryable, citizenIdNumber: string, exceptUserId: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM users WHERE citizen_id_number = $1 AND oidc_issuer IS NOT NULL AND kind = 'citizen' AND disabled_at IS NULL AND id <> $2
     ORDER BY created_at LIMIT 1`,
    [citizenIdNumber, exceptUserId],
  );
  return rows[0]?.id ?? null;
}

/** Null when the username is taken (ON CONFLICT covers the unique index on lower(username)). */
export async function insertCitizenAccount(q: Queryable, u: { username: string; displayName: string; phone: string }): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO users (username, display_name, kind, phone) VALUES ($1, $2, 'citizen', $3) ON CONFLICT DO NOTHING RETURNING id`,
    [u.username, u.displayName, u.phone],
  );
  return rows[0]?.id ?? null;
}

export async function findDisplayNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; displayName: string }>(`SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
