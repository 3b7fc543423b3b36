// The Open311 part's own SQL: the requests it may show, the communes and villages it names, and the
// registered clients with their hashed keys. Reads of unit names go through the published view admin_unit_refs.
import type { Queryable } from "../../../platform/db/database.ts";
import type { CategoryFields } from "../categories/default-categories.ts";
import type { ReportStatus } from "../reports.model.ts";

/** A category as Open311 presents it (from the categories part's activeCategoriesIn: the one rule). */
export type ServiceRow = CategoryFields & {
  id: string;
  attributes: unknown;
  /** The province's row (the group) or the commune's own. */
  fromProvince: boolean;
};

export type CommuneRef = { code: string; provinceCode: string; name: string; path: string };

/** A commune of a served province, or null. */
export async function findCommune(q: Queryable, code: string, servedProvinces: readonly string[]): Promise<CommuneRef | null> {
  const { rows } = await q.query<CommuneRef>(
    `SELECT code, split_part(path, '/', 2) AS "provinceCode", name, path FROM admin_unit_refs
     WHERE code = $1 AND level = 'commune' AND split_part(path, '/', 2) = ANY($2::text[])`,
    [code, servedProvinces],
  );
  return rows[0] ?? null;
}

/** Up to two communes of the served provinces: one means jurisdiction_id may be left out. */
export async function someCommunes(q: Queryable, servedProvinces: readonly string[]): Promise<CommuneRef[]> {
  const { rows } = await q.query<CommuneRef>(
    `SELECT code, split_part(path, '/', 2) AS "provinceCode", name, path FROM admin_unit_refs
     WHERE level = 'commune' AND split_part(path, '/', 2) = ANY($1::text[]) ORDER BY code LIMIT 2`,
    [servedProvinces],
  );
  return rows;
}

/** A village of the commune (Open311's address_id is a village code), or null. */
export async function findVillage(q: Queryable, communeCode: string, code: string): Promise<{ code: string; name: string } | null> {
  const { rows } = await q.query<{ code: string; name: string }>(
    "SELECT code, name FROM admin_unit_refs WHERE code = $1 AND parent_code = $2 AND level = 'village'",
    [code, communeCode],
  );
  return rows[0] ?? null;
}

export type RequestRow = {
  id: string;
  code: string;
  status: ReportStatus;
  statusNote: string | null;
  rejectReason: string | null;
  answer: string | null;
  description: string;
  landmark: string;
  villageName: string | null;
  lat: number | null;
  lon: number | null;
  serviceCode: string;
  serviceNameVi: string;
  serviceNameEn: string;
  responsibleUnit: string;
  timeLimitDays: number;
  dueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  open311Token: string | null;
  /** The first public photo of the report, if any. */
  photoId: string | null;
};

const REQUEST_COLUMNS = `r.id, r.code, r.status, r.status_note AS "statusNote", r.reject_reason AS "rejectReason", r.answer, r.description,
  r.landmark, v.name AS "villageName", r.lat, r.lon, c.code AS "serviceCode", c.name_vi AS "serviceNameVi", c.name_en AS "serviceNameEn",
  c.responsible_unit AS "responsibleUnit", c.time_limit_days AS "timeLimitDays", r.due_at AS "dueAt", r.created_at AS "createdAt",
  r.updated_at AS "updatedAt", r.closed_at AS "closedAt", r.open311_token AS "open311Token",
  (SELECT p.id FROM report_photos p WHERE p.report_id = r.id AND p.stage = 'report' AND p.hidden_at IS NULL
   ORDER BY p.created_at, p.id LIMIT 1) AS "photoId"`;

const REQUEST_FROM = `FROM reports r JOIN report_categories c ON c.id = r.category_id LEFT JOIN admin_unit_refs v ON v.code = r.village_code`;

/** Public (shown on the public page, not hidden, not rejected), or posted by this client. */
function visibleTo(clientId: string | null, params: unknown[]): string {
  const open = "(r.public AND r.hidden_at IS NULL AND r.status <> 'rejected')";
  if (!clientId) return open;
  params.push(clientId);
  return `(${open} OR r.open311_client_id = $${params.length}::uuid)`;
}

export type RequestFilter = {
  communeCode: string;
  clientId: string | null;
  codes?: string[];
  serviceCodes?: string[];
  from?: Date;
  to?: Date;
  statuses?: ReportStatus[];
  limit: number;
};

