// The dashboards' reads can move to a read replica (docs/indicators/scale.md): the one computation and the sets it
// reads run whole inside a READ ONLY transaction, the mode a hot standby imposes on every query it serves.
import { beforeAll, expect, it } from "vitest";
import { buildVillage, GIA_PHU } from "../../../../test/support/factories.ts";
import { buildFacts } from "../../../../test/support/indicator-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import * as repo from "../indicators.repository.ts";
import { periodOf } from "../periods.ts";
import { setsForProvince } from "../set-store.ts";
import { computeIndicators } from "./indicators-compute.ts";

describeDb("indicators on a read replica", () => {
  const app = useTestApp();
  let x: TestApp;

  beforeAll(async () => {
    x = app();
    const v = await buildVillage(x.deps, GIA_PHU);
    await buildFacts(x.deps, GIA_PHU, "2026-11-03", { dossier_received: 10, dossier_received_online: 4, dossier_decided: 8, dossier_decided_on_time: 7 });
    await buildFacts(x.deps, v.code, "2026-11-03", { household_count: 50, household_proficient: 20 });
  });

  it("computes every shipped set for the province, a commune and its villages inside a READ ONLY transaction", async () => {
    const nov = periodOf("2026-11", "2026-12-06")!;
    const results = await x.db.tx(async (q) => {
      await q.query("SET TRANSACTION READ ONLY");
      const sets = await setsForProvince({ db: q as never }, "15");
      const out = [];
      for (const code of ["15", GIA_PHU]) {
        const unit = (await repo.unitRef(q, code))!;
        for (const set of sets) {
          for (const by of ["self", "children"] as const) out.push(await computeIndicators({ db: q as never }, { set, unit, period: nov, by }));
        }
      }
      // A write in the same transaction is refused: the mode really is read-only.
      await expect(q.query("INSERT INTO indicator_refresh_state (source) VALUES ('replica-probe')")).rejects.toThrow(/read-only transaction/);
      return out;
    });
    expect(results.length).toBeGreaterThan(0);
    const province = results.find((r) => r.unit.code === "15" && r.grouping === "self")!;
    expect(province.rows[0]!.elements.dossier_received).toBe(10);
  });
});
