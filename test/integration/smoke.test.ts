import { expect, it } from "vitest";
import { useTestApp } from "../support/test-app.ts";
import { describeDb } from "../support/test-db.ts";

describeDb("health and readiness", () => {
  const t = useTestApp();
  it("answers /healthz and checks the database in /readyz", async () => {
    expect((await t().app.request("/healthz")).status).toBe(200);
    const ready = await t().app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: "ok" });
  });
});
