// The elements page and API: the catalogue for indicator.read (names, sources, "no source yet"), the refresh runs,
// and "refresh now" for indicator.manage only, recorded in the audit log.
import { beforeAll, expect, it } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { COMPUTED_ELEMENTS } from "./element-catalogue.ts";

describeDb("indicator elements page and API", () => {
  const app = useTestApp();
  let x: TestApp;
  let leader: TestClient;
  let province: TestClient;
  let volunteer: TestClient;

  beforeAll(async () => {
    x = app();
    await buildUser(x.deps, { username: "elleader", roles: [["leader", GIA_PHU]] });
    await buildUser(x.deps, { username: "elprov", roles: [["province_admin", "15"]] });
    await buildUser(x.deps, { username: "elvol", kind: "volunteer", roles: [["volunteer", GIA_PHU]] });
    leader = new TestClient(x.app);
    await leader.signIn("elleader", PASSWORD);
    province = new TestClient(x.app);
    await province.signIn("elprov", PASSWORD);
    volunteer = new TestClient(x.app);
    await volunteer.signIn("elvol", PASSWORD);
  });

  it("lists every computed element with its source, and the ones still to come as no source yet", async () => {
    const res = await leader.get("/api/v1/indicators/elements");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { elements: { key: string; landed: boolean; name: string; countedOn: string | null; refreshedBy: string | null }[] };
    expect(body.elements.map((e) => e.key)).toEqual(COMPUTED_ELEMENTS.map((e) => e.key));
    const online = body.elements.find((e) => e.key === "dossier_received_online")!;
    expect(online).toMatchObject({ landed: true, name: "Hồ sơ tiếp nhận trực tuyến", countedOn: "received", refreshedBy: "dossiers" });
    expect(body.elements.find((e) => e.key === "household_count")).toMatchObject({ countedOn: "snapshot", refreshedBy: "stocks" });
    expect(body.elements.find((e) => e.key === "meeting_paperless")).toMatchObject({ landed: false, countedOn: null, refreshedBy: null });

    const page = await leader.get("/office/indicators/elements");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Hồ sơ tiếp nhận trực tuyến");
    expect(html).toContain("Chưa có nguồn");
    // A leader reads but does not manage: no refresh button.
    expect(html).not.toContain("Làm mới ngay");
  });

  it("refreshes now for indicator.manage, then shows the runs; others are refused", async () => {
    expect((await volunteer.get("/office/indicators/elements")).status).toBe(403);
    expect((await leader.post("/office/indicators/elements")).status).toBe(403);

    const page = await province.get("/office/indicators/elements");
    expect(await page.text()).toContain("Làm mới ngay");
    const res = await province.post("/office/indicators/elements");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/office/indicators/elements");
    const after = await (await province.get("/office/indicators/elements")).text();
    expect(after).toContain("Đã làm mới số liệu.");
    expect(after).toContain("Hồ sơ (tỉnh 15)");
    const { rows } = await x.db.query("SELECT action FROM audit_log WHERE action = 'indicatorFacts.refreshed'");
    expect(rows).toHaveLength(1);
  });
});
