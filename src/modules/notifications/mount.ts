import type { ModuleMount } from "../../platform/http/module-mount.ts";

export const notificationsModule: ModuleMount = { name: "notifications" };
