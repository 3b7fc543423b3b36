// The field app on a 360-px phone, as issue #10 asks: a volunteer signs in, the app installs its cache, the network
// goes away, three visits are recorded, the page is closed and opened again (from the cache, still offline, three
// waiting), the network comes back and the app syncs; the server holds each visit once; the same batch sent again
// changes nothing; an edit made on the phone against an older version of the household is kept as a conflict for
// the team leader. axe finds nothing on the app's screens. Test data from the registry factories, no demo seed.
import { readFileSync } from "node:fs";
import type { ServerType } from "@hono/node-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { messagesVi } from "../../src/modules/outreach/field/field.messages.ts";
import { buildUser, GIA_PHU, PASSWORD } from "../support/factories.ts";
import { assignHouseholds, buildHousehold, buildRegistryVillage, buildTeam } from "../support/registry-factories.ts";
import { buildTestApp, type TestApp } from "../support/test-app.ts";
import { formatViolations } from "./support/axe.ts";
import { describeBrowser, launchChromium, NARROW_VIEWPORT } from "./support/browser.ts";
import { startServer, stopServer } from "./support/e2e-app.ts";
import { XasoPage } from "./support/xaso-page.ts";

const M = messagesVi;
const tr = (key: keyof typeof M, params: Record<string, string | number> = {}) => M[key].replace(/\{(\w+)\}/g, (_, n: string) => String(params[n]));
const PHONE = { viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true, locale: "vi-VN" } as const;
const VISITED_ON = "2026-11-20";
/** A real PNG (the app's own icon), as the camera would hand it over. */
const CONSENT_PHOTO = readFileSync(new URL("../../public/field/icon-512.png", import.meta.url));

type Queued = { itemId: string; kind: string; visit?: { id: string; photoId?: string } };

/** The service worker has installed the shell and controls the page: a promise kept, not a wait for time. */
const serviceWorkerControls = (page: Page) =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
    return !!navigator.serviceWorker.controller;
  });

/** What the phone holds in its queue (IndexedDB), read the way the app stores it. */
const queuedItems = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Queued[]>((resolve, reject) => {
        const open = indexedDB.open("xaso-field");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("queue").objectStore("queue").getAll();
          all.onsuccess = () => resolve((all.result as { seq: number; item: Queued }[]).sort((a, b) => a.seq - b.seq).map((r) => r.item));
          all.onerror = () => reject(all.error);
        };
      }),
  );

