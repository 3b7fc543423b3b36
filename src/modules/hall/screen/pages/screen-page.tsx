// GET /hall/:commune/screen[?voice=1]: the big screen at the commune hall. Public; no JavaScript needed.
import type { Context } from "hono";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { hallPaths } from "../../hall-paths.ts";
import { screenDisplay } from "../../use-cases/screen-display.ts";
import { ScreenView } from "./screen-view.tsx";

export function screenPage(kit: PageKit) {
  const { deps, page } = kit;
  return async (c: Context<AppEnv>) => {
    const display = await screenDisplay(deps, c.req.param("commune") ?? "");
    const ctx = page(c);
    // The screen is always live: no cache may keep an old queue.
    c.header("cache-control", "no-store");
    return c.html(
      <ScreenView
        ctx={ctx}
        display={display}
        eventsUrl={hallPaths.screenEvents(display.commune.code)}
        voice={c.req.query("voice") === "1"}
        now={deps.clock.now()}
      />,
    );
  };
}
