import type { ModuleMount } from "../../platform/http/module-mount.ts";
import { registerIdentityApi } from "./identity.api.ts";
import { registerIdentityPages } from "./identity.pages.tsx";
import type { OidcClient } from "./oidc-client.ts";

export const identityModule = (oidc: OidcClient | null): ModuleMount => ({
  name: "identity",
  api: registerIdentityApi,
  pages: (app, web) => registerIdentityPages(app, web, oidc),
});
