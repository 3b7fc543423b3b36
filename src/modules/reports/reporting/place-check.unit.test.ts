// The province's rectangle: which coordinate a refusal names, bounds included; and the admin's four numbers as typed.
import { describe, expect, it } from "vitest";
import { checkArea } from "../use-cases/area-save.ts";
import { outsideFields, withinArea } from "./place-check.ts";

describe("a province's rectangle", () => {
  const laoCai = laoCaiArea(); // the demo seed's approximate rectangle
  it.each([
    ["Gia Phú", 22.39, 104.05, []],
    ["Sa Pa", 22.34, 103.84, []],
    ["Nghĩa Lộ (former Yên Bái)", 21.6, 104.51, []],
    ["its south-west corner, bounds included", 21.3, 103.5, []],
    ["Hà Nội (south and east)", 21.03, 105.85, ["lat", "lon"]],
    ["north of it (Yên Minh)", 23.12, 105.14, ["lat"]],
    ["Điện Biên Phủ (west)", 21.39, 103.02, ["lon"]],
  ] as const)("%s", (_name, lat, lon, fields) => {
    expect(outsideFields(laoCai, lat, lon)).toEqual(fields);
    expect(withinArea(laoCai, lat, lon)).toBe(fields.length === 0);
  });
});

describe("the admin's four numbers", () => {
  it("takes a decimal comma or point, and JSON numbers", () => {
    expect(checkArea({ minLat: "21,3", maxLat: "22.9", minLon: 103.5, maxLon: "105,2000" })).toEqual({ area: laoCaiArea(), errors: [] });
  });

  it("names every field that is missing, not a number, out of range or not above its minimum", () => {
    const fields = (raw: unknown) => checkArea(raw).errors.map((e) => `${e.field}:${e.code}`);
    expect(fields({})).toEqual(["minLat:required", "maxLat:required", "minLon:required", "maxLon:required"]);
    expect(fields({ minLat: "21°18'", maxLat: "1e2", minLon: "181", maxLon: Number.NaN })).toEqual([
      "minLat:format",
      "maxLat:format",
      "minLon:range",
      "maxLon:format",
    ]);
    expect(fields({ minLat: 22.9, maxLat: 22.9, minLon: 105.2, maxLon: 103.5 })).toEqual(["maxLat:order", "maxLon:order"]);
    expect(fields({ minLat: 40, maxLat: 41, minLon: 103.5, maxLon: 105.2 })).toEqual(["minLat:outside"]);
  });
});

function laoCaiArea() {
  return { minLat: 21.3, maxLat: 22.9, minLon: 103.5, maxLon: 105.2 };
}
