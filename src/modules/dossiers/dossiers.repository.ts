// The only code that queries dossiers, dossier_events, dossier_documents, supplement_requests and the code counters.
// Procedures are read through the views procedures publishes (procedure_refs, procedure_version_refs); files
// through platform/files.
import { type Queryable, queryPrepared } from "../../platform/db/database.ts";
import { readFilesMeta, type StoredFileMeta } from "../../platform/files/file-store.ts";
import { CLOCK_RUNNING, type DossierState, OPEN_STATES } from "./dossier-workflow.ts";
import {
  applicantDisplayName,
  type Applicant,
  type Consent,
  type Delivery,
  type DossierDocument,
  type DossierEvent,
  type DossierRow,
  type OriginalSeen,
  type InteragencyStep,
  type OwnDossier,
  type QueueItem,
  type QueueName,
  QUEUES,
  type SupplementRequest,
} from "./dossiers.model.ts";

const COLUMNS = `id, code, commune_code AS "communeCode", unit_path AS "unitPath", procedure_id AS "procedureId",
  procedure_version AS "procedureVersion", state, resume_state AS "resumeState", version, channel,
  owner_user_id AS "ownerUserId", filed_by_user_id AS "filedByUserId", assisted_consent AS "assistedConsent",
  applicant, applicant_name AS "applicantName", form_data AS "formData", delivery, assignee_id AS "assigneeId",
  forwarded_to AS "forwardedTo", step_due_at AS "stepDueAt", submitted_at AS "submittedAt", received_at AS "receivedAt",
  due_at AS "dueAt", remaining_hours::float8 AS "remainingHours", clock_stopped_at AS "clockStoppedAt",
  finished_at AS "finishedAt", returned_at AS "returnedAt", apology_at AS "apologyAt", apology_due_at AS "apologyDueAt",
  register_year AS "registerYear", register_number AS "registerNumber", fee_amount AS "feeAmount", fee_status AS "feeStatus", rating, rating_comment AS "ratingComment",
  idempotency_key AS "idempotencyKey", created_at AS "createdAt", updated_at AS "updatedAt"`;

export type NewDossier = {
  communeCode: string;
  unitPath: string;
  procedureId: string;
  procedureVersion: number;
  state: DossierState;
  channel: DossierRow["channel"];
  ownerUserId: string | null;
  filedByUserId: string | null;
  assistedConsent: Consent | null;
  applicant: Applicant;
  formData: Record<string, unknown>;
  delivery: Delivery;
  feeAmount: number;
  idempotencyKey: string | null;
  now: Date;
  code?: string | null;
  submittedAt?: Date | null;
  receivedAt?: Date | null;
  dueAt?: Date | null;
};

const last4 = (s: string | null | undefined) => (s ? s.replace(/\D/g, "").slice(-4) || null : null);

const insertSql = (returning: string) =>
  `INSERT INTO dossiers (commune_code, unit_path, procedure_id, procedure_version, state, channel, owner_user_id,
     filed_by_user_id, assisted_consent, applicant, applicant_name, lookup_phone4, lookup_id4, form_data, delivery,
     fee_amount, fee_status, idempotency_key, created_at, updated_at, code, submitted_at, received_at, due_at)
   VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$19,$20,$21,$22,$23)
   ON CONFLICT (filed_by_user_id, idempotency_key) DO NOTHING RETURNING ${returning}`;

const insertParams = (d: NewDossier) => [
  d.communeCode,
  d.unitPath,
  d.procedureId,
  d.procedureVersion,
  d.state,
  d.channel,
  d.ownerUserId,
  d.filedByUserId,
  d.assistedConsent,
  d.applicant,
  applicantDisplayName(d.applicant),
  last4(d.applicant.phone),
  last4(d.applicant.citizenIdNumber),
  d.formData,
  d.delivery,
  d.feeAmount,
  d.feeAmount > 0 ? "unpaid" : "none",
  d.idempotencyKey,
  d.now,
  d.code ?? null,
  d.submittedAt ?? null,
  d.receivedAt ?? null,
  d.dueAt ?? null,
];

/** Inserts unless the same filer already used the idempotency key; then returns null. */
export async function insertDossier(q: Queryable, d: NewDossier): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(insertSql("id"), insertParams(d));
  return rows[0]?.id ?? null;
}

