// The demo catalogue is data a first visitor sees: every procedure must be valid and survive the catalogue file.
import { describe, expect, it } from "vitest";
import { ProcedureDefinition, parseCatalogue, writeCatalogue } from "../modules/procedures/index.ts";
import { DEMO_CATALOGUE } from "./demo-catalogue.ts";
import { DEMO_APPLICANT, demoFormValues } from "./seed-public-services.ts";

const demo = DEMO_CATALOGUE.map((d) => ProcedureDefinition.parse(d));

describe("demo catalogue", () => {
  it("has at least 12 valid demo procedures with distinct codes", () => {
    expect(demo.length).toBeGreaterThanOrEqual(12);
    expect(new Set(demo.map((d) => d.code)).size).toBe(demo.length);
  });

  it("has temporary residence handled and signed by the commune police, cheaper online", () => {
    const residence = demo.find((d) => d.name === "Đăng ký tạm trú")!;
    expect(residence.handlingAgency).toEqual({ kind: "police", name: "Công an xã", signerTitle: "Trưởng Công an xã" });
    expect(residence.steps.map((s) => s.name).join(" ")).not.toContain("UBND");
    expect(residence.steps.find((s) => s.role === "leader")?.name).toContain("Trưởng Công an xã");
    expect(residence.fees[0]).toMatchObject({ amount: 15000, onlineAmount: 7000 });
  });

  it("round-trips through XLSX and CSV unchanged", async () => {
    for (const format of ["xlsx", "csv"] as const) expect(await parseCatalogue(await writeCatalogue(demo, format), format)).toEqual(demo);
  });

  it("names each person of a demo form differently: not father, mother and child under one name", () => {
    for (const def of demo) {
      const values = demoFormValues(def);
      const people = def.form.filter((f) => f.type === "person").map((f) => (values[f.key] as { fullName: string }).fullName);
      const others = people.filter((name) => name !== DEMO_APPLICANT.fullName);
      expect(new Set(people).size, def.code).toBe(people.length);
      for (const name of others) expect(name, def.code).toMatch(/^\p{Lu}\p{Ll}* (\p{Lu}\p{Ll}* )+\p{Lu}\p{Ll}*$/u);
    }
    const birth = demo.find((d) => d.form.some((f) => f.key === "child" && f.type === "person"));
    const family = birth && demoFormValues(birth);
    expect(family && new Set(["child", "mother", "father"].map((k) => (family[k] as { fullName: string }).fullName)).size).toBe(3);
  });
});
