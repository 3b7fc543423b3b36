// What citizens are told, as SMS and email, in their language. SMS start with the dossier code and the
// status link so that shortening (sms-text.ts) only ever loses the end of the sentence.
import { formatDate } from "../../platform/i18n/format.ts";
import { translator, type Locale } from "../../platform/i18n/i18n.ts";

export const NOTIFICATION_KINDS = [
  "dossierSubmitted",
  "dossierReceived",
  "supplementRequested",
  "resultReady",
  "dossierLate",
  "dossierRefused",
  "phoneCode",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationData = {
  dossierCode?: string;
  procedureName?: string;
  dueAt?: Date;
  newDueAt?: Date;
  statusUrl?: string;
  /** Documents to supply (supplementRequested) or reasons (dossierRefused). */
  items?: string[];
  /** One-time code (phoneCode). */
  code?: string;
  communeName?: string;
};

export type RenderedNotification = { sms: string; emailSubject: string; emailText: string };

// Only what makes a message meaningless when missing is required; everything else is an optional
// sentence or phrase, so a dossier without a due date still gets a correct (shorter) message.
const REQUIRED: Record<NotificationKind, Array<keyof NotificationData>> = {
  dossierSubmitted: ["dossierCode"],
  dossierReceived: ["dossierCode"],
  supplementRequested: ["dossierCode"],
  resultReady: ["dossierCode"],
  dossierLate: ["dossierCode"],
  dossierRefused: ["dossierCode"],
  phoneCode: ["code"],
};

export function renderNotification(kind: NotificationKind, data: NotificationData, locale: Locale): RenderedNotification {
  const missing = REQUIRED[kind].filter((f) => !data[f]);
  if (missing.length) throw new Error(`notification ${kind} needs ${missing.join(", ")}`);

  const t = translator(locale);
  const items = (data.items ?? []).filter((i) => i.trim() !== "");
  const base = { dossierCode: data.dossierCode ?? "", code: data.code ?? "", items: items.join("; ") };
  const procedure = (where: "sms" | "email") => (data.procedureName ? t(`notifications.procedure.${where}`, { procedureName: data.procedureName }) : "");

  // Sentences after the main one, shared by SMS and email; items come before the generic sentence in the
  // SMS because they are what the citizen must act on.
  const extra: string[] = [];
  if (kind === "dossierReceived" && data.dueAt) extra.push(t("notifications.due", { dueAt: formatDate(data.dueAt, locale) }));
  if (kind === "dossierLate" && data.newDueAt) extra.push(t("notifications.newDue", { newDueAt: formatDate(data.newDueAt, locale) }));
  const reasons = kind === "dossierRefused" && items.length > 0;

  // SMS: code and link first, one per line (a newline costs what a space costs), then the sentences.
  const smsMain = t(`notifications.${kind}.sms`, { ...base, procedure: procedure("sms") });
  const smsSentences =
    kind === "supplementRequested"
      ? [items.length ? t("notifications.items", base) : t("notifications.itemsNone"), smsMain]
      : [smsMain, ...extra, ...(reasons ? [t("notifications.reasons", base)] : [])];
  const head = [data.dossierCode ? t("notifications.sms.dossier", base) : "", data.statusUrl ?? ""].filter(Boolean);
  const sms = [...head, smsSentences.join(" ")].join("\n");

  const bullets = items.map((i) => `- ${i}`);
  const list =
    kind === "supplementRequested" && items.length
      ? ["", t("notifications.itemsTitle"), ...bullets]
      : reasons
        ? ["", t("notifications.reasonsTitle"), ...bullets]
        : [];
  const emailText = [
    t("notifications.email.greeting"),
    "",
    [t(`notifications.${kind}.body`, { ...base, procedure: procedure("email") }), ...extra].join(" "),
    ...list,
    ...(data.statusUrl ? ["", t("notifications.email.statusLink", { statusUrl: data.statusUrl })] : []),
    "",
    t("notifications.email.closing"),
    data.communeName ? t("notifications.email.sender", { communeName: data.communeName }) : t("notifications.email.senderDefault"),
    "",
    "--",
    t("notifications.email.automatic"),
  ].join("\n");

  return { sms, emailSubject: t(`notifications.${kind}.subject`, base), emailText };
}
