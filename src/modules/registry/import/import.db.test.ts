// The registry import against the database: a check writes no household, duplicates wait for a decision, a commit
// writes everything or nothing, progress is recorded, and an export imports back as the same people.
import { beforeAll, describe, expect, it } from "vitest";
import { acting, type Acting } from "../../../../test/support/dossier-factories.ts";
import { BAO_THANG, buildUser, buildVillage, GIA_PHU } from "../../../../test/support/factories.ts";
import { buildHousehold, buildRegistryVillage } from "../../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { checkImport } from "../use-cases/import-check.ts";
import { commitImport } from "../use-cases/import-commit.ts";
import { exportRegistry } from "../use-cases/import-export.ts";
import { getImport } from "../use-cases/import-read.ts";
import { parseCsv } from "../../../platform/text/csv-records.ts";
import { COLUMNS } from "./household-file.ts";

type Cells = Partial<Record<(typeof COLUMNS)[number]["key"], string>>;
const csvCell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
export const csvOf = (rows: Cells[]) =>
  new TextEncoder().encode(
    [COLUMNS.map((c) => c.vi), ...rows.map((r) => COLUMNS.map((c) => r[c.key] ?? ""))].map((r) => r.map(csvCell).join(",")).join("\r\n"),
  );

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
};

describeDb("importing the household registry", () => {
  const app = useTestApp();
  let t: TestApp;
  let officer: Acting;
  let village: string;
  let villageName: string;
  const counts = async () =>
    (
      await t.db.query<{ households: number; residents: number }>(
        "SELECT (SELECT count(*)::int FROM households WHERE commune_code = $1) AS households, (SELECT count(*)::int FROM residents WHERE commune_code = $1) AS residents",
        [GIA_PHU],
      )
    ).rows[0]!;
  const check = (rows: Cells[], who = officer) => checkImport(t.deps, who, { communeCode: GIA_PHU, fileName: "ho.csv", format: "csv", bytes: csvOf(rows) });
  const head = (household: string, over: Cells = {}): Cells => ({
    household,
    village: villageName,
    address: `Số ${household}, ${villageName}`,
    relation: "Chủ hộ",
    fullName: `Chủ Hộ ${household}`,
    birthYear: "1970",
    sex: "Nam",
    ...over,
  });
  const member = (household: string, over: Cells = {}): Cells => ({
    household,
    village: villageName,
    relation: "Con",
    fullName: `Con ${household}`,
    birthYear: "2001",
    ...over,
  });

  beforeAll(async () => {
    t = app();
    officer = await acting(t.deps, await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] }));
    const v = await buildVillage(t.deps, GIA_PHU);
    village = v.code;
    villageName = v.name;
  });

  it("checks a file into a preview with problems at their cells, writing no household", async () => {
    const before = await counts();
    const imp = await check([head("A", { birthDate: "30/02/1970", birthYear: "" }), member("A", { idNumber: "12345" }), member("B", { village: "Thôn Ma" })]);
    expect(imp.status).toBe("checked");
    expect(imp.totalRows).toBe(3);
    expect(imp.problems.map((p) => [p.sheet, p.row, p.column, p.message])).toEqual([
      ["csv", 2, "F", "registryImport.problem.dateImpossible"],
      ["csv", 3, "J", "registryImport.problem.id.length"],
      ["csv", 4, "B", "registryImport.problem.villageUnknown"],
      ["csv", 4, "C", "registryImport.problem.required"],
      ["csv", 4, "D", "registryImport.problem.noHead"],
    ]);
    expect(await counts()).toEqual(before);
    // Committing it is refused, naming each cell; still nothing written.
    const err = await errorOf(commitImport(t.deps, officer, imp.id, { decisions: [] }));
    expect(err.status).toBe(400);
    expect(err.fields.map((f) => f.field)).toEqual(["csv!F2", "csv!J3", "csv!B4", "csv!C4", "csv!D4"]);
    expect(await counts()).toEqual(before);
  });

  it("commits a clean file in one go: households with their heads and members, and the import keeps only its counts", async () => {
    const before = await counts();
    const imp = await check([
      head("H1", { idNumber: "010070001234", phone: "0912345678", poverty: "Nghèo" }),
      member("H1", { relation: "Vợ", fullName: "Lò Thị Vợ", birthDate: "02/03/1972", birthYear: "", sex: "Nữ", disability: "Có" }),
      head("H2"),
    ]);
    expect(imp.problems).toEqual([]);
    const done: number[] = [];
    const committed = await commitImport(t.deps, officer, imp.id, { decisions: [] }, (n) => done.push(n));
    expect(committed).toMatchObject({ status: "committed", processedRows: 3, summary: { imported: { households: 2, people: 3, skipped: 0 } } });
    expect(done).toEqual([3]);
    expect(await counts()).toEqual({ households: before.households + 2, residents: before.residents + 3 });
    const h1 = await t.db.query(
      `SELECT h.address, h.poverty, h.village_code, r.full_name, r.relation_to_head, r.birth_date::text, r.birth_year, r.sex, r.phone, r.citizen_id_number,
              r.flags, r.id = h.head_id AS is_head
       FROM households h JOIN residents r ON r.household_id = h.id WHERE h.address = $1 ORDER BY r.birth_year`,
      [`Số H1, ${villageName}`],
    );
    expect(h1.rows).toEqual([
      {
        address: `Số H1, ${villageName}`,
        poverty: "poor",
        village_code: village,
        full_name: "Chủ Hộ H1",
        relation_to_head: "head",
        birth_date: null,
        birth_year: 1970,
        sex: "male",
        phone: "0912345678",
        citizen_id_number: "010070001234",
        flags: [],
        is_head: true,
      },
      expect.objectContaining({
        full_name: "Lò Thị Vợ",
        relation_to_head: "spouse",
        birth_date: "1972-03-02",
        sex: "female",
        flags: ["disability"],
        is_head: false,
      }),
    ]);
    expect((await t.db.query("SELECT rows FROM registry_imports WHERE id = $1", [imp.id])).rows[0]!.rows).toBeNull();
    // A second commit of the same import is refused.
    expect((await errorOf(commitImport(t.deps, officer, imp.id, { decisions: [] }))).status).toBe(409);
  });

  it("finds duplicates (an ID number twice, one already held, a name and birth year in the village) and waits for a decision", async () => {
    await buildHousehold(t.deps, { villageCode: village, members: [{ fullName: "Hoàng Văn Đã Có", birthYear: 1960, citizenIdNumber: "010060009999" }] });
    const imp = await check([
      head("D1", { idNumber: "010060009999", fullName: "Người Khác", birthYear: "1960" }),
      head("D2", { fullName: "HOANG VAN DA CO", birthYear: "1960" }),
      head("D3", { idNumber: "010085000001", birthYear: "1985" }),
      member("D3", { idNumber: "010085000001", birthYear: "1985", relation: "Anh" }),
      head("D4"),
    ]);
    expect(imp.problems).toEqual([]);
    expect(imp.duplicates.map((d) => [d.row, d.kind, d.canImport, d.otherRow ?? d.existing?.fullName])).toEqual([
      [2, "idInRegistry", false, "Hoàng Văn Đã Có"],
      [3, "nameInRegistry", true, "Hoàng Văn Đã Có"],
      [5, "idInFile", false, 4],
    ]);
    const before = await counts();
    const undecided = await errorOf(commitImport(t.deps, officer, imp.id, { decisions: [{ row: 2, action: "skip" }] }));
    expect(undecided.fields.map((f) => [f.field, f.message])).toEqual([
      ["decisions.3", "registryImport.decision.required"],
      ["decisions.5", "registryImport.decision.required"],
    ]);
    const impossible = await errorOf(
      commitImport(t.deps, officer, imp.id, {
        decisions: [
          { row: 2, action: "import" },
          { row: 3, action: "skip" },
          { row: 5, action: "skip" },
        ],
      }),
    );
    expect(impossible.fields.map((f) => f.message)).toEqual(["registryImport.decision.cannotImport"]);
    // Skipping a head whose household keeps members is refused too.
    const other = await check([head("E1", { idNumber: "010060009999", birthYear: "1960" }), member("E1")]);
    const headless = await errorOf(commitImport(t.deps, officer, other.id, { decisions: [{ row: 2, action: "skip" }] }));
    expect(headless.fields.map((f) => [f.field, f.message])).toEqual([["decisions.2", "registryImport.decision.headSkipped"]]);
    expect(await counts()).toEqual(before);
    const done = await commitImport(t.deps, officer, imp.id, {
      decisions: [
        { row: 2, action: "skip" },
        { row: 3, action: "import" },
        { row: 5, action: "skip" },
      ],
    });
    expect(done.summary.imported).toEqual({ households: 3, people: 3, skipped: 2 });
    expect(await counts()).toEqual({ households: before.households + 3, residents: before.residents + 3 });
  });

  it("refuses a commit whose ID number was entered after the check, and writes none of the file", async () => {
    const imp = await check([head("R1"), head("R2", { idNumber: "010090001111", birthYear: "1990" })]);
    await buildHousehold(t.deps, { villageCode: village, members: [{ citizenIdNumber: "010090001111", birthYear: 1990 }] });
    const before = await counts();
    const err = await errorOf(commitImport(t.deps, officer, imp.id, { decisions: [] }));
    expect([err.status, err.fields[0]?.message]).toEqual([409, "registryImport.error.idTaken"]);
    expect(await counts()).toEqual(before);
    expect(await getImport(t.deps, officer, imp.id, { audit: false })).toMatchObject({
      status: "failed",
      processedRows: 0,
      summary: { error: { message: "registryImport.error.idTaken" } },
    });
  });

  it("writes nothing when the database refuses the last chunk of a large file, after progress was reported", async () => {
    const rows: Cells[] = [];
    for (let i = 1; i <= 600; i++) rows.push(head(`L${i}`, { fullName: i === 600 ? "Dòng Cuối Lỗi" : `Người ${i}` }));
    const imp = await check(rows);
    expect(imp.problems).toEqual([]);
    // A failure no check foresees (a constraint of the database), raised on the very last row.
    await t.db.query(`CREATE FUNCTION test_refuse_last() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.full_name = 'Dòng Cuối Lỗi' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
    await t.db.query("CREATE TRIGGER test_refuse_last BEFORE INSERT ON residents FOR EACH ROW EXECUTE FUNCTION test_refuse_last()");
    const before = await counts();
    const progress: number[] = [];
    try {
      await expect(commitImport(t.deps, officer, imp.id, { decisions: [] }, (n) => progress.push(n))).rejects.toThrow(/refused for the test/);
    } finally {
      await t.db.query("DROP TRIGGER test_refuse_last ON residents; DROP FUNCTION test_refuse_last()");
    }
    expect(progress).toEqual([250, 500]);
    expect(await counts()).toEqual(before);
    const failed = await getImport(t.deps, officer, imp.id, { audit: false });
    expect(failed).toMatchObject({ status: "failed", processedRows: 0, summary: { error: { message: "registryImport.error.commitFailed" } } });
    // Once the cause is gone the same import commits whole.
    const done = await commitImport(t.deps, officer, imp.id, { decisions: [] });
    expect(done.processedRows).toBe(600);
    expect(await counts()).toEqual({ households: before.households + 600, residents: before.residents + 600 });
  });

  it("runs two commits of one commune one after the other (the advisory lock), both whole", async () => {
    const a = await check([head("P1"), member("P1")]);
    const b = await check([head("Q1"), member("Q1"), head("Q2")]);
    const before = await counts();
    const [ra, rb] = await Promise.all([commitImport(t.deps, officer, a.id, { decisions: [] }), commitImport(t.deps, officer, b.id, { decisions: [] })]);
    expect([ra.status, rb.status]).toEqual(["committed", "committed"]);
    expect(await counts()).toEqual({ households: before.households + 3, residents: before.residents + 5 });
  });

  it("shows an import to the commune's officers only (404 elsewhere) and audits the preview", async () => {
    const imp = await check([head("S1")]);
    const other = await acting(t.deps, await buildUser(t.deps, { roles: [["commune_admin", BAO_THANG]] }));
    expect((await errorOf(getImport(t.deps, other, imp.id))).status).toBe(404);
    const volunteer = await acting(t.deps, await buildUser(t.deps, { kind: "volunteer", roles: [["volunteer", GIA_PHU]] }));
    expect((await errorOf(getImport(t.deps, volunteer, imp.id))).status).toBe(403);
    expect((await errorOf(check([head("S2")], other))).status).toBe(404);
    await getImport(t.deps, officer, imp.id);
    const audit = await t.db.query("SELECT target_type, target_id FROM audit_log WHERE action = 'personalData.read' ORDER BY seq DESC LIMIT 1");
    expect(audit.rows[0]).toEqual({ target_type: "registryImport", target_id: imp.id });
  });

  describe("export", () => {
    it("exports a commune in the import's format and imports it back into a fresh commune as the same people", async () => {
      const source = await buildRegistryVillage(t.deps, BAO_THANG);
      const sourceName = (await t.db.query("SELECT name FROM admin_unit_refs WHERE code = $1", [source])).rows[0]!.name as string;
      await buildHousehold(t.deps, {
        villageCode: source,
        address: '=Số 1, đường "Hoa"',
        poverty: "near_poor",
        members: [
          { fullName: "Vàng A Páo", birthDate: "1975-06-01", sex: "male", phone: "0987654321", citizenIdNumber: "010075004321", flags: ["no_smartphone"] },
          { fullName: "Giàng Thị Mỷ", birthYear: 1978, sex: "female", relationToHead: "spouse", flags: ["little_vietnamese", "disability"] },
        ],
      });
      await buildHousehold(t.deps, { villageCode: source, members: [{ fullName: "Lý Văn Một", birthYear: 1940, flags: ["elderly_alone"] }] });
      const boss = await acting(t.deps, await buildUser(t.deps, { roles: [["commune_admin", BAO_THANG]] }));
      const people = async (villageCode: string) =>
        (
          await t.db.query(
            `SELECT h.address, h.poverty, r.full_name, r.relation_to_head, r.birth_date::text, r.birth_year, r.sex, r.phone, r.citizen_id_number,
                    r.ethnicity, r.language, array(SELECT unnest(r.flags) ORDER BY 1) AS flags, r.id = h.head_id AS is_head
             FROM households h JOIN residents r ON r.household_id = h.id WHERE h.village_code = $1 AND r.archived_at IS NULL ORDER BY r.full_name`,
            [villageCode],
          )
        ).rows;
      const original = await people(source);
      expect(original).toHaveLength(3);

      // A fresh commune: a village of the same name elsewhere; the ID numbers are freed first (they are unique nationwide).
      const target = await buildVillage(t.deps, GIA_PHU, sourceName);
      for (const format of ["csv", "xlsx"] as const) {
        const file = await exportRegistry(t.deps, boss, { communeCode: BAO_THANG, villageCode: source, format });
        expect(file.people).toBe(3);
        if (format === "csv") {
          const text = new TextDecoder().decode(file.bytes);
          expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
          expect(parseCsv(text)[1]?.cells[2]).toBe('\'=Số 1, đường "Hoa"');
        }
        await t.db.query("UPDATE residents SET archived_at = now() WHERE village_code = $1", [source]);
        const imp = await checkImport(t.deps, officer, { communeCode: GIA_PHU, fileName: `so-ho.${format}`, format, bytes: file.bytes });
        expect(imp.problems).toEqual([]);
        expect(imp.duplicates).toEqual([]);
        await commitImport(t.deps, officer, imp.id, { decisions: [] });
        expect(await people(target.code), format).toEqual(original);
        await t.db.query("UPDATE residents SET archived_at = now() WHERE village_code = $1", [target.code]);
        await t.db.query("UPDATE residents SET archived_at = NULL WHERE village_code = $1", [source]);
      }
      const audit = await t.db.query("SELECT target_type, target_id, details FROM audit_log WHERE action = 'personalData.read' ORDER BY seq DESC LIMIT 1");
      expect(audit.rows[0]).toMatchObject({ target_type: "registryExport", target_id: source, details: { format: "xlsx", people: 3, households: 2 } });
    });

    it("exports only within the caller's units", async () => {
      expect((await errorOf(exportRegistry(t.deps, officer, { communeCode: BAO_THANG, format: "csv" }))).status).toBe(404);
      const err = await errorOf(exportRegistry(t.deps, officer, { communeCode: GIA_PHU, villageCode: "02905.999", format: "csv" }));
      expect(err.fields[0]?.field).toBe("village");
    });
  });
});