/** insertDossier, returning the whole row (saves reading it back); null when the filer already used the key. */
export async function insertDossierRow(q: Queryable, d: NewDossier): Promise<DossierRow | null> {
  const { rows } = await q.query<DossierRow>(insertSql(COLUMNS), insertParams(d));
  return rows[0] ?? null;
}

export async function findByIdempotencyKey(q: Queryable, filedBy: string, key: string): Promise<DossierRow | null> {
  const { rows } = await q.query<DossierRow>(`SELECT ${COLUMNS} FROM dossiers WHERE filed_by_user_id = $1 AND idempotency_key = $2`, [filedBy, key]);
  return rows[0] ?? null;
}

export async function findById(q: Queryable, id: string, forUpdate = false): Promise<DossierRow | null> {
  const { rows } = await q.query<DossierRow>(`SELECT ${COLUMNS} FROM dossiers WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`, [id]);
  return rows[0] ?? null;
}

export async function findByCode(q: Queryable, code: string): Promise<DossierRow | null> {
  const { rows } = await queryPrepared<DossierRow>(q, "dossiers_by_code", `SELECT ${COLUMNS} FROM dossiers WHERE code = $1`, [code]);
  return rows[0] ?? null;
}

/** The public look-up: the code plus the last four digits of the phone or of the ID number. */
export async function findForPublicLookup(q: Queryable, code: string, last4digits: string): Promise<DossierRow | null> {
  const { rows } = await queryPrepared<DossierRow>(
    q,
    "dossiers_public_lookup",
    `SELECT ${COLUMNS} FROM dossiers WHERE code = $1 AND (lookup_phone4 = $2 OR lookup_id4 = $2)`,
    [code, last4digits],
  );
  return rows[0] ?? null;
}

export type PublicLookupRow = Pick<
  DossierRow,
  "id" | "code" | "state" | "applicantName" | "submittedAt" | "receivedAt" | "dueAt" | "apologyDueAt" | "finishedAt" | "returnedAt"
> & {
  /** The name in the procedure version the dossier was filed under. */
  procedureName: string;
  /** Its events in order; `at` as PostgreSQL's JSON text of the timestamp. */
  events: Array<{ action: string; at: string }>;
};

/**
 * The public look-up in one statement: the few columns the status shows, the procedure version's name and the
 * events (the public status is the most frequent read; three statements cost three round trips).
 */
export async function findPublicStatus(q: Queryable, code: string, last4digits: string): Promise<PublicLookupRow | null> {
  const { rows } = await queryPrepared<PublicLookupRow>(
    q,
    "dossiers_public_status",
    `SELECT d.id, d.code, d.state, d.applicant_name AS "applicantName", d.submitted_at AS "submittedAt", d.received_at AS "receivedAt",
       d.due_at AS "dueAt", d.apology_due_at AS "apologyDueAt", d.finished_at AS "finishedAt", d.returned_at AS "returnedAt",
       v.name AS "procedureName",
       coalesce((SELECT json_agg(json_build_object('action', e.action, 'at', e.at) ORDER BY e.id) FROM dossier_events e WHERE e.dossier_id = d.id), '[]') AS events
     FROM dossiers d JOIN procedure_version_refs v ON v.procedure_id = d.procedure_id AND v.version = d.procedure_version
     WHERE d.code = $1 AND (d.lookup_phone4 = $2 OR d.lookup_id4 = $2)`,
    [code, last4digits],
  );
  return rows[0] ?? null;
}

export type DossierPatch = Partial<{
  code: string;
  state: DossierState;
  resumeState: DossierState | null;
  applicant: Applicant;
  formData: Record<string, unknown>;
  delivery: Delivery;
  assigneeId: string | null;
  forwardedTo: string | null;
  stepDueAt: Date | null;
  submittedAt: Date;
  receivedAt: Date;
  dueAt: Date | null;
  remainingHours: number | null;
  clockStoppedAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date;
  apologyAt: Date;
  apologyDueAt: Date;
  feeAmount: number;
  feeStatus: DossierRow["feeStatus"];
  rating: number;
  ratingComment: string | null;
  communeCode: string;
  unitPath: string;
  procedureId: string;
  procedureVersion: number;
  ownerUserId: string | null;
  assistedConsent: Consent | null;
}>;

