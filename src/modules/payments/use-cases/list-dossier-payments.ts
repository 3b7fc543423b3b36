// The payments of a dossier, oldest first; shared by the fee page and the payment panel.
import type { Deps } from "../../../deps.ts";
import { withOfficerNames } from "../officer-names.ts";
import type { PaymentRow } from "../payments.model.ts";
import * as repo from "../payments.repository.ts";

/** Callers have already checked that the viewer may see the dossier. */
export const paymentsForDossier = async (deps: Pick<Deps, "db">, dossierId: string): Promise<PaymentRow[]> =>
  withOfficerNames(deps.db, await repo.listForDossier(deps.db, dossierId));
