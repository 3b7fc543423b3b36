import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { registerStatsApi } from "./dossier-stats.api.ts";
import { registerStatsPages } from "./dossier-stats.pages.tsx";

export const dossierStatsModule: ModuleMount = {
  name: "dossier-stats",
  api: registerStatsApi,
  pages: registerStatsPages,
};
