import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { registerImportApi } from "./import/import.api.ts";
import { registerImportPages } from "./import/import.pages.tsx";
import { registerLinksApi } from "./links/links.api.ts";
import { registerLinksPages } from "./links/links.pages.tsx";
import { registerRegistryApi } from "./registry.api.ts";
import { registerRegistryPages } from "./registry.pages.tsx";
import { registerTeamsApi } from "./teams/teams.api.ts";
import { registerTeamsPages } from "./teams/teams.pages.tsx";

export const registryModule: ModuleMount = {
  name: "registry",
  api: (api, deps) => {
    registerRegistryApi(api, deps);
    registerImportApi(api, deps);
    registerTeamsApi(api, deps);
    registerLinksApi(api, deps);
  },
  pages: (app, web) => {
    registerRegistryPages(app, web);
    registerImportPages(app, web);
    registerTeamsPages(app, web);
    registerLinksPages(app, web);
  },
};
