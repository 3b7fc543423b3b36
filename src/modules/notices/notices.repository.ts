// The notices core's reads shared by every part of the module. A part's own queries live in its folder's repository.
import type { Queryable } from "../../platform/db/database.ts";
import type { NoticeRow } from "./notices.model.ts";

export const NOTICE_COLUMNS = `n.id, n.unit_code AS "unitCode", n.unit_path AS "unitPath", n.category, n.title, n.body, n.scope,
  n.village_codes AS "villageCodes", to_char(n.valid_from, 'YYYY-MM-DD') AS "validFrom",
  to_char(n.valid_until, 'YYYY-MM-DD') AS "validUntil", n.channels, n.audience, n.sms_text AS "smsText",
  n.sms_edited AS "smsEdited", n.speech_text AS "speechText", n.speech_edited AS "speechEdited", n.status,
  n.review_skipped AS "reviewSkipped", n.review_note AS "reviewNote", n.scheduled_at AS "scheduledAt",
  n.published_at AS "publishedAt", n.fanned_out_at AS "fannedOutAt", n.withdrawn_at AS "withdrawnAt",
  n.withdrawal_reason AS "withdrawalReason", n.corrects_id AS "correctsId", n.author_id AS "authorId",
  n.approved_by AS "approvedBy", n.approved_at AS "approvedAt", n.version, n.created_at AS "createdAt", n.updated_at AS "updatedAt"`;

/** A notice by id with no access check: callers check notice-access.ts (office) or publicNoticeSql (public) first. */
export async function findNotice(q: Queryable, id: string, lock = false): Promise<NoticeRow | null> {
  const { rows } = await q.query<NoticeRow>(`SELECT ${NOTICE_COLUMNS} FROM notices n WHERE n.id = $1${lock ? " FOR UPDATE" : ""}`, [id]);
  return rows[0] ?? null;
}