const PATCH_COLUMNS: Record<keyof DossierPatch, string> = {
  code: "code",
  state: "state",
  resumeState: "resume_state",
  applicant: "applicant",
  formData: "form_data",
  delivery: "delivery",
  assigneeId: "assignee_id",
  forwardedTo: "forwarded_to",
  stepDueAt: "step_due_at",
  submittedAt: "submitted_at",
  receivedAt: "received_at",
  dueAt: "due_at",
  remainingHours: "remaining_hours",
  clockStoppedAt: "clock_stopped_at",
  finishedAt: "finished_at",
  returnedAt: "returned_at",
  apologyAt: "apology_at",
  apologyDueAt: "apology_due_at",
  feeAmount: "fee_amount",
  feeStatus: "fee_status",
  rating: "rating",
  ratingComment: "rating_comment",
  communeCode: "commune_code",
  unitPath: "unit_path",
  procedureId: "procedure_id",
  procedureVersion: "procedure_version",
  ownerUserId: "owner_user_id",
  assistedConsent: "assisted_consent",
};

/**
 * Optimistic concurrency: the update applies only if nobody changed the dossier since `expectedVersion`
 * was read. Returns false when someone did.
 */
export async function updateDossier(q: Queryable, id: string, expectedVersion: number, patch: DossierPatch, now: Date): Promise<boolean> {
  const sets: string[] = [];
  const values: unknown[] = [id, expectedVersion, now];
  for (const [k, v] of Object.entries(patch) as Array<[keyof DossierPatch, unknown]>) {
    values.push(v);
    sets.push(`${PATCH_COLUMNS[k]} = $${values.length}`);
  }
  if (patch.applicant) {
    values.push(last4(patch.applicant.phone), last4(patch.applicant.citizenIdNumber), applicantDisplayName(patch.applicant));
    sets.push(`lookup_phone4 = $${values.length - 2}`, `lookup_id4 = $${values.length - 1}`, `applicant_name = $${values.length}`);
  }
  const { rowCount } = await q.query(
    `UPDATE dossiers SET ${[...sets, "version = version + 1", "updated_at = $3"].join(", ")} WHERE id = $1 AND version = $2`,
    values,
  );
  return rowCount === 1;
}

