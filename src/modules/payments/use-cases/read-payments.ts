// Reading payments: a dossier's fee with its QR and history, and one receipt.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { assertCanView, type DossierRow, findDossierForFee, loadDeskSettings } from "../../dossiers/index.ts";
import { getProcedureVersion } from "../../procedures/index.ts";
import { withOfficerName, withOfficerNames } from "../officer-names.ts";
import type { PaymentRow } from "../payments.model.ts";
import * as repo from "../payments.repository.ts";
import { canConfirmPayments, notFoundFor, UUID } from "./payment-access.ts";
import { paymentQrData, type PaymentQrData } from "./payment-qr.ts";

type Ctx = { principal: Principal | null };

/** The payments of a dossier, oldest first. Callers have already checked that the viewer may see the dossier. */
export const paymentsForDossier = async (deps: Pick<Deps, "db">, dossierId: string): Promise<PaymentRow[]> =>
  withOfficerNames(deps.db, await repo.listForDossier(deps.db, dossierId));

export type PaymentInfo = { dossier: DossierRow; qr: PaymentQrData | null; payments: PaymentRow[]; canConfirm: boolean };

export async function getPaymentInfo(deps: Pick<Deps, "db">, ctx: Ctx, dossierId: string): Promise<PaymentInfo> {
  const dossier = await findDossierForFee(deps.db, dossierId);
  if (!dossier) throw notFoundFor(ctx.principal);
  assertCanView(ctx.principal, dossier);
  const [qr, payments] = await Promise.all([paymentQrData(deps, dossier), paymentsForDossier(deps, dossier.id)]);
  return { dossier, qr, payments, canConfirm: canConfirmPayments(ctx.principal, dossier) };
}

export type Receipt = {
  payment: PaymentRow;
  dossier: DossierRow;
  procedureName: string;
  communeName: string;
  deskAddress: string | null;
  canRefund: boolean;
  capacity: "office" | "applicant";
};

/** The applicant and the commune's office may read a receipt; anyone else gets 404. */
export async function getReceipt(deps: Pick<Deps, "db" | "config">, ctx: Ctx, paymentId: string): Promise<Receipt> {
  const payment = UUID.test(paymentId) ? await withOfficerName(deps.db, await repo.findById(deps.db, paymentId)) : null;
  const dossier = payment ? await findDossierForFee(deps.db, payment.dossierId) : null;
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