export async function listRequests(q: Queryable, f: RequestFilter): Promise<RequestRow[]> {
  const params: unknown[] = [f.communeCode];
  const where = ["r.commune_code = $1", visibleTo(f.clientId, params)];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (f.codes) add((n) => `r.code = ANY($${n}::text[])`, f.codes);
  else {
    if (f.serviceCodes) add((n) => `c.code = ANY($${n}::text[])`, f.serviceCodes);
    if (f.from) add((n) => `r.created_at >= $${n}`, f.from);
    if (f.to) add((n) => `r.created_at <= $${n}`, f.to);
    if (f.statuses) add((n) => `r.status = ANY($${n}::text[])`, f.statuses);
  }
  params.push(f.limit);
  const { rows } = await q.query<RequestRow>(
    `SELECT ${REQUEST_COLUMNS} ${REQUEST_FROM} WHERE ${where.join(" AND ")} ORDER BY r.created_at DESC, r.id LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export async function findRequest(q: Queryable, communeCode: string, code: string, clientId: string | null): Promise<RequestRow | null> {
  const params: unknown[] = [communeCode, code];
  const { rows } = await q.query<RequestRow>(
    `SELECT ${REQUEST_COLUMNS} ${REQUEST_FROM} WHERE r.commune_code = $1 AND r.code = $2 AND ${visibleTo(clientId, params)}`,
    params,
  );
  return rows[0] ?? null;
}

/** A token resolves to its request's id whoever asks: the token itself is the secret a client was given. */
export async function findByToken(q: Queryable, communeCode: string, token: string): Promise<{ code: string; token: string } | null> {
  const { rows } = await q.query<{ code: string; token: string }>(
    "SELECT r.code, r.open311_token AS token FROM reports r WHERE r.commune_code = $1 AND r.open311_token = $2",
    [communeCode, token],
  );
  return rows[0] ?? null;
}

export async function setOpen311Token(q: Queryable, reportId: string, token: string): Promise<void> {
  await q.query("UPDATE reports SET open311_token = $2 WHERE id = $1", [reportId, token]);
}

// ── clients ───────────────────────────────────────────────────────────────────────────────────────────────────────
export type ClientRow = {
  id: string;
  name: string;
  contact: string;
  unitCode: string;
  unitPath: string;
  unitName: string | null;
  keyHint: string;
  createdAt: Date;
  revokedAt: Date | null;
};

const CLIENT_COLUMNS = `k.id, k.name, k.contact, k.unit_code AS "unitCode", k.unit_path AS "unitPath", u.name AS "unitName",
  k.key_hint AS "keyHint", k.created_at AS "createdAt", k.revoked_at AS "revokedAt"`;

export async function insertClient(
  q: Queryable,
  c: { name: string; contact: string; unitCode: string; unitPath: string; keyHash: string; keyHint: string; createdBy: string | null },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO open311_clients (name, contact, unit_code, unit_path, key_hash, key_hint, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [c.name, c.contact, c.unitCode, c.unitPath, c.keyHash, c.keyHint, c.createdBy],
  );
  return rows[0]!.id;
}

/** Clients registered on a unit under one of `paths` (the caller's open311.manage scope). */
export async function listClients(q: Queryable, paths: readonly string[]): Promise<ClientRow[]> {
  const { rows } = await q.query<ClientRow>(
    `SELECT ${CLIENT_COLUMNS} FROM open311_clients k LEFT JOIN admin_unit_refs u ON u.code = k.unit_code
     WHERE k.unit_path LIKE ANY($1::text[]) ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC, k.id`,
    [paths.map((p) => `${p}%`)],
  );
  return rows;
}

export async function findClient(q: Queryable, id: string, lock = false): Promise<ClientRow | null> {
  const { rows } = await q.query<ClientRow>(
    `SELECT ${CLIENT_COLUMNS} FROM open311_clients k LEFT JOIN admin_unit_refs u ON u.code = k.unit_code WHERE k.id = $1${lock ? " FOR UPDATE OF k" : ""}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findClientByKeyHash(q: Queryable, keyHash: string): Promise<ClientRow | null> {
  const { rows } = await q.query<ClientRow>(
    `SELECT ${CLIENT_COLUMNS} FROM open311_clients k LEFT JOIN admin_unit_refs u ON u.code = k.unit_code WHERE k.key_hash = $1`,
    [keyHash],
  );
  return rows[0] ?? null;
}

export async function revokeClient(q: Queryable, id: string, at: Date): Promise<boolean> {
  const { rowCount } = await q.query("UPDATE open311_clients SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", [id, at]);
  return (rowCount ?? 0) > 0;
}

/** When the service lists last changed (discovery's changeset): the newest category change anywhere. */
export async function servicesChangedAt(q: Queryable): Promise<Date | null> {
  const { rows } = await q.query<{ at: Date | null }>("SELECT max(updated_at) AS at FROM report_categories");
  return rows[0]?.at ?? null;
}
