// Zalo's webhook: a signed event per request. user_received_message settles the ZNS message with that msg_id as
// delivered; other events of the Official Account (messages, follows) are acknowledged and ignored. The signature is
// checked against the OA secret key of the account the event's app_id (and oa_id) names, before anything is used.
import type { Deps } from "../../../deps.ts";
import { fieldErrorsFromZod } from "../../../platform/http/app-error.ts";
import { ZaloEvent } from "../channels/channels.contract.ts";
import { applyReport, findZaloAccountsByApp } from "../channels/channels.repository.ts";
import { verifyZaloMac, ZALO_DELIVERED_EVENT } from "../channels/delivery-reports.ts";
import { type CallbackOutcome, parseJson } from "./channels-record-sms-reports.ts";

export async function recordZaloEvent(
  deps: Pick<Deps, "db" | "clock">,
  req: { rawBody: string; signature: string | null | undefined },
): Promise<CallbackOutcome> {
  const unsigned: CallbackOutcome = { status: 401, code: "unauthenticated", messageKey: "notices.channels.error.signature" };
  if (!req.signature) return unsigned;
  const body = parseJson(req.rawBody);
  // Without a readable app_id no key can be chosen: a body we cannot read is as unsigned as a wrong signature.
  if (!body.ok) return unsigned;
  const parsed = ZaloEvent.safeParse(body.json);
  const o = body.json && typeof body.json === "object" ? (body.json as Record<string, unknown>) : {};
  const appId = typeof o.app_id === "string" || typeof o.app_id === "number" ? String(o.app_id) : "";
  const timestamp = typeof o.timestamp === "string" || typeof o.timestamp === "number" ? String(o.timestamp) : "";
  const oaId = typeof o.oa_id === "string" ? o.oa_id : undefined;
  const accounts = /^\d{1,32}$/.test(appId) ? await findZaloAccountsByApp(deps.db, appId, oaId) : [];
  const account = accounts.find((a) => verifyZaloMac({ appId, rawBody: req.rawBody, timestamp, oaSecretKey: a.oaSecretKey }, req.signature));
  if (!account) return unsigned;
  if (!parsed.success) return { status: 400, code: "validation", messageKey: "error.validation", fields: fieldErrorsFromZod(parsed.error.issues) };
  const event = parsed.data;
  if (event.event_name !== ZALO_DELIVERED_EVENT || !event.message?.msg_id) return { status: 200, processed: 0, ignored: 1 };
  const now = deps.clock.now();
  const stated = event.message.delivery_time ? new Date(Number(event.message.delivery_time)) : null;
  const at = stated && !Number.isNaN(stated.getTime()) && stated.getTime() <= now.getTime() ? stated : now;
  const msgId = event.message.msg_id;
  const outcome = await deps.db.tx((q) => applyReport(q, "zalo", msgId, { status: "delivered", error: null, at }));
  if (outcome === "unknown") return { status: 404, processed: 0, ignored: 0, unknown: [msgId] };
  return { status: 200, processed: outcome === "processed" ? 1 : 0, ignored: outcome === "ignored" ? 1 : 0 };
}
