// Citizens' notifications go through the outbox: queued in the transaction of the change they announce,
// sent by the worker with retries. Payloads are final (rendered, SMS already GSM-7), so a template change
// never alters a message already queued and the handlers stay trivial.
import { z } from "zod";
import type { Queryable } from "../../platform/db/database.ts";
import type { Locale } from "../../platform/i18n/i18n.ts";
import { enqueue, type OutboxHandlers } from "../../platform/jobs/outbox.ts";
import { release, reserve } from "../../platform/throttle/throttle.ts";
import type { EmailSender } from "./email.ts";
import { toE164Vn, type SmsSender } from "./sms.ts";
import { toSmsText } from "./sms-text.ts";
import { renderNotification, type NotificationData, type NotificationKind } from "./templates.ts";

export const SMS_TOPIC = "sms";
export const EMAIL_TOPIC = "email";

/** Longest SMS we pay for: two GSM-7 parts (306 characters). */
export const SMS_MAX_SEGMENTS = 2;

export type NotificationInput = {
  kind: NotificationKind;
  data: NotificationData;
  locale: Locale;
  to: { phone?: string | null; email?: string | null };
  /** Stable per event, e.g. `dossier:${id}:received`; the same key is never sent twice. */
  dedupeKey: string;
  /** Not sent before this instant (e.g. outside quiet hours). */
  notBefore?: Date;
  /**
   * An SMS that someone other than the office causes (a citizen's own filing, to their verified phone) is
   * counted per recipient and per that account; over either limit the SMS is skipped (the email still goes).
   */
  smsQuota?: SmsQuota;
};

export type SmsQuota = { accountId: string; perRecipient: number; perAccount: number; windowMs: number; now: Date };

const smsPayload = z.object({ to: z.string().regex(/^\+\d{8,15}$/), text: z.string().min(1) });
const emailPayload = z.object({ to: z.string().min(3), subject: z.string().min(1), text: z.string().min(1) });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Renders and queues the SMS and/or email inside q's transaction. A phone number that is not a Vietnamese
 * mobile number, or a malformed address, is skipped rather than failing the caller's change; so is an SMS over
 * its quota. The result says what was queued (false also when the dedupe key was already used).
 */
export async function enqueueNotification(q: Queryable, input: NotificationInput): Promise<{ sms: boolean; email: boolean; smsOverQuota?: true }> {
  const rendered = renderNotification(input.kind, input.data, input.locale);
  const phone = input.to.phone ? toE164Vn(input.to.phone) : null;
  const email = input.to.email?.trim() && EMAIL.test(input.to.email.trim()) ? input.to.email.trim() : null;
  let sms = false;
  let mail = false;
  let overQuota = false;
  if (phone) {
    const quota = input.smsQuota;
    // Counted in q's transaction: a rolled-back change sends nothing and counts nothing.
    const counted = quota
      ? await reserve(
          q,
          "sms",
          [
            { key: `to:${phone}`, limit: quota.perRecipient, windowMs: quota.windowMs },
            { key: `by:${quota.accountId}`, limit: quota.perAccount, windowMs: quota.windowMs },
          ],
          quota.now,
        )
      : null;
    overQuota = counted?.allowed === false;
    if (!overQuota) {
      const keep = [input.data.dossierCode, input.data.statusUrl, input.data.code].filter((k): k is string => !!k);
      const { text } = toSmsText(rendered.sms, { maxSegments: SMS_MAX_SEGMENTS, keep });
      sms = await enqueue(q, { topic: SMS_TOPIC, payload: { to: phone, text }, dedupeKey: `${input.dedupeKey}:sms`, notBefore: input.notBefore });
      if (!sms && counted) await release(q, counted); // already queued once: not a second SMS
    }
  }
  if (email) {
    mail = await enqueue(q, {
      topic: EMAIL_TOPIC,
      payload: { to: email, subject: rendered.emailSubject, text: rendered.emailText },
      dedupeKey: `${input.dedupeKey}:email`,
      notBefore: input.notBefore,
    });
  }
  return { sms, email: mail, ...(overQuota ? { smsOverQuota: true as const } : {}) };
}

/** The outbox worker's handlers for notification topics. A malformed payload fails (and ends 'dead'). */
export function notificationHandlers(senders: { sms: SmsSender; email: EmailSender }): OutboxHandlers {
  return {
    [SMS_TOPIC]: async (payload) => {
      const p = smsPayload.parse(payload);
      await senders.sms.send(p.to, p.text);
    },
    [EMAIL_TOPIC]: async (payload) => {
      await senders.email.send(emailPayload.parse(payload));
    },
  };
}
