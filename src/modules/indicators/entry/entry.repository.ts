// The entry part's queries: manual values of a commune and period, their evidence, the review queue and the status
// counts. The only code that writes indicator_manual_values and indicator_evidence.
import type { Queryable } from "../../../platform/db/database.ts";

export type ValueStatus = "draft" | "submitted" | "approved" | "returned";

export type ManualValueRow = {
  id: string;
  elementKey: string;
  unitCode: string;
  communeCode: string;
  provinceCode: string;
  unitPath: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  note: string;
  status: ValueStatus;
  revision: number;
  enteredBy: string | null;
  enteredAt: Date;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
};

const VALUE_COLUMNS = `v.id, v.element_key AS "elementKey", v.unit_code AS "unitCode", v.commune_code AS "communeCode",
  v.province_code AS "provinceCode", v.unit_path AS "unitPath", v.period, to_char(v.period_start, 'YYYY-MM-DD') AS "periodStart",
  to_char(v.period_end, 'YYYY-MM-DD') AS "periodEnd", v.value::float8 AS value, v.note, v.status, v.revision,
  v.entered_by AS "enteredBy", v.entered_at AS "enteredAt", v.submitted_at AS "submittedAt", v.reviewed_at AS "reviewedAt",
  v.review_comment AS "reviewComment"`;

/** Every value of a unit and period, locked FOR UPDATE when asked (a save, a submit, a review). */
export async function valuesOf(q: Queryable, unitCode: string, period: string, lock = false): Promise<ManualValueRow[]> {
  const { rows } = await q.query<ManualValueRow>(
    `SELECT ${VALUE_COLUMNS} FROM indicator_manual_values v WHERE v.unit_code = $1 AND v.period = $2 ORDER BY v.element_key${lock ? " FOR UPDATE" : ""}`,
    [unitCode, period],
  );
  return rows;
}

export async function valueById(q: Queryable, id: string, lock = false): Promise<ManualValueRow | null> {
  const { rows } = await q.query<ManualValueRow>(`SELECT ${VALUE_COLUMNS} FROM indicator_manual_values v WHERE v.id = $1${lock ? " FOR UPDATE" : ""}`, [id]);
  return rows[0] ?? null;
}

export type NewValue = {
  elementKey: string;
  unit: { code: string; communeCode: string; provinceCode: string; path: string };
  period: { code: string; start: string; end: string };
  value: number | null;
  note: string;
  userId: string;
  now: Date;
};

