// axe (WCAG 2.1 A and AA) on every page, as a visitor and as a commune officer. Any violation fails and is printed.
import { beforeAll, expect, it } from "vitest";
import { DEMO_COMMUNE, DEMO_PROVINCE } from "../../src/demo/seed-demo.ts";
import { formatViolations } from "./support/axe.ts";
import { describeBrowser } from "./support/browser.ts";
import { useE2e } from "./support/e2e-app.ts";
import type { XasoPage } from "./support/xaso-page.ts";

type Who = "visitor" | "officer";
type Case = { name: string; who: Who; path: () => string; status?: number; then?: (x: XasoPage) => Promise<unknown> };

describeBrowser("accessibility (axe, WCAG 2.1 AA)", () => {
  const e2e = useE2e();
  const pages = {} as Record<Who, XasoPage>;
  const found = { village: "", user: "" };

  beforeAll(async () => {
    pages.visitor = await e2e().openPage();
    pages.officer = await e2e().openPage();
    await pages.officer.signIn("xa.giaphu");
    // Links we need, found the way a person would find them.
    await pages.visitor.open(`/units/${DEMO_COMMUNE}`);
    found.village = (await pages.visitor.page.getByRole("link", { name: "Thôn Phú Hà", exact: true }).getAttribute("href")) ?? "";
    await pages.officer.open("/office/users");
    found.user = (await pages.officer.page.getByRole("link", { name: "motcua.giaphu", exact: true }).getAttribute("href")) ?? "";
  });

  /** Sends a form with its text fields emptied, so that the page comes back with its errors shown. */
  const submitEmpty = (action: string) => async (x: XasoPage) => {
    const form = x.page.locator(`main form[action="${action}"]`);
    for (const input of await form.locator("input[type=text], input[type=password]").all()) await input.fill("");
    const res = await x.navigateBy(form.locator("button[type=submit]"));
    expect(res.status()).toBe(400);
    expect(await x.page.locator(".error-summary li").count()).toBeGreaterThan(0);
  };

  const cases: Case[] = [
    { name: "home", who: "visitor", path: () => "/" },
    { name: "home in English", who: "visitor", path: () => "/", then: (x) => x.chooseLanguage("en").then(() => x.chooseLanguage("vi")) },
    { name: "sign-in", who: "visitor", path: () => "/sign-in" },
    { name: "sign-in with errors", who: "visitor", path: () => "/sign-in", then: submitEmpty("/sign-in") },
    { name: "units", who: "visitor", path: () => "/units" },
    { name: "search results", who: "visitor", path: () => "/units?q=gia+phu" },
    { name: "search with an error", who: "visitor", path: () => "/units?q=g", then: async (x) => expect(await x.page.locator(".error-summary").count()).toBe(1) },
    { name: "province", who: "visitor", path: () => `/units/${DEMO_PROVINCE}` },
    { name: "commune", who: "visitor", path: () => `/units/${DEMO_COMMUNE}` },
    { name: "village", who: "visitor", path: () => found.village },
    { name: "commune with the village form", who: "officer", path: () => `/units/${DEMO_COMMUNE}` },
    { name: "commune with village form errors", who: "officer", path: () => `/units/${DEMO_COMMUNE}`, then: submitEmpty(`/units/${DEMO_COMMUNE}/villages`) },
    { name: "village with the rename form", who: "officer", path: () => found.village },
    { name: "office", who: "officer", path: () => "/office" },
    { name: "office users", who: "officer", path: () => "/office/users" },
    { name: "a user", who: "officer", path: () => found.user },
    { name: "new user", who: "officer", path: () => "/office/users/new" },
    { name: "new user with errors", who: "officer", path: () => "/office/users/new", then: submitEmpty("/office/users") },
    { name: "API tokens", who: "officer", path: () => "/office/tokens" },
    { name: "audit log", who: "officer", path: () => "/office/audit" },
    { name: "API docs", who: "visitor", path: () => "/api/docs" },
    { name: "privacy", who: "visitor", path: () => "/privacy" },
    { name: "404 page", who: "visitor", path: () => "/no-such-page", status: 404 },
  ];

  it("the harness itself catches a known violation", async () => {
    const x = pages.visitor;
    await x.open("/privacy");
    await x.page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
      document.querySelector("main")!.append(img);
    });
    const violations = await x.axe();
    expect(violations.map((v) => v.id)).toContain("image-alt");
  });

  it.each(cases)("$name ($who) has no axe violations", async (c) => {
    const x = pages[c.who];
    const path = c.path();
    expect(path).toMatch(/^\//);
    await x.open(path, c.status ?? 200);
    if (c.then) await c.then(x);
    const violations = await x.axe();
    const report = formatViolations(`${c.name} ${x.path}`, violations);
    if (violations.length) console.error(report);
    expect(violations, report).toEqual([]);
  });
});
