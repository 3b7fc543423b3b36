// Issue #12's hall journey in Chromium: a resident takes a number at the kiosk, the counter officer signs in, sits at
// a counter and calls it, and the big screen shows it — with JavaScript (the server-sent events put it on the screen
// without a reload) and without (the page's refresh shows it). axe finds no violations on the kiosk, the ticket's
// pages, the counter page and the screen.
import { expect, it } from "vitest";
import { DEMO_COMMUNE } from "../../src/demo/seed-demo.ts";
import { hallPaths } from "../../src/modules/hall/hall-paths.ts";
import { buildCounter, buildHallService } from "../support/notice-factories.ts";
import { formatViolations } from "./support/axe.ts";
import { describeBrowser } from "./support/browser.ts";
import { useE2e } from "./support/e2e-app.ts";
import type { XasoPage } from "./support/xaso-page.ts";

describeBrowser("the commune hall: kiosk, counter and big screen", () => {
  const e2e = useE2e();

  const axeClean = async (x: XasoPage) => {
    const violations = await x.axe();
    expect(violations, formatViolations(x.path, violations)).toEqual([]);
  };
  // The resident's side: the kiosk's button for the service, then the printed ticket's page.
  const takeNumber = async (x: XasoPage, serviceId: string, checkAxe: boolean) => {
    await x.open(hallPaths.kiosk(DEMO_COMMUNE));
    if (checkAxe) await axeClean(x);
    const res = await x.navigateBy(x.page.locator(`button[name=serviceId][value="${serviceId}"]`));
    expect(res.status()).toBe(200);
    const label = (await x.page.locator("#ticket-label").innerText()).trim();
    if (checkAxe) await axeClean(x);
    return label;
  };
  // The counter officer's side: "Gọi số tiếp theo" at the counter they sit at.
  const callNext = async (x: XasoPage) => {
    await x.open(hallPaths.counter);
    const res = await x.navigateBy(x.page.locator("button[name=action][value=next]"));
    expect(res.status()).toBe(200);
  };

  it("with JavaScript: the number called at the counter reaches the screen through the stream", async () => {
    const { app, openPage } = e2e();
    // A letter and a counter number no demo data uses.
    const service = await buildHallService(app.deps, { communeCode: DEMO_COMMUNE, letter: "Y" });
    const counter = await buildCounter(app.deps, { communeCode: DEMO_COMMUNE, number: 96, serviceIds: [service.id] });

    const kiosk = await openPage();
    const label = await takeNumber(kiosk, service.id, true);
    expect(label).toBe("Y001");
    const ticket = await app.db.query<{ id: string }>("SELECT id::text FROM queue_tickets WHERE service_id = $1", [service.id]);
    expect(ticket.rows).toHaveLength(1);
    await kiosk.open(hallPaths.ticket(ticket.rows[0]!.id));
    expect(await kiosk.page.locator("main").innerText()).toContain("Y001");
    // In the queue: brought up to date in place by its script, the timed refresh only inside <noscript>.
    expect(await kiosk.page.locator("[data-ticket-live]").count()).toBe(1);
    await axeClean(kiosk);

    const screen = await openPage();
    const navigations: string[] = [];
    screen.page.on("framenavigated", (f) => {
      if (f === screen.page.mainFrame()) navigations.push(f.url());
    });
    await screen.open(hallPaths.screen(DEMO_COMMUNE));
    await screen.page.locator("#hall-status").filter({ hasText: "Đang cập nhật trực tiếp" }).waitFor();
    await axeClean(screen);
    expect(await screen.page.locator("#hall-now").innerText()).not.toContain("Y001");

    const officer = await openPage();
    await officer.signIn("motcua.giaphu");
    await officer.open(hallPaths.counter);
    await officer.page.locator("#f-counterId").selectOption(counter.id);
    await officer.navigateBy(officer.page.locator('form:has(input[name=action][value=sit]) button[type="submit"]'));
    await axeClean(officer);
    await callNext(officer);
    expect(await officer.page.locator("main").innerText()).toContain("Y001");
    await axeClean(officer);

    await screen.page.locator("#hall-now .hs-now__label").filter({ hasText: "Y001" }).waitFor();
    expect(await screen.page.locator("#hall-now .hs-now__counter").textContent()).toBe("đến quầy 96");
    // Updated in place: the one navigation is the page's own load.
    expect(navigations).toHaveLength(1);
    await axeClean(screen);
  });

  it("without JavaScript: the kiosk and the counter work with plain forms, and the screen's refresh shows the number", async () => {
    const { app, openPage } = e2e();
    const service = await buildHallService(app.deps, { communeCode: DEMO_COMMUNE, letter: "W" });
    const counter = await buildCounter(app.deps, { communeCode: DEMO_COMMUNE, number: 95, serviceIds: [service.id] });

    const kiosk = await openPage({ javaScriptEnabled: false });
    expect(await takeNumber(kiosk, service.id, false)).toBe("W001");

    const screen = await openPage({ javaScriptEnabled: false });
    await screen.open(hallPaths.screen(DEMO_COMMUNE));
    // The timed refresh that stands in for the stream.
    expect(await screen.page.locator('noscript meta[http-equiv="refresh"]').count()).toBe(1);
    expect(await screen.page.locator("main").innerText()).not.toContain("W001");

    const officer = await openPage({ javaScriptEnabled: false });
    await officer.signIn("motcua.giaphu");
    await officer.open(hallPaths.counter);
    await officer.page.locator("#f-counterId").selectOption(counter.id);
    await officer.navigateBy(officer.page.locator('form:has(input[name=action][value=sit]) button[type="submit"]'));
    // The app's clock stands still: a minute on, so that W001 is called after the first test's Y001.
    app.clock.advance(60_000);
    await callNext(officer);
    expect(await officer.page.locator("main").innerText()).toContain("W001");

    // What the refresh does: load the page again.
    await screen.open(hallPaths.screen(DEMO_COMMUNE));
    expect(await screen.page.locator("#hall-now .hs-now__label").innerText()).toContain("W001");
    expect(await screen.page.locator("#hall-now .hs-now__counter").textContent()).toBe("đến quầy 95");
  });
});
