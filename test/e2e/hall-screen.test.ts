// The hall's big screen in Chromium with the site's real CSP: the stream (EventSource) puts a newly called number
// on the screen without a reload, and the page has no refresh of its own while JavaScript runs. Without JavaScript
// the page carries its timed refresh (checked in src/modules/hall/screen/screen.db.test.ts).
import { expect, it } from "vitest";
import { DEMO_COMMUNE } from "../../src/demo/seed-demo.ts";
import { signalHallChange } from "../../src/modules/hall/hall-events.ts";
import { hallPaths } from "../../src/modules/hall/hall-paths.ts";
import { toLocalDay } from "../../src/platform/calendar/vietnam-time.ts";
import { buildCounter, buildHallService } from "../support/notice-factories.ts";
import { buildTicket } from "../support/screen-factories.ts";
import { describeBrowser } from "./support/browser.ts";
import { useE2e } from "./support/e2e-app.ts";

describeBrowser("the hall's big screen", () => {
  const e2e = useE2e();

  it("shows a number called at a counter as soon as it is called, with JavaScript", async () => {
    const { app, openPage } = e2e();
    // A letter and a counter number no demo data uses.
    const service = await buildHallService(app.deps, { communeCode: DEMO_COMMUNE, letter: "Z" });
    const counter = await buildCounter(app.deps, { communeCode: DEMO_COMMUNE, number: 97, serviceIds: [service.id] });
    const x = await openPage();
    const navigations: string[] = [];
    x.page.on("framenavigated", (f) => {
      if (f === x.page.mainFrame()) navigations.push(f.url());
    });
    await x.open(hallPaths.screen(DEMO_COMMUNE));
    await x.page.locator("#hall-status").filter({ hasText: "Đang cập nhật trực tiếp" }).waitFor();
    const now = app.deps.clock.now();
    await app.db.tx(async (q) => {
      await buildTicket(q, {
        communeCode: DEMO_COMMUNE,
        serviceId: service.id,
        letter: "Z",
        day: toLocalDay(now),
        number: 7,
        status: "called",
        counterId: counter.id,
        takenAt: now,
        calledAt: now,
      });
      await signalHallChange(q, DEMO_COMMUNE);
    });
    await x.page.locator("#hall-now .hs-now__label").filter({ hasText: "Z007" }).waitFor();
    expect(await x.page.locator("#hall-now .hs-now__counter").textContent()).toBe("đến quầy 97");
    expect(await x.page.locator('#hall-services li[data-letter="Z"] .hs-services__last').textContent()).toContain("Z007");
    // Updated in place: the one navigation is the page's own load.
    expect(navigations).toHaveLength(1);
  });
});
