// What the reporter and the assignee are told, queued in the outbox inside the step's own transaction (a refused or
// rolled-back step sends nothing). Texts come from the catalogue; SMS go out in GSM-7 without diacritics, with the
// report's code and the link kept whole, as the dossiers' SMS are.
import type { Deps } from "../../../deps.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import { type Locale, translator } from "../../../platform/i18n/i18n.ts";
import { enqueue } from "../../../platform/jobs/outbox.ts";
import { verifiedPhoneOf } from "../../citizens/index.ts";
import { accountDetails } from "../../identity/index.ts";
import { EMAIL_TOPIC, SMS_MAX_SEGMENTS, SMS_TOPIC, toE164Vn, toSmsText } from "../../notifications/index.ts";
import { reportPaths } from "../report-paths.ts";
import { CONFIRM_WINDOW_DAYS, type ReportRow } from "../reports.model.ts";

export const REPORTER_NOTICES = ["accepted", "rejected", "resolved", "closed"] as const;
export type ReporterNotice = (typeof REPORTER_NOTICES)[number];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const validEmail = (e: string | null | undefined) => (e?.trim() && EMAIL.test(e.trim()) ? e.trim() : null);

type Message = { sms: string; subject: string; body: string; keep: string[] };

async function queue(q: Queryable, to: { phone: string | null; email: string | null }, m: Message, dedupeKey: string) {
  const phone = to.phone ? toE164Vn(to.phone) : null;
  const email = validEmail(to.email);
  let sms = false;
  let mail = false;
  if (phone) {
    const { text } = toSmsText(m.sms, { maxSegments: SMS_MAX_SEGMENTS, keep: m.keep });
    sms = await enqueue(q, { topic: SMS_TOPIC, payload: { to: phone, text }, dedupeKey: `${dedupeKey}:sms` });
  }
  if (email) mail = await enqueue(q, { topic: EMAIL_TOPIC, payload: { to: email, subject: m.subject, text: m.body }, dedupeKey: `${dedupeKey}:email` });
  return { sms, email: mail };
}

const base = (config: Deps["config"]) => (config.publicUrl ?? "").replace(/\/$/, "");

/**
 * The reporter, unless anonymous: SMS only when they asked for it (notify_sms) and gave a phone (or their account has a
 * verified one), e-mail when they gave an address (or their account has one). The follow link's secret is known only at submission, so messages carry the code and the look-up page.
 * `round` tells apart the same notice sent again (an answer after a reopening).
 */
export async function notifyReporter(
  q: Queryable,
  deps: Pick<Deps, "config" | "db">,
  r: ReportRow,
  notice: ReporterNotice,
  round = 0,
  opts: { sms?: boolean } = {},
): Promise<{ sms: boolean; email: boolean }> {
  if (r.anonymous) return { sms: false, email: false };
  // A signed-in reporter who typed no contact is reached at their account: its verified phone (never an unverified
  // one), its e-mail.
  const account = r.reporterUserId && (!r.reporterPhone || !r.reporterEmail) ? r.reporterUserId : null;
  // opts.sms false: a step the reporter took themselves (their own confirm) gets an e-mail receipt, not a paid SMS.
  const phone = r.notifySms && opts.sms !== false ? (r.reporterPhone ?? (account ? await verifiedPhoneOf(q, account) : null)) : null;
  const email = r.reporterEmail ?? (account ? ((await accountDetails({ db: deps.db }, account))?.email ?? null) : null);
  if (!phone && !validEmail(email)) return { sms: false, email: false };
  const locale: Locale = "vi";
  const t = translator(locale);
  const publicBase = base(deps.config);
  const link = publicBase ? `${publicBase}${reportPaths.followLookup}` : "";
  const params = { code: r.code, note: (r.statusNote ?? "").trim(), days: CONFIRM_WINDOW_DAYS };
  const sentence = t(`reports.handling.notice.${notice}.sms`, params);
  const sms = [t("reports.handling.notice.smsHead", params), link, sentence].filter(Boolean).join("\n");
  const body = [
    t("reports.handling.notice.greeting"),
    "",
    t(`reports.handling.notice.${notice}.body`, params),
    ...(params.note && notice !== "closed" ? ["", params.note] : []),
    "",
    link ? t("reports.handling.notice.followLink", { code: r.code, link }) : t("reports.handling.notice.followCode", { code: r.code }),
    "",
    t("reports.handling.notice.automatic"),
  ].join("\n");
  return queue(
    q,
    { phone, email },
    { sms, subject: t(`reports.handling.notice.${notice}.subject`, params), body, keep: [r.code, ...(link ? [link] : [])] },
    `report:${r.id}:${notice}:${round}`,
  );
}

/**
 * The assignee: on assignment, once before the deadline, and when the reporter reopens a report answered by them.
 * Officers are reached at their account's phone and e-mail.
 */
export async function notifyAssignee(
  q: Queryable,
  deps: Pick<Deps, "config" | "db">,
  r: ReportRow,
  notice: "assigned" | "reminder" | "reopened" | "forwardReminder",
  dedupe: string,
  /** A forward's agency and its deadline (YYYY-MM-DD), for the forward's reminder. */
  forward?: { agency: string; forwardDue: string },
): Promise<{ sms: boolean; email: boolean }> {
  if (!r.assigneeUserId) return { sms: false, email: false };
  const who = await accountDetails({ db: deps.db }, r.assigneeUserId);
  if (!who) return { sms: false, email: false };
  const locale: Locale = "vi";
  const t = translator(locale);
  const publicBase = base(deps.config);
  const link = publicBase ? `${publicBase}${reportPaths.officeReport(r.id)}` : "";
  const params = {
    code: r.code,
    due: r.dueAt ? formatDateTime(r.dueAt, locale) : t("reports.handling.noDue"),
    agency: forward?.agency ?? "",
    forwardDue: forward ? forward.forwardDue.split("-").reverse().join("/") : "",
  };
  const sms = [t("reports.handling.notice.smsHead", params), link, t(`reports.handling.notice.${notice}.sms`, params)].filter(Boolean).join("\n");
  const body = [
    t("reports.handling.notice.greeting"),
    "",
    t(`reports.handling.notice.${notice}.body`, params),
    ...(link ? ["", link] : []),
    "",
    t("reports.handling.notice.automatic"),
  ].join("\n");
  return queue(
    q,
    { phone: who.phone, email: who.email },
    { sms, subject: t(`reports.handling.notice.${notice}.subject`, params), body, keep: [r.code, ...(link ? [link] : [])] },
    `report:${r.id}:${notice}:${dedupe}`,
  );
}
