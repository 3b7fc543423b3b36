// Report figures: every number is worked out here from the fixtures (no hard-coded results): counts by category,
// village and month, on time, the average working days to answer (the calendar's own arithmetic), reopened and
// satisfaction; the office's 404 outside its units; the public page shows counts and no personal data.
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, buildUser, buildVillage, GIA_PHU, LAO_CAI, PASSWORD } from "../../../../test/support/factories.ts";
import { buildReport, buildReportCategory } from "../../../../test/support/report-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { HOURS_PER_DAY, workingHoursBetween } from "../../../platform/calendar/working-time.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import { reportFigures } from "../index.ts";
import type { ReportStatus } from "../reports.model.ts";

type Fixture = {
  category: string;
  village: string | null;
  createdAt: Date;
  status: ReportStatus;
  dueAt: Date | null;
  answeredAt: Date | null;
  reopenCount: number;
  satisfaction: number | null;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describeDb("report figures", () => {
  const app = useTestApp();
  let x: TestApp;
  const fixtures: Fixture[] = [];
  let villageA: string;
  let villageB: string;
  const from = "2026-09-01";
  const to = "2026-11-30";

  beforeAll(async () => {
    x = app();
    villageA = (await buildVillage(x.deps, GIA_PHU, "Thôn Một")).code;
    villageB = (await buildVillage(x.deps, GIA_PHU, "Thôn Hai")).code;
    const road = await buildReportCategory(x.deps, { code: "road", nameVi: "Đường hỏng", nameEn: "Broken road" });
    const waste = await buildReportCategory(x.deps, { code: "waste", nameVi: "Rác thải", nameEn: "Rubbish" });
    const codes = { road: road.id, waste: waste.id } as const;
    const base = new Date("2026-09-07T02:00:00Z").getTime();
    const plan: Array<Omit<Fixture, "createdAt"> & { offsetDays: number }> = [
      { category: "road", village: villageA, offsetDays: 0, status: "closed", dueAt: null, answeredAt: null, reopenCount: 0, satisfaction: 5 },
      { category: "road", village: villageA, offsetDays: 10, status: "resolved", dueAt: null, answeredAt: null, reopenCount: 1, satisfaction: null },
      { category: "waste", village: villageB, offsetDays: 31, status: "in_progress", dueAt: null, answeredAt: null, reopenCount: 0, satisfaction: null },
      { category: "waste", village: null, offsetDays: 40, status: "closed", dueAt: null, answeredAt: null, reopenCount: 0, satisfaction: 3 },
      { category: "road", village: villageB, offsetDays: 62, status: "received", dueAt: null, answeredAt: null, reopenCount: 0, satisfaction: null },
      { category: "waste", village: villageA, offsetDays: 63, status: "rejected", dueAt: null, answeredAt: null, reopenCount: 0, satisfaction: null },
      { category: "road", village: villageA, offsetDays: 64, status: "assigned", dueAt: null, answeredAt: null, reopenCount: 0, satisfaction: null },
    ];
    for (const p of plan) {
      const createdAt = new Date(base + p.offsetDays * DAY);
      // Deadlines 5 days on; answers at varied times, some late; the assigned one is past its deadline.
      const dueAt = p.status === "received" || p.status === "rejected" ? null : new Date(createdAt.getTime() + 5 * DAY);
      const answeredAt = p.status === "closed" || p.status === "resolved" ? new Date(createdAt.getTime() + (p.reopenCount > 0 ? 8 : 2) * DAY + 3 * HOUR) : null;
      const f: Fixture = { ...p, createdAt, dueAt, answeredAt };
      const r = await buildReport(x.deps, {
        categoryId: codes[p.category as "road" | "waste"],
        villageCode: p.village,
        // The factory writes no rejection reason: the row is rejected below, with its reason.
        status: p.status === "rejected" ? "received" : p.status,
        dueAt,
        createdAt,
      });
      await x.db.query("UPDATE reports SET answered_at = $2, reopen_count = $3, satisfaction = $4, reject_reason = $5, status = $6 WHERE id = $1", [
        r.id,
        answeredAt,
        p.reopenCount,
        p.satisfaction,
        p.status === "rejected" ? "abusive" : null,
        p.status,
      ]);
      fixtures.push(f);
    }
    // Outside the period, and another commune: neither counts.
    await buildReport(x.deps, { categoryId: road.id, createdAt: new Date("2026-08-20T02:00:00Z") });
    const other = await buildReportCategory(x.deps, { communeCode: BAO_THANG, code: "road" });
    await buildReport(x.deps, { categoryId: other.id, communeCode: BAO_THANG, createdAt: new Date("2026-10-01T02:00:00Z") });
  });

  const share = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 1000) / 10);

  it("counts by category, village and month, on time, time to answer, reopened and satisfaction", async () => {
    const now = x.deps.clock.now();
    const f = await reportFigures(x.deps, { unitCode: GIA_PHU, from, to });
    const isOpen = (s: ReportStatus) => ["received", "accepted", "assigned", "in_progress", "forwarded", "reopened"].includes(s);
    const onTime = (r: Fixture) => r.answeredAt !== null && r.dueAt !== null && r.answeredAt <= r.dueAt;
    const due = (r: Fixture) => r.dueAt !== null && (r.answeredAt !== null || r.dueAt < now);
    const answered = fixtures.filter((r) => r.answeredAt);
    expect(f.received).toBe(fixtures.length);
    expect(f.open).toBe(fixtures.filter((r) => isOpen(r.status)).length);
    expect(f.answered).toBe(answered.length);
    expect(f.rejected).toBe(fixtures.filter((r) => r.status === "rejected").length);
    expect(f.closed).toBe(fixtures.filter((r) => r.status === "closed").length);
    expect(f.onTime).toEqual({
      count: fixtures.filter(onTime).length,
      of: fixtures.filter(due).length,
      share: share(fixtures.filter(onTime).length, fixtures.filter(due).length),
    });
    const cal = await loadWorkCalendar(x.deps);
    const days = answered.map((r) => workingHoursBetween(cal, r.createdAt, r.answeredAt!) / HOURS_PER_DAY);
    expect(f.averageAnswerWorkingDays).toBe(Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10);
    const reopened = answered.filter((r) => r.reopenCount > 0).length;
    expect(f.reopened).toEqual({ count: reopened, of: answered.length, share: share(reopened, answered.length) });
    const rated = fixtures.filter((r) => r.satisfaction !== null).map((r) => r.satisfaction!);
    expect(f.satisfaction).toEqual({ average: Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 10) / 10, count: rated.length });

    const countBy = (key: (r: Fixture) => string | null) => {
      const m = new Map<string | null, number>();
      for (const r of fixtures) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
      return m;
    };
    expect(new Map(f.byCategory.map((r) => [r.key, r.received]))).toEqual(countBy((r) => r.category));
    expect(f.byCategory.find((r) => r.key === "waste")?.label).toBe("Rác thải");
    expect(new Map(f.byPlace.map((r) => [r.key, r.received]))).toEqual(countBy((r) => r.village));
    expect(f.byPlace.find((r) => r.key === villageA)?.label).toBe("Thôn Một");
    expect(new Map(f.byMonth.map((r) => [r.key, r.received]))).toEqual(countBy((r) => toLocalDay(r.createdAt).slice(0, 7)));
    expect(f.byMonth.map((r) => r.key)).toEqual([...new Set(fixtures.map((r) => toLocalDay(r.createdAt).slice(0, 7)))].sort());
  });

  it("a province counts by commune", async () => {
    const f = await reportFigures(x.deps, { unitCode: LAO_CAI, from, to });
    expect(new Map(f.byPlace.map((r) => [r.key, r.received]))).toEqual(
      new Map([
        [GIA_PHU, fixtures.length],
        [BAO_THANG, 1],
      ]),
    );
  });

  describe("pages and API", () => {
    let officer: TestClient;
    let stranger: TestClient;
    beforeAll(async () => {
      const u = await buildUser(x.deps, { roles: [["leader", GIA_PHU]] });
      officer = new TestClient(x.app);
      await officer.signIn(u.username, PASSWORD);
      const s = await buildUser(x.deps, { roles: [["leader", BAO_THANG]] });
      stranger = new TestClient(x.app);
      await stranger.signIn(s.username, PASSWORD);
    });

    it("the API answers the same figures to an officer of the commune, 404 to another commune's, 400 naming a bad day", async () => {
      const res = await officer.get(`/api/v1/reports/figures?unit=${GIA_PHU}&from=${from}&to=${to}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(JSON.parse(JSON.stringify(await reportFigures(x.deps, { unitCode: GIA_PHU, from, to }))));
      expect((await stranger.get(`/api/v1/reports/figures?unit=${GIA_PHU}`)).status).toBe(404);
      const bad = await officer.get(`/api/v1/reports/figures?unit=${GIA_PHU}&from=2026-02-30&to=2026-01-01`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain("from");
      const order = await officer.get(`/api/v1/reports/figures?unit=${GIA_PHU}&from=2026-03-01&to=2026-01-01`);
      expect(order.status).toBe(400);
    });

    it("the office page reads typed days; the public page shows counts without the reporter's name", async () => {
      const page = await officer.get(`/office/reports/figures?unit=${GIA_PHU}&from=01/09/2026&to=30/11/2026`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Thôn Một");
      expect((await stranger.get(`/office/reports/figures?unit=${GIA_PHU}`)).status).toBe(404);
      const pub = await new TestClient(x.app).get(`/reports/${GIA_PHU}/figures?from=01/09/2026&to=30/11/2026`);
      expect(pub.status).toBe(200);
      const pubHtml = await pub.text();
      expect(pubHtml).toContain("Rác thải");
      expect(pubHtml).not.toContain("Lò Thị Mai");
      expect((await new TestClient(x.app).get(`/reports/${GIA_PHU}/figures?from=99/99/2026`)).status).toBe(400);
      expect((await new TestClient(x.app).get("/reports/99999/figures")).status).toBe(404);
    });
  });
});
