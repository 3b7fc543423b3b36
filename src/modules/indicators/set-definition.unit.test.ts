// A set is checked beyond its shape: formulas over known elements only, no always-zero denominator, keys unique,
// groups that exist, points where points are scored; each error names its place (indicators.1.denominator).
import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/http/app-error.ts";
import { compileSetDefinition } from "./set-definition.ts";
import { shippedSets } from "./set-store.ts";

const base = {
  key: "demo-set",
  name: "Bộ chỉ số",
  nameEn: "Set",
  groups: [{ key: "g", name: "Nhóm", nameEn: "Group" }],
  elements: [{ key: "wifi_points", name: "Điểm wifi", nameEn: "Wifi points", valueType: "integer", aggregation: "last", frequency: "quarter" }],
  indicators: [{ key: "online", name: "Trực tuyến", nameEn: "Online", unit: "percent", numerator: "dossier_received_online", denominator: "dossier_received" }],
};

const fieldsOf = (input: unknown) => {
  try {
    compileSetDefinition(input);
  } catch (e) {
    if (e instanceof AppError) return e.fields.map((f) => `${f.field}:${f.code}`);
    throw e;
  }
  return [];
};

describe("indicator set definitions", () => {
  it("compiles a set over computed and manual elements", () => {
    const s = compileSetDefinition({
      ...base,
      indicators: [...base.indicators, { key: "wifi", name: "Wifi", nameEn: "Wifi", unit: "count", numerator: "wifi_points" }],
    });
    expect(s.compiled.map((i) => i.key)).toEqual(["online", "wifi"]);
    expect([...s.manualKeys]).toEqual(["wifi_points"]);
  });

  it("names the field of every error", () => {
    const bad = {
      ...base,
      indicators: [
        { key: "a", name: "A", nameEn: "A", unit: "percent", numerator: "nope_element", denominator: "dossier_received" },
        { key: "b", name: "B", nameEn: "B", unit: "percent", numerator: "dossier_received", denominator: "dossier_received - dossier_received" },
        { key: "b", name: "B", nameEn: "B", unit: "ratio", numerator: "dossier_received" },
        { key: "c", group: "zz", name: "C", nameEn: "C", unit: "points", numerator: "Math.max(1)", denominator: "dossier_received" },
      ],
    };
    expect(fieldsOf(bad).sort()).toEqual(
      [
        "indicators.0.numerator:unknown_element",
        "indicators.1.denominator:always_zero",
        "indicators.2.key:duplicate",
        "indicators.2.denominator:required",
        "indicators.3.group:unknown",
        "indicators.3.numerator:formula",
        "indicators.3.points:required",
      ].sort(),
    );
    expect(fieldsOf({ ...base, indicators: [] })).toEqual(["indicators:too_small"]);
  });

  it("ships only sets that compile", () => {
    expect(shippedSets().length).toBeGreaterThan(0);
    for (const s of shippedSets()) expect(s.compiled.length).toBe(s.indicators.length);
  });
});
