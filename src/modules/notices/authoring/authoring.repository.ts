// SQL of notices' authoring part: writing notices, their history (notice_events) and attachments, the office list.
import type { Queryable } from "../../../platform/db/database.ts";
import type { NoticeRow, NoticeStatus } from "../notices.model.ts";
import { NOTICE_COLUMNS } from "../notices.repository.ts";
import type { NoticeDeskTab } from "./authoring.contract.ts";

/** What an author writes: the columns of a notice that the form and the API set. */
export type NoticeFields = Pick<
  NoticeRow,
  | "unitCode"
  | "unitPath"
  | "category"
  | "title"
  | "body"
  | "scope"
  | "villageCodes"
  | "validFrom"
  | "validUntil"
  | "channels"
  | "audience"
  | "smsText"
  | "smsEdited"
  | "speechText"
  | "speechEdited"
>;

/** The written columns in the order both statements below list them. */
const fieldValues = (f: NoticeFields): unknown[] => [
  f.unitCode,
  f.unitPath,
  f.category,
  f.title,
  f.body,
  f.scope,
  f.villageCodes,
  f.validFrom,
  f.validUntil,
  f.channels,
  JSON.stringify(f.audience),
  f.smsText,
  f.smsEdited,
  f.speechText,
  f.speechEdited,
];

export const NOTICE_EVENT_KINDS = [
  "created",
  "edited",
  "submitted",
  "sent_back",
  "approved",
  "scheduled",
  "published_without_review",
  "withdrawn",
  "correction_created",
] as const;
export type NoticeEventKind = (typeof NOTICE_EVENT_KINDS)[number];

