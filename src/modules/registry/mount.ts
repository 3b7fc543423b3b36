import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { registerImportApi } from "./import/import.api.ts";
import { registerImportPages } from "./import/import.pages.tsx";
import { registerLinksApi } from "./links/links.api.ts";
import { registerLinksPages } from "./links/links.pages.tsx";
import { registerRegistryApi } from "./registry.api.ts";
import { registerRegistryPages } from "./registry.pages.tsx";
import type { HouseholdPanel, RegistrySlots, ResidentPanel } from "./registry-slots.ts";
import { registerTeamsApi } from "./teams/teams.api.ts";
import { registerTeamsPages } from "./teams/teams.pages.tsx";

export type { HouseholdPanel, RegistrySlots, ResidentPanel };

/** The resident and household pages have a slot each for the outreach panel, filled at composition. */
export const registryModule = (slots: RegistrySlots = {}): ModuleMount => ({
  name: "registry",
  api: (api, deps) => {
    registerRegistryApi(api, deps);
    registerImportApi(api, deps);
    registerTeamsApi(api, deps);
    registerLinksApi(api, deps);
  },
  pages: (app, web) => {
    registerRegistryPages(app, web, {
      residentPanel: slots.residentPanel?.(web.deps),
      householdPanel: slots.householdPanel?.(web.deps),
    });
    registerImportPages(app, web);
    registerTeamsPages(app, web);
    registerLinksPages(app, web);
  },
});
