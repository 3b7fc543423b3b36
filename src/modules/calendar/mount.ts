import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { mountCalendarApi } from "./calendar.api.ts";
import { registerCalendarPages } from "./calendar.pages.tsx";

export const calendarModule: ModuleMount = {
  name: "calendar",
  api: mountCalendarApi,
  pages: registerCalendarPages,
};
