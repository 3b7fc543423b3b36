// GET /hall/:commune/screen/events: the big screen's server-sent events. One hub per app (so per process in
// production): its LISTEN connection, its debounce and its state cache serve every screen this process holds.
import type { Context } from "hono";
import type { Deps } from "../../../deps.ts";
import { listen } from "../../../platform/db/listen.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { getAdminUnit, isCommuneCode } from "../../admin-units/index.ts";
import { HALL_CHANNEL } from "../hall-events.ts";
import { type ScreenQueueState, screenState } from "../use-cases/screen-state.ts";
import { type ScreenClient, ScreenHub } from "./screen-hub.ts";

/** A screen whose unsent events exceed this many bytes is too slow (or gone): it is dropped; it reconnects. */
const MAX_BACKLOG = 256 * 1024;

// Keyed by the database handle: the app and its callers may hold different Deps objects over the same database.
const hubs = new WeakMap<object, ScreenHub<ScreenQueueState>>();

/** The hub of an app's dependencies (one per process in production; tests read its counters). */
export function screenHubFor(deps: Pick<Deps, "db" | "clock" | "log">): ScreenHub<ScreenQueueState> {
  let hub = hubs.get(deps.db);
  if (!hub) {
    const log = deps.log.child({ component: "hall-screen" });
    hub = new ScreenHub<ScreenQueueState>({
      compute: (communeCode) => screenState(deps, communeCode),
      listen: (onMessage, onReconnect) =>
        listen(deps.db.url, HALL_CHANNEL, onMessage, {
          onReconnect,
          onError: (err) => log.warn({ err: err.message }, "hall screen LISTEN connection lost; reconnecting"),
          applicationName: "xaso-hall-screen",
        }),
      onError: (err, communeCode) => log.error({ err, communeCode }, "hall screen state failed"),
    });
    hubs.set(deps.db, hub);
  }
  return hub;
}

export function screenEvents(deps: Deps) {
  const hub = screenHubFor(deps);
  const encoder = new TextEncoder();
  return async (c: Context<AppEnv>) => {
    const commune = c.req.param("commune") ?? "";
    const unit = isCommuneCode(commune) ? await getAdminUnit(deps, commune).catch(() => null) : null;
    if (unit?.level !== "commune") throw new AppError("not_found", "error.notFound");
    const address = clientIp(c, deps.config.trustedProxies) ?? "unknown";
    let remove: (() => void) | null = null;
    let closed = false;
    const signal = c.req.raw.signal;
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          const client: ScreenClient = {
            write(chunk) {
              if (closed) return false;
              controller.enqueue(encoder.encode(chunk));
              return (controller.desiredSize ?? 0) > -MAX_BACKLOG;
            },
            close() {
              if (closed) return;
              closed = true;
              remove?.();
              try {
                controller.close();
              } catch {
                // already closed by the reader's cancel
              }
            },
          };
          remove = hub.connect(unit.code, address, client);
          if (!remove) {
            closed = true;
            return;
          }
          signal.addEventListener("abort", () => client.close(), { once: true });
        },
        cancel() {
          closed = true;
          remove?.();
        },
      },
      // Counted in bytes: desiredSize is then minus the bytes not yet taken by the socket.
      { highWaterMark: 0, size: (chunk) => chunk.byteLength },
    );
    if (!remove) throw new AppError("too_many_requests", "hall.screen.tooMany", [], {}, 60);
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
      },
    });
  };
}
