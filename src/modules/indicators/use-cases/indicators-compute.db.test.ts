// The one computation, on known facts: element values summed over villages, communes and the province before
// dividing (a province's share is not the average of its communes'), stocks read at the period's end, manual values
// counted only once approved, an element whose module has not landed reads "no source yet", and points are capped.
import { beforeAll, expect, it } from "vitest";
import { buildVillage, GIA_PHU, BAO_THANG } from "../../../../test/support/factories.ts";
import { buildFacts, buildManualValue } from "../../../../test/support/indicator-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import * as repo from "../indicators.repository.ts";
import { periodOf } from "../periods.ts";
import { compileSetDefinition } from "../set-definition.ts";
import type { ResolvedSet } from "../set-store.ts";
import { computeIndicators } from "./indicators-compute.ts";

const TODAY = "2026-12-06";
const set: ResolvedSet = {
  ...compileSetDefinition({
    key: "test-set",
    name: "Bộ thử",
    nameEn: "Test set",
    index: true,
    groups: [{ key: "g", name: "Nhóm", nameEn: "Group", points: 10 }],
    elements: [{ key: "wifi_points", name: "Điểm wifi", nameEn: "Wifi points", valueType: "integer", min: 0, aggregation: "last", frequency: "quarter" }],
    indicators: [
      {
        key: "online",
        group: "g",
        name: "Trực tuyến",
        nameEn: "Online",
        unit: "percent",
        numerator: "dossier_received_online",
        denominator: "dossier_received",
        thresholds: { good: 50, warn: 30 },
      },
      {
        key: "online_points",
        group: "g",
        name: "Điểm",
        nameEn: "Points",
        unit: "points",
        points: 10,
        numerator: "dossier_received_online",
        denominator: "dossier_received",
      },
      { key: "proficient", name: "Hộ thành thạo", nameEn: "Proficient", unit: "percent", numerator: "household_proficient", denominator: "household_count" },
      { key: "wifi", name: "Wifi", nameEn: "Wifi", unit: "count", numerator: "wifi_points" },
      { key: "ocop", name: "OCOP", nameEn: "OCOP", unit: "count", numerator: "ocop_product_traceable" },
    ],
  }),
  version: 1,
  rowId: null,
  provinceCode: null,
  shipped: false,
};

