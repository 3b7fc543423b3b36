// A payment gateway tells us a dossier's fee was paid. The answer is for a machine that retries: 200 means
// "recorded, stop sending" (also for a replay), 4xx means "this notice is wrong, retrying will not help".
import type { Deps } from "../../../deps.ts";
import type { Actor } from "../../../platform/events/domain-events.ts";
import { type FieldError, fieldErrorsFromZod } from "../../../platform/http/app-error.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { findDossierForFee, findDossierForFeeByCode, recordFeeStatus } from "../../dossiers/index.ts";
import { GatewayNotice } from "../payments.contract.ts";
import * as repo from "../payments.repository.ts";
import { verifyWebhook, WEBHOOK_MESSAGE_KEYS } from "../webhook-signature.ts";
import { takeReceiptNumber, whyNotPayable } from "../fee-rules.ts";

export type WebhookOutcome =
  | { status: 200; paymentId: string; receiptNo: string; duplicate: boolean }
  | { status: 400 | 401 | 404 | 409 | 422; code: string; messageKey: MessageKey; params?: Record<string, string | number>; fields?: FieldError[] };

const GATEWAY: Actor = { userId: null, label: "payment-gateway" };

export async function handleGatewayWebhook(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  req: { rawBody: string; signatureHeader: string | null | undefined; requestId?: string | null },
): Promise<WebhookOutcome> {
  const secret = deps.config.paymentWebhookSecret;
  // Without a secret the endpoint does not exist: nothing unsigned can ever mark a fee paid.
  if (!secret) return { status: 404, code: "not_found", messageKey: "error.notFound" };
  const check = verifyWebhook(secret, req.signatureHeader, req.rawBody, deps.clock.now());
  if (!check.ok) return { status: 401, code: "unauthenticated", messageKey: WEBHOOK_MESSAGE_KEYS[check.code] };

  let json: unknown;
  try {
    json = JSON.parse(req.rawBody);
  } catch {
    return { status: 400, code: "bad_json", messageKey: "error.badJson" };
  }
  const parsed = GatewayNotice.safeParse(json);
  if (!parsed.success) return { status: 400, code: "validation", messageKey: "error.validation", fields: fieldErrorsFromZod(parsed.error.issues) };
  const notice = parsed.data;

  const found = await findDossierForFeeByCode(deps.db, notice.dossierCode);
  if (!found) return { status: 404, code: "not_found", messageKey: "payments.error.unknownDossier" };

  return deps.db.tx(async (q): Promise<WebhookOutcome> => {
    const d = (await findDossierForFee(q, found.id, { lock: true }))!;
    if (notice.amount !== d.feeAmount) {
      return { status: 422, code: "amount_mismatch", messageKey: "payments.error.amountMismatch", params: { amount: notice.amount, fee: d.feeAmount } };
    }
    const earlier = await repo.findByGatewayRef(q, notice.gatewayRef);
    if (earlier) {
      // The same transaction again (gateways retry until they see a 200): answer as the first time.
      if (earlier.dossierId === d.id) return { status: 200, paymentId: earlier.id, receiptNo: earlier.receiptNo, duplicate: true };
      return { status: 409, code: "conflict", messageKey: "payments.error.gatewayRefUsed" };
    }
    const blocked = whyNotPayable(d);
    if (blocked) return { status: 409, code: "conflict", messageKey: blocked };
    const paidAt = new Date(notice.paidAt);
    const receiptNo = await takeReceiptNumber(q, "BL", d.communeCode, paidAt);
    const id = await repo.insertPayment(q, {
      dossierId: d.id,
      amount: d.feeAmount,
      method: "gateway",
      status: "paid",
      receiptNo,
      gatewayRef: notice.gatewayRef,
      confirmedById: null,
      confirmedAt: paidAt,
      note: null,
    });
    const now = deps.clock.now();
    await recordFeeStatus(q, d.id, "paid", now);
    await deps.events.publish(q, {
      type: "payment.confirmed",
      actor: GATEWAY,
      target: { type: "payment", id },
      adminUnitCode: d.communeCode,
      requestId: req.requestId ?? null,
      details: { dossierId: d.id, dossierCode: d.code, receiptNo, amount: d.feeAmount, method: "gateway", gatewayRef: notice.gatewayRef },
    });
    return { status: 200, paymentId: id, receiptNo, duplicate: false };
  });
}
