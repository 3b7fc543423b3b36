// Reading payments: a dossier's fee with its QR and history, and one receipt.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { assertCanView } from "../../dossiers/index.ts";
import { type DossierRow, findDossierRow, loadDeskSettings } from "../../dossiers/index.ts";
import { getProcedureVersion } from "../../procedures/index.ts";
import * as repo from "../payments.repository.ts";
import { canConfirmPayments, notFoundFor, UUID } from "./payment-access.ts";
import { paymentQrData, type PaymentQrData } from "./payment-qr.ts";

type Ctx = { principal: Principal | null };

/** The payments of a dossier, oldest first. Callers have already checked that the viewer may see the dossier. */
export const paymentsForDossier = (deps: Pick<Deps, "db">, dossierId: string) => repo.listForDossier(deps.db, dossierId);

export type PaymentInfo = { dossier: DossierRow; qr: PaymentQrData | null; payments: repo.PaymentRow[]; canConfirm: boolean };

export async function getPaymentInfo(deps: Pick<Deps, "db">, ctx: Ctx, dossierId: string): Promise<PaymentInfo> {
  const dossier = UUID.test(dossierId) ? await findDossierRow(deps.db, dossierId) : null;
  if (!dossier) throw notFoundFor(ctx.principal);
  assertCanView(ctx.principal, dossier);
  const [qr, payments] = await Promise.all([paymentQrData(deps, dossier), repo.listForDossier(deps.db, dossier.id)]);
  return { dossier, qr, payments, canConfirm: canConfirmPayments(ctx.principal, dossier) };
}

export type Receipt = {
  payment: repo.PaymentRow;
  dossier: DossierRow;
  procedureName: string;
  communeName: string;
  deskAddress: string | null;
  canRefund: boolean;
  capacity: "office" | "applicant";
};

/** The applicant and the commune's office may read a receipt; anyone else gets 404. */
export async function getReceipt(deps: Pick<Deps, "db" | "config">, ctx: Ctx, paymentId: string): Promise<Receipt> {
  const payment = UUID.test(paymentId) ? await repo.findById(deps.db, paymentId) : null;
  const dossier = payment ? await findDossierRow(deps.db, payment.dossierId) : null;
  if (!payment || !dossier) throw notFoundFor(ctx.principal);
  const capacity = assertCanView(ctx.principal, dossier);
  const [procedure, commune, settings] = await Promise.all([
    getProcedureVersion(deps.db, dossier.procedureId, dossier.procedureVersion),
    getAdminUnit(deps, dossier.communeCode),
    loadDeskSettings(deps, dossier.communeCode),
  ]);
  return {
    payment,
    dossier,
    procedureName: procedure.definition.name,
    communeName: commune.fullName,
    deskAddress: settings.deskAddress,
    canRefund: payment.status === "paid" && canConfirmPayments(ctx.principal, dossier),
    capacity,
  };
}