describeDb("indicators computation", () => {
  const app = useTestApp();
  let x: TestApp;
  let v1: string;
  let v2: string;

  beforeAll(async () => {
    x = app();
    v1 = (await buildVillage(x.deps, GIA_PHU)).code;
    v2 = (await buildVillage(x.deps, GIA_PHU)).code;
    // Gia Phú: 10 received, 9 online (90 %). Bảo Thắng: 90 received, 9 online (10 %). The province: 18 / 100 = 18 %,
    // not the 50 % an average of the two shares would give.
    await buildFacts(x.deps, GIA_PHU, "2026-11-03", { dossier_received: 4, dossier_received_online: 4 });
    await buildFacts(x.deps, GIA_PHU, "2026-11-20", { dossier_received: 6, dossier_received_online: 5 });
    await buildFacts(x.deps, BAO_THANG, "2026-11-05", { dossier_received: 90, dossier_received_online: 9 });
    // Outside November: not counted in it.
    await buildFacts(x.deps, GIA_PHU, "2026-10-31", { dossier_received: 100, dossier_received_online: 0 });
    // December so far: counted in the year to date from the days, the whole months before it from the monthly sums.
    await buildFacts(x.deps, GIA_PHU, "2026-12-03", { dossier_received: 5, dossier_received_online: 5 });
    await buildFacts(x.deps, GIA_PHU, "2026-11-20", { dossier_received: 0 });
    // Stocks per village: the latest snapshot by the period's end counts, a later one does not.
    await buildFacts(x.deps, v1, "2026-10-01", { household_count: 100, household_proficient: 20 });
    await buildFacts(x.deps, v1, "2026-11-15", { household_count: 100, household_proficient: 40 });
    await buildFacts(x.deps, v1, "2026-12-02", { household_count: 100, household_proficient: 90 });
    await buildFacts(x.deps, v2, "2026-09-01", { household_count: 300, household_proficient: 60 });
    await buildManualValue(x.deps, { element: "wifi_points", unit: GIA_PHU, period: "2026-Q3", value: 3 });
    await buildManualValue(x.deps, { element: "wifi_points", unit: BAO_THANG, period: "2026-Q3", value: 5, status: "submitted" });
  });

  const unit = async (code: string) => (await repo.unitRef(x.db, code)) as repo.UnitRef;
  const nov = periodOf("2026-11", TODAY)!;
  const pick = (r: Awaited<ReturnType<typeof computeIndicators>>["rows"][number], key: string) => r.indicators.find((i) => i.key === key)!;

  it("recomputes the province's share from the summed counts, never averaging the communes' shares", async () => {
    const province = await unit("15");
    const r = await computeIndicators(x.deps, { set, unit: province, period: nov, by: "self" });
    const online = pick(r.rows[0]!, "online");
    expect(online).toMatchObject({ status: "ok", numerator: 18, denominator: 100, value: 18, colour: "bad" });
    const byCommune = await computeIndicators(x.deps, { set, unit: province, period: nov, by: "children" });
    const gp = byCommune.rows.find((row) => row.unit.code === GIA_PHU)!;
    const bt = byCommune.rows.find((row) => row.unit.code === BAO_THANG)!;
    expect(pick(gp, "online")).toMatchObject({ value: 90, colour: "good" });
    expect(pick(bt, "online")).toMatchObject({ value: 10, colour: "bad" });
    // The province's own row, from the communes' sums, is the one computed for the province itself.
    expect(byCommune.total?.indicators).toEqual(r.rows[0]!.indicators);
    // Points: the share times the group's points; the index sums them.
    expect(pick(gp, "online_points").value).toBe(9);
    expect(gp.index).toBe(9);
    expect(gp.indexMax).toBe(10);
  });

  it("reads stocks at the period's end and rolls villages up to the commune", async () => {
    const r = await computeIndicators(x.deps, { set, unit: await unit(GIA_PHU), period: nov, by: "self" });
    // v1: 40 of 100 (the 15 November snapshot; December's is after the period); v2: 60 of 300.
    expect(pick(r.rows[0]!, "proficient")).toMatchObject({ numerator: 100, denominator: 400, value: 25 });
    const villages = await computeIndicators(x.deps, { set, unit: await unit(GIA_PHU), period: nov, by: "children" });
    const row1 = villages.rows.find((row) => row.unit.code === v1)!;
    expect(pick(row1, "proficient").value).toBe(40);
    // Dossiers are counted per commune only.
    expect(pick(row1, "online").status).toBe("notByVillage");
  });

  it("counts a manual value only once approved, and shows a source not landed as no source, never zero", async () => {
    const province = await computeIndicators(x.deps, { set, unit: await unit("15"), period: nov, by: "children" });
    const gp = province.rows.find((row) => row.unit.code === GIA_PHU)!;
    const bt = province.rows.find((row) => row.unit.code === BAO_THANG)!;
    expect(pick(gp, "wifi")).toMatchObject({ status: "ok", value: 3 });
    expect(pick(bt, "wifi")).toMatchObject({ status: "noData", value: null, missing: ["wifi_points"] });
    expect(pick(gp, "ocop")).toMatchObject({ status: "noSource", value: null });
  });

  it("adds whole months from the monthly sums and the current month's days, kept equal to the daily facts", async () => {
    const ytd = await computeIndicators(x.deps, { set, unit: await unit(GIA_PHU), period: periodOf("2026-ytd", TODAY)!, by: "self" });
    expect(pick(ytd.rows[0]!, "online")).toMatchObject({ numerator: 14, denominator: 115 });
    // The triggers of migration 0052 keep each month's sum equal to its days' after inserts, updates and deletes.
    await x.db.query("DELETE FROM indicator_daily_facts WHERE commune_code = $1 AND day = '2026-11-03'", [GIA_PHU]);
    const { rows } = await x.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT element_key, unit_code, date_trunc('month', day)::date AS month, sum(value) AS v FROM indicator_daily_facts GROUP BY 1, 2, 3
       ) d FULL JOIN indicator_monthly_facts m USING (element_key, unit_code, month) WHERE coalesce(d.v, 0) <> coalesce(m.value, 0)`,
    );
    expect(rows[0]!.n).toBe(0);
    const nov = await computeIndicators(x.deps, { set, unit: await unit(GIA_PHU), period: periodOf("2026-11", TODAY)!, by: "self" });
    expect(pick(nov.rows[0]!, "online")).toMatchObject({ numerator: 5, denominator: 6 });
  });
});
