import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { registerCategoriesApi } from "./categories/categories.api.ts";
import { registerCategoriesPages } from "./categories/categories.pages.tsx";
import { registerDeskApi } from "./desk/desk.api.ts";
import { registerDeskPages } from "./desk/desk.pages.tsx";
import { registerFiguresApi } from "./figures/figures.api.ts";
import { registerFiguresPages } from "./figures/figures.pages.tsx";
import { registerHandlingApi } from "./handling/handling.api.ts";
import { handlingJobs } from "./handling/handling.jobs.ts";
import { registerHandlingPages } from "./handling/handling.pages.tsx";
import { registerOpen311Api } from "./open311/open311.api.ts";
import { registerOpen311Pages } from "./open311/open311.pages.tsx";
import { registerPhotosApi } from "./photos/photos.api.ts";
import { registerPhotosPages } from "./photos/photos.pages.tsx";
import { registerPublicApi } from "./public/public.api.ts";
import { registerPublicPages } from "./public/public.pages.tsx";
import { registerReportingApi } from "./reporting/reporting.api.ts";
import { registerReportingPages } from "./reporting/reporting.pages.tsx";

export const reportsModule: ModuleMount = {
  name: "reports",
  api: (api, deps) => {
    // Fixed paths (/reports/similar, /reports/figures) before handling's /reports/{id}, which would take them.
    registerReportingApi(api, deps);
    registerDeskApi(api, deps);
    registerCategoriesApi(api, deps);
    registerFiguresApi(api, deps);
    registerPublicApi(api, deps);
    registerPhotosApi(api, deps);
    registerHandlingApi(api, deps);
    registerOpen311Api(api, deps);
  },
  pages: (app, web) => {
    registerReportingPages(app, web);
    registerPhotosPages(app, web);
    registerHandlingPages(app, web);
    registerDeskPages(app, web);
    registerCategoriesPages(app, web);
    registerFiguresPages(app, web);
    registerPublicPages(app, web);
    registerOpen311Pages(app, web);
  },
  jobs: (deps) => [...handlingJobs(deps)],
};
