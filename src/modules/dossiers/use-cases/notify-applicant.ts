// Tells the applicant by SMS and email, through the outbox, inside the change's own transaction.
import type { Queryable } from "../../../platform/db/database.ts";
import { enqueueNotification, type NotificationKind } from "../../notifications/index.ts";
import type { DossierRow } from "../dossiers.repository.ts";

let publicBase = "";
/** Set once at start-up from PUBLIC_URL so messages carry a link the citizen can open. */
export function setPublicBaseUrl(url: string | undefined): void {
  publicBase = (url ?? "").replace(/\/$/, "");
}

export const statusPath = (code: string) => `/status?code=${encodeURIComponent(code)}`;
/** The short form for SMS, where every character counts; it redirects to the status page. */
export const shortStatusPath = (code: string) => `/s/${encodeURIComponent(code)}`;

export async function notifyApplicant(
  q: Queryable,
  d: DossierRow,
  kind: NotificationKind,
  extra: { procedureName?: string; dueAt?: Date | null; newDueAt?: Date | null; items?: string[]; round?: number },
): Promise<void> {
  if (!d.code) return;
  await enqueueNotification(q, {
    kind,
    locale: "vi",
    to: { phone: d.applicant.phone ?? null, email: d.applicant.email ?? null },
    dedupeKey: `dossier:${d.id}:${kind}:${extra.round ?? 0}`,
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
