// Tells the reporter that their report arrived: an SMS with the code and the private link (when they gave a phone
// and are not anonymous), an email when they gave one. Queued in the outbox inside the report's transaction.
// A phone typed into a public form could be anyone's: each SMS counts against the SMS limits (SMS_MAX_PER_*),
// per recipient and per sender (the account, or the address of an anonymous sender); over them the SMS is skipped.
import type { Deps } from "../../../deps.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { translator } from "../../../platform/i18n/i18n.ts";
import { enqueue } from "../../../platform/jobs/outbox.ts";
import { release, reserve } from "../../../platform/throttle/throttle.ts";
import { EMAIL_TOPIC, SMS_MAX_SEGMENTS, SMS_TOPIC, toE164Vn, toSmsText } from "../../notifications/index.ts";

export type ReporterNotice = {
  reportId: string;
  code: string;
  followUrl: string;
  phone: string | null;
  email: string | null;
  /** Who caused the SMS: `user:<id>`, `ip:<address>`, `open311:<client>`; null for the office (not counted). */
  sender: string | null;
};

export async function notifyReportReceived(deps: Pick<Deps, "config" | "clock">, q: Queryable, n: ReporterNotice): Promise<{ sms: boolean; email: boolean }> {
  const t = translator("vi");
  const params = { code: n.code, url: n.followUrl };
  let sms = false;
  const phone = n.phone ? toE164Vn(n.phone) : null;
  if (phone) {
    const { windowHours, perRecipient, perAccount } = deps.config.sms.limits;
    const windowMs = windowHours * 3_600_000;
    const counted = n.sender
      ? await reserve(
          q,
          "sms",
          [
            { key: `to:${phone}`, limit: perRecipient, windowMs },
            { key: `by:${n.sender}`, limit: perAccount, windowMs },
          ],
          deps.clock.now(),
        )
      : null;
    if (counted?.allowed !== false) {
      const { text } = toSmsText(t("reports.reporting.sms.received", params), { maxSegments: SMS_MAX_SEGMENTS, keep: [n.code, n.followUrl] });
      sms = await enqueue(q, { topic: SMS_TOPIC, payload: { to: phone, text }, dedupeKey: `report:${n.reportId}:received:sms` });
      if (!sms && counted) await release(q, counted);
    }
  }
  let email = false;
  if (n.email) {
    email = await enqueue(q, {
      topic: EMAIL_TOPIC,
      payload: { to: n.email, subject: t("reports.reporting.email.receivedSubject", params), text: t("reports.reporting.email.receivedText", params) },
      dedupeKey: `report:${n.reportId}:received:email`,
    });
  }
  return { sms, email };
}
