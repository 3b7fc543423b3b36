// Where each person lands after signing in with a password, and that no link they are shown answers 403:
// for every role, every link on the home page, the page they land on and the office home is followed.
import { beforeAll, expect, it } from "vitest";
import { TestClient } from "../support/client.ts";
import { buildUser, GIA_PHU, PASSWORD } from "../support/factories.ts";
import { act, buildDossier, deskTeam } from "../support/dossier-factories.ts";
import { useTestApp } from "../support/test-app.ts";
import { describeDb } from "../support/test-db.ts";
import type { Role } from "../../src/platform/auth/roles.ts";

type Person = { label: string; kind?: "officer" | "volunteer" | "citizen"; roles?: [Role, string][]; lands: string };
const PEOPLE: Person[] = [
  { label: "citizen", kind: "citizen", lands: "/me/dossiers" },
  { label: "desk officer", roles: [["one_stop_officer", GIA_PHU]], lands: "/office" },
  { label: "specialist", roles: [["specialist", GIA_PHU]], lands: "/office" },
  { label: "leader", roles: [["leader", GIA_PHU]], lands: "/office" },
  { label: "volunteer", kind: "volunteer", roles: [["volunteer", GIA_PHU]], lands: "/office" },
  { label: "team leader", kind: "volunteer", roles: [["team_leader", GIA_PHU]], lands: "/office" },
  { label: "commune admin", roles: [["commune_admin", GIA_PHU]], lands: "/office" },
  { label: "province admin", roles: [["province_admin", "15"]], lands: "/office" },
];

