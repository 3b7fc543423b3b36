import { afterAll, beforeAll, expect, it } from "vitest";
import { fromAddress, TestClient } from "../../../test/support/client.ts";
import { BAO_THANG, buildUser, GIA_PHU, LAO_CAI, PASSWORD, systemAdmin } from "../../../test/support/factories.ts";
import { buildTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { createApp } from "../../app.ts";
import { createApiToken, grantRole, revokeRole } from "./index.ts";

const SESSION = "xaso_session";

describeDb("identity and access", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("signs in with a password, keeps only a hash of the session, and signs out", async () => {
    const u = await buildUser(t.deps, { roles: [["one_stop_officer", GIA_PHU]] });
    const client = new TestClient(t.app);
    const res = await client.signIn(u.username, PASSWORD);
    expect(res.headers.get("location")).toBe("/office");
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const token = client.cookies.get(SESSION)!;
    const stored = await t.db.query("SELECT token_hash FROM sessions WHERE user_id = $1", [u.id]);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.token_hash).not.toContain(token);
    expect(await (await client.get("/office")).text()).toContain(`Test ${u.username}`);
    expect((await client.post("/sign-out")).status).toBe(303);
    expect((await t.db.query("SELECT 1 FROM sessions WHERE user_id = $1", [u.id])).rowCount).toBe(0);
    expect((await client.get("/office")).status).toBe(303); // back to sign-in
  });

  it("replaces the browser's session when someone signs in again", async () => {
    const a = await buildUser(t.deps, { roles: [["volunteer", GIA_PHU]] });
    const b = await buildUser(t.deps, { roles: [["volunteer", GIA_PHU]] });
    const client = new TestClient(t.app);
    await client.signIn(a.username, PASSWORD);
    const first = client.cookies.get(SESSION)!;
    await client.signIn(b.username, PASSWORD);
    expect(client.cookies.get(SESSION)).not.toBe(first);
    expect((await t.db.query("SELECT 1 FROM sessions WHERE user_id = $1", [a.id])).rowCount).toBe(0);
    expect((await (await client.get("/api/v1/me")).json()).username).toBe(b.username);
  });

  it("stores passwords as argon2id", async () => {
    const u = await buildUser(t.deps);
    const { rows } = await t.db.query("SELECT password_hash FROM users WHERE id = $1", [u.id]);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("shares sessions between app processes through the database", async () => {
    const u = await buildUser(t.deps, { roles: [["specialist", GIA_PHU]] });
    const a = new TestClient(t.app);
    await a.signIn(u.username, PASSWORD);
    const secondProcess = createApp({ ...t.deps });
    const b = new TestClient(secondProcess);
    b.cookies.set(SESSION, a.cookies.get(SESSION)!);
    const me = await b.get("/api/v1/me");
    expect(me.status).toBe(200);
    expect((await me.json()).username).toBe(u.username);
  });

  it("throttles repeated failures for an account, even with the right password afterwards", async () => {
    const u = await buildUser(t.deps);
    const client = new TestClient(t.app);
    for (let i = 0; i < 5; i++) {
      const bad = await client.post("/sign-in", { username: u.username, password: "wrong-password" });
      expect(bad.status).toBe(401);
      expect(await bad.text()).toContain("Tên đăng nhập hoặc mật khẩu không đúng");
    }
    const blocked = await client.post("/sign-in", { username: u.username, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("Đăng nhập sai quá nhiều lần");
    t.clock.advance(16 * 60_000);
    expect((await client.post("/sign-in", { username: u.username, password: PASSWORD })).status).toBe(303);
  });

  it("checks at most the limit of wrong passwords sent at once, and refuses the right one while locked", async () => {
    const u = await buildUser(t.deps);
    const client = new TestClient(t.app);
    const answers = await Promise.all(Array.from({ length: 40 }, () => client.post("/sign-in", { username: u.username, password: "wrong-password" })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    const blocked = await client.post("/sign-in", { username: u.username, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe(String(15 * 60));
    expect(await blocked.text()).toContain("Vui lòng thử lại sau 15 phút");
  });

  it("checks at most four times the account limit from one address at once, over many accounts", async () => {
    const users = await Promise.all(Array.from({ length: 10 }, () => buildUser(t.deps)));
    const office = new TestClient(fromAddress(t.app, "203.0.113.10"));
    const answers = await Promise.all(
      users.flatMap((u) => Array.from({ length: 10 }, () => office.post("/sign-in", { username: u.username, password: "wrong-password" }))),
    );
    expect(answers.filter((r) => r.status === 401)).toHaveLength(20);
    const other = await buildUser(t.deps);
    expect((await office.post("/sign-in", { username: other.username, password: PASSWORD })).status).toBe(429);
    expect((await new TestClient(fromAddress(t.app, "203.0.113.11")).post("/sign-in", { username: other.username, password: PASSWORD })).status).toBe(303);
  });

  it("gives the same answer for an unknown user and a wrong password", async () => {
    const client = new TestClient(t.app);
    const unknown = await client.post("/sign-in", { username: "nobody-here", password: "whatever-pass" });
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toContain("Tên đăng nhập hoặc mật khẩu không đúng");
  });

  it("ends every session of a disabled account and refuses its sign-in", async () => {
    const admin = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    const u = await buildUser(t.deps, { roles: [["volunteer", GIA_PHU]] });
    const victim = new TestClient(t.app);
    await victim.signIn(u.username, PASSWORD);
    const boss = new TestClient(t.app);
    await boss.signIn(admin.username, PASSWORD);
    expect((await boss.post(`/office/users/${u.id}/disable`)).status).toBe(303);
    expect((await victim.get("/api/v1/me")).status).toBe(401);
    expect((await new TestClient(t.app).post("/sign-in", { username: u.username, password: PASSWORD })).status).toBe(401);
    expect((await boss.post(`/office/users/${u.id}/enable`)).status).toBe(303);
    expect((await new TestClient(t.app).post("/sign-in", { username: u.username, password: PASSWORD })).status).toBe(303);
  });

  it("lets a commune admin grant commune roles in their commune only", async () => {
    const admin = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    const u = await buildUser(t.deps, { home: GIA_PHU });
    const client = new TestClient(t.app);
    await client.signIn(admin.username, PASSWORD);
    expect((await client.post(`/office/users/${u.id}/roles`, { role: "leader", adminUnitCode: GIA_PHU })).status).toBe(303);
    const tooHigh = await client.post(`/office/users/${u.id}/roles`, { role: "province_admin", adminUnitCode: GIA_PHU });
    expect(tooHigh.status).toBe(400);
    expect(await tooHigh.text()).toContain("Bạn không được giao vai trò này tại đơn vị này");
    expect((await client.post(`/office/users/${u.id}/roles`, { role: "leader", adminUnitCode: BAO_THANG })).status).toBe(404);
    const unknownUnit = await client.post(`/office/users/${u.id}/roles`, { role: "leader", adminUnitCode: "99999" });
    expect(unknownUnit.status).toBe(400);
    expect(await unknownUnit.text()).toContain("không có đơn vị hành chính với mã này");
    const grants = await t.db.query("SELECT role, admin_unit_code FROM role_grants WHERE user_id = $1", [u.id]);
    expect(grants.rows).toEqual([{ role: "leader", admin_unit_code: GIA_PHU }]);
    expect((await client.post(`/office/users/${u.id}/roles/revoke`, { role: "leader", adminUnitCode: GIA_PHU })).status).toBe(303);
    expect((await t.db.query("SELECT 1 FROM role_grants WHERE user_id = $1", [u.id])).rowCount).toBe(0);
  });

  it("creates users from the office form, and names each bad field", async () => {
    const admin = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    const client = new TestClient(t.app);
    await client.signIn(admin.username, PASSWORD);
    const bad = await client.post("/office/users", { username: "A", displayName: "", kind: "officer", homeUnitCode: GIA_PHU, phone: "12345" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('href="#f-username"');
    expect(html).toContain('href="#f-phone"');
    expect(html).toContain("Trường “Họ và tên”: bắt buộc phải nhập");
    const ok = await client.post("/office/users", {
      username: "nguyen.van.b",
      displayName: "Nguyễn Văn B",
      kind: "officer",
      homeUnitCode: GIA_PHU,
      phone: "0912345678",
      password: "mot-mat-khau-dai",
    });
    expect(ok.status).toBe(303);
    const dup = await client.post("/office/users", { username: "Nguyen.Van.B", displayName: "Trùng", kind: "officer", homeUnitCode: GIA_PHU });
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain("Tên đăng nhập này đã có người dùng");
    expect((await client.post("/office/users", { username: "lac.loi", displayName: "X", kind: "officer", homeUnitCode: BAO_THANG })).status).toBe(404);
  });

  it("links the desk settings of the communes where the officer may change them, and only those", async () => {
    const admin = await buildUser(t.deps, {
      roles: [
        ["commune_admin", GIA_PHU],
        ["leader", BAO_THANG],
      ],
    });
    const client = new TestClient(t.app);
    await client.signIn(admin.username, PASSWORD);
    const home = await (await client.get("/office")).text();
    expect(home).toContain(`/office/communes/${GIA_PHU}/settings`);
    expect(home).not.toContain(`/office/communes/${BAO_THANG}/settings`);
    expect(home).toContain('href="/office/audit"');
    const leader = await buildUser(t.deps, { roles: [["leader", GIA_PHU]] });
    const other = new TestClient(t.app);
    await other.signIn(leader.username, PASSWORD);
    const leaderHome = await (await other.get("/office")).text();
    expect(leaderHome).not.toContain("/settings");
    expect(leaderHome).not.toContain('href="/office/audit"');
  });

  it("audits each read of a user's personal data", async () => {
    const admin = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    const u = await buildUser(t.deps, { home: GIA_PHU, phone: "0987654321" });
    const client = new TestClient(t.app);
    await client.signIn(admin.username, PASSWORD);
    const page = await client.get(`/office/users/${u.id}`);
    expect(await page.text()).toContain("0987654321");
    const audit = await t.db.query("SELECT actor_id FROM audit_log WHERE action = 'personalData.read' AND target_id = $1", [u.id]);
    expect(audit.rows).toEqual([{ actor_id: admin.id }]);
    const log = await (await client.get("/office/audit")).text();
    expect(log).toContain(`user ${u.id}`);
    expect(log).toContain("personalData.read");
  });

  it("issues API tokens limited to one role the owner holds, shown once and revocable", async () => {
    const officer = await buildUser(t.deps, {
      roles: [
        ["commune_admin", GIA_PHU],
        ["leader", GIA_PHU],
      ],
    });
    const client = new TestClient(t.app);
    await client.signIn(officer.username, PASSWORD);
    const created = await client.post("/office/tokens", { name: "Cổng tỉnh", role: "leader", adminUnitCode: GIA_PHU, expiresInDays: "30" });
    expect(created.status).toBe(201);
    const token = /<code>(xaso_[A-Za-z0-9_-]{43})<\/code>/.exec(await created.text())?.[1];
    expect(token).toBeDefined();
    expect((await t.db.query("SELECT 1 FROM api_tokens WHERE token_hash = $1", [token])).rowCount).toBe(0);
    const me = await t.app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ username: officer.username, viaApiToken: true, grants: [{ role: "leader", adminUnitCode: GIA_PHU }] });
    // The token cannot do what only the owner's other role allows.
    const users = await t.app.request("/api/v1/users", { headers: { authorization: `Bearer ${token}` } });
    expect(users.status).toBe(403);
    const notHeld = await client.post("/office/tokens", { name: "x", role: "province_admin", adminUnitCode: LAO_CAI });
    expect(notHeld.status).toBe(400);
    const id = (await t.db.query("SELECT id FROM api_tokens WHERE user_id = $1", [officer.id])).rows[0]!.id;
    expect((await client.post(`/office/tokens/${id}/revoke`)).status).toBe(303);
    expect((await t.app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it("stops a token working when its owner loses the role, and when it expires", async () => {
    const root = await systemAdmin(t.deps);
    const ctx = { actor: { userId: root.userId, label: "root" }, requestId: null, principal: root };
    const u = await buildUser(t.deps, { roles: [["specialist", GIA_PHU]] });
    const owner = {
      userId: u.id,
      username: u.username,
      displayName: "",
      kind: "officer" as const,
      locale: null,
      grants: [{ role: "specialist" as const, unitCode: GIA_PHU, unitPath: `/${LAO_CAI}/${GIA_PHU}/` }],
    };
    const { token } = await createApiToken(
      t.deps,
      { actor: { userId: u.id, label: u.username }, requestId: null, principal: owner },
      { name: "t", role: "specialist", adminUnitCode: GIA_PHU, expiresInDays: 1 },
    );
    const call = () => t.app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);
    await revokeRole(t.deps, ctx, u.id, { role: "specialist", adminUnitCode: GIA_PHU });
    expect((await call()).status).toBe(401);
    await grantRole(t.deps, ctx, u.id, { role: "specialist", adminUnitCode: GIA_PHU });
    expect((await call()).status).toBe(200);
    t.clock.advance(2 * 86_400_000);
    expect((await call()).status).toBe(401);
  });
});
