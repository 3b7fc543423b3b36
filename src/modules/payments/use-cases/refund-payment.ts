// The desk records that a paid fee was given back: the payment is marked refunded and so is the dossier's copy.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { findDossierForFee, recordFeeStatus } from "../../dossiers/index.ts";
import { parseInput } from "../fee-rules.ts";
import { withOfficerName } from "../officer-names.ts";
import { type ReasonInput, RefundInput } from "../payments.contract.ts";
import type { PaymentRow } from "../payments.model.ts";
import * as repo from "../payments.repository.ts";
import { loadForDesk, notFoundFor } from "./payment-access.ts";
import { isUuid } from "../../../platform/db/uuid.ts";

export async function refundPayment(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: Context & { principal: Principal | null },
  paymentId: string,
  input: ReasonInput,
): Promise<PaymentRow> {
  const payment = isUuid(paymentId) ? await repo.findById(deps.db, paymentId) : null;
  if (!payment) throw notFoundFor(ctx.principal);
  const d = await loadForDesk(deps, ctx.principal, payment.dossierId);
  const data = parseInput(RefundInput, input);
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    await findDossierForFee(q, d.id, { lock: true });
    const current = (await repo.findById(q, payment.id, true))!;
    if (current.status === "refunded") throw new AppError("conflict", "payments.error.refund.refunded");
    if (current.status !== "paid") throw new AppError("conflict", "payments.error.refund.exempt");
    await repo.markRefunded(q, current.id, now, data.reason);
    await recordFeeStatus(q, d.id, "refunded", now);
    await deps.events.publish(q, {
      type: "payment.refunded",
      actor: ctx.actor,
      target: { type: "payment", id: current.id },
      adminUnitCode: d.communeCode,
      requestId: ctx.requestId,
      details: { dossierId: d.id, dossierCode: d.code, receiptNo: current.receiptNo, amount: current.amount, method: current.method, reason: data.reason },
    });
    return withOfficerName(q, (await repo.findById(q, current.id))!);
  });
}
