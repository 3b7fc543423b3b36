// The SMS gateway reports what became of messages: delivered or failed, by its own message id. The answer is for a
// machine that retries: 200 "recorded, stop" (also for a report on a delivery already final); 401 unsigned (the
// endpoint refuses everything while SMS_WEBHOOK_SECRET is unset); 400 malformed; 404 naming the ids we never sent
// (the others in the same list are still recorded). Nothing in the body is trusted before the signature holds.
import type { Deps } from "../../../deps.ts";
import { type FieldError, fieldErrorsFromZod } from "../../../platform/http/app-error.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { applyReport } from "../channels/channels.repository.ts";
import { parseSmsReports, verifySmsSignature } from "../channels/delivery-reports.ts";

export type CallbackOutcome =
  | { status: 200; processed: number; ignored: number }
  | { status: 404; processed: number; ignored: number; unknown: string[] }
  | { status: 400 | 401; code: "validation" | "bad_json" | "unauthenticated"; messageKey: MessageKey; fields?: FieldError[] };

export function parseJson(rawBody: string): { ok: true; json: unknown } | { ok: false } {
  try {
    return { ok: true, json: JSON.parse(rawBody) };
  } catch {
    return { ok: false };
  }
}

export async function recordSmsReports(
  deps: Pick<Deps, "db" | "config" | "clock">,
  req: { rawBody: string; signature: string | null | undefined },
): Promise<CallbackOutcome> {
  const secret = deps.config.notices.smsWebhookSecret;
  if (!secret || !verifySmsSignature(secret, req.rawBody, req.signature))
    return { status: 401, code: "unauthenticated", messageKey: "notices.channels.error.signature" };
  const body = parseJson(req.rawBody);
  if (!body.ok) return { status: 400, code: "bad_json", messageKey: "error.badJson" };
  const parsed = parseSmsReports(body.json);
  if (!parsed.ok) return { status: 400, code: "validation", messageKey: "error.validation", fields: fieldErrorsFromZod(parsed.issues) };
  const now = deps.clock.now();
  return deps.db.tx(async (q): Promise<CallbackOutcome> => {
    let processed = 0;
    let ignored = 0;
    const unknown: string[] = [];
    for (const r of parsed.reports) {
      // A time the gateway states is kept when it is not in the future (its clock is not ours to trust further).
      const at = r.at && r.at.getTime() <= now.getTime() ? r.at : now;
      const outcome = await applyReport(q, "sms", r.providerId, { status: r.status, error: r.error, at });
      if (outcome === "processed") processed++;
      else if (outcome === "ignored") ignored++;
      else unknown.push(r.providerId);
    }
    return unknown.length ? { status: 404, processed, ignored, unknown } : { status: 200, processed, ignored };
  });
}
