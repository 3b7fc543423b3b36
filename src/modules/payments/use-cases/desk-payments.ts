// The desk records what happened to a fee: money received (cash, or a transfer seen on the statement), a
// waiver, or a refund. Each writes a numbered row and the dossier's copy of the fee status in one transaction.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { type DossierRow, findDossierRow, setFeeStatus } from "../../dossiers/index.ts";
import { ConfirmPaymentInput, ExemptInput, RefundInput, type ReasonInput } from "../payments.contract.ts";
import * as repo from "../payments.repository.ts";
import { authoriseDesk, notFoundFor, UUID, vietnamYear } from "./payment-access.ts";

type D = Pick<Deps, "db" | "events" | "clock">;
type Ctx = Context & { principal: Principal | null };

/** Why a fee cannot be settled now, in words for each state it may be in; null when it can. */
export function whyNotPayable(d: DossierRow): MessageKey | null {
  if (d.state === "draft") return "payments.error.draft";
  if (d.feeStatus === "unpaid" && d.feeAmount > 0) return null;
  switch (d.feeStatus) {
    case "paid":
      return "payments.error.state.paid";
    case "exempt":
      return "payments.error.state.exempt";
    case "refunded":
      return "payments.error.state.refunded";
    default:
      return "payments.error.state.none";
  }
}

function assertUnpaid(d: DossierRow): void {
  const blocked = whyNotPayable(d);
  if (blocked) throw new AppError("conflict", blocked);
}

/** `BL-2026-02923-000001`: one receipt book per commune and year (MG- for waivers, which are not receipts of money). */
export async function takeReceiptNumber(q: Queryable, series: "BL" | "MG", communeCode: string, at: Date): Promise<string> {
  const prefix = `${series}-${vietnamYear(at)}-${communeCode}-`;
  return `${prefix}${String(await repo.nextReceiptNumber(q, prefix)).padStart(6, "0")}`;
}

async function loadForDesk(deps: D, ctx: Ctx, dossierId: string): Promise<DossierRow> {
  const d = UUID.test(dossierId) ? await findDossierRow(deps.db, dossierId) : null;
  if (!d) throw notFoundFor(ctx.principal);
  authoriseDesk(ctx.principal, d);
  return d;
}

/** Use cases are called by tests and other modules too, so they check their input themselves. */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw validationError(r.error.issues);
  return r.data;
}

export async function confirmPayment(
  deps: D,
  ctx: Ctx,
  dossierId: string,
  input: { method: "cash" | "vietqr"; note?: string | null },
): Promise<repo.PaymentRow> {
  const d = await loadForDesk(deps, ctx, dossierId);
  const data = parse(ConfirmPaymentInput, { method: input.method, ...(input.note ? { note: input.note } : {}) });
  const p = ctx.principal!;
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    // The row lock makes a second desk (or the gateway) wait, then see the fee already paid.
    const locked = (await findDossierRow(q, d.id, true))!;
    assertUnpaid(locked);
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
    await setFeeStatus(q, locked.id, "paid", now);
    await deps.events.publish(q, {
      type: "payment.confirmed",
      actor: ctx.actor,
      target: { type: "payment", id },
      adminUnitCode: locked.communeCode,
      requestId: ctx.requestId,
      details: { dossierId: locked.id, dossierCode: locked.code, receiptNo, amount: locked.feeAmount, method: data.method },
    });
    return (await repo.findById(q, id))!;
  });
}

export async function markExempt(deps: D, ctx: Ctx, dossierId: string, input: ReasonInput): Promise<repo.PaymentRow> {
  const d = await loadForDesk(deps, ctx, dossierId);
  const data = parse(ExemptInput, input);
  const p = ctx.principal!;
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const locked = (await findDossierRow(q, d.id, true))!;
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
    await setFeeStatus(q, locked.id, "exempt", now);
    await deps.events.publish(q, {
      type: "payment.exempted",
      actor: ctx.actor,
      target: { type: "payment", id },
      adminUnitCode: locked.communeCode,
      requestId: ctx.requestId,
      details: { dossierId: locked.id, dossierCode: locked.code, receiptNo, amount: locked.feeAmount, reason: data.reason },
    });
    return (await repo.findById(q, id))!;
  });
}

export async function refundPayment(deps: D, ctx: Ctx, paymentId: string, input: ReasonInput): Promise<repo.PaymentRow> {
  const payment = UUID.test(paymentId) ? await repo.findById(deps.db, paymentId) : null;
  if (!payment) throw notFoundFor(ctx.principal);
  const d = await loadForDesk(deps, ctx, payment.dossierId);
  const data = parse(RefundInput, input);
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    await findDossierRow(q, d.id, true);
    const current = (await repo.findById(q, payment.id, true))!;
    if (current.status === "refunded") throw new AppError("conflict", "payments.error.refund.refunded");
    if (current.status !== "paid") throw new AppError("conflict", "payments.error.refund.exempt");
    await repo.markRefunded(q, current.id, now, data.reason);
    await setFeeStatus(q, d.id, "refunded", now);
    await deps.events.publish(q, {
      type: "payment.refunded",
      actor: ctx.actor,
      target: { type: "payment", id: current.id },
      adminUnitCode: d.communeCode,
      requestId: ctx.requestId,
      details: { dossierId: d.id, dossierCode: d.code, receiptNo: current.receiptNo, amount: current.amount, method: current.method, reason: data.reason },
    });
    return (await repo.findById(q, current.id))!;
  });
}
