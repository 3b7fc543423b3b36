import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, describeDb, type TestDatabase } from "../../../test/support/test-db.ts";
import { migrate } from "./migrator.ts";

describeDb("migrator", () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "xaso-mig-"));
  });
  afterAll(() => t.drop());

  it("applies new files in order once, even when several processes start together", async () => {
    await writeFile(path.join(dir, "0001_a.sql"), "CREATE TABLE mig_a (id int);");
    await writeFile(path.join(dir, "0002_b.sql"), "INSERT INTO mig_a VALUES (1);");
    const results = await Promise.all([migrate(t.db, dir), migrate(t.db, dir), migrate(t.db, dir)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(["0001_a.sql", "0002_b.sql"]);
    expect((await t.db.query("SELECT count(*)::int AS n FROM mig_a")).rows[0]).toEqual({ n: 1 });
  });

  it("refuses to run when an applied migration was edited", async () => {
    await writeFile(path.join(dir, "0001_a.sql"), "CREATE TABLE mig_a (id bigint);");
    await expect(migrate(t.db, dir)).rejects.toThrow(/0001_a.sql was changed/);
  });

  it("rolls back a failing migration completely", async () => {
    await writeFile(path.join(dir, "0001_a.sql"), "CREATE TABLE mig_a (id int);");
    await writeFile(path.join(dir, "0003_bad.sql"), "CREATE TABLE mig_c (id int); SELECT no_such_function();");
    await expect(migrate(t.db, dir)).rejects.toThrow(/0003_bad.sql failed/);
    expect((await t.db.query("SELECT to_regclass('mig_c') AS t")).rows[0]).toEqual({ t: null });
  });
});
