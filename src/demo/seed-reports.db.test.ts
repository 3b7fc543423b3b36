// The demo reports: default categories for the demo province and a dozen reports in every status, once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/support/test-app.ts";
import { describeDb } from "../../test/support/test-db.ts";
import { toLocalDay } from "../platform/calendar/vietnam-time.ts";
import { REPORT_STATUSES, reportFigures } from "../modules/reports/index.ts";
import { DEMO_COMMUNE, seedDemo } from "./seed-demo.ts";
import { seedReportsDemo } from "./seed-reports.ts";

describeDb("demo reports seed", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.deps);
  });
  afterAll(() => t.close());

  it("seeds categories and a report in every status once; a second start adds nothing", async () => {
    const first = await seedReportsDemo(t.deps);
    expect(first.categories).toBeGreaterThan(0);
    expect(first.reports).toBeGreaterThanOrEqual(12);
    const again = await seedReportsDemo(t.deps);
    expect(again.categories).toBe(0);
    const { rows } = await t.db.query<{ status: string; n: string; events: string }>(
      `SELECT r.status, count(*) AS n, sum((SELECT count(*) FROM report_events e WHERE e.report_id = r.id)) AS events
       FROM reports r WHERE r.commune_code = $1 GROUP BY r.status`,
      [DEMO_COMMUNE],
    );
    expect(rows.map((r) => r.status).sort()).toEqual([...REPORT_STATUSES].sort());
    expect(rows.reduce((a, r) => a + Number(r.n), 0)).toBe(first.reports);
    expect(rows.every((r) => Number(r.events) >= Number(r.n))).toBe(true);
    const today = toLocalDay(t.deps.clock.now());
    const figures = await reportFigures(t.deps, { unitCode: DEMO_COMMUNE, from: "2000-01-01", to: today });
    expect(figures.received).toBe(first.reports);
    expect(figures.answered).toBeGreaterThan(0);
    expect(figures.satisfaction.count).toBeGreaterThan(0);
  });
});
