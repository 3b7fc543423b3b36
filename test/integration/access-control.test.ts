// The rule every module must keep: an officer of commune A gets 404 for every resource of commune B.
// This test walks every route the app has; a new route fails it until it is classified below.
import { afterAll, beforeAll, expect, it } from "vitest";
import { TestClient } from "../support/client.ts";
import { BAO_THANG, buildUser, buildVillage, GIA_PHU, PASSWORD } from "../support/factories.ts";
import { acting, buildDossier, COUNTER_PROCEDURE, ONLINE_PROCEDURE, withCatalogue } from "../support/dossier-factories.ts";
import { confirmPayment } from "../../src/modules/payments/index.ts";
import { verifyPhone } from "../support/citizen-factories.ts";
import { buildTestApp, type TestApp } from "../support/test-app.ts";
import { describeDb } from "../support/test-db.ts";
import { buildHousehold } from "../support/registry-factories.ts";

type Fixture = {
  villageB: string;
  userB: string;
  tokenB: string;
  usernameB: string;
  dossierB: string;
  dossierCodeB: string;
  documentB: string;
  paymentB: string;
  residentB: string;
};
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
  // Skills and coverage: another commune's figures, gap list and residents.
  "GET /office/coverage": () => ({ path: `/office/coverage?unit=${BAO_THANG}` }),
  "GET /office/coverage.xlsx": () => ({ path: `/office/coverage.xlsx?unit=${BAO_THANG}` }),
  "GET /office/coverage/gaps": () => ({ path: `/office/coverage/gaps?unit=${BAO_THANG}` }),
  "GET /office/coverage/gaps/print": (f) => ({ path: `/office/coverage/gaps/print?unit=${GIA_PHU}&village=${f.villageB}` }),
  "GET /api/v1/coverage": () => ({ path: `/api/v1/coverage?unit=${BAO_THANG}` }),
  "GET /api/v1/coverage/gaps": (f) => ({ path: `/api/v1/coverage/gaps?village=${f.villageB}` }),
  "GET /api/v1/coverage.xlsx": () => ({ path: `/api/v1/coverage.xlsx?unit=${BAO_THANG}` }),
  "POST /office/residents/:id/skills": (f) => ({ path: `/office/residents/${f.residentB}/skills`, form: { skillKey: "vneid_level2", method: "seen" } }),
  "POST /api/v1/residents/:id/skills": (f) => ({ path: `/api/v1/residents/${f.residentB}/skills`, json: { skillKey: "vneid_level2", method: "seen" } }),
  // Dossiers: the desk, one dossier, its files, actions and printable forms.
  "GET /office/desk": () => ({ path: `/office/desk?commune=${BAO_THANG}` }),
  "GET /office/desk/register.pdf": () => ({ path: `/office/desk/register.pdf?commune=${BAO_THANG}&from=2026-01-01&to=2026-12-31` }),
  "GET /office/desk/intake": () => ({ path: `/office/desk/intake?commune=${BAO_THANG}` }),
  "POST /office/desk/intake": () => ({ path: "/office/desk/intake", form: { commune: BAO_THANG, procedure: ONLINE_PROCEDURE.code, channel: "counter" } }),
  "GET /office/dossiers/:id": (f) => ({ path: `/office/dossiers/${f.dossierB}` }),
  "GET /office/dossiers/:id/files/:docId": (f) => ({ path: `/office/dossiers/${f.dossierB}/files/${f.documentB}` }),
  "POST /office/dossiers/:id/actions/:action": (f) => ({ path: `/office/dossiers/${f.dossierB}/actions/cancel`, form: { version: "1", reason: "Xâm nhập" } }),
  "GET /office/dossiers/:id/receipt.pdf": (f) => ({ path: `/office/dossiers/${f.dossierB}/receipt.pdf` }),
  "GET /office/dossiers/:id/tracking-slip.pdf": (f) => ({ path: `/office/dossiers/${f.dossierB}/tracking-slip.pdf` }),
  "GET /office/dossiers/:id/supplement-request.pdf": (f) => ({ path: `/office/dossiers/${f.dossierB}/supplement-request.pdf` }),
  "GET /office/dossiers/:id/refusal.pdf": (f) => ({ path: `/office/dossiers/${f.dossierB}/refusal.pdf` }),
  "GET /office/dossiers/:id/apology.pdf": (f) => ({ path: `/office/dossiers/${f.dossierB}/apology.pdf` }),
  "GET /office/dossiers/:id/stop-notice.pdf": (f) => ({ path: `/office/dossiers/${f.dossierB}/stop-notice.pdf` }),
  "GET /dossiers/:id/edit": (f) => ({ path: `/dossiers/${f.dossierB}/edit` }),
  "POST /dossiers/:id/edit": (f) => ({ path: `/dossiers/${f.dossierB}/edit`, form: {} }),
  "GET /me/dossiers/:id": (f) => ({ path: `/me/dossiers/${f.dossierB}` }),
  "GET /me/dossiers/:id/files/:docId": (f) => ({ path: `/me/dossiers/${f.dossierB}/files/${f.documentB}` }),
  "POST /me/dossiers/:id/cancel": (f) => ({ path: `/me/dossiers/${f.dossierB}/cancel`, form: { version: "1", reason: "x" } }),
  "POST /me/dossiers/:id/rate": (f) => ({ path: `/me/dossiers/${f.dossierB}/rate`, form: { version: "1", rating: "5" } }),
  "POST /me/dossiers/:id/supplement": (f) => ({ path: `/me/dossiers/${f.dossierB}/supplement`, form: { version: "1", note: "x" } }),
  "GET /api/v1/dossiers/:id": (f) => ({ path: `/api/v1/dossiers/${f.dossierB}` }),
  "GET /api/v1/dossiers/:id/documents/:documentId": (f) => ({ path: `/api/v1/dossiers/${f.dossierB}/documents/${f.documentB}` }),
  "POST /api/v1/dossiers/:id/actions/:action": (f) => ({ path: `/api/v1/dossiers/${f.dossierB}/actions/receive`, json: { version: 1 } }),
  "GET /api/v1/communes/:code/queues": () => ({ path: `/api/v1/communes/${BAO_THANG}/queues` }),
  "POST /api/v1/dossiers": () => ({
    path: "/api/v1/dossiers",
    json: {
      procedureCode: ONLINE_PROCEDURE.code,
      communeCode: BAO_THANG,
      applicant: { fullName: "X Y", phone: "0912345678" },
      delivery: { method: "desk" },
      channel: "counter",
      intent: "draft",
    },
  }),
  // Payments and the desk settings.
  "GET /office/communes/:code/settings": () => ({ path: `/office/communes/${BAO_THANG}/settings` }),
  "POST /office/communes/:code/settings": () => ({ path: `/office/communes/${BAO_THANG}/settings`, form: { agencyCode: "000.00.00.X" } }),
  "GET /api/v1/communes/:code/settings": () => ({ path: `/api/v1/communes/${BAO_THANG}/settings` }),
  "PUT /api/v1/communes/:code/settings": () => ({ path: `/api/v1/communes/${BAO_THANG}/settings`, json: { agencyCode: "000.00.00.X" } }),
  "GET /api/v1/dossiers/:id/payment": (f) => ({ path: `/api/v1/dossiers/${f.dossierB}/payment` }),
  "POST /office/dossiers/:id/payment/confirm": (f) => ({ path: `/office/dossiers/${f.dossierB}/payment/confirm`, form: { payMethod: "cash" } }),
  "POST /office/dossiers/:id/payment/exempt": (f) => ({ path: `/office/dossiers/${f.dossierB}/payment/exempt`, form: { exemptReason: "x" } }),
  "POST /api/v1/dossiers/:id/payment/confirm": (f) => ({ path: `/api/v1/dossiers/${f.dossierB}/payment/confirm`, json: { method: "cash" } }),
  "POST /api/v1/dossiers/:id/payment/exempt": (f) => ({ path: `/api/v1/dossiers/${f.dossierB}/payment/exempt`, json: { reason: "x" } }),
  "GET /payments/:id/receipt": (f) => ({ path: `/payments/${f.paymentB}/receipt` }),
  "GET /payments/:id/receipt.pdf": (f) => ({ path: `/payments/${f.paymentB}/receipt.pdf` }),
  "POST /office/payments/:id/refund": (f) => ({ path: `/office/payments/${f.paymentB}/refund`, form: { refundReason: "x" } }),
  "POST /api/v1/payments/:id/refund": (f) => ({ path: `/api/v1/payments/${f.paymentB}/refund`, json: { reason: "x" } }),
  // An ID card checked at a desk of commune B: only B's officers record checks there.
  "POST /office/id-card-check": () => ({
    path: "/office/id-card-check",
    form: { adminUnitCode: BAO_THANG, phone: "0912000114", citizenIdNumber: "010090001234" },
  }),
  "POST /api/v1/citizens/id-card-checks": () => ({
    path: "/api/v1/citizens/id-card-checks",
    json: { adminUnitCode: BAO_THANG, phone: "0912000114", citizenIdNumber: "010090001234" },
  }),
};