export async function insertNotice(q: Queryable, f: NoticeFields, extra: { authorId: string; correctsId?: string | null; now: Date }): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO notices (unit_code, unit_path, category, title, body, scope, village_codes, valid_from, valid_until, channels, audience,
       sms_text, sms_edited, speech_text, speech_edited, author_id, corrects_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) RETURNING id`,
    [...fieldValues(f), extra.authorId, extra.correctsId ?? null, extra.now],
  );
  return rows[0]!.id;
}

export async function updateNoticeFields(q: Queryable, id: string, f: NoticeFields, now: Date): Promise<void> {
  await q.query(
    `UPDATE notices SET unit_code = $2, unit_path = $3, category = $4, title = $5, body = $6, scope = $7, village_codes = $8, valid_from = $9,
       valid_until = $10, channels = $11, audience = $12, sms_text = $13, sms_edited = $14, speech_text = $15, speech_edited = $16,
       version = version + 1, updated_at = $17
     WHERE id = $1`,
    [id, ...fieldValues(f), now],
  );
}

/** A status change with the columns it sets (review_note, scheduled_at, published_at, …); bumps the version. */
export async function moveNotice(
  q: Queryable,
  id: string,
  status: NoticeStatus,
  set: Partial<{
    reviewNote: string | null;
    reviewSkipped: boolean;
    scheduledAt: Date | null;
    publishedAt: Date | null;
    approvedBy: string | null;
    approvedAt: Date | null;
    withdrawnAt: Date;
    withdrawalReason: string;
  }>,
  now: Date,
): Promise<void> {
  const cols: Record<string, unknown> = {
    review_note: set.reviewNote,
    review_skipped: set.reviewSkipped,
    scheduled_at: set.scheduledAt,
    published_at: set.publishedAt,
    approved_by: set.approvedBy,
    approved_at: set.approvedAt,
    withdrawn_at: set.withdrawnAt,
    withdrawal_reason: set.withdrawalReason,
  };
  const params: unknown[] = [id, status, now];
  const assignments = Object.entries(cols)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      params.push(v);
      return `${k} = $${params.length}`;
    });
  await q.query(`UPDATE notices SET status = $2, updated_at = $3, version = version + 1${assignments.map((a) => `, ${a}`).join("")} WHERE id = $1`, params);
}

export async function insertNoticeEvent(q: Queryable, e: { noticeId: string; kind: NoticeEventKind; actorId: string | null; note?: string | null; at: Date }) {
  await q.query(`INSERT INTO notice_events (notice_id, kind, actor_id, note, at) VALUES ($1, $2, $3, $4, $5)`, [
    e.noticeId,
    e.kind,
    e.actorId,
    e.note ?? null,
    e.at,
  ]);
}

export type NoticeEventRow = { kind: NoticeEventKind; actorId: string | null; note: string | null; at: Date };
export async function listNoticeEvents(q: Queryable, noticeId: string): Promise<NoticeEventRow[]> {
  const { rows } = await q.query<NoticeEventRow>(`SELECT kind, actor_id AS "actorId", note, at FROM notice_events WHERE notice_id = $1 ORDER BY at, id`, [
    noticeId,
  ]);
  return rows;
}

export type AttachmentRow = { fileId: string; name: string };
export async function listAttachments(q: Queryable, noticeId: string): Promise<AttachmentRow[]> {
  const { rows } = await q.query<AttachmentRow>(`SELECT file_id AS "fileId", name FROM notice_attachments WHERE notice_id = $1 ORDER BY position, name`, [
    noticeId,
  ]);
  return rows;
}
export async function addAttachment(q: Queryable, noticeId: string, fileId: string, name: string): Promise<void> {
  await q.query(
    `INSERT INTO notice_attachments (notice_id, file_id, name, position)
     VALUES ($1, $2, $3, (SELECT coalesce(max(position), -1) + 1 FROM notice_attachments WHERE notice_id = $1))`,
    [noticeId, fileId, name],
  );
}
export async function removeAttachment(q: Queryable, noticeId: string, fileId: string): Promise<boolean> {
  const r = await q.query(`DELETE FROM notice_attachments WHERE notice_id = $1 AND file_id = $2`, [noticeId, fileId]);
  return (r.rowCount ?? 0) > 0;
}
export async function copyAttachments(q: Queryable, from: string, to: string): Promise<void> {
  await q.query(
    `INSERT INTO notice_attachments (notice_id, file_id, name, position) SELECT $2, file_id, name, position FROM notice_attachments WHERE notice_id = $1`,
    [from, to],
  );
}

/** The correction published for a withdrawn notice, if any. */
export async function findCorrectionId(q: Queryable, noticeId: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(`SELECT id FROM notices WHERE corrects_id = $1 ORDER BY created_at LIMIT 1`, [noticeId]);
  return rows[0]?.id ?? null;
}

const TAB_SQL: Record<NoticeDeskTab, string> = {
  drafts: "n.status = 'draft'",
  review: "n.status = 'in_review'",
  scheduled: "n.status = 'scheduled'",
  published: "n.status = 'published'",
  withdrawn: "n.status = 'withdrawn'",
};
const TAB_ORDER: Record<NoticeDeskTab, string> = {
  drafts: "n.updated_at DESC",
  review: "n.updated_at ASC",
  scheduled: "n.scheduled_at ASC NULLS LAST",
  published: "n.published_at DESC NULLS LAST",
  withdrawn: "n.withdrawn_at DESC NULLS LAST",
};

/** `visible` is notice-access.ts' condition (with its params already in `params`). */
export async function listNotices(
  q: Queryable,
  visible: { sql: string; params: unknown[] },
  f: { tab: NoticeDeskTab; category?: string; q?: string },
  page: { limit: number; offset: number },
): Promise<{ rows: NoticeRow[]; total: number; counts: Record<NoticeDeskTab, number> }> {
  const params = [...visible.params];
  const where = [visible.sql];
  if (f.category) {
    params.push(f.category);
    where.push(`n.category = $${params.length}`);
  }
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where.push(`n.title ILIKE $${params.length}`);
  }
  const base = where.join(" AND ");
  const countSql = Object.entries(TAB_SQL)
    .map(([tab, cond]) => `count(*) FILTER (WHERE ${cond})::int AS "${tab}"`)
    .join(", ");
  const [list, counts] = await Promise.all([
    q.query<NoticeRow & { total: number }>(
      `SELECT ${NOTICE_COLUMNS}, count(*) OVER ()::int AS total FROM notices n WHERE ${base} AND ${TAB_SQL[f.tab]}
       ORDER BY ${TAB_ORDER[f.tab]}, n.id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params,
    ),
    q.query<Record<NoticeDeskTab, number>>(`SELECT ${countSql} FROM notices n WHERE ${base}`, params),
  ]);
  return { rows: list.rows, total: list.rows[0]?.total ?? counts.rows[0]![f.tab], counts: counts.rows[0]! };
}
