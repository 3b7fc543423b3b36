import { afterAll, beforeAll, expect, it } from "vitest";
import { TestClient } from "../../../test/support/client.ts";
import { buildUser, GIA_PHU, LAO_CAI, PASSWORD, systemAdmin } from "../../../test/support/factories.ts";
import { buildTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { createApiToken } from "../identity/index.ts";
import type { Principal } from "../../platform/auth/authorise.ts";
import { listCalendarYear, loadWorkCalendar, removeCalendarDay, setCalendarDay } from "./index.ts";

describeDb("working calendar", () => {
  let t: TestApp;
  let provinceAdmin: { id: string; username: string };
  let officer: { id: string; username: string };
  let adminToken: string;
  let officerToken: string;

  beforeAll(async () => {
    t = await buildTestApp();
    provinceAdmin = await buildUser(t.deps, { roles: [["province_admin", LAO_CAI]] });
    officer = await buildUser(t.deps, { roles: [["one_stop_officer", GIA_PHU]] });
    adminToken = (
      await createApiToken(t.deps, ctx(principalOf(provinceAdmin, "province_admin", LAO_CAI, `/${LAO_CAI}/`)), {
        name: "cal",
        role: "province_admin",
        adminUnitCode: LAO_CAI,
        expiresInDays: 30,
      })
    ).token;
    officerToken = (
      await createApiToken(t.deps, ctx(principalOf(officer, "one_stop_officer", GIA_PHU, `/${LAO_CAI}/${GIA_PHU}/`)), {
        name: "cal",
        role: "one_stop_officer",
        adminUnitCode: GIA_PHU,
        expiresInDays: 30,
      })
    ).token;
  });
  afterAll(() => t.close());

  const principalOf = (u: { id: string; username: string }, role: "province_admin" | "one_stop_officer", unitCode: string, unitPath: string): Principal => ({
    userId: u.id,
    username: u.username,
    displayName: "",
    kind: "officer",
    locale: null,
    grants: [{ role, unitCode, unitPath }],
  });
  const ctx = (principal: Principal | null) => ({ actor: { userId: principal?.userId ?? null, label: "t" }, requestId: "req-cal", principal });
  const put = (day: string, body: unknown, token?: string) =>
    t.app.request(`/api/v1/calendar/days/${day}`, {
      method: "PUT",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  it("lists 2026 with the computed holidays, the announced decisions and the counts", async () => {
    const y = await listCalendarYear(t.deps, 2026);
    expect(y.weekendDays).toBe(104);
    // 365 − 104 weekend days − 13 weekdays off (1/1, 2/1, 16–20/2, 27/4, 30/4, 1/5, 31/8, 1/9, 2/9) + 2 make-up Saturdays.
    expect(y.workingDays).toBe(250);
    expect(y.days).toEqual(
      expect.arrayContaining([
        { day: "2026-01-10", kind: "working", name: "calendar.holiday.makeUpDay", source: "announced" },
        { day: "2026-02-17", kind: "off", name: "calendar.holiday.tet", source: "announced" },
        { day: "2026-04-26", kind: "off", name: "calendar.holiday.hungKings", source: "computed" },
        { day: "2026-04-27", kind: "off", name: "calendar.holiday.compensatory", source: "computed" },
      ]),
    );
  });

  it("sets and removes days, audits both, and the deadline calendar honours them at once", async () => {
    const root = await systemAdmin(t.deps);
    await setCalendarDay(t.deps, ctx(root), "2026-03-03", { kind: "off", name: "Bão số 1" });
    await setCalendarDay(t.deps, ctx(root), "2026-02-20", { kind: "working", name: "Làm việc trực Tết" });
    let cal = await loadWorkCalendar(t.deps);
    expect(cal.isWorkingDay("2026-03-03")).toBe(false);
    expect(cal.dayOffName("2026-03-03")).toBe("Bão số 1");
    expect(cal.isWorkingDay("2026-02-20")).toBe(true); // the stored row wins over the shipped announcement
    expect((await listCalendarYear(t.deps, 2026)).days).toContainEqual({ day: "2026-02-20", kind: "working", name: "Làm việc trực Tết", source: "override" });

    await removeCalendarDay(t.deps, ctx(root), "2026-03-03");
    await removeCalendarDay(t.deps, ctx(root), "2026-02-20");
    cal = await loadWorkCalendar(t.deps);
    expect(cal.isWorkingDay("2026-03-03")).toBe(true);
    expect(cal.dayOffName("2026-02-20")).toBe("calendar.holiday.tet");
    await expect(removeCalendarDay(t.deps, ctx(root), "2026-03-03")).rejects.toMatchObject({ status: 404 });

    const audit = await t.db.query("SELECT action, actor_id, request_id FROM audit_log WHERE target_id = '2026-03-03' ORDER BY seq");
    expect(audit.rows).toEqual([
      { action: "calendar.dayChanged", actor_id: root.userId, request_id: "req-cal" },
      { action: "calendar.dayRemoved", actor_id: root.userId, request_id: "req-cal" },
    ]);
  });

  it("keeps the calendar for 60 s: a row written by another process shows after that", async () => {
    await loadWorkCalendar(t.deps);
    await t.db.query("INSERT INTO calendar_days (day, kind, name) VALUES ('2026-03-10', 'off', 'Từ tiến trình khác')");
    expect((await loadWorkCalendar(t.deps)).isWorkingDay("2026-03-10")).toBe(true);
    t.clock.advance(61_000);
    expect((await loadWorkCalendar(t.deps)).isWorkingDay("2026-03-10")).toBe(false);
    await t.db.query("DELETE FROM calendar_days WHERE day = '2026-03-10'");
  });

  it("refuses writes without calendar.manage: 401 anonymous, 403 for a commune officer", async () => {
    await expect(setCalendarDay(t.deps, ctx(null), "2026-03-04", { kind: "off", name: "x" })).rejects.toMatchObject({ status: 401 });
    const o = principalOf(officer, "one_stop_officer", GIA_PHU, `/${LAO_CAI}/${GIA_PHU}/`);
    await expect(setCalendarDay(t.deps, ctx(o), "2026-03-04", { kind: "off", name: "x" })).rejects.toMatchObject({ status: 403 });
    await expect(removeCalendarDay(t.deps, ctx(o), "2026-03-04")).rejects.toMatchObject({ status: 403 });
  });

  it("serves the API: public reads, authorised writes, 400 naming the bad field", async () => {
    const year = await t.app.request("/api/v1/calendar/2026", { headers: { "accept-language": "en" } });
    expect(year.status).toBe(200);
    const body = (await year.json()) as { workingDays: number; days: { day: string; label: string }[] };
    expect(body.workingDays).toBe(250);
    expect(body.days.find((d) => d.day === "2026-02-17")?.label).toBe("Lunar New Year (Tết)");
    expect((await t.app.request("/api/v1/calendar/20x6")).status).toBe(400);

    expect((await put("2026-03-04", { kind: "off", name: "Lũ" })).status).toBe(401);
    expect((await put("2026-03-04", { kind: "off", name: "Lũ" }, officerToken)).status).toBe(403);
    const ok = await put("2026-03-04", { kind: "off", name: "Lũ" }, adminToken);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ day: "2026-03-04", kind: "off", name: "Lũ", source: "override" });

    const fieldOf = async (res: Response) => {
      expect(res.status).toBe(400);
      return ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    };
    expect(await fieldOf(await put("2026-02-30", { kind: "off", name: "x" }, adminToken))).toEqual(["day"]);
    expect(await fieldOf(await put("hôm-nay", { kind: "off", name: "x" }, adminToken))).toEqual(["day"]);
    expect(await fieldOf(await put("2026-03-05", { kind: "holiday", name: "x" }, adminToken))).toEqual(["kind"]);
    expect(await fieldOf(await put("2026-03-05", { kind: "off", name: "   " }, adminToken))).toEqual(["name"]);

    const del = (token?: string) =>
      t.app.request("/api/v1/calendar/days/2026-03-04", { method: "DELETE", headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await del()).status).toBe(401);
    expect((await del(officerToken)).status).toBe(403);
    expect((await del(adminToken)).status).toBe(204);
    expect((await del(adminToken)).status).toBe(404);
  });

  it("shows the office page to officers and lets a province admin edit it (POST → redirect → GET)", async () => {
    expect((await new TestClient(t.app).get("/office/calendar?year=2026")).status).toBe(303); // to sign-in

    const desk = new TestClient(t.app);
    await desk.signIn(officer.username, PASSWORD);
    const seen = await desk.get("/office/calendar?year=2026");
    expect(seen.status).toBe(200);
    const html = await seen.text();
    expect(html).toContain("Tết Nguyên đán");
    expect(html).not.toContain('action="/office/calendar/days"');
    expect((await desk.post("/office/calendar/days", { day: "2026-03-06", kind: "off", name: "x" })).status).toBe(403);

    const admin = new TestClient(t.app);
    await admin.signIn(provinceAdmin.username, PASSWORD);
    const bad = await admin.post("/office/calendar/days", { day: "2026-13-01", kind: "off", name: "" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('id="f-day-error"');
    expect(badHtml).toContain('id="f-name-error"');

    const saved = await admin.post("/office/calendar/days", { day: "2026-03-06", kind: "off", name: "Ngày nghỉ thử" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/office/calendar?year=2026");
    const after = await (await admin.get("/office/calendar?year=2026")).text();
    expect(after).toContain("Đã lưu ngày vào lịch làm việc.");
    expect(after).toContain("Ngày nghỉ thử");
    expect(after).toContain('action="/office/calendar/days/2026-03-06/remove"');

    expect((await admin.post("/office/calendar/days/2026-03-06/remove")).status).toBe(303);
    expect(await (await admin.get("/office/calendar?year=2026")).text()).not.toContain("Ngày nghỉ thử");
  });
});