/** The links of a page that stay in the app, without fragments; what a person could click. */
const linksOf = (html: string) =>
  [...html.matchAll(/<a [^>]*href="([^"#]+)[^"]*"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, "&"))
    .filter((h) => h.startsWith("/") && !h.startsWith("//") && !h.startsWith("/assets/"));

describeDb("where people land and where their links go", () => {
  const app = useTestApp();
  const users = new Map<string, { username: string }>();
  let dossier: string;

  beforeAll(async () => {
    // A received dossier, so the desk's queues and the dossier page have links too.
    const team = await deskTeam(app().deps);
    dossier = (await act(app().deps, team.desk, (await buildDossier(app().deps, team.citizen)).id, "receive")).id;
    for (const p of PEOPLE) {
      users.set(p.label, await buildUser(app().deps, { kind: p.kind ?? "officer", roles: p.roles ?? [], home: GIA_PHU }));
    }
  });

  it.each(PEOPLE)("lands the $label on their own page after a password sign-in, and shows them no link that answers 403", async (p) => {
    const client = new TestClient(app().app);
    const res = await client.signIn(users.get(p.label)!.username, PASSWORD);
    expect(res.headers.get("location")).toBe(p.lands);
    // The home pages, then the desks they link to and a dossier page (those who may not open them are skipped).
    const pages = [p.lands, "/", "/office", "/office/search?q=van", `/office/dossiers/${dossier}`, "/me/profile", "/help/volunteer"];
    const seen = new Set<string>();
    const forbidden: string[] = [];
    for (const page of pages) {
      const r = await client.get(page);
      if (r.status !== 200) continue;
      for (const href of linksOf(await r.text())) {
        if (page === "/office" && href.startsWith("/office/desk?") && !pages.includes(href)) pages.push(href);
        if (seen.has(href)) continue;
        seen.add(href);
        const status = (await client.get(href)).status;
        if (status === 403) forbidden.push(`${page} → ${href}`);
      }
    }
    expect(seen.size).toBeGreaterThan(3);
    expect(forbidden).toEqual([]);
  });

  it("names units on the office home, not codes, and offers the guide of each role held", async () => {
    const client = new TestClient(app().app);
    await client.signIn(users.get("desk officer")!.username, PASSWORD);
    const home = await (await client.get("/office")).text();
    expect(home).toContain(`<a href="/units/${GIA_PHU}">Xã Gia Phú</a>`);
    expect(home).toContain("Bộ phận một cửa – Xã Gia Phú");
    expect(home).not.toContain(`>${GIA_PHU}<`);
    expect(home).toContain('href="/help/desk"');
    expect(home).not.toContain('href="/help/leader"');
  });

  it.each([
    { who: "volunteer", page: "/office", href: "/office/reports/new", has: true },
    { who: "desk officer", page: "/office", href: "/office/reports/new", has: true },
    { who: "leader", page: "/office", href: "/office/reports/new", has: false },
    { who: "commune admin", page: "/office", href: "/office/open311-clients", has: true },
    { who: "specialist", page: "/office", href: "/office/open311-clients", has: false },
    { who: "citizen", page: "/me/dossiers", href: "/me/reports", has: true },
    { who: "citizen", page: "/me/profile", href: "/me/reports", has: true },
    { who: "citizen", page: "/", href: "/reports", has: true },
  ])("joins the citizen reports up: $who on $page is offered $href: $has", async ({ who, page, href, has }) => {
    const client = new TestClient(app().app);
    await client.signIn(users.get(who)!.username, PASSWORD);
    const res = await client.get(page);
    expect(res.status).toBe(200);
    expect(linksOf(await res.text()).includes(href)).toBe(has);
    if (has) expect((await client.get(href)).status).toBe(200);
  });

  // indicators/dashboards: the office home offers the dashboard to whoever reads indicators; it opens their unit's.
  it.each([
    { who: "leader", has: true, lands: `/office/indicators/u/${GIA_PHU}` },
    { who: "province admin", has: true, lands: "/office/indicators/u/15" },
    { who: "volunteer", has: false, lands: "" },
  ])("joins the dashboard up: $who on /office is offered /office/indicators: $has", async ({ who, has, lands }) => {
    const client = new TestClient(app().app);
    await client.signIn(users.get(who)!.username, PASSWORD);
    expect(linksOf(await (await client.get("/office")).text()).includes("/office/indicators")).toBe(has);
    if (!has) return;
    const res = await client.get("/office/indicators");
    expect(res.headers.get("location")).toBe(lands);
    expect((await client.get(lands)).status).toBe(200);
  });

  // notices/authoring: the office home offers the notices list to whoever reads notices (not to volunteers).
  it.each([
    { who: "leader", href: "/office/notices", has: true },
    { who: "specialist", href: "/office/notices", has: true },
    { who: "team leader", href: "/office/notices", has: true },
    { who: "volunteer", href: "/office/notices", has: false },
  ])("joins notices up: $who on /office is offered $href: $has", async ({ who, href, has }) => {
    const client = new TestClient(app().app);
    await client.signIn(users.get(who)!.username, PASSWORD);
    const res = await client.get("/office");
    expect(linksOf(await res.text()).includes(href)).toBe(has);
    if (has) expect((await client.get(href)).status).toBe(200);
  });

  // notices/joinup: the office home and the notices desk offer the notices' and the hall's other desks per
  // permission; the citizen reaches their notice choices from their own pages and from the public list.
  it.each([
    { who: "leader", page: "/office", href: "/office/stations", has: true },
    { who: "volunteer", page: "/office", href: "/office/stations", has: false },
    { who: "commune admin", page: "/office", href: "/office/notices/channels", has: true },
    { who: "leader", page: "/office", href: "/office/notices/channels", has: false },
    { who: "desk officer", page: "/office", href: "/office/notices/preferences", has: true },
    { who: "volunteer", page: "/office", href: "/office/notices/preferences", has: true },
    { who: "leader", page: "/office", href: "/office/notices/preferences", has: false },
    { who: "desk officer", page: "/office", href: "/office/hall/counter", has: true },
    { who: "leader", page: "/office", href: "/office/hall/counter", has: false },
    { who: "commune admin", page: "/office", href: "/office/hall/settings", has: true },
    { who: "desk officer", page: "/office", href: "/office/hall/settings", has: false },
    { who: "leader", page: "/office", href: "/office/hall/figures", has: true },
    { who: "volunteer", page: "/office", href: "/office/hall/figures", has: false },
    { who: "leader", page: "/office/notices", href: "/office/stations", has: true },
    { who: "commune admin", page: "/office/notices", href: "/office/notices/channels", has: true },
    { who: "commune admin", page: "/office/notices", href: "/office/notices/preferences", has: true },
    { who: "leader", page: "/office/notices", href: "/office/notices/preferences", has: false },
    { who: "citizen", page: "/me/dossiers", href: "/me/notices", has: true },
    { who: "citizen", page: "/me/profile", href: "/me/notices", has: true },
    { who: "citizen", page: `/notices/${GIA_PHU}`, href: "/me/notices", has: true },
  ])("joins notices and the hall up: $who on $page is offered $href: $has", async ({ who, page, href, has }) => {
    const client = new TestClient(app().app);
    await client.signIn(users.get(who)!.username, PASSWORD);
    const res = await client.get(page);
    expect(res.status).toBe(200);
    expect(linksOf(await res.text()).includes(href)).toBe(has);
    if (has) expect((await client.get(href)).status).toBe(200);
  });

  it("tells volunteers in their guide how to record a report for a resident", async () => {
    const html = await (await new TestClient(app().app).get("/help/volunteer")).text();
    expect(html).toContain("Ghi nhận phản ánh hiện trường cho người dân");
  });
});
