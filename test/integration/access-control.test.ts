// The rule every module must keep: an officer of commune A gets 404 for every resource of commune B.
// This test walks every route the app has; a new route fails it until it is classified below.
import { afterAll, beforeAll, expect, it } from "vitest";
import { TestClient } from "../support/client.ts";
import { BAO_THANG, buildUser, buildVillage, GIA_PHU, PASSWORD } from "../support/factories.ts";
import { buildTestApp, type TestApp } from "../support/test-app.ts";
import { describeDb } from "../support/test-db.ts";

type Fixture = { villageB: string; userB: string; tokenB: string; usernameB: string };
type Probe = (f: Fixture) => { path: string; form?: Record<string, string>; json?: unknown };

// Routes that act on one resource: called as officer A with commune B's resource, they must answer 404.
const SCOPED: Record<string, Probe> = {
  "GET /office/users/:id": (f) => ({ path: `/office/users/${f.userB}` }),
  "POST /office/users/:id/roles": (f) => ({ path: `/office/users/${f.userB}/roles`, form: { role: "volunteer", adminUnitCode: GIA_PHU } }),
  "POST /office/users/:id/roles/revoke": (f) => ({ path: `/office/users/${f.userB}/roles/revoke`, form: { role: "commune_admin", adminUnitCode: BAO_THANG } }),
  "POST /office/users/:id/disable": (f) => ({ path: `/office/users/${f.userB}/disable` }),
  "POST /office/users/:id/enable": (f) => ({ path: `/office/users/${f.userB}/enable` }),
  "POST /office/users": () => ({ path: "/office/users", form: { username: "intruder.b", displayName: "X", kind: "officer", homeUnitCode: BAO_THANG } }),
  "POST /office/tokens/:id/revoke": (f) => ({ path: `/office/tokens/${f.tokenB}/revoke` }),
  "POST /units/:code/villages": () => ({ path: `/units/${BAO_THANG}/villages`, form: { name: "Xâm nhập", unitType: "Thôn" } }),
  "POST /units/:code/rename": (f) => ({ path: `/units/${f.villageB}/rename`, form: { name: "Đổi trộm", unitType: "Thôn" } }),
  "GET /api/v1/users/:id": (f) => ({ path: `/api/v1/users/${f.userB}` }),
  "POST /api/v1/users/:id/roles": (f) => ({ path: `/api/v1/users/${f.userB}/roles`, json: { role: "volunteer", adminUnitCode: BAO_THANG } }),
  "POST /api/v1/admin-units/:code/villages": () => ({ path: `/api/v1/admin-units/${BAO_THANG}/villages`, json: { name: "Xâm nhập", unitType: "Thôn" } }),
  "PATCH /api/v1/admin-units/:code": (f) => ({ path: `/api/v1/admin-units/${f.villageB}`, json: { name: "Đổi trộm" } }),
  "GET /office/stats": () => ({ path: `/office/stats?commune=${BAO_THANG}` }),
  "GET /office/stats.xlsx": () => ({ path: `/office/stats.xlsx?commune=${BAO_THANG}` }),
  "GET /api/v1/stats/dossiers": () => ({ path: `/api/v1/stats/dossiers?commune=${BAO_THANG}` }),
  "GET /api/v1/stats/dossiers.xlsx": () => ({ path: `/api/v1/stats/dossiers.xlsx?commune=${BAO_THANG}` }),
};

// Lists: they answer 200 but must not contain commune B's data.
const SCOPED_LISTS: Record<string, (f: Fixture) => { path: string; absent: string }> = {
  "GET /office/users": (f) => ({ path: "/office/users", absent: f.usernameB }),
  "GET /api/v1/users": (f) => ({ path: "/api/v1/users", absent: f.usernameB }),
  "GET /office/audit": (f) => ({ path: "/office/audit", absent: f.villageB }),
};

// Public information (place names and codes, the API description) or the caller's own things.
const NOT_COMMUNE_DATA = new Set([
  "GET /", "GET /privacy", "POST /language", "GET /sign-in", "POST /sign-in", "POST /sign-out", "GET /auth/oidc/start", "GET /auth/oidc/callback",
  "GET /healthz", "GET /readyz", "GET /metrics", "GET /assets/*", "GET /api/openapi.json", "GET /api/docs",
  "GET /units", "GET /units/:code", "GET /api/v1/admin-units", "GET /api/v1/admin-units/search", "GET /api/v1/admin-units/:code",
  "GET /api/v1/admin-units/:code/children", "GET /api/v1/me", "GET /office", "GET /office/users/new", "GET /office/tokens", "POST /office/tokens",
  // The working-day calendar is national data.
  "GET /api/v1/calendar/:year", "PUT /api/v1/calendar/days/:day", "DELETE /api/v1/calendar/days/:day",
  "GET /office/calendar", "POST /office/calendar/days", "POST /office/calendar/days/:day/remove",
  // The procedure catalogue is public; editing it needs procedure.manage, which no commune role has.
  "GET /procedures", "GET /procedures/:code", "GET /office/procedures", "POST /office/procedures/import",
  "POST /office/procedures/:code/active", "GET /office/procedures/new", "POST /office/procedures/new",
  "GET /office/procedures/:code/edit", "POST /office/procedures/:code/edit",
  "GET /api/v1/procedures", "GET /api/v1/procedures/export", "POST /api/v1/procedures/import",
  "GET /api/v1/procedures/:code", "PUT /api/v1/procedures/:code", "POST /api/v1/procedures/:code/active",
  // A citizen's own profile and vault, and phone sign-in.
  "GET /sign-in/phone", "POST /sign-in/phone", "GET /sign-in/phone/verify", "POST /sign-in/phone/verify", "GET /me/profile", "POST /me/profile",
  "GET /me/vault", "POST /me/vault", "GET /me/vault/:id/file", "POST /me/vault/:id/remove", "GET /api/v1/me/profile", "PUT /api/v1/me/profile",
  "GET /api/v1/me/vault", "POST /api/v1/me/vault", "GET /api/v1/me/vault/:id/file", "DELETE /api/v1/me/vault/:id", "POST /api/v1/auth/phone/code",
  "POST /api/v1/auth/phone/verify", "GET /s/:code",
  // Per-commune totals only, no personal data: the service index's public transparency.
  "GET /figures",
]);

