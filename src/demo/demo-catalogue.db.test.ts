// Seeding the demo catalogue is safe to run again: it publishes only the codes that are missing.
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/support/test-app.ts";
import { describeDb } from "../../test/support/test-db.ts";
import { getProcedure, searchProcedures } from "../modules/procedures/index.ts";
import { DEMO_CATALOGUE, seedDemoCatalogue } from "./demo-catalogue.ts";

describeDb("demo catalogue seed", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());
  const system = { actor: { userId: null, label: "seed-demo" }, requestId: null };

  it("seeds the demo catalogue once, then publishes nothing", async () => {
    expect(await seedDemoCatalogue(t.deps, system)).toBe(DEMO_CATALOGUE.length);
    expect(await seedDemoCatalogue(t.deps, system)).toBe(0);
    expect((await searchProcedures(t.deps, { limit: 100 })).items).toHaveLength(DEMO_CATALOGUE.length);
    const first = DEMO_CATALOGUE[0]!;
    expect(await getProcedure(t.deps, first.code)).toMatchObject({ code: first.code, version: 1, active: true });
  });
});
