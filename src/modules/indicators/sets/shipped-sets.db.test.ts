// The shipped sets computed from known facts by the one computation (computeIndicators): Decision 766's index for a
// commune against a hand-worked example, and the digital-society set rolled up from villages to the province.
import { beforeAll, expect, it } from "vitest";
import { BAO_THANG, buildVillage, GIA_PHU } from "../../../../test/support/factories.ts";
import { buildFacts, buildManualValue } from "../../../../test/support/indicator-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import * as repo from "../indicators.repository.ts";
import { periodOf } from "../periods.ts";
import { shippedSets } from "../set-store.ts";
import { computeIndicators, type UnitResult } from "../use-cases/indicators-compute.ts";

const TODAY = "2026-12-06";
const nov = periodOf("2026-11", TODAY)!;
const set = (key: string) => shippedSets().find((s) => s.key === key)!;
const pick = (r: UnitResult, key: string) => r.indicators.find((i) => i.key === key)!;
const groupPoints = (r: UnitResult, group: string) =>
  r.indicators.filter((i) => i.group === group && i.unit === "points").reduce((s, i) => s + (i.value ?? 0), 0);

describeDb("shipped indicator sets, computed", () => {
  const app = useTestApp();
  let x: TestApp;
  let v1: string;
  let v2: string;
  let v3: string;
  const unit = async (code: string) => (await repo.unitRef(x.db, code)) as repo.UnitRef;

  beforeAll(async () => {
    x = app();
    // Gia Phú's November for Decision 766 (one-stop desk facts on two days; the procedures a stock).
    await buildFacts(x.deps, GIA_PHU, "2026-11-04", {
      dossier_received: 120,
      dossier_received_online_offered: 100,
      dossier_received_online: 70,
      dossier_digitised: 110,
      dossier_vault_reused: 30,
      dossier_decided: 90,
      dossier_decided_on_time: 80,
      dossier_decided_late: 10,
      dossier_result_digitised: 70,
      dossier_rated: 50,
      dossier_rated_satisfied: 45,
      dossier_fee_due: 25,
      dossier_fee_paid_online: 20,
      report_received: 12,
      report_answered_on_time: 10,
    });
    await buildFacts(x.deps, GIA_PHU, "2026-11-25", {
      dossier_received: 80,
      dossier_received_online_offered: 60,
      dossier_received_online: 50,
      dossier_digitised: 70,
      dossier_vault_reused: 20,
      dossier_decided: 60,
      dossier_decided_on_time: 55,
      dossier_decided_late: 5,
      dossier_result_digitised: 50,
      dossier_rated: 30,
      dossier_rated_satisfied: 27,
      dossier_fee_due: 15,
      dossier_fee_paid_online: 10,
      report_received: 8,
      report_answered_on_time: 8,
    });
    await buildFacts(x.deps, GIA_PHU, "2026-10-01", { procedure_published: 100, procedure_online_any: 75 });

    // Digital society: two villages in Gia Phú, one in Bảo Thắng (stocks read at the period's end).
    v1 = (await buildVillage(x.deps, GIA_PHU)).code;
    v2 = (await buildVillage(x.deps, GIA_PHU)).code;
    v3 = (await buildVillage(x.deps, BAO_THANG)).code;
    const stock = { household_count: 0, household_proficient: 0, adult_count: 0, adult_vneid_level2: 0, adult_cashless_payment: 0, household_visited_year: 0 };
    await buildFacts(x.deps, v1, "2026-11-01", {
      ...stock,
      household_count: 100,
      household_proficient: 80,
      adult_count: 300,
      adult_vneid_level2: 240,
      adult_cashless_payment: 150,
      household_visited_year: 90,
      visit_count: 40,
    });
    await buildFacts(x.deps, v2, "2026-11-01", {
      ...stock,
      household_count: 300,
      household_proficient: 120,
      adult_count: 900,
      adult_vneid_level2: 450,
      adult_cashless_payment: 450,
      household_visited_year: 150,
      visit_count: 60,
    });
    await buildFacts(x.deps, v3, "2026-11-01", {
      ...stock,
      household_count: 100,
      household_proficient: 100,
      adult_count: 200,
      adult_vneid_level2: 200,
      adult_cashless_payment: 50,
      household_visited_year: 100,
      visit_count: 10,
    });
    await buildManualValue(x.deps, { element: "household_selling_online", unit: GIA_PHU, period: "2026-Q3", value: 20 });
    await buildManualValue(x.deps, { element: "household_selling_online", unit: BAO_THANG, period: "2026-Q3", value: 5 });
  });

  it("scores Gia Phú's November on Decision 766 as worked by hand", async () => {
    // By hand, November's totals: received 200 (offered online 160, online 120, digitised 180, reusing the vault 50);
    // decided 150 (on time 135, late 15, result digitised 120); rated 80 (satisfied 72); fee due 40 (paid online 30);
    // reports received 20 (answered on time 18); procedures at the end of October (the latest stock): 100, 75 online.
    //   transparency  160/200 × 10 = 8      + 75/100 × 8 = 6                         = 14   of 18
    //   progress      135/150 × 20 = 18                                              = 18   of 20
    //   online        120/200 × 8 = 4.8     + 120/160 × 4 = 3                        = 7.8  of 12
    //   digitisation  180/200 × 8 = 7.2     + 120/150 × 8 = 6.4   + 50/200 × 6 = 1.5 = 15.1 of 22
    //   satisfaction   72/80 × 12 = 10.8    + 18/20 × 6 = 5.4                        = 16.2 of 18
    //   payment        30/40 × 10 = 7.5                                              = 7.5  of 10
    //   index = 14 + 18 + 7.8 + 15.1 + 16.2 + 7.5 = 78.6 of 100
    const r = await computeIndicators(x.deps, { set: set("service-index-766"), unit: await unit(GIA_PHU), period: nov, by: "self" });
    const row = r.rows[0]!;
    const groups = Object.fromEntries(
      ["transparency", "progress", "online", "digitisation", "satisfaction", "payment"].map((g) => [g, Math.round(groupPoints(row, g) * 100) / 100]),
    );
    expect(groups).toEqual({ transparency: 14, progress: 18, online: 7.8, digitisation: 15.1, satisfaction: 16.2, payment: 7.5 });
    expect(row.index).toBeCloseTo(78.6, 6);
    expect(row.indexMax).toBe(100);
    expect(pick(row, "progress_on_time")).toMatchObject({ numerator: 135, denominator: 150, value: 18, colour: "warn" });
    expect(pick(row, "online_share_percent")).toMatchObject({ value: 60, colour: "good", points: null });
    expect(pick(row, "progress_late_count")).toMatchObject({ value: 15, colour: "bad" });
  });

  it("computes digital society per village, per commune and for the province from summed counts", async () => {
    const s = set("digital-society");
    const province = await computeIndicators(x.deps, { set: s, unit: await unit("15"), period: nov, by: "self" });
    const p = province.rows[0]!;
    // The province: 300 proficient of 500 households = 60 % (the communes' 50 % and 100 % would average 75 %).
    expect(pick(p, "household_proficient_share")).toMatchObject({ numerator: 300, denominator: 500, value: 60, colour: "warn" });
    expect(pick(p, "adult_vneid_level2_share")).toMatchObject({ numerator: 890, denominator: 1400, value: 63.5714 });
    expect(pick(p, "adult_cashless_share")).toMatchObject({ numerator: 650, denominator: 1400, value: 46.4286, colour: "bad" });
    expect(pick(p, "household_selling_online_share")).toMatchObject({ numerator: 25, denominator: 500, value: 5, colour: "warn" });
    expect(pick(p, "household_visited_share")).toMatchObject({ numerator: 340, denominator: 500, value: 68 });
    expect(pick(p, "visits")).toMatchObject({ value: 110 });

    const communes = await computeIndicators(x.deps, { set: s, unit: await unit("15"), period: nov, by: "children" });
    const gp = communes.rows.find((r) => r.unit.code === GIA_PHU)!;
    const bt = communes.rows.find((r) => r.unit.code === BAO_THANG)!;
    expect(pick(gp, "household_proficient_share")).toMatchObject({ numerator: 200, denominator: 400, value: 50 });
    expect(pick(gp, "adult_vneid_level2_share").value).toBe(57.5);
    expect(pick(gp, "household_selling_online_share").value).toBe(5);
    expect(pick(bt, "household_proficient_share").value).toBe(100);
    expect(pick(bt, "visits").value).toBe(10);

    const villages = await computeIndicators(x.deps, { set: s, unit: await unit(GIA_PHU), period: nov, by: "children" });
    const r1 = villages.rows.find((r) => r.unit.code === v1)!;
    const r2 = villages.rows.find((r) => r.unit.code === v2)!;
    expect(pick(r1, "household_proficient_share")).toMatchObject({ value: 80, colour: "good" });
    expect(pick(r2, "household_proficient_share")).toMatchObject({ value: 40, colour: "bad" });
    // Households selling online are entered per commune: a village has no value of its own.
    expect(pick(r1, "household_selling_online_share").status).toBe("noData");
  });

  it("shows the digital-commune template's sources not landed as no source, and manual criteria as missing", async () => {
    const r = await computeIndicators(x.deps, { set: set("digital-commune-criteria"), unit: await unit(GIA_PHU), period: nov, by: "self" });
    const row = r.rows[0]!;
    expect(pick(row, "gov_online_received")).toMatchObject({ status: "ok", value: 60 });
    expect(pick(row, "gov_documents_signed").status).toBe("noSource");
    expect(pick(row, "soc_village_fibre")).toMatchObject({ status: "noData", missing: ["village_fibre", "village_count"] });
    expect(pick(row, "eco_households_selling_online")).toMatchObject({ status: "ok", value: 5 });
  });
});
