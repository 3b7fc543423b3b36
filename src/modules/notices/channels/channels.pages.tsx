// Pages of notices' channels part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { noticePaths } from "../notice-paths.ts";
import { channelsPage, zaloSavePost, zaloTestPost } from "./pages/channels-page.tsx";

export function registerChannelsPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  app.get(noticePaths.channelSettings, channelsPage(kit));
  app.post(noticePaths.channelSettingsZalo, zaloSavePost(kit));
  app.post(noticePaths.channelSettingsZaloTest, zaloTestPost(kit));
}
