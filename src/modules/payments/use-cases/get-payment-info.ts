// A dossier's fee: its QR, its payments, and whether the viewer may confirm one.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { assertCanView, type DossierRow, findDossierForFee } from "../../dossiers/index.ts";
import type { PaymentRow } from "../payments.model.ts";
import { paymentsForDossier } from "./list-dossier-payments.ts";
import { canConfirmPayments, notFoundFor } from "./payment-access.ts";
import { paymentQrData, type PaymentQrData } from "./payment-qr.ts";

export type PaymentInfo = { dossier: DossierRow; qr: PaymentQrData | null; payments: PaymentRow[]; canConfirm: boolean };

export async function getPaymentInfo(deps: Pick<Deps, "db">, ctx: { principal: Principal | null }, dossierId: string): Promise<PaymentInfo> {
  const dossier = await findDossierForFee(deps.db, dossierId);
  if (!dossier) throw notFoundFor(ctx.principal);
  assertCanView(ctx.principal, dossier);
  const [qr, payments] = await Promise.all([paymentQrData(deps, dossier), paymentsForDossier(deps, dossier.id)]);
  return { dossier, qr, payments, canConfirm: canConfirmPayments(ctx.principal, dossier) };
}