// Lists: they answer 200 but must not contain commune B's data.
const SCOPED_LISTS: Record<string, (f: Fixture) => { path: string; absent: string }> = {
  "GET /office/users": (f) => ({ path: "/office/users", absent: f.usernameB }),
  "GET /api/v1/users": (f) => ({ path: "/api/v1/users", absent: f.usernameB }),
  "GET /office/audit": (f) => ({ path: "/office/audit", absent: f.villageB }),
  "GET /me/dossiers": (f) => ({ path: "/me/dossiers", absent: f.dossierCodeB }),
  "GET /api/v1/me/dossiers": (f) => ({ path: "/api/v1/me/dossiers", absent: f.dossierCodeB }),
  // Searched by commune B's dossier code, officer A finds nothing.
  "GET /office/search": (f) => ({ path: `/office/search?q=${encodeURIComponent(f.dossierCodeB)}`, absent: f.dossierB }),
};

// Public information (place names and codes, the API description) or the caller's own things.
const NOT_COMMUNE_DATA = new Set([
  "GET /",
  "GET /privacy",
  "GET /help",
  "GET /help/:guide",
  "POST /language",
  "GET /sign-in",
  "POST /sign-in",
  "POST /sign-out",
  "GET /auth/oidc/start",
  "GET /auth/oidc/callback",
  "GET /healthz",
  "GET /readyz",
  "GET /metrics",
  "GET /assets/*",
  "GET /api/openapi.json",
  "GET /api/docs",
  "GET /units",
  "GET /units/:code",
  "GET /api/v1/admin-units",
  "GET /api/v1/admin-units/search",
  "GET /api/v1/admin-units/:code",
  "GET /api/v1/admin-units/:code/children",
  "GET /api/v1/me",
  "GET /office",
  "GET /office/users/new",
  // The empty ID card check form: the units it offers are the officer's own.
  "GET /office/id-card-check",
  "GET /office/tokens",
  "POST /office/tokens",
  // A province's skill checklist is province-wide; changing it needs skills.manage, which no commune role has.
  "GET /office/skills",
  "POST /office/skills",
  "GET /api/v1/skills",
  "PUT /api/v1/skills",
  // The working-day calendar is national data.
  "GET /api/v1/calendar/:year",
  "PUT /api/v1/calendar/days/:day",
  "DELETE /api/v1/calendar/days/:day",
  "GET /office/calendar",
  "POST /office/calendar/days",
  "POST /office/calendar/days/:day/remove",
  // The procedure catalogue is public; editing it needs procedure.manage, which no commune role has.
  "GET /procedures",
  "GET /procedures/:code",
  "GET /office/procedures",
  "POST /office/procedures/import",
  "POST /office/procedures/:code/active",
  "GET /office/procedures/new",
  "POST /office/procedures/new",
  "GET /office/procedures/:code/edit",
  "POST /office/procedures/:code/edit",
  "GET /api/v1/procedures",
  "GET /api/v1/procedures/export",
  "POST /api/v1/procedures/import",
  "GET /api/v1/procedures/:code",
  "GET /api/v1/procedures/:code/due-date",
  "PUT /api/v1/procedures/:code",
  "POST /api/v1/procedures/:code/active",
  // A citizen's own profile and vault, and phone sign-in.
  "GET /sign-in/phone",
  "POST /sign-in/phone",
  "GET /sign-in/phone/verify",
  "POST /sign-in/phone/verify",
  "GET /me/profile",
  "POST /me/profile",
  "GET /me/vault",
  "POST /me/vault",
  "GET /me/vault/:id/file",
  "POST /me/vault/:id/remove",
  "POST /me/profile/phone/code",
  "GET /me/profile/phone",
  "POST /me/profile/phone",
  "GET /api/v1/me/profile",
  "PUT /api/v1/me/profile",
  "POST /api/v1/me/phone/code",
  "POST /api/v1/me/phone/verify",
  "GET /api/v1/me/vault",
  "POST /api/v1/me/vault",
  "GET /api/v1/me/vault/:id/file",
  "DELETE /api/v1/me/vault/:id",
  "POST /api/v1/auth/phone/code",
  "POST /api/v1/auth/phone/verify",
  "GET /s/:code",
  // Per-commune totals only, no personal data: the service index's public transparency.
  "GET /figures",
  // Applying and the public status look-up (by code and last digits, throttled).
  "GET /dossiers/new",
  "POST /dossiers/new",
  "GET /status",
  "POST /status",
  "POST /api/v1/files",
  "POST /api/v1/status",
  "POST /api/v1/payments/webhook",
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
    // A dossier of commune B, filed at its counter, with a document and a confirmed fee.
    await withCatalogue(t.deps);
    const deskB = await acting(t.deps, await buildUser(t.deps, { roles: [["one_stop_officer", BAO_THANG]] }));
    const dossierB = await buildDossier(t.deps, deskB, { commune: BAO_THANG, channel: "counter", procedure: COUNTER_PROCEDURE.code });
    const documentB = (await t.db.query("SELECT id FROM dossier_documents WHERE dossier_id = $1 LIMIT 1", [dossierB.id])).rows[0]!.id as string;
    const paymentB = await confirmPayment(t.deps, deskB, dossierB.id, { method: "cash" });
    // A citizen with a verified phone, whose ID card only an officer at a desk may vouch for.
    await verifyPhone(t.deps, await acting(t.deps, await buildUser(t.deps, { kind: "citizen", home: BAO_THANG })), "0912000114");
    f = {
      villageB: villageB.code,
      userB: adminB.id,
      tokenB,
      usernameB: adminB.username,
      dossierB: dossierB.id,
      dossierCodeB: dossierB.code!,
      documentB,
      paymentB: paymentB.id,
      residentB: (await buildHousehold(t.deps, { villageCode: villageB.code })).residentIds[0]!,
    };
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
        res = await t.app.request(probe.path, {
          method,
          body: JSON.stringify(probe.json),
          headers: { "content-type": "application/json", authorization: `Bearer ${tokenA}` },
        });
      } else if (method === "POST") {
        res = await officerA.post(probe.path, probe.form ?? {});
      } else {
        res = probe.path.startsWith("/api/")
          ? await t.app.request(probe.path, { headers: { authorization: `Bearer ${tokenA}` } })
          : await officerA.get(probe.path);
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
    const dossier = await t.db.query("SELECT state, fee_status FROM dossiers WHERE id = $1", [f.dossierB]);
    expect(dossier.rows[0]).toEqual({ state: "received", fee_status: "paid" });
    expect((await t.db.query("SELECT status FROM payments WHERE id = $1", [f.paymentB])).rows[0]!.status).toBe("paid");
    expect((await t.db.query("SELECT agency_code FROM commune_settings WHERE commune_code = $1", [BAO_THANG])).rowCount).toBe(0);
    expect((await t.db.query("SELECT 1 FROM citizen_profiles WHERE verified_citizen_id_number IS NOT NULL")).rowCount).toBe(0);
  });

  it("leaves commune B's data out of every list officer A sees", async () => {
    for (const route of routes().filter((r) => r in SCOPED_LISTS)) {
      const probe = SCOPED_LISTS[route]!(f);
      const res = probe.path.startsWith("/api/")
        ? await t.app.request(probe.path, { headers: { authorization: `Bearer ${tokenA}` } })
        : await officerA.get(probe.path);
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
