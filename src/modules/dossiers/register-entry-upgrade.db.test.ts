// Migration 0014 on a database as 0001–0011 left it: dossiers received earlier get their register entries in the
// order they were received, per commune and Vietnamese year, and the counters continue after them.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDatabaseMigratedTo, describeDb, type TestDatabase } from "../../../test/support/test-db.ts";
import { migrate } from "../../platform/db/migrator.ts";
import { takeRegisterEntry } from "./dossiers.repository.ts";

describeDb("register entries across migration 0014", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createDatabaseMigratedTo(11);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("numbers the dossiers received before it per commune and year, and the next receipt continues the book", async () => {
    const db = t.db;
    await db.query(`INSERT INTO admin_units (code, parent_code, level, unit_type, name, full_name, path, search_text, sort_name) VALUES
      ('15', NULL, 'province', 'Tỉnh', 'Lào Cai', 'Tỉnh Lào Cai', '/15/', 'lao cai', 'Lao Cai'),
      ('02923', '15', 'commune', 'Xã', 'Gia Phú', 'Xã Gia Phú', '/15/02923/', 'gia phu', 'Gia Phu'),
      ('02905', '15', 'commune', 'Xã', 'Bảo Thắng', 'Xã Bảo Thắng', '/15/02905/', 'bao thang', 'Bao Thang')`);
    const proc = (
      await db.query<{ id: string }>(
        `INSERT INTO procedures (code, current_version, name, field, level, online_level, search_text) VALUES ('1.0', 1, 'P', 'f', 'commune', 'full', 'p') RETURNING id`,
      )
    ).rows[0]!.id;
    await db.query("INSERT INTO procedure_versions (procedure_id, version, definition) VALUES ($1, 1, '{}')", [proc]);
    const dossier = async (commune: string, receivedAt: string | null) =>
      (
        await db.query<{ id: string }>(
          `INSERT INTO dossiers (commune_code, unit_path, procedure_id, procedure_version, state, channel, applicant, applicant_name, received_at)
           VALUES ($1, '/15/' || $1 || '/', $2, 1, 'received', 'online', '{"fullName":"N"}', 'N', $3) RETURNING id`,
          [commune, proc, receivedAt],
        )
      ).rows[0]!.id;
    // 31/12/2026 23:30 in Vietnam is still 2026; 17:30 UTC that day is already 2027 there.
    const late2026 = await dossier("02923", "2026-12-31T16:30:00Z");
    const early2026 = await dossier("02923", "2026-03-02T02:00:00Z");
    const first2027 = await dossier("02923", "2026-12-31T17:30:00Z");
    const other = await dossier("02905", "2026-06-01T02:00:00Z");
    const notReceived = await dossier("02923", null);

    await migrate(db);
    const entry = async (id: string) =>
      (await db.query("SELECT register_year AS y, register_number AS n FROM dossiers WHERE id = $1", [id])).rows[0] as { y: number | null; n: number | null };
    expect(await entry(early2026)).toEqual({ y: 2026, n: 1 });
    expect(await entry(late2026)).toEqual({ y: 2026, n: 2 });
    expect(await entry(first2027)).toEqual({ y: 2027, n: 1 });
    expect(await entry(other)).toEqual({ y: 2026, n: 1 });
    expect(await entry(notReceived)).toEqual({ y: null, n: null });
    // The next receipt of 2026 continues after the numbers given.
    expect(await takeRegisterEntry(db, notReceived, "02923", 2026)).toBe(3);
    expect(await takeRegisterEntry(db, notReceived, "02923", 2026)).toBeNull(); // it keeps its entry
  });
});
