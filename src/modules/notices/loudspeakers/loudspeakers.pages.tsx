// Pages of notices' loudspeakers part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit, requireSignedIn } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { noticePaths } from "../notice-paths.ts";
import { stationPlaylist } from "../use-cases/loudspeakers-playlist.ts";
import { removeSlot } from "../use-cases/loudspeakers-slot-delete.ts";
import { playsPage } from "./pages/plays-page.tsx";
import { slotForm } from "./pages/slot-form.tsx";
import { stationPage } from "./pages/station-page.tsx";
import { stationsPage } from "./pages/stations-page.tsx";

const uuid = "[0-9a-fA-F-]{36}";

export function registerLoudspeakersPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  const list = stationsPage(kit);
  const station = stationPage(kit);
  const slot = slotForm(kit);
  app.get(noticePaths.stations, list.get);
  app.post(noticePaths.stationNew, list.post);
  app.get("/office/stations/:id/playlist.zip", async (c) => {
    const { zip, fileName } = await stationPlaylist(kit.deps, requireSignedIn(c), c.req.param("id"));
    return c.body(new Uint8Array(zip), 200, {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    });
  });
  app.get("/office/stations/:id/plays", playsPage(kit));
  app.post("/office/stations/:id/key", station.rotate);
  app.post("/office/stations/:id/edit", station.edit);
  app.get("/office/stations/:id/slots/new", slot.get);
  app.post("/office/stations/:id/slots/new", slot.post);
  app.post(`/office/stations/:id/slots/:slotId{${uuid}}/delete`, async (c) => {
    requireSignedIn(c);
    await removeSlot(kit.deps, useCaseContext(c), c.req.param("id"), c.req.param("slotId"));
    setFlash(c, "notices.loudspeakers.flash.slotDeleted", kit.secure);
    return c.redirect(noticePaths.station(c.req.param("id")), 303);
  });
  app.get(`/office/stations/:id/slots/:slotId{${uuid}}`, slot.get);
  app.post(`/office/stations/:id/slots/:slotId{${uuid}}`, slot.post);
  app.get("/office/stations/:id", station.get);
}
