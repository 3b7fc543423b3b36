// The outbox handler of notices.fan-out: audience → deliveries and per-channel messages (use-cases/audiences-fan-out.ts).
// A payload that is not {noticeId: uuid} is logged and dropped: retrying it could never succeed.
import type { Deps } from "../../../deps.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { OutboxHandlers } from "../../../platform/jobs/outbox.ts";
import { fanOutNotice } from "../use-cases/audiences-fan-out.ts";
import { FAN_OUT_TOPIC } from "../use-cases/audiences-queue-fan-out.ts";

export function fanOutHandlers(deps: Deps): OutboxHandlers {
  return {
    [FAN_OUT_TOPIC]: async (payload) => {
      const noticeId = (payload as { noticeId?: unknown } | null)?.noticeId;
      if (typeof noticeId !== "string" || !isUuid(noticeId)) {
        deps.log.error({ payload }, "notices.fan-out: payload without a notice id; dropped");
        return;
      }
      const r = await fanOutNotice(deps, noticeId);
      deps.log.info({ noticeId, ...r }, "notice fan-out");
    },
  };
}
