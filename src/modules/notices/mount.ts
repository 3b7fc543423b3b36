import type { ModuleMount } from "../../platform/http/module-mount.ts";
import type { NoticesSlots } from "./inbound-sms.ts";
import { registerAudiencesApi } from "./audiences/audiences.api.ts";
import { registerAudiencesPages } from "./audiences/audiences.pages.tsx";
import { registerAuthoringApi } from "./authoring/authoring.api.ts";
import { registerAuthoringPages } from "./authoring/authoring.pages.tsx";
import { registerChannelsApi } from "./channels/channels.api.ts";
import { registerChannelsPages } from "./channels/channels.pages.tsx";
import { registerLoudspeakersApi } from "./loudspeakers/loudspeakers.api.ts";
import { registerLoudspeakersPages } from "./loudspeakers/loudspeakers.pages.tsx";
import { registerPreferencesApi } from "./preferences/preferences.api.ts";
import { registerPreferencesPages } from "./preferences/preferences.pages.tsx";
import { registerPublicApi } from "./public/public.api.ts";
import { registerPublicPages } from "./public/public.pages.tsx";

/** slots: what other modules add, wired by the composition root (SMS keywords such as the hall's "SO A"). */
export const noticesModule = (slots: NoticesSlots): ModuleMount => ({
  name: "notices",
  api: (api, deps) => {
    // Fixed paths (/notices/audience-preview, /notices/delivery-reports/*) before authoring's /notices/{id}.
    registerAudiencesApi(api, deps);
    registerChannelsApi(api, deps);
    registerPreferencesApi(api, deps, slots.smsKeywords);
    registerLoudspeakersApi(api, deps);
    registerPublicApi(api, deps);
    registerAuthoringApi(api, deps);
  },
  pages: (app, web) => {
    // Fixed office paths (/office/notices/new, /channels, /preferences) before authoring's /office/notices/:id.
    registerChannelsPages(app, web);
    registerPreferencesPages(app, web);
    registerAudiencesPages(app, web);
    registerLoudspeakersPages(app, web);
    registerPublicPages(app, web);
    registerAuthoringPages(app, web);
  },
});