export async function insertValue(q: Queryable, v: NewValue): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO indicator_manual_values (element_key, unit_code, commune_code, province_code, unit_path, period, period_start, period_end, value, note,
       status, entered_by, entered_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'draft', $11, $12) RETURNING id`,
    [
      v.elementKey,
      v.unit.code,
      v.unit.communeCode,
      v.unit.provinceCode,
      v.unit.path,
      v.period.code,
      v.period.start,
      v.period.end,
      v.value,
      v.note,
      v.userId,
      v.now,
    ],
  );
  return rows[0]!.id;
}

/** A draft or returned value edited: it becomes a draft again (the province's comment stays until the next review). */
export async function updateDraft(q: Queryable, id: string, value: number | null, note: string, userId: string, now: Date): Promise<void> {
  await q.query("UPDATE indicator_manual_values SET value = $2, note = $3, status = 'draft', entered_by = $4, entered_at = $5 WHERE id = $1", [
    id,
    value,
    note,
    userId,
    now,
  ]);
}

export async function markSubmitted(q: Queryable, ids: string[], userId: string, now: Date): Promise<void> {
  await q.query("UPDATE indicator_manual_values SET status = 'submitted', submitted_by = $2, submitted_at = $3 WHERE id = ANY($1::uuid[])", [ids, userId, now]);
}

export async function markReviewed(
  q: Queryable,
  ids: string[],
  status: "approved" | "returned",
  comment: string | null,
  userId: string,
  now: Date,
): Promise<void> {
  await q.query("UPDATE indicator_manual_values SET status = $2, review_comment = $3, reviewed_by = $4, reviewed_at = $5 WHERE id = ANY($1::uuid[])", [
    ids,
    status,
    comment,
    userId,
    now,
  ]);
}

/** An approved value opened again for a correction: a draft of the next revision, the reason kept as the comment. */
export async function reopen(q: Queryable, id: string, reason: string): Promise<number> {
  const { rows } = await q.query<{ revision: number }>(
    "UPDATE indicator_manual_values SET status = 'draft', revision = revision + 1, review_comment = $2 WHERE id = $1 RETURNING revision",
    [id, reason],
  );
  return rows[0]!.revision;
}

export type EvidenceRow = { id: string; valueId: string; fileId: string; name: string; mediaType: string; sizeBytes: number; uploadedAt: Date };
const EVIDENCE_COLUMNS = `e.id, e.value_id AS "valueId", e.file_id AS "fileId", e.name, e.media_type AS "mediaType", e.size_bytes AS "sizeBytes", e.uploaded_at AS "uploadedAt"`;

export async function evidenceOf(q: Queryable, valueIds: string[]): Promise<EvidenceRow[]> {
  if (valueIds.length === 0) return [];
  const { rows } = await q.query<EvidenceRow>(
    `SELECT ${EVIDENCE_COLUMNS} FROM indicator_evidence e WHERE e.value_id = ANY($1::uuid[]) ORDER BY e.uploaded_at, e.id`,
    [valueIds],
  );
  return rows;
}

/** One piece of evidence with the unit its value belongs to (who may read it). */
export async function evidenceById(q: Queryable, id: string): Promise<(EvidenceRow & { unitCode: string; unitPath: string; status: ValueStatus }) | null> {
  const { rows } = await q.query<EvidenceRow & { unitCode: string; unitPath: string; status: ValueStatus }>(
    `SELECT ${EVIDENCE_COLUMNS}, v.unit_code AS "unitCode", v.unit_path AS "unitPath", v.status
     FROM indicator_evidence e JOIN indicator_manual_values v ON v.id = e.value_id WHERE e.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function insertEvidence(
  q: Queryable,
  e: { valueId: string; fileId: string; name: string; mediaType: string; sizeBytes: number; userId: string; now: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO indicator_evidence (value_id, file_id, name, media_type, size_bytes, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [e.valueId, e.fileId, e.name, e.mediaType, e.sizeBytes, e.userId, e.now],
  );
  return rows[0]!.id;
}

export async function deleteEvidence(q: Queryable, id: string): Promise<void> {
  await q.query("DELETE FROM indicator_evidence WHERE id = $1", [id]);
}

export type ReviewRow = ManualValueRow & { communeName: string; evidenceCount: number };

/** Submitted values under some unit paths (the reviewer's provinces), oldest submission first. */
export async function submittedUnder(q: Queryable, paths: string[], limit = 500): Promise<ReviewRow[]> {
  if (paths.length === 0) return [];
  const { rows } = await q.query<ReviewRow>(
    `SELECT ${VALUE_COLUMNS}, coalesce(u.full_name, v.commune_code) AS "communeName",
            (SELECT count(*)::int FROM indicator_evidence e WHERE e.value_id = v.id) AS "evidenceCount"
     FROM indicator_manual_values v LEFT JOIN admin_unit_refs u ON u.code = v.commune_code
     WHERE v.status = 'submitted' AND v.unit_path LIKE ANY (SELECT p || '%' FROM unnest($1::text[]) p)
     ORDER BY v.submitted_at, v.commune_code, v.period, v.element_key LIMIT $2`,
    [paths, limit],
  );
  return rows;
}

export type StatusCount = { unitCode: string; period: string; elementKey: string; status: ValueStatus };

/** The state of every value of some units in some periods (the status list counts them against what is due). */
export async function statusesOf(q: Queryable, unitCodes: string[], periods: string[]): Promise<StatusCount[]> {
  if (unitCodes.length === 0 || periods.length === 0) return [];
  const { rows } = await q.query<StatusCount>(
    `SELECT unit_code AS "unitCode", period, element_key AS "elementKey", status FROM indicator_manual_values
     WHERE unit_code = ANY($1::text[]) AND period = ANY($2::text[])`,
    [unitCodes, periods],
  );
  return rows;
}