describeDb("access between communes", () => {
  let t: TestApp;
  let officerA: TestClient;
  let tokenA: string;
  let f: Fixture;

  beforeAll(async () => {
    t = await buildTestApp();
    const adminA = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    const adminB = await buildUser(t.deps, { roles: [["commune_admin", BAO_THANG]] });
    const villageB = await buildVillage(t.deps, BAO_THANG, "Thôn Bí Mật");
    const clientB = new TestClient(t.app);
    await clientB.signIn(adminB.username, PASSWORD);
    await clientB.post("/office/tokens", { name: "b", role: "commune_admin", adminUnitCode: BAO_THANG });
    const tokenB = (await t.db.query("SELECT id FROM api_tokens WHERE user_id = $1", [adminB.id])).rows[0]!.id as string;
    f = { villageB: villageB.code, userB: adminB.id, tokenB, usernameB: adminB.username };
    officerA = new TestClient(t.app);
    await officerA.signIn(adminA.username, PASSWORD);
    const created = await officerA.post("/office/tokens", { name: "a", role: "commune_admin", adminUnitCode: GIA_PHU });
    tokenA = /<code>(xaso_[^<]+)<\/code>/.exec(await created.text())![1]!;
  });
  afterAll(() => t.close());

  const routes = () => [...new Set(t.app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))];

  it("has classified every route the app serves", () => {
    const unclassified = routes().filter((r) => !(r in SCOPED) && !(r in SCOPED_LISTS) && !NOT_COMMUNE_DATA.has(r));
    expect(unclassified).toEqual([]);
  });

  it("answers 404 to officer A, through pages and through an API token, for each of commune B's resources", async () => {
    for (const route of routes().filter((r) => r in SCOPED)) {
      const [method] = route.split(" ");
      const probe = SCOPED[route]!(f);
      let res: Response;
      if (probe.json !== undefined) {
        res = await t.app.request(probe.path, { method, body: JSON.stringify(probe.json), headers: { "content-type": "application/json", authorization: `Bearer ${tokenA}` } });
      } else if (method === "POST") {
        res = await officerA.post(probe.path, probe.form ?? {});
      } else {
        res = probe.path.startsWith("/api/") ? await t.app.request(probe.path, { headers: { authorization: `Bearer ${tokenA}` } }) : await officerA.get(probe.path);
      }
      expect(res.status, route).toBe(404);
      expect(await res.text(), route).not.toContain(f.usernameB);
    }
  });

  it("left commune B's data untouched", async () => {
    const village = await t.db.query("SELECT name FROM admin_units WHERE code = $1", [f.villageB]);
    expect(village.rows[0]!.name).toBe("Thôn Bí Mật");
    const user = await t.db.query("SELECT disabled_at FROM users WHERE id = $1", [f.userB]);
    expect(user.rows[0]!.disabled_at).toBeNull();
    expect((await t.db.query("SELECT 1 FROM users WHERE username = 'intruder.b'")).rowCount).toBe(0);
    expect((await t.db.query("SELECT revoked_at FROM api_tokens WHERE id = $1", [f.tokenB])).rows[0]!.revoked_at).toBeNull();
    expect((await t.db.query("SELECT count(*)::int AS n FROM admin_units WHERE parent_code = $1", [BAO_THANG])).rows[0]!.n).toBe(1);
  });

  it("leaves commune B's data out of every list officer A sees", async () => {
    for (const route of routes().filter((r) => r in SCOPED_LISTS)) {
      const probe = SCOPED_LISTS[route]!(f);
      const res = probe.path.startsWith("/api/") ? await t.app.request(probe.path, { headers: { authorization: `Bearer ${tokenA}` } }) : await officerA.get(probe.path);
      expect(res.status, route).toBe(200);
      expect(await res.text(), route).not.toContain(probe.absent);
    }
  });

  it("shows public place names to everyone alike, signed in or not", async () => {
    const anonymous = await t.app.request(`/api/v1/admin-units/${f.villageB}`);
    const asA = await t.app.request(`/api/v1/admin-units/${f.villageB}`, { headers: { authorization: `Bearer ${tokenA}` } });
    expect(anonymous.status).toBe(200);
    expect(await asA.json()).toEqual(await anonymous.json());
  });
});