export async function insertEvent(q: Queryable, dossierId: string, e: Omit<DossierEvent, "id">): Promise<void> {
  await queryPrepared(
    q,
    "dossier_events_insert",
    `INSERT INTO dossier_events (dossier_id, action, from_state, to_state, actor_id, actor_label, at, reason, step_due_at, details)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [dossierId, e.action, e.fromState, e.toState, e.actorId, e.actorLabel, e.at, e.reason, e.stepDueAt, e.details],
  );
}

export async function listEvents(q: Queryable, dossierId: string): Promise<DossierEvent[]> {
  const { rows } = await queryPrepared<DossierEvent>(
    q,
    "dossier_events_list",
    `SELECT id::int AS id, action, from_state AS "fromState", to_state AS "toState", actor_id AS "actorId", actor_label AS "actorLabel",
       at, reason, step_due_at AS "stepDueAt", details FROM dossier_events WHERE dossier_id = $1 ORDER BY id`,
    [dossierId],
  );
  return rows;
}

export async function insertDocument(
  q: Queryable,
  dossierId: string,
  d: { requirementKey: string; fileId: string; source: DossierDocument["source"]; round: number },
): Promise<void> {
  await q.query(`INSERT INTO dossier_documents (dossier_id, requirement_key, file_id, source, round) VALUES ($1,$2,$3,$4,$5)`, [
    dossierId,
    d.requirementKey,
    d.fileId,
    d.source,
    d.round,
  ]);
}

/**
 * Links files to a dossier and returns each link with its file's name, type and size. A file that does not
 * exist, or a row marked `mustOwn` (a file id sent by the caller) whose file `ownerUserId` does not own, is not
 * linked: the caller compares counts to find the ones refused.
 */
export async function insertDocuments(
  q: Queryable,
  dossierId: string,
  ownerUserId: string,
  docs: Array<{ requirementKey: string; fileId: string; source: DossierDocument["source"]; round: number; mustOwn: boolean }>,
): Promise<DossierDocument[]> {
  if (docs.length === 0) return [];
  const files = await readFilesMeta(
    q,
    docs.map((d) => d.fileId),
  );
  const kept = docs.filter((d) => {
    const f = files.get(d.fileId);
    return f && (!d.mustOwn || f.ownerUserId === ownerUserId);
  });
  if (kept.length === 0) return [];
  const { rows } = await queryPrepared<Omit<DossierDocument, "name" | "mediaType" | "sizeBytes">>(
    q,
    "dossier_documents_insert",
    `INSERT INTO dossier_documents (dossier_id, requirement_key, file_id, source, round)
     SELECT $1, x.k, x.f, x.s, x.r FROM unnest($2::text[], $3::uuid[], $4::text[], $5::int[]) WITH ORDINALITY AS x(k, f, s, r, n) ORDER BY x.n
     RETURNING id, requirement_key AS "requirementKey", file_id AS "fileId", source, round`,
    [dossierId, kept.map((d) => d.requirementKey), kept.map((d) => d.fileId), kept.map((d) => d.source), kept.map((d) => d.round)],
  );
  return withFileMeta(rows, files);
}

const withFileMeta = (rows: Array<Omit<DossierDocument, "name" | "mediaType" | "sizeBytes">>, files: Map<string, StoredFileMeta>): DossierDocument[] =>
  rows.map((r) => {
    const f = files.get(r.fileId)!;
    return { ...r, name: f.name, mediaType: f.mediaType, sizeBytes: f.sizeBytes };
  });

/** Replaces a draft's document for a requirement (a draft may change its mind; a filed dossier only adds). */
export async function removeDraftDocuments(q: Queryable, dossierId: string, requirementKey: string): Promise<void> {
  await q.query(`DELETE FROM dossier_documents WHERE dossier_id = $1 AND requirement_key = $2 AND round = 0`, [dossierId, requirementKey]);
}

/** A dossier's documents with their files' names, types and sizes (read from platform/files). */
export async function listDocuments(q: Queryable, dossierId: string): Promise<DossierDocument[]> {
  const { rows } = await q.query<Omit<DossierDocument, "name" | "mediaType" | "sizeBytes">>(
    `SELECT id, requirement_key AS "requirementKey", file_id AS "fileId", source, round
     FROM dossier_documents WHERE dossier_id = $1 ORDER BY round, created_at`,
    [dossierId],
  );
  const files = await readFilesMeta(
    q,
    rows.map((r) => r.fileId),
  );
  return withFileMeta(rows, files);
}

export async function insertSupplementRequest(
  q: Queryable,
  dossierId: string,
  r: Omit<SupplementRequest, "id" | "answeredAt" | "newDueAt" | "round"> & { requestedBy: string | null },
): Promise<number> {
  const { rows } = await q.query<{ round: number }>(
    `INSERT INTO supplement_requests (dossier_id, round, items, note, requested_by, requested_at, old_due_at, override_reason, overridden_by, after_receipt)
     VALUES ($1, (SELECT coalesce(max(round), 0) + 1 FROM supplement_requests WHERE dossier_id = $1), $2, $3, $4, $5, $6, $7, $8, $9) RETURNING round`,
    [
      dossierId,
      JSON.stringify(r.items),
      r.note,
      r.requestedBy,
      r.requestedAt,
      r.oldDueAt,
      r.overrideReason,
      r.overrideReason ? r.requestedBy : null,
      r.afterReceipt,
    ],
  );
  return rows[0]!.round;
}

export async function answerSupplementRequest(q: Queryable, dossierId: string, at: Date, newDueAt: Date | null): Promise<number | null> {
  const { rows } = await q.query<{ round: number }>(
    `UPDATE supplement_requests SET answered_at = $2, new_due_at = $3
     WHERE dossier_id = $1 AND answered_at IS NULL RETURNING round`,
    [dossierId, at, newDueAt],
  );
  return rows[0]?.round ?? null;
}

export async function listSupplementRequests(q: Queryable, dossierId: string): Promise<SupplementRequest[]> {
  const { rows } = await q.query<SupplementRequest>(
    `SELECT s.id, s.round, s.items, s.note, s.requested_at AS "requestedAt", s.answered_at AS "answeredAt", s.old_due_at AS "oldDueAt",
       s.new_due_at AS "newDueAt", s.override_reason AS "overrideReason",
       coalesce(s.after_receipt, s.requested_at > d.received_at, false) AS "afterReceipt"
     FROM supplement_requests s JOIN dossiers d ON d.id = s.dossier_id WHERE s.dossier_id = $1 ORDER BY s.round`,
    [dossierId],
  );
  return rows;
}

const STEP_COLUMNS = `id, agency_name AS "agencyName", agency_code AS "agencyCode", sent_at AS "sentAt", step_due_at AS "stepDueAt",
  returned_at AS "returnedAt", result, note`;

/** Opens an inter-agency step (liên thông): the dossier goes to another agency with its own deadline. */
export async function insertInteragencyStep(
  q: Queryable,
  dossierId: string,
  s: { agencyName: string; agencyCode: string | null; sentAt: Date; sentBy: string | null; stepDueAt: Date },
): Promise<void> {
  await q.query(`INSERT INTO dossier_interagency_steps (dossier_id, agency_name, agency_code, sent_at, sent_by, step_due_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
    dossierId,
    s.agencyName,
    s.agencyCode,
    s.sentAt,
    s.sentBy,
    s.stepDueAt,
  ]);
}