describeBrowser("the field app offline on a phone", () => {
  let app: TestApp;
  let server: ServerType;
  let baseUrl = "";
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let volunteer = { id: "", username: "" };
  let leader = { id: "", username: "" };
  let secondVolunteer = { id: "", username: "" };
  const households: { id: string; residentIds: string[]; address: string }[] = [];
  let phone: BrowserContext;
  let page: Page;
  const cspErrors: string[] = [];
  const sentBatches: string[] = [];

  const newContext = async (opts: Parameters<Browser["newContext"]>[0] = {}) => {
    const ctx = await browser.newContext({ ...PHONE, ...opts });
    contexts.push(ctx);
    return ctx;
  };
  const watch = (p: Page) => {
    p.setDefaultTimeout(10_000);
    p.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    p.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/api/v1/field/sync") sentBatches.push(r.postData() ?? "");
    });
    return p;
  };
  const count = async (sql: string, params: unknown[]) => Number((await app.db.query<{ n: string }>(sql, params)).rows[0]!.n);

  beforeAll(async () => {
    app = await buildTestApp();
    const village = await buildRegistryVillage(app.deps);
    volunteer = await buildUser(app.deps, { roles: [["volunteer", GIA_PHU]], kind: "volunteer" });
    leader = await buildUser(app.deps, { roles: [["team_leader", GIA_PHU]], kind: "volunteer" });
    secondVolunteer = await buildUser(app.deps, { roles: [["volunteer", GIA_PHU]], kind: "volunteer" });
    for (let i = 0; i < 3; i++) {
      const address = `Số ${10 + i}, đường Hoa Ban`;
      const h = await buildHousehold(app.deps, { villageCode: village, address, members: [{ fullName: `Lò Văn Chủ${i}` }, { fullName: `Lò Thị Con${i}` }] });
      households.push({ id: h.id, residentIds: h.residentIds, address });
    }
    const team = await buildTeam(app.deps, { villageCode: village, leaderUserId: leader.id, memberUserIds: [volunteer.id] });
    await assignHouseholds(
      app.deps,
      households.map((h) => h.id),
      team.id,
      volunteer.id,
    );
    ({ server, baseUrl } = await startServer(app.app));
    browser = await launchChromium();
    // The phone runs with the site's real CSP (no bypass): the app must need no inline script.
    phone = await newContext();
    page = watch(await phone.newPage());
    await new XasoPage(page, baseUrl).signIn(volunteer.username, PASSWORD);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server);
    await app?.close();
  });

  it("installs the shell and loads the assigned households", async () => {
    const res = await page.goto(`${baseUrl}/field`);
    expect(res?.status()).toBe(200);
    expect(await serviceWorkerControls(page)).toBe(true);
    const cached = await page.evaluate(async () => (await caches.keys()).length);
    expect(cached).toBe(1);
    await page.getByText(tr("field.app.list.count", { n: 3 })).waitFor();
    for (const h of households) await page.getByRole("link", { name: new RegExp(h.address) }).waitFor();
    await page.locator("#flash", { hasText: tr("field.app.sync.done", { applied: 0 }) }).waitFor();
  });

  it("records three visits with no network", async () => {
    await phone.setOffline(true);
    await page.locator("#net").waitFor({ state: "visible" });
    for (const [i, h] of households.entries()) {
      await page.getByRole("link", { name: new RegExp(h.address) }).click();
      await page.getByRole("link", { name: M["field.app.hh.visit"] }).click();
      await page.getByLabel(M["field.app.visit.date"]).fill(VISITED_ON);
      await page.getByRole("checkbox", { name: `Lò Văn Chủ${i}` }).check();
      if (i === 0) {
        // The first skill of the checklist, seen done by the head.
        const skills = page.locator("details", { hasText: "Lò Văn Chủ0" });
        await skills.locator("summary").click();
        await skills.locator("select").first().selectOption("seen");
      }
      await page.getByLabel(M["field.app.visit.outcome"]).selectOption(i === 2 ? "follow_up" : "helped");
      await page.getByLabel(M["field.app.visit.notes"]).fill(`Ghi chú lần thăm ${i}`);
      if (i === 1) {
        // A photo of the signed consent: made smaller on the phone, kept as a Blob until it is uploaded.
        await page.getByLabel(M["field.app.visit.photo"]).setInputFiles({ name: "consent.png", mimeType: "image/png", buffer: CONSENT_PHOTO });
        await page.getByText(/Ảnh đã thu nhỏ: \d+ KB/).waitFor();
      }
      await page.getByRole("button", { name: M["field.app.visit.save"] }).click();
      await page.locator("#flash", { hasText: M["field.app.saved"] }).waitFor();
      await page.waitForURL((u) => u.hash === `#/h/${h.id}`);
      await page.getByRole("link", { name: M["field.app.back"] }).click();
    }
    await page.getByRole("link", { name: tr("field.app.nav.sync", { n: 3 }) }).waitFor();
    expect(await count("SELECT count(*) AS n FROM visits", [])).toBe(0);
  });

  let queued: Queued[] = [];

  it("opens again from the cache, still offline, with the three visits waiting", async () => {
    await page.close();
    page = watch(await phone.newPage());
    const res = await page.goto(`${baseUrl}/field#/sync`);
    expect(res?.fromServiceWorker(), "the page came from the service worker").toBe(true);
    await page.getByText(tr("field.app.sync.waiting", { n: 3 })).waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    queued = await queuedItems(page);
    expect(queued.map((q) => q.kind)).toEqual(["visit", "visit", "visit"]);
    expect(queued.map((q) => !!q.visit?.photoId)).toEqual([false, true, false]);
  });

  it("syncs when the network comes back, and the server holds each visit once", async () => {
    await phone.setOffline(false);
    await page.getByText(tr("field.app.sync.waiting", { n: 0 })).waitFor();
    await page.locator("#flash", { hasText: tr("field.app.sync.done", { applied: 3 }) }).waitFor();
    expect(await queuedItems(page)).toEqual([]);
    const visitIds = queued.map((q) => q.visit!.id);
    const rows = await app.db.query<{ id: string; household_id: string; notes: string; visited_on: string; volunteer_user_id: string }>(
      "SELECT id, household_id, notes, to_char(visited_on, 'YYYY-MM-DD') AS visited_on, volunteer_user_id FROM visits ORDER BY notes",
    );
    expect(rows.rows).toEqual(
      households.map((h, i) => ({
        id: visitIds[i],
        household_id: h.id,
        notes: `Ghi chú lần thăm ${i}`,
        visited_on: VISITED_ON,
        volunteer_user_id: volunteer.id,
      })),
    );
    expect(await count("SELECT count(*) AS n FROM resident_skills WHERE resident_id = $1 AND method = 'seen'", [households[0]!.residentIds[0]])).toBe(1);
    // The photo went up before the visit that names it.
    expect(await count("SELECT count(*) AS n FROM field_photos WHERE id = $1", [queued[1]!.visit!.photoId])).toBe(1);
    expect(await count("SELECT count(*) AS n FROM visits WHERE id = $1 AND photo_file_id IS NOT NULL", [visitIds[1]])).toBe(1);
    // The list now shows the visit date the server returned.
    await page.getByRole("link", { name: M["field.app.nav.list"] }).click();
    await page
      .getByRole("link", { name: new RegExp(households[0]!.address) })
      .getByText(tr("field.app.list.lastVisit", { date: "20/11/2026" }))
      .waitFor();
  });

  it("changes nothing when the same batch is sent again", async () => {
    const before = {
      visits: await count("SELECT count(*) AS n FROM visits", []),
      items: await count("SELECT count(*) AS n FROM sync_items", []),
      skills: await count("SELECT count(*) AS n FROM resident_skills", []),
    };
    expect(before.visits).toBe(3);
    // The very request the app sent, when the browser reported it; else the same items from the phone's queue.
    const batch = sentBatches.length ? JSON.parse(sentBatches.at(-1)!) : { batchId: crypto.randomUUID(), items: queued };
    console.log(`replaying ${sentBatches.length ? "the captured request" : "the queue read from IndexedDB"} (${JSON.stringify(batch).length} bytes)`);
    expect(batch.items.map((i: Queued) => i.itemId)).toEqual(queued.map((q) => q.itemId));
    const answer = await page.evaluate(async (body) => {
      const snap = await (await fetch("/api/v1/field/snapshot")).json();
      const res = await fetch("/api/v1/field/sync", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": snap.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    }, batch);
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(["duplicate", "duplicate", "duplicate"]);
    expect({
      visits: await count("SELECT count(*) AS n FROM visits", []),
      items: await count("SELECT count(*) AS n FROM sync_items", []),
      skills: await count("SELECT count(*) AS n FROM resident_skills", []),
    }).toEqual(before);
  });

  it("keeps an edit made against an older household as a conflict for the team leader", async () => {
    const h = households[1]!;
    await phone.setOffline(true);
    await page.getByRole("link", { name: new RegExp(h.address) }).click();
    await page.getByRole("link", { name: M["field.app.hh.edit"] }).click();
    await page.getByLabel(M["field.app.address"]).fill("Số 99, sửa trên điện thoại");
    await page.getByRole("button", { name: M["field.app.edit.save"] }).click();
    await page.getByRole("link", { name: tr("field.app.nav.sync", { n: 1 }) }).waitFor();
    // Meanwhile someone in the office changed the same household.
    await app.db.query("UPDATE households SET address = 'Số 11, sửa ở văn phòng', version = version + 1 WHERE id = $1", [h.id]);
    await page.getByRole("link", { name: tr("field.app.nav.sync", { n: 1 }) }).click();
    await phone.setOffline(false);
    await page.getByText(tr("field.app.sync.conflicts", { n: 1 })).waitFor();
    await page.getByText(tr("field.app.sync.waiting", { n: 0 })).waitFor();
    // Nothing overwritten; both sides kept.
    const server = await app.db.query<{ address: string }>("SELECT address FROM households WHERE id = $1", [h.id]);
    expect(server.rows[0]!.address).toBe("Số 11, sửa ở văn phòng");
    const conflicts = await app.db.query<{ proposed: { address?: string }; status: string }>(
      "SELECT proposed, status FROM sync_conflicts WHERE entity = 'household' AND entity_id = $1",
      [h.id],
    );
    expect(conflicts.rows).toHaveLength(1);
    expect(conflicts.rows[0]!.status).toBe("open");
    expect(JSON.stringify(conflicts.rows[0]!.proposed)).toContain("Số 99, sửa trên điện thoại");

    const office = new XasoPage(await (await newContext({ isMobile: false, hasTouch: false, viewport: { width: 1280, height: 800 } })).newPage(), baseUrl);
    await office.signIn(leader.username, PASSWORD);
    await office.open("/office/field/conflicts");
    const row = office.page.locator("main tr", { hasText: "Số 11, sửa ở văn phòng" });
    expect(await row.innerText()).toContain(volunteer.username);
    // Both sides, for the leader to choose.
    await office.navigateBy(row.getByRole("link"));
    const detail = await office.page.locator("main").innerText();
    expect(detail).toContain("Số 99, sửa trên điện thoại");
    expect(detail).toContain("Số 11, sửa ở văn phòng");
  });

  it("sends a household and a person met on the way", async () => {
    await phone.setOffline(true);
    await page.getByRole("link", { name: M["field.app.nav.new"] }).click();
    await page.getByLabel(M["field.app.address"]).fill("Nhà mới ven suối");
    await page.getByLabel(M["field.app.person.fullName"]).fill("Giàng A Mới");
    await page.getByLabel(M["field.app.person.birthYear"]).fill("1975");
    await page.getByRole("button", { name: M["field.app.new.save"] }).click();
    await page.getByRole("heading", { level: 2, name: "Giàng A Mới" }).waitFor();
    await page.getByRole("link", { name: M["field.app.hh.addPerson"] }).click();
    await page.getByLabel(M["field.app.person.fullName"]).fill("Giàng Thị Nhỏ");
    await page.getByLabel(M["field.app.person.birthYear"]).fill("2001");
    await page.getByLabel(M["field.app.person.relation"]).selectOption("spouse");
    await page.getByRole("button", { name: M["field.app.person.save"] }).click();
    await page.getByText("Giàng Thị Nhỏ").waitFor();
    expect((await queuedItems(page)).map((q) => q.kind)).toEqual(["household.create", "resident.create"]);
    await phone.setOffline(false);
    await page.getByRole("link", { name: tr("field.app.nav.sync", { n: 0 }) }).waitFor();
    const members = await app.db.query<{ full_name: string; relation_to_head: string; birth_year: number }>(
      `SELECT r.full_name, r.relation_to_head, r.birth_year FROM residents r JOIN households h ON h.id = r.household_id
       WHERE h.address = 'Nhà mới ven suối' ORDER BY r.birth_year`,
    );
    expect(members.rows).toEqual([
      { full_name: "Giàng A Mới", relation_to_head: "head", birth_year: 1975 },
      { full_name: "Giàng Thị Nhỏ", relation_to_head: "spouse", birth_year: 2001 },
    ]);
  });

  it("says, without JavaScript, that the app needs it, and links to the office pages", async () => {
    const x = new XasoPage(await (await newContext({ javaScriptEnabled: false })).newPage(), baseUrl);
    x.page.setDefaultTimeout(5_000);
    await x.signIn(volunteer.username, PASSWORD);
    await x.open("/field");
    // Playwright's text and role locators skip <noscript>; it is shown, so CSS finds it and it has a size.
    const message = x.page.locator("main noscript p").first();
    expect(await message.isVisible()).toBe(true);
    expect(await message.innerText()).toBe(M["field.noScript"]);
    const link = x.page.locator('main noscript a[href="/office"]');
    expect(await link.innerText()).toBe(M["field.noScriptLink"]);
    expect((await link.boundingBox())?.height).toBeGreaterThan(0);
  });

  it("ran without a single Content-Security-Policy violation", () => {
    expect(cspErrors).toEqual([]);
  });

  it("has no axe violations on the app's screens, and fits 360 px", async () => {
    // axe is injected, so this context bypasses the CSP (the phone above did not).
    const ctx = await newContext({ bypassCSP: true });
    const x = new XasoPage(await ctx.newPage(), baseUrl);
    x.page.setDefaultTimeout(10_000);
    await x.signIn(volunteer.username, PASSWORD);
    await x.open("/field");
    await x.page.getByRole("link", { name: new RegExp(households[0]!.address) }).waitFor();
    const h = households[0]!;
    for (const [hash, heading] of [
      ["#/", M["field.app.nav.list"]],
      [`#/h/${h.id}`, "Lò Văn Chủ0"],
      [`#/h/${h.id}/visit`, tr("field.app.visit.title", { address: h.address })],
      [`#/h/${h.id}/person`, M["field.app.person.title"]],
      ["#/new", M["field.app.new.title"]],
      ["#/sync", M["field.app.sync.title"]],
    ] as const) {
      await x.page.evaluate((hh) => {
        location.hash = hh;
      }, hash);
      await x.page.getByRole("heading", { level: 2, name: heading }).waitFor();
      const violations = await x.axe();
      expect(violations, formatViolations(`/field${hash}`, violations)).toEqual([]);
      const { scrollWidth, viewport } = await x.horizontalOverflow();
      expect({ scrollWidth, viewport }, `/field${hash} scrolls sideways`).toEqual({ scrollWidth: 360, viewport: 360 });
    }
  });
  // Last: it ends the volunteer's session and takes their grant away.
  it("keeps the queue when the session has ended (401), when the grant was taken away (403) and when the phone passes to another volunteer", async () => {
    const h = households[2]!;
    await phone.setOffline(true);
    await page.getByRole("link", { name: M["field.app.nav.list"] }).click();
    await page.getByRole("link", { name: new RegExp(h.address) }).click();
    await page.getByRole("link", { name: M["field.app.hh.visit"] }).click();
    await page.getByLabel(M["field.app.visit.date"]).fill(VISITED_ON);
    await page.getByLabel(M["field.app.visit.outcome"]).selectOption("not_home");
    await page.getByRole("button", { name: M["field.app.visit.save"] }).click();
    await page.getByRole("link", { name: tr("field.app.nav.sync", { n: 1 }) }).click();

    // The session ends while the phone is away: back online, the app asks for a new sign-in and sends nothing.
    await app.db.query("DELETE FROM sessions WHERE user_id = $1", [volunteer.id]);
    await phone.setOffline(false);
    const signIn = page.locator("#flash a", { hasText: M["field.app.sync.signInLink"] });
    await signIn.waitFor();
    expect(await signIn.getAttribute("href")).toBe("/sign-in?next=/field");
    expect(await queuedItems(page)).toHaveLength(1);

    // Meanwhile the volunteer left the team: signed in again, the phone still opens the app with its queue, and says why
    // nothing is sent.
    await app.db.query("DELETE FROM role_grants WHERE user_id = $1", [volunteer.id]);
    const x = new XasoPage(page, baseUrl);
    await x.navigateBy(signIn);
    await x.submitSignIn(volunteer.username, PASSWORD);
    expect(x.path).toBe("/field");
    await page.locator("#flash", { hasText: M["field.app.sync.forbidden"] }).waitFor();
    await page.getByRole("link", { name: tr("field.app.nav.sync", { n: 1 }) }).waitFor();
    expect(await queuedItems(page)).toHaveLength(1);
    expect(await count("SELECT count(*) AS n FROM visits WHERE household_id = $1", [h.id])).toBe(1);

    // The phone passes to another volunteer: the first one's visit is never sent under the second one's name.
    await x.signIn(secondVolunteer.username, PASSWORD);
    await x.open("/field#/sync");
    await page.locator("#flash", { hasText: tr("field.app.sync.done", { applied: 0 }) }).waitFor();
    await page.getByText(tr("field.app.sync.otherUser", { name: `Test ${volunteer.username}` })).waitFor();
    expect(await queuedItems(page)).toHaveLength(1);
    expect(await count("SELECT count(*) AS n FROM visits WHERE household_id = $1", [h.id])).toBe(1);
  });
});
