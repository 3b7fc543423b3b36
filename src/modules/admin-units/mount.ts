import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { registerAdminUnitsApi } from "./admin-units.api.ts";
import { registerAdminUnitPages } from "./admin-units.pages.tsx";

export const adminUnitsModule: ModuleMount = { name: "admin-units", api: registerAdminUnitsApi, pages: registerAdminUnitPages };
