import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { registerPaymentsApi } from "./payments.api.ts";
import { registerPaymentPages } from "./payments.pages.tsx";

/** The payment slots of the dossier pages: the composition root hands them to the dossiers module. */
export { citizenPaymentPanel, officePaymentPanel } from "./payment-panel-slots.tsx";

export const paymentsModule: ModuleMount = {
  name: "payments",
  api: registerPaymentsApi,
  pages: registerPaymentPages,
};
