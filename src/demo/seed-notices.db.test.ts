// The demo notices and hall: five notices in their statuses plus a correction, a station, today's queue; once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/support/test-app.ts";
import { describeDb } from "../../test/support/test-db.ts";
import { DEMO_COMMUNE, seedDemo } from "./seed-demo.ts";
import { seedNoticesDemo } from "./seed-notices.ts";

describeDb("demo notices and hall seed", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.deps);
  });
  afterAll(() => t.close());

  it("seeds notices in every step, a station, services, counters and today's tickets once; a second run adds nothing", async () => {
    const first = await seedNoticesDemo(t.deps);
    expect(first.notices).toBe(6);
    expect(first.tickets).toBe(5);
    expect(first.slots).toBe(2); // the test configuration speaks with espeak-ng (Debian package, installed in CI)
    const statuses = await t.db.query<{ status: string }>("SELECT status FROM notices WHERE unit_code = $1", [DEMO_COMMUNE]);
    expect(statuses.rows.map((r) => r.status).sort()).toEqual(["in_review", "published", "published", "published", "scheduled", "withdrawn"]);
    const tickets = await t.db.query<{ status: string }>("SELECT status FROM queue_tickets WHERE commune_code = $1 ORDER BY label", [DEMO_COMMUNE]);
    expect(tickets.rows.map((r) => r.status).sort()).toEqual(["called", "done", "waiting", "waiting", "waiting"]);
    const stations = await t.db.query("SELECT 1 FROM radio_stations WHERE commune_code = $1", [DEMO_COMMUNE]);
    expect(stations.rowCount).toBe(1);
    const again = await seedNoticesDemo(t.deps);
    expect(again).toEqual({ notices: 0, slots: 0, tickets: 0 });
    expect((await t.db.query("SELECT 1 FROM notices WHERE unit_code = $1", [DEMO_COMMUNE])).rowCount).toBe(6);
  });
});
