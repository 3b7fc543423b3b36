// A dossier's fee: its QR, its payments, and whether the viewer may confirm one.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { assertCanView, type DossierRow, findDossierForFee, recordDossierRead } from "../../dossiers/index.ts";
import type { PaymentRow } from "../payments.model.ts";
import { paymentsForDossier } from "./list-dossier-payments.ts";
import { canConfirmPayments, notFoundFor } from "./payment-access.ts";
import { paymentQrData, type PaymentQrData } from "./payment-qr.ts";

export type PaymentInfo = { dossier: DossierRow; qr: PaymentQrData | null; payments: PaymentRow[]; canConfirm: boolean };

export async function getPaymentInfo(
  deps: Pick<Deps, "db" | "events">,
  ctx: Context & { principal: Principal | null },
  dossierId: string,
): Promise<PaymentInfo> {
  const dossier = await findDossierForFee(deps.db, dossierId);
  if (!dossier) throw notFoundFor(ctx.principal);
  const capacity = assertCanView(ctx.principal, dossier);
  const [qr, payments] = await Promise.all([paymentQrData(deps, dossier), paymentsForDossier(deps, dossier.id)]);
  // Who paid what for which dossier is the applicant's personal data.
  await recordDossierRead(deps, ctx, dossier, capacity, { part: "payments" });
  return { dossier, qr, payments, canConfirm: canConfirmPayments(ctx.principal, dossier) };
}
