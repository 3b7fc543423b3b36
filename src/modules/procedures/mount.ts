import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { registerProceduresApi } from "./procedures.api.ts";
import { registerProcedurePages } from "./procedures.pages.tsx";

export const proceduresModule: ModuleMount = {
  name: "procedures",
  api: registerProceduresApi,
  pages: registerProcedurePages,
};
