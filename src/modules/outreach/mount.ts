import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { registerCampaignsApi } from "./campaigns/campaigns.api.ts";
import { registerCampaignsPages } from "./campaigns/campaigns.pages.tsx";
import { registerCoverageApi } from "./coverage/coverage.api.ts";
import { registerCoveragePages } from "./coverage/coverage.pages.tsx";
import { registerFieldApi } from "./field/field.api.ts";
import { registerFieldPages } from "./field/field.pages.tsx";
import { registerSyncApi } from "./sync/sync.api.ts";
import { registerSyncPages } from "./sync/sync.pages.tsx";

/** The outreach panels of the registry's resident and household pages: the composition root hands them over. */
export { householdOutreachPanel, residentOutreachPanel } from "./coverage/registry-panels.tsx";

export const outreachModule: ModuleMount = {
  name: "outreach",
  api: (api, deps) => {
    registerCoverageApi(api, deps);
    registerSyncApi(api, deps);
    registerFieldApi(api, deps);
    registerCampaignsApi(api, deps);
  },
  pages: (app, web) => {
    registerCoveragePages(app, web);
    registerSyncPages(app, web);
    registerFieldPages(app, web);
    registerCampaignsPages(app, web);
  },
};
