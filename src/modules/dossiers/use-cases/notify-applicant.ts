// Tells the applicant by SMS and email, through the outbox, inside the change's own transaction.
import type { Queryable } from "../../../platform/db/database.ts";
import { verifiedPhoneOf } from "../../citizens/index.ts";
import { enqueueNotification, type NotificationKind, type SmsQuota } from "../../notifications/index.ts";
import type { DossierRow } from "../dossiers.model.ts";

export const statusPath = (code: string) => `/status?code=${encodeURIComponent(code)}`;
/** The short form for SMS, where every character counts; it redirects to the status page. */
export const shortStatusPath = (code: string) => `/s/${encodeURIComponent(code)}`;

/**
 * The number an SMS about the dossier may go to. Filed at the desk or for the citizen by an officer or volunteer
 * (who saw them): the applicant's phone they recorded is the desk's channel. Filed by the citizen online: only
 * the filing account's verified phone, never a number typed into the form, which could be anyone's.
 */
async function smsPhone(q: Queryable, d: DossierRow): Promise<string | null> {
  const filedForThem = d.channel !== "online" || d.assistedConsent !== null;
  if (filedForThem) return d.applicant.phone ?? null;
  return d.filedByUserId ? verifiedPhoneOf(q, d.filedByUserId) : null;
}

/** `publicUrl` (config PUBLIC_URL) makes the link one the citizen can open from a message. */
export async function notifyApplicant(
  q: Queryable,
  publicUrl: string | undefined,
  d: DossierRow,
  kind: NotificationKind,
  extra: { procedureName?: string; dueAt?: Date | null; newDueAt?: Date | null; items?: string[]; round?: number; smsQuota?: SmsQuota },
): Promise<void> {
  if (!d.code) return;
  const publicBase = (publicUrl ?? "").replace(/\/$/, "");
  await enqueueNotification(q, {
    kind,
    locale: "vi",
    to: { phone: await smsPhone(q, d), email: d.applicant.email ?? null },
    dedupeKey: `dossier:${d.id}:${kind}:${extra.round ?? 0}`,
    ...(extra.smsQuota ? { smsQuota: extra.smsQuota } : {}),
    data: {
      dossierCode: d.code,
      procedureName: extra.procedureName,
      dueAt: extra.dueAt ?? undefined,
      newDueAt: extra.newDueAt ?? undefined,
      items: extra.items,
      // A relative link is useless in an SMS: without PUBLIC_URL the message carries the code alone.
      statusUrl: publicBase ? `${publicBase}${shortStatusPath(d.code)}` : undefined,
    },
  });
}
