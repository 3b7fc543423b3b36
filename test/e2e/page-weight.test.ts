// A first visit on a slow, metered phone connection: the home and sign-in pages, with everything they
// load (HTML, CSS, JavaScript, fonts, icons), must weigh at most 30 KB compressed, as transferred.
import { beforeAll, expect, it } from "vitest";
import { DEMO_COMMUNE } from "../../src/demo/seed-demo.ts";
import { toLocalDay } from "../../src/platform/calendar/vietnam-time.ts";
import { buildHallService, buildNotice } from "../support/notice-factories.ts";
import { buildTicket } from "../support/screen-factories.ts";
import { describeBrowser } from "./support/browser.ts";
import { XasoPage } from "./support/xaso-page.ts";
import { useE2e } from "./support/e2e-app.ts";
import { formatWeight, measureFirstVisit } from "./support/page-weight.ts";

const BUDGET = 30 * 1024;

describeBrowser("page weight on a first visit", () => {
  const e2e = useE2e();

  it.each([
    { name: "home", path: "/" },
    { name: "sign-in", path: "/sign-in" },
  ])("$name ($path) weighs at most 30 KB compressed in total", async ({ name, path }) => {
    // A fresh context: empty cache and no cookies, like a first visit.
    const context = await e2e().newContext();
    const w = await measureFirstVisit(context, new URL(path, e2e().baseUrl).toString());
    const report = formatWeight(name, w);
    console.log(report);

    const doc = w.transfers.find((t) => t.type === "Document");
    expect(doc?.status).toBe(200);
    expect(doc?.encoding, "the HTML is sent compressed").toMatch(/^(gzip|br|deflate|zstd)$/);
    const css = w.transfers.find((t) => t.type === "Stylesheet");
    expect(css?.status).toBe(200);
    expect(
      w.transfers.some((t) => new URL(t.url).pathname.includes("favicon")),
      "the icon is counted",
    ).toBe(true);
    expect(w.total, report).toBeLessThanOrEqual(BUDGET);
  });
});

describeBrowser("page weight of the two entry pages together", () => {
  const e2e = useE2e();

  it("home then sign-in, each a first visit, stay within 30 KB compressed together", async () => {
    let total = 0;
    for (const path of ["/", "/sign-in"]) {
      const context = await e2e().newContext();
      const w = await measureFirstVisit(context, new URL(path, e2e().baseUrl).toString());
      total += w.total;
      await context.close();
    }
    console.log(`home + sign-in: ${(total / 1024).toFixed(1)} KB`);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });
});

describeBrowser("page weight of the public services' two citizen pages together", () => {
  const e2e = useE2e({ publicServices: true });

  it("the public status page and the application form, each a first visit, stay within 30 KB compressed together", async () => {
    // The status page as anyone opens it from the SMS link; the form as a signed-in citizen opens it, cache empty.
    const anonymous = await e2e().newContext();
    const status = await measureFirstVisit(anonymous, new URL("/status", e2e().baseUrl).toString());
    const citizen = await e2e().newContext();
    const signIn = new XasoPage(await citizen.newPage(), e2e().baseUrl);
    await signIn.signIn("congdan.phuha");
    await signIn.page.close();
    const form = await measureFirstVisit(citizen, new URL("/dossiers/new?procedure=1.004873", e2e().baseUrl).toString());
    const total = status.total + form.total;
    const report = [
      formatWeight("status page", status),
      formatWeight("application form", form),
      `status + application form: ${(total / 1024).toFixed(1)} KB (${total} bytes)`,
    ].join("\n");
    console.log(report);

    for (const w of [status, form]) {
      const doc = w.transfers.find((t) => t.type === "Document");
      expect(doc?.status, w.url).toBe(200);
      expect(doc?.encoding, `${w.url}: the HTML is sent compressed`).toMatch(/^(gzip|br|deflate|zstd)$/);
      expect(
        w.transfers.some((t) => t.type === "Stylesheet" && t.status === 200),
        `${w.url}: the CSS is counted`,
      ).toBe(true);
    }
    // The form really is the form (not the sign-in page it would redirect to).
    expect(form.transfers.find((t) => t.type === "Document")?.url).toContain("/dossiers/new?procedure=1.004873");
    expect(total, report).toBeLessThanOrEqual(BUDGET);
  });
});

// notices+hall journey: the citizen pages of issue #12, each a first visit.
describeBrowser("page weight of the notices' and the hall's citizen pages", () => {
  const e2e = useE2e();
  const found = { notice: "", kioskTicket: "", ticket: "" };

  beforeAll(async () => {
    const deps = e2e().app.deps;
    found.notice = (
      await buildNotice(deps, {
        unitCode: DEMO_COMMUNE,
        title: "Lịch tiêm chủng mở rộng tháng 12",
        body: "UBND xã thông báo tiêm vắc-xin cho trẻ lúc 7h30 ngày 12/12/2026 tại trạm y tế xã.\n\n- Mang sổ tiêm chủng\n- Hỏi thêm: 0912 345 678",
      })
    ).id;
    const service = await buildHallService(deps, { communeCode: DEMO_COMMUNE, letter: "P" });
    const now = deps.clock.now();
    found.ticket = (
      await buildTicket(deps.db, { communeCode: DEMO_COMMUNE, serviceId: service.id, letter: "P", day: toLocalDay(now), number: 1, takenAt: now })
    ).id;
    found.kioskTicket = found.ticket;
  });

  it.each([
    { name: "a commune's notices", path: () => `/notices/${DEMO_COMMUNE}` },
    { name: "a village's notices", path: () => `/notices/${DEMO_COMMUNE}/village/${DEMO_COMMUNE}.001` },
    { name: "a notice", path: () => `/notices/n/${found.notice}` },
    { name: "hall kiosk", path: () => `/hall/${DEMO_COMMUNE}/kiosk` },
    { name: "hall kiosk's ticket", path: () => `/hall/${DEMO_COMMUNE}/kiosk/t/${found.kioskTicket}` },
    { name: "hall online booking", path: () => `/hall/${DEMO_COMMUNE}/book` },
    { name: "a ticket's page", path: () => `/hall/t/${found.ticket}` },
    // The screen's event stream never ends (a first visit's weight would wait for it for ever): it is refused here, so
    // that the page, its stylesheet and its script are what is measured.
    { name: "hall big screen", path: () => `/hall/${DEMO_COMMUNE}/screen`, stream: false },
    { name: "my notice choices (signed in)", path: () => "/me/notices", citizen: true },
    // indicators/dashboards: the public page of a commune and of a province.
    { name: "public indicators of a commune", path: () => `/indicators/${DEMO_COMMUNE}` },
    { name: "public indicators of a province", path: () => `/indicators/15` },
  ])("$name weighs at most 30 KB compressed in total", async ({ name, path, citizen, stream }) => {
    const context = await e2e().newContext();
    if (stream === false) await context.route("**/screen/events", (route) => route.abort());
    if (citizen) {
      const signIn = new XasoPage(await context.newPage(), e2e().baseUrl);
      await signIn.signIn("congdan.phuha");
      await signIn.page.close();
    }
    const w = await measureFirstVisit(context, new URL(path(), e2e().baseUrl).toString());
    const report = formatWeight(name, w);
    console.log(report);
    const doc = w.transfers.find((t) => t.type === "Document");
    expect(doc?.status).toBe(200);
    expect(doc?.encoding, "the HTML is sent compressed").toMatch(/^(gzip|br|deflate|zstd)$/);
    expect(w.total, report).toBeLessThanOrEqual(BUDGET);
  });
});
