// The desk records money received for a fee (cash, or a transfer seen on the statement): a numbered receipt
// and the dossier's copy of the fee status, in one transaction.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { findDossierForFee, recordFeeStatus } from "../../dossiers/index.ts";
import { assertDue, parseInput, takeReceiptNumber } from "../fee-rules.ts";
import { withOfficerName } from "../officer-names.ts";
import { ConfirmPaymentInput } from "../payments.contract.ts";
import type { PaymentRow } from "../payments.model.ts";
import * as repo from "../payments.repository.ts";
import { loadForDesk } from "./payment-access.ts";

export async function confirmPayment(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: Context & { principal: Principal | null },
  dossierId: string,
  input: { method: "cash" | "vietqr"; note?: string | null },
): Promise<PaymentRow> {
  const d = await loadForDesk(deps, ctx.principal, dossierId);
  const data = parseInput(ConfirmPaymentInput, { method: input.method, ...(input.note ? { note: input.note } : {}) });
  const p = ctx.principal!;
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    // The row lock makes a second desk (or the gateway) wait, then see the fee already paid.
    const locked = (await findDossierForFee(q, d.id, { lock: true }))!;
    // A gateway payment that arrives anyway is recorded by the webhook (and refunded); the desk takes none.
    assertDue(locked);
    const receiptNo = await takeReceiptNumber(q, "BL", locked.communeCode, now);
    const id = await repo.insertPayment(q, {
      dossierId: locked.id,
      amount: locked.feeAmount,
      method: data.method,
      status: "paid",
      receiptNo,
      gatewayRef: null,
      confirmedById: p.userId,
      confirmedAt: now,
      note: data.note || null,
    });
    await recordFeeStatus(q, locked.id, "paid", now);
    await deps.events.publish(q, {
      type: "payment.confirmed",
      actor: ctx.actor,
      target: { type: "payment", id },
      adminUnitCode: locked.communeCode,
      requestId: ctx.requestId,
      details: { dossierId: locked.id, dossierCode: locked.code, receiptNo, amount: locked.feeAmount, method: data.method },
    });
    return withOfficerName(q, (await repo.findById(q, id))!);
  });
}
