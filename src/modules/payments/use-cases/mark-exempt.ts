// The desk waives a dossier's fee, with the reason: a numbered waiver (MG-) and the dossier's copy of the status.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { findDossierForFee, recordFeeStatus } from "../../dossiers/index.ts";
import { assertUnpaid, parseInput, takeReceiptNumber } from "../fee-rules.ts";
import { withOfficerName } from "../officer-names.ts";
import { ExemptInput, type ReasonInput } from "../payments.contract.ts";
import type { PaymentRow } from "../payments.model.ts";
import * as repo from "../payments.repository.ts";
import { loadForDesk } from "./payment-access.ts";

export async function markExempt(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: Context & { principal: Principal | null },
  dossierId: string,
  input: ReasonInput,
): Promise<PaymentRow> {
  const d = await loadForDesk(deps, ctx.principal, dossierId);
  const data = parseInput(ExemptInput, input);
  const p = ctx.principal!;
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const locked = (await findDossierForFee(q, d.id, { lock: true }))!;
    assertUnpaid(locked);
    const receiptNo = await takeReceiptNumber(q, "MG", locked.communeCode, now);
    // The waived amount is kept, so reports can say how much was waived and why.
    const id = await repo.insertPayment(q, {
      dossierId: locked.id,
      amount: locked.feeAmount,
      method: "exempt",
      status: "exempt",
      receiptNo,
      gatewayRef: null,
      confirmedById: p.userId,
      confirmedAt: now,
      note: data.reason,
    });
    await recordFeeStatus(q, locked.id, "exempt", now);
    await deps.events.publish(q, {
      type: "payment.exempted",
      actor: ctx.actor,
      target: { type: "payment", id },
      adminUnitCode: locked.communeCode,
      requestId: ctx.requestId,
      details: { dossierId: locked.id, dossierCode: locked.code, receiptNo, amount: locked.feeAmount, reason: data.reason },
    });
    return withOfficerName(q, (await repo.findById(q, id))!);
  });
}
