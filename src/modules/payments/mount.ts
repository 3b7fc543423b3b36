import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { registerPaymentsApi } from "./payments.api.ts";
import { registerPaymentPages } from "./payments.pages.tsx";

/** The payment slot of the citizen dossier page: the composition root hands it to the dossiers module. */
export { citizenPaymentPanel, officePaymentPanel } from "./payments.pages.tsx";

export const paymentsModule: ModuleMount = {
  name: "payments",
  api: registerPaymentsApi,
  pages: registerPaymentPages,
};
