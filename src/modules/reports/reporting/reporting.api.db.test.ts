// The reporting API: POST /api/v1/reports with base64 photos, similar reports, support, confirm/reopen by the private
// link's secret, /api/v1/me/reports; errors are problem+json naming the field, nothing half-written.
import sharp from "sharp";
import { beforeAll, expect, it } from "vitest";
import { json, TestClient } from "../../../../test/support/client.ts";
import { buildVillage, GIA_PHU } from "../../../../test/support/factories.ts";
import { buildReport, buildReportCategory } from "../../../../test/support/report-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";

type Problem = { status: number; errors?: { field: string; message: string }[] };
const fieldsOf = async (res: Response) => ((await res.json()) as Problem).errors?.map((e) => e.field) ?? [];

describeDb("reporting API", () => {
  const app = useTestApp();
  let x: TestApp;
  let village: string;

  beforeAll(async () => {
    x = app();
    village = (await buildVillage(x.deps, GIA_PHU)).code;
    await buildReportCategory(x.deps, { code: "drain", publicByDefault: false });
  });

  it("takes a report with a base64 photo and answers with the code and the private link", async () => {
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#224466" } })
      .png()
      .toBuffer();
    const client = new TestClient(x.app);
    const res = await client.request(
      "/api/v1/reports",
      json({
        communeCode: GIA_PHU,
        categoryCode: "drain",
        description: "Cống tắc, nước tràn ra đường",
        villageCode: village,
        lat: 22.35,
        lon: 104.1,
        anonymous: true,
        contact: { phone: "0912345678" },
        photos: [{ name: "cong.png", contentType: "image/png", contentBase64: photo.toString("base64") }],
      }),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { code: string; followToken: string; followUrl: string; public: boolean; notifySms: boolean };
    expect(body.code).toMatch(/^PA-[A-Z0-9]{6}$/);
    expect(body.followUrl).toBe(`/reports/follow/${body.code}/${body.followToken}`);
    expect(body.public).toBe(false); // the category's default
    expect(body.notifySms).toBe(false); // anonymous: the phone is not kept
    const row = (await x.db.query("SELECT reporter_phone, anonymous, lat, location_source FROM reports WHERE code = $1", [body.code])).rows[0];
    expect(row).toEqual({ reporter_phone: null, anonymous: true, lat: 22.35, location_source: "map" });
  });

  it("answers problem+json naming each bad field, and writes nothing", async () => {
    const client = new TestClient(x.app);
    const before = Number((await x.db.query<{ n: string }>("SELECT count(*) AS n FROM reports")).rows[0]!.n);
    const bad = await client.request(
      "/api/v1/reports",
      json({ communeCode: GIA_PHU, categoryCode: "nope", description: "x".repeat(2001), lat: 10, contact: { email: "@" } }),
    );
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toEqual(expect.arrayContaining(["categoryCode", "description", "lon", "contact.email"]));
    const type = await client.request("/api/v1/reports", json({ communeCode: GIA_PHU, categoryCode: "drain", description: 5 }));
    expect(type.status).toBe(400);
    expect(await fieldsOf(type)).toContain("description");
    const b64 = await client.request(
      "/api/v1/reports",
      json({ communeCode: GIA_PHU, categoryCode: "drain", description: "a", photos: [{ name: "a.jpg", contentBase64: "!!" }] }),
    );
    expect(b64.status).toBe(400);
    expect(await fieldsOf(b64)).toContain("photos.0.contentBase64");
    const commune = await client.request("/api/v1/reports", json({ communeCode: "99999", categoryCode: "drain", description: "a" }));
    expect(commune.status).toBe(400);
    expect(await fieldsOf(commune)).toContain("communeCode");
    expect(Number((await x.db.query<{ n: string }>("SELECT count(*) AS n FROM reports")).rows[0]!.n)).toBe(before);
  });

  it("lists similar open reports and counts a support once per browser key", async () => {
    const cat = await buildReportCategory(x.deps, { code: "light" });
    const near = await buildReport(x.deps, { categoryId: cat.id, villageCode: null, lat: 22.35, lon: 104.1, status: "received" });
    await buildReport(x.deps, { categoryId: cat.id, villageCode: null, lat: 22.4, lon: 104.1, status: "received" }); // ~5.5 km away
    const client = new TestClient(x.app);
    const res = await client.get(`/api/v1/reports/similar?communeCode=${GIA_PHU}&categoryCode=light&lat=22.3505&lon=104.1`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { code: string; distanceM: number }[] };
    expect(items.map((i) => i.code)).toEqual([near.code]);
    expect(items[0]!.distanceM).toBeGreaterThan(40);
    expect(items[0]!.distanceM).toBeLessThan(70);
    const key = "browser-key-0123456789";
    const first = await client.request(`/api/v1/reports/${near.code}/support`, json({ browserKey: key }));
    expect(await first.json()).toEqual({ code: near.code, added: true, supportCount: 1 });
    const again = await client.request(`/api/v1/reports/${near.code}/support`, json({ browserKey: key }));
    expect(await again.json()).toEqual({ code: near.code, added: false, supportCount: 1 });
    const hidden = await buildReport(x.deps, { categoryId: cat.id, public: false });
    expect((await client.request(`/api/v1/reports/${hidden.code}/support`, json({ browserKey: key }))).status).toBe(404);
  });

  it("confirms and reopens by the private link's secret only", async () => {
    const client = new TestClient(x.app);
    const res = await client.request("/api/v1/reports", json({ communeCode: GIA_PHU, categoryCode: "drain", description: "Ngập" }));
    const { code, followToken } = (await res.json()) as { code: string; followToken: string };
    await x.db.query("UPDATE reports SET status = 'resolved', confirm_until = $2 WHERE code = $1", [code, new Date(x.clock.now().getTime() + 86_400_000)]);
    expect((await client.request(`/api/v1/reports/${code}/reopen`, json({ token: "B".repeat(24), reason: "x" }))).status).toBe(404);
    expect((await client.request(`/api/v1/reports/${code}/reopen`, json({ reason: "x" }))).status).toBe(401);
    const reopened = await client.request(`/api/v1/reports/${code}/reopen`, json({ token: followToken, reason: "Vẫn ngập" }));
    expect(reopened.status).toBe(200);
    expect(((await reopened.json()) as { status: string; reopenCount: number }).reopenCount).toBe(1);
    const late = await client.request(`/api/v1/reports/${code}/confirm`, json({ token: followToken }));
    expect(late.status).toBe(409);
    await x.db.query("UPDATE reports SET status = 'resolved', confirm_until = $2 WHERE code = $1", [code, new Date(x.clock.now().getTime() - 1000)]);
    expect((await client.request(`/api/v1/reports/${code}/confirm`, json({ token: followToken, satisfaction: 5 }))).status).toBe(409);
  });
});