/** Closes the open step with the other agency's answer; false when none was open (a dossier forwarded before steps were records). */
export async function closeInteragencyStep(
  q: Queryable,
  dossierId: string,
  s: { returnedAt: Date; returnedBy: string | null; result: NonNullable<InteragencyStep["result"]>; note: string },
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE dossier_interagency_steps SET returned_at = $2, returned_by = $3, result = $4, note = $5 WHERE dossier_id = $1 AND returned_at IS NULL`,
    [dossierId, s.returnedAt, s.returnedBy, s.result, s.note],
  );
  return (rowCount ?? 0) > 0;
}

export async function listInteragencySteps(q: Queryable, dossierId: string): Promise<InteragencyStep[]> {
  const { rows } = await q.query<InteragencyStep>(`SELECT ${STEP_COLUMNS} FROM dossier_interagency_steps WHERE dossier_id = $1 ORDER BY sent_at, id`, [
    dossierId,
  ]);
  return rows;
}

const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;

/**
 * Next number of the day for an agency, or null once `max` is used (the counter then stays at `max`).
 * Outside the dossier's transaction on purpose, and committed without waiting for the disk flush: otherwise
 * the counter row stays locked for a flush (or a whole transaction) and every submission of the commune
 * queues behind it. The price: a rare gap when the later transaction fails, and after a crash a number may
 * come round again — the unique code then collides and the caller resynchronises the counter with
 * resyncCodeNumber and retries.
 */
export async function nextCodeNumber(q: Queryable, agencyCode: string, day: string, max: number): Promise<number | null> {
  if (!Number.isSafeInteger(max) || max < 1) throw new Error(`bad counter limit ${max}`);
  // One round trip; the values are an agency code, a date and an integer, all validated, quoted as literals.
  const results = (await q.query(
    `BEGIN; SET LOCAL synchronous_commit = off;
     INSERT INTO dossier_code_counters (agency_code, day, last_value) VALUES (${literal(agencyCode)}, ${literal(day)}, 1)
     ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_code_counters.last_value + 1
     WHERE dossier_code_counters.last_value < ${max} RETURNING last_value AS n;
     COMMIT`,
  )) as unknown as Array<{ command?: string; rows: Array<{ n: number }> }>;
  const insert = results.find((r) => r.command === "INSERT");
  if (!insert) throw new Error("dossier code counter: no answer to the insert");
  return insert.rows[0]?.n ?? null;
}

/** Moves the day's counter past every code already used (after a crash lost its last increments). */
export async function resyncCodeNumber(q: Queryable, agencyCode: string, day: string, codePrefix: string): Promise<void> {
  await q.query(
    `UPDATE dossier_code_counters SET last_value = greatest(last_value,
       (SELECT coalesce(max(substring(code from '(\\d+)$')::int), 0) FROM dossiers WHERE code LIKE $3 || '%'))
     WHERE agency_code = $1 AND day = $2`,
    [agencyCode, day, codePrefix],
  );
}

/** True for the unique violation of a dossier code. */
export const isCodeCollision = (err: unknown) =>
  (err as { code?: string; constraint?: string }).code === "23505" && (err as { constraint?: string }).constraint === "dossiers_code_key";

/** The workflow's state sets, sent to SQL as array parameters so the workflow stays their only source. */
const RUNNING_STATES: readonly DossierState[] = [...CLOCK_RUNNING];
const IN_PROGRESS_STATES: readonly DossierState[] = [...CLOCK_RUNNING, "paused"];

/**
 * Where each queue's dossiers are; $2 is now and $3 the "due soon" boundary, derived in working time by the
 * caller; `running` and `inProgress` name the parameters holding those state arrays.
 */
function queueWhere(queue: QueueName, p: { running: string; inProgress: string; me: string }): string {
  switch (queue) {
    case "assignedToMe":
      // The specialist's turn: reviewing, or waiting on another agency's step they forwarded it to.
      return `state IN ('inReview', 'forwarded') AND assignee_id = ${p.me}::uuid`;
    case "awaitingApproval":
      return `state = 'awaitingApproval'`;
    case "newOnline":
      return `state = 'submitted'`;
    case "awaitingSupplement":
      return `state = 'supplementRequested'`;
    case "inProgress":
      return `state = ANY(${p.inProgress}::text[])`;
    case "dueSoon":
      return `state = ANY(${p.running}::text[]) AND due_at >= $2 AND due_at < $3`;
    case "overdue":
      // A dossier whose clock stopped after its deadline stays late while stopped (and after: it keeps that deadline).
      return `((state = ANY(${p.running}::text[]) AND due_at < $2) OR (state IN ('paused', 'supplementRequested') AND due_at < clock_stopped_at))`;
    case "readyToReturn":
      return `state = 'resultReady'`;
  }
}

export async function countQueues(q: Queryable, communeCode: string, now: Date, dueSoonBoundary: Date, me: string | null): Promise<Record<QueueName, number>> {
  const where = (name: QueueName) => queueWhere(name, { running: "$5", inProgress: "$6", me: "$7" });
  const counts = QUEUES.map((name) => `count(*) FILTER (WHERE ${where(name)})::int AS "${name}"`).join(",\n");
  // Only open dossiers: neither drafts nor final ones (FINAL_STATES) are on a queue.
  const { rows } = await q.query<Record<QueueName, number>>(`SELECT ${counts} FROM dossiers WHERE commune_code = $1 AND state = ANY($4::text[])`, [
    communeCode,
    now,
    dueSoonBoundary,
    OPEN_STATES,
    RUNNING_STATES,
    IN_PROGRESS_STATES,
    me,
  ]);
  return rows[0]!;
}

/** Paused dossiers of a commune by the legal ground of their latest pause (a pause without one counts as null). */
export async function countPausedByGround(q: Queryable, communeCode: string): Promise<Array<{ ground: string | null; n: number }>> {
  const { rows } = await q.query<{ ground: string | null; n: number }>(
    `SELECT e.details ->> 'ground' AS ground, count(*)::int AS n
     FROM dossiers d
     JOIN LATERAL (SELECT details FROM dossier_events WHERE dossier_id = d.id AND action = 'pause' ORDER BY id DESC LIMIT 1) e ON true
     WHERE d.commune_code = $1 AND d.state = 'paused'
     GROUP BY 1 ORDER BY 1`,
    [communeCode],
  );
  return rows;
}

/**
 * One queue, soonest deadline first, so the overdue ones come on top (or oldest submission while there is no
 * deadline yet: the desk receives in order of arrival).
 */
export async function listQueue(
  q: Queryable,
  communeCode: string,
  queue: QueueName,
  now: Date,
  dueSoonBoundary: Date,
  after: [string, string, string] | null,
  limit: number,
  me: string | null,
): Promise<QueueItem[]> {
  const { rows } = await q.query<QueueItem>(
    `SELECT d.id, d.code, d.state, d.applicant_name AS "applicantName", d.channel, d.submitted_at AS "submittedAt",
            d.received_at AS "receivedAt", d.due_at AS "dueAt", d.clock_stopped_at AS "clockStoppedAt", d.assignee_id AS "assigneeId", d.version,
            p.name AS "procedureName", p.code AS "procedureCode", d.sort_at AS "sortAt", d.arrived_at AS "arrivedAt"
     FROM (SELECT *, coalesce(due_at, submitted_at, created_at) AS sort_at, coalesce(received_at, submitted_at, created_at) AS arrived_at FROM dossiers
           WHERE commune_code = $1 AND ${queueWhere(queue, { running: "$7", inProgress: "$8", me: "$9" })}
             -- typed here too: the queues that do not use $2/$3/$7/$8/$9 would leave them untyped
             AND $2::timestamptz IS NOT NULL AND $3::timestamptz IS NOT NULL AND $7::text[] IS NOT NULL AND $8::text[] IS NOT NULL
             AND ($9::uuid IS NULL OR true)) d
     JOIN procedure_refs p ON p.procedure_id = d.procedure_id
     -- Days end at close of office, so many dossiers share a deadline: among them, the first to arrive comes first.
     WHERE ($4::timestamptz IS NULL OR (d.sort_at, d.arrived_at, d.id) > ($4::timestamptz, $10::timestamptz, $5::uuid))
     ORDER BY d.sort_at, d.arrived_at, d.id LIMIT $6`,
    [communeCode, now, dueSoonBoundary, after?.[0] ?? null, after?.[2] ?? null, limit, RUNNING_STATES, IN_PROGRESS_STATES, me, after?.[1] ?? null],
  );
  return rows;
}

/** What a search looks for; every given part may match (OR), inside the unit paths. */
export type DossierSearch = {
  /** Unit path prefixes the searcher's grants cover. */
  paths: readonly string[];
  /** Folded words that must all appear in the applicant's folded name. */
  words: readonly string[];
  /** Part of a dossier code, upper case. */
  code: string | null;
  /** A phone or ID number, digits only. */
  digits: string | null;
  limit: number;
};

/** Dossiers found by an officer's search: open ones first by deadline (overdue on top), then finished ones, newest first. */
export async function searchDossiers(q: Queryable, s: DossierSearch): Promise<QueueItem[]> {
  const { rows } = await q.query<QueueItem>(
    `SELECT d.id, d.code, d.state, d.applicant_name AS "applicantName", d.channel, d.submitted_at AS "submittedAt",
            d.received_at AS "receivedAt", d.due_at AS "dueAt", d.clock_stopped_at AS "clockStoppedAt", d.assignee_id AS "assigneeId", d.version,
            p.name AS "procedureName", p.code AS "procedureCode", coalesce(d.due_at, d.submitted_at, d.created_at) AS "sortAt",
            coalesce(d.received_at, d.submitted_at, d.created_at) AS "arrivedAt"
     FROM dossiers d JOIN procedure_refs p ON p.procedure_id = d.procedure_id
     WHERE d.unit_path LIKE ANY (SELECT x || '%' FROM unnest($1::text[]) x) AND d.state <> 'draft'
       AND ((cardinality($2::text[]) > 0 AND d.applicant_search LIKE ALL (SELECT '%' || w || '%' FROM unnest($2::text[]) w))
         OR ($3::text IS NOT NULL AND upper(d.code) LIKE '%' || $3 || '%')
         OR ($4::text IS NOT NULL AND (d.applicant->>'phone' = $4 OR d.applicant->>'citizenIdNumber' = $4)))
     ORDER BY d.state = ANY($6::text[]) DESC,
              CASE WHEN d.state = ANY($6::text[]) THEN coalesce(d.due_at, d.submitted_at, d.created_at) END,
              CASE WHEN d.state = ANY($6::text[]) THEN coalesce(d.received_at, d.submitted_at, d.created_at) END,
              d.updated_at DESC, d.id
     LIMIT $5`,
    [s.paths, s.words, s.code, s.digits, s.limit, OPEN_STATES],
  );
  return rows;
}

export async function listOwn(q: Queryable, userId: string, limit: number): Promise<OwnDossier[]> {
  const { rows } = await q.query<OwnDossier>(
    `SELECT d.id, d.code, d.state, d.submitted_at AS "submittedAt", d.due_at AS "dueAt", d.created_at AS "createdAt", d.updated_at AS "updatedAt", p.name AS "procedureName"
     FROM dossiers d JOIN procedure_refs p ON p.procedure_id = d.procedure_id
     WHERE d.owner_user_id = $1 OR d.filed_by_user_id = $1 ORDER BY d.updated_at DESC LIMIT $2`,
    [userId, limit],
  );
  return rows;
}

/**
 * Dossiers filed for this applicant by someone else (the desk, a volunteer) and linked to no account yet become
 * this account's. The caller has checked that the account verified this very phone and ID number.
 */
export async function linkUnlinkedDossiers(
  q: Queryable,
  userId: string,
  applicant: { phone: string; citizenIdNumber: string },
): Promise<Array<{ id: string; communeCode: string; procedureId: string; procedureVersion: number }>> {
  const { rows } = await q.query<{ id: string; communeCode: string; procedureId: string; procedureVersion: number }>(
    `UPDATE dossiers SET owner_user_id = $1
     WHERE owner_user_id IS NULL AND filed_by_user_id IS NOT NULL AND filed_by_user_id <> $1
       AND applicant->>'citizenIdNumber' = $2 AND applicant->>'phone' = $3
     RETURNING id, commune_code AS "communeCode", procedure_id AS "procedureId", procedure_version AS "procedureVersion"`,
    [userId, applicant.citizenIdNumber, applicant.phone],
  );
  return rows;
}

/** The result files of these dossiers (what reaches the owner's vault). */
export async function listResultFiles(q: Queryable, dossierIds: string[]): Promise<Array<{ dossierId: string; fileId: string; at: Date }>> {
  if (dossierIds.length === 0) return [];
  const { rows } = await q.query<{ dossierId: string; fileId: string; at: Date }>(
    `SELECT dossier_id AS "dossierId", file_id AS "fileId", created_at AS "at" FROM dossier_documents
     WHERE dossier_id = ANY($1::uuid[]) AND source = 'result' ORDER BY created_at, id`,
    [dossierIds],
  );
  return rows;
}

/** Register (Mẫu 07) rows for a unit and period, in order of receipt. */
export async function listRegister(q: Queryable, communeCode: string, from: Date, to: Date): Promise<Array<DossierRow & { procedureName: string }>> {
  const { rows } = await q.query<DossierRow & { procedureName: string }>(
    `SELECT ${COLUMNS}, (SELECT name FROM procedure_refs p WHERE p.procedure_id = dossiers.procedure_id) AS "procedureName"
     FROM dossiers WHERE commune_code = $1 AND received_at >= $2 AND received_at < $3 ORDER BY received_at, code`,
    [communeCode, from, to],
  );
  return rows;
}

/**
 * The next entry of the commune's register book for the year, written on the dossier if it has none yet. The
 * counter row stays locked until the caller's transaction ends: concurrent receipts queue for the number, so
 * numbers are unique, and a receipt that rolls back gives its number to the next one (no gap).
 */
export async function takeRegisterEntry(q: Queryable, dossierId: string, communeCode: string, year: number): Promise<number | null> {
  const { rows } = await q.query<{ n: number }>(
    `WITH target AS (SELECT 1 FROM dossiers WHERE id = $1 AND register_number IS NULL),
     next AS (
       INSERT INTO dossier_register_counters (commune_code, year, last_value) SELECT $2, $3, 1 FROM target
       ON CONFLICT (commune_code, year) DO UPDATE SET last_value = dossier_register_counters.last_value + 1
       RETURNING last_value)
     UPDATE dossiers SET register_year = $3, register_number = next.last_value FROM next WHERE id = $1 RETURNING register_number AS n`,
    [dossierId, communeCode, year],
  );
  return rows[0]?.n ?? null;
}

/** Payments own the fee's state; this is the dossier's copy for queues and figures. */
export async function setFeeStatus(q: Queryable, dossierId: string, status: DossierRow["feeStatus"], now: Date): Promise<void> {
  await q.query(`UPDATE dossiers SET fee_status = $2, updated_at = $3, version = version + 1 WHERE id = $1`, [dossierId, status, now]);
}

/** Marks originals as seen at the counter (no file); marking one again keeps the first time. */
export async function insertOriginalsSeen(q: Queryable, dossierId: string, keys: readonly string[], seenBy: string | null, at: Date): Promise<void> {
  if (keys.length === 0) return;
  await q.query(
    `INSERT INTO dossier_originals_seen (dossier_id, requirement_key, seen_by, seen_at)
     SELECT $1, k, $3, $4 FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING`,
    [dossierId, [...new Set(keys)], seenBy, at],
  );
}

export async function listOriginalsSeen(q: Queryable, dossierId: string): Promise<OriginalSeen[]> {
  const { rows } = await queryPrepared<OriginalSeen>(
    q,
    "dossier_originals_seen_list",
    `SELECT requirement_key AS "requirementKey", seen_at AS "seenAt", seen_by AS "seenBy" FROM dossier_originals_seen
     WHERE dossier_id = $1 ORDER BY seen_at, requirement_key`,
    [dossierId],
  );
  return rows;
}
