import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { registerDashboardsApi } from "./dashboards/dashboards.api.ts";
import { registerDashboardsPages } from "./dashboards/dashboards.pages.tsx";
import { registerElementsApi } from "./elements/elements.api.ts";
import { elementsJobs } from "./elements/elements.jobs.ts";
import { registerElementsPages } from "./elements/elements.pages.tsx";
import { registerEntryApi } from "./entry/entry.api.ts";
import { registerEntryPages } from "./entry/entry.pages.tsx";
import { registerExportsApi } from "./exports/exports.api.ts";
import { exportsJobs } from "./exports/exports.jobs.ts";
import { registerExportsPages } from "./exports/exports.pages.tsx";
import { registerSetsApi } from "./sets/sets.api.ts";
import { registerSetsPages } from "./sets/sets.pages.tsx";

export const indicatorsModule: ModuleMount = {
  name: "indicators",
  api: (api, deps) => {
    registerElementsApi(api, deps);
    registerSetsApi(api, deps);
    registerEntryApi(api, deps);
    registerDashboardsApi(api, deps);
    registerExportsApi(api, deps);
  },
  pages: (app, web) => {
    registerElementsPages(app, web);
    registerSetsPages(app, web);
    registerEntryPages(app, web);
    registerDashboardsPages(app, web);
    registerExportsPages(app, web);
  },
  jobs: (deps) => [...elementsJobs(deps), ...exportsJobs(deps)],
};
