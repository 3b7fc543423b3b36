import type { Deps } from "../../deps.ts";
import type { ModuleMount } from "../../platform/http/module-mount.ts";
import type { PaymentPanel } from "./citizen/my-dossier-page.tsx";
import { registerDossiersApi } from "./dossiers.api.ts";
import { registerDossierCitizenPages } from "./dossiers.citizen.tsx";
import { registerDossierOfficePages } from "./dossiers.office.tsx";

export type { PaymentPanel };

/** The citizen dossier page has a slot for the fee's payment panel, filled by the payments module at composition. */
export const dossiersModule = (
  opts: { citizenPaymentPanel?: (deps: Deps) => PaymentPanel; officePaymentPanel?: (deps: Deps) => PaymentPanel } = {},
): ModuleMount => ({
  name: "dossiers",
  api: registerDossiersApi,
  pages: (app, web) => {
    const citizenPanel = opts.citizenPaymentPanel?.(web.deps);
    const officePanel = opts.officePaymentPanel?.(web.deps);
    registerDossierCitizenPages(app, web, citizenPanel ? { paymentPanel: citizenPanel } : {});
    registerDossierOfficePages(app, web, officePanel ? { paymentPanel: officePanel } : {});
  },
});
