// One receipt: the applicant and the commune's office may read it; anyone else gets 404.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { assertCanView, type DossierRow, findDossierForFee, loadDeskSettings, recordDossierRead } from "../../dossiers/index.ts";
import { getProcedureVersion } from "../../procedures/index.ts";
import { withOfficerName } from "../officer-names.ts";
import type { PaymentRow } from "../payments.model.ts";
import * as repo from "../payments.repository.ts";
import { canConfirmPayments, notFoundFor } from "./payment-access.ts";
import { isUuid } from "../../../platform/db/uuid.ts";

export type Receipt = {
  payment: PaymentRow;
  dossier: DossierRow;
  procedureName: string;
  communeName: string;
  deskAddress: string | null;
  canRefund: boolean;
  capacity: "office" | "applicant";
};

export async function getReceipt(
  deps: Pick<Deps, "db" | "config" | "events">,
  ctx: Context & { principal: Principal | null },
  paymentId: string,
): Promise<Receipt> {
  const payment = isUuid(paymentId) ? await withOfficerName(deps.db, await repo.findById(deps.db, paymentId)) : null;
  const dossier = payment ? await findDossierForFee(deps.db, payment.dossierId) : null;
  if (!payment || !dossier) throw notFoundFor(ctx.principal);
  const capacity = assertCanView(ctx.principal, dossier);
  const [procedure, commune, settings] = await Promise.all([
    getProcedureVersion(deps.db, dossier.procedureId, dossier.procedureVersion),
    getAdminUnit(deps, dossier.communeCode),
    loadDeskSettings(deps, dossier.communeCode),
  ]);
  // The receipt names the payer: read by anyone but the owner, it is audited like the dossier.
  await recordDossierRead(deps, ctx, dossier, capacity, { part: "receipt", paymentId: payment.id });
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
