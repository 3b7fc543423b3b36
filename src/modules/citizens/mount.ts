import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { registerCitizensApi } from "./citizens.api.ts";
import { registerCitizenPages } from "./citizens.pages.tsx";

export const citizensModule: ModuleMount = {
  name: "citizens",
  api: registerCitizensApi,
  pages: registerCitizenPages,
};
