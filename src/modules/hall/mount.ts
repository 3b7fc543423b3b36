import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { registerQueueApi } from "./queue/queue.api.ts";
import { registerQueuePages } from "./queue/queue.pages.tsx";
import { hallSmsKeyword } from "./queue/queue-sms.ts";
import { registerScreenApi } from "./screen/screen.api.ts";
import { registerScreenPages } from "./screen/screen.pages.tsx";

export const hallModule: ModuleMount = {
  name: "hall",
  api: (api, deps) => {
    registerQueueApi(api, deps);
    registerScreenApi(api, deps);
  },
  pages: (app, web) => {
    registerQueuePages(app, web);
    registerScreenPages(app, web);
  },
};

/** SMS keywords the hall answers through the notices module's inbound SMS (wired in src/modules.ts). */
export const hallSmsKeywords = [hallSmsKeyword];
