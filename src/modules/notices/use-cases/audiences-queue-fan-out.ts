// Queues a notice's fan-out in the caller's transaction (approval, emergency publication, correction): the outbox
// runs it when the notice's time comes (scheduled_at, else at once). The handler (audiences/fan-out-handler.ts) turns
// the audience into deliveries and per-channel messages, and marks a scheduled notice published. Committed with the
// approval, so an approved notice is never lost; the dedupe key makes a second call a no-op.
import type { Queryable } from "../../../platform/db/database.ts";
import { enqueue } from "../../../platform/jobs/outbox.ts";
import type { NoticeRow } from "../notices.model.ts";

export const FAN_OUT_TOPIC = "notices.fan-out";

export async function queueNoticeFanOut(q: Queryable, notice: Pick<NoticeRow, "id" | "scheduledAt">): Promise<boolean> {
  return enqueue(q, {
    topic: FAN_OUT_TOPIC,
    payload: { noticeId: notice.id },
    dedupeKey: `notice:${notice.id}:fan-out`,
    notBefore: notice.scheduledAt ?? undefined,
  });
}
