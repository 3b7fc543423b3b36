// The three shipped sets: each file compiles, Decision 766's groups and points add up as the decision sets them,
// and every manual element of the digital-commune template says how it is entered.
import { describe, expect, it } from "vitest";
import { COMPUTED_ELEMENTS } from "../elements/element-catalogue.ts";
import { shippedSets } from "../set-store.ts";

const byKey = (key: string) => {
  const s = shippedSets().find((x) => x.key === key);
  if (!s) throw new Error(`no shipped set ${key}`);
  return s;
};

describe("shipped indicator sets", () => {
  it("ships the three sets, each compiling with every formula over known elements", () => {
    expect(
      shippedSets()
        .map((s) => s.key)
        .sort(),
    ).toEqual(["digital-commune-criteria", "digital-society", "service-index-766"]);
    const computed = new Set(COMPUTED_ELEMENTS.map((e) => e.key));
    for (const s of shippedSets()) {
      for (const ind of s.compiled) {
        for (const k of [...ind.num.elements, ...(ind.den?.elements ?? [])])
          expect(computed.has(k) || s.manualKeys.has(k), `${s.key}.${ind.key}: ${k}`).toBe(true);
        expect(ind.description, `${s.key}.${ind.key} explains what it counts`).toBeTruthy();
        expect(ind.descriptionEn, `${s.key}.${ind.key}`).toBeTruthy();
      }
    }
  });

  it("gives Decision 766's six groups their points, shared by the group's indicators, 100 in all", () => {
    const s = byKey("service-index-766");
    expect(s.index).toBe(true);
    const expected = { transparency: 18, progress: 20, online: 12, digitisation: 22, satisfaction: 18, payment: 10 };
    expect(Object.fromEntries(s.groups.map((g) => [g.key, g.points]))).toEqual(expected);
    for (const g of s.groups) {
      const scored = s.compiled.filter((i) => i.group === g.key && i.unit === "points");
      expect(
        scored.reduce((sum, i) => sum + (i.points ?? 0), 0),
        g.key,
      ).toBe(g.points);
    }
    // Several indicators share a group's points where the decision's group has several parts.
    expect(s.compiled.filter((i) => i.group === "digitisation" && i.unit === "points")).toHaveLength(3);
    expect(s.compiled.find((i) => i.key === "progress_on_time")?.records).toBe("dossier_decided_late");
    for (const i of s.compiled.filter((x) => x.unit === "points")) expect(i.thresholds, i.key).toBeDefined();
  });

  it("makes households selling online a manual element of the digital-society set", () => {
    const s = byKey("digital-society");
    expect([...s.manualKeys]).toEqual(["household_selling_online"]);
    expect(s.compiled.map((i) => i.key)).toEqual(
      expect.arrayContaining(["household_proficient_share", "adult_vneid_level2_share", "adult_cashless_share", "household_selling_online_share", "visits"]),
    );
  });

  it("builds the digital-commune template on three pillars, mixing computed and manual indicators", () => {
    const s = byKey("digital-commune-criteria");
    expect(s.groups.map((g) => g.key)).toEqual(["government", "economy", "society"]);
    for (const g of s.groups) {
      const inGroup = s.compiled.filter((i) => i.group === g.key);
      const usesManual = inGroup.some((i) => [...i.num.elements, ...(i.den?.elements ?? [])].some((k) => s.manualKeys.has(k)));
      const usesComputed = inGroup.some((i) => [...i.num.elements, ...(i.den?.elements ?? [])].some((k) => !s.manualKeys.has(k)));
      expect([g.key, usesManual, usesComputed]).toEqual([g.key, true, true]);
    }
    for (const m of s.elements) {
      expect(m.min, m.key).toBeDefined();
      expect(m.max, m.key).toBeDefined();
      expect(m.description, m.key).toBeTruthy();
    }
    expect(s.elements.filter((m) => m.evidenceRequired).map((m) => m.key)).toEqual(
      expect.arrayContaining(["village_fibre", "public_wifi_point", "camera_installed", "ocop_product_online", "officer_digital_signature"]),
    );
  });
});
