// The demo catalogue is data a first visitor sees: every procedure must be valid and survive the catalogue file.
import { describe, expect, it } from "vitest";
import { ProcedureDefinition, parseCatalogue, writeCatalogue } from "../modules/procedures/index.ts";
import { DEMO_CATALOGUE } from "./demo-catalogue.ts";

const demo = DEMO_CATALOGUE.map((d) => ProcedureDefinition.parse(d));

describe("demo catalogue", () => {
  it("has at least 12 valid demo procedures with distinct codes", () => {
    expect(demo.length).toBeGreaterThanOrEqual(12);
    expect(new Set(demo.map((d) => d.code)).size).toBe(demo.length);
  });

  it("round-trips through XLSX and CSV unchanged", async () => {
    for (const format of ["xlsx", "csv"] as const) expect(await parseCatalogue(await writeCatalogue(demo, format), format)).toEqual(demo);
  });
});
