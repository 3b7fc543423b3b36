// The registry file's row parser: columns found by their Vietnamese or English headers, every cell checked and
// each problem named by its sheet, row and column; the writer's output read back as the same people.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/http/app-error.ts";
import { parseCsv } from "../../../platform/text/csv-records.ts";
import { COLUMNS, type ExportPerson, parsePeople, type RawSheet, readSheet, writeCsv, writeXlsx } from "./household-file.ts";

const TODAY = new Date("2026-11-23T03:00:00Z");
const VILLAGES = [
  { code: "02923.001", name: "Phú Hà", fullName: "Thôn Phú Hà" },
  { code: "02923.002", name: "Đồng Tâm", fullName: "Thôn Đồng Tâm" },
];
const HEADER: string[] = COLUMNS.map((c) => c.vi);
const csv = (rows: string[][], header = HEADER) =>
  [header, ...rows].map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\r\n");
const sheetOf = (text: string): RawSheet => {
  const [header, ...rows] = parseCsv(text);
  return { sheet: "csv", header: header!, rows };
};
/** A row in file order: household, village, address, relation, name, date, year, sex, phone, id, ethnicity, language, 4 flags, poverty. */
const person = (over: Partial<Record<(typeof COLUMNS)[number]["key"], string>> = {}) => {
  const base: Record<string, string> = {
    household: "H1",
    village: "Phú Hà",
    address: "Số 5, Thôn Phú Hà",
    relation: "Chủ hộ",
    fullName: "Nguyễn Văn An",
    birthDate: "05/09/1980",
    birthYear: "",
    sex: "Nam",
    phone: "0912 345 678",
    idNumber: "010080001234",
    ethnicity: "Kinh",
    language: "",
    elderly_alone: "",
    disability: "",
    no_smartphone: "Có",
    little_vietnamese: "",
    poverty: "Cận nghèo",
  };
  return COLUMNS.map((c) => over[c.key] ?? base[c.key]!);
};
const parse = (rows: string[][], header?: string[]) => parsePeople(sheetOf(csv(rows, header)), VILLAGES, TODAY);
const problemsOf = (rows: string[][]) => parse(rows).problems.map((p) => `${p.row}${p.column ?? ""} ${p.message}`);

describe("reading a registry file", () => {
  it("reads a household of two with every column, normalising the phone and the ID number", () => {
    const r = parse([
      person(),
      person({ relation: "Vợ", fullName: "Trần Thị Bình", birthDate: "", birthYear: "1983", sex: "Nữ", phone: "", idNumber: "", no_smartphone: "" }),
    ]);
    expect(r.problems).toEqual([]);
    expect(r.households).toBe(1);
    expect(r.people[0]).toMatchObject({
      row: 2,
      household: "H1",
      villageCode: "02923.001",
      relation: "head",
      birthDate: "1980-09-05",
      birthYear: 1980,
      sex: "male",
      phone: "0912345678",
      idNumber: "010080001234",
      flags: ["no_smartphone"],
      poverty: "near_poor",
    });
    expect(r.people[1]).toMatchObject({ row: 3, relation: "spouse", birthDate: null, birthYear: 1983, sex: "female", phone: null, idNumber: null, flags: [] });
  });

  it("accepts the English headers, a village by its code or full name, and semicolon CSV with a BOM", async () => {
    const english = COLUMNS.map((c) => c.en);
    const r = parse([person({ village: "Thôn Đồng Tâm" }), person({ household: "H2", village: "02923.001", relation: "head" })], english);
    expect(r.problems).toEqual([]);
    expect(r.people.map((p) => p.villageCode)).toEqual(["02923.002", "02923.001"]);
    const text = `\uFEFF${[HEADER, person()].map((r) => r.join(";")).join("\n")}`;
    const sheet = await readSheet(new TextEncoder().encode(text), "csv");
    expect(parsePeople(sheet, VILLAGES, TODAY).people[0]?.fullName).toBe("Nguyễn Văn An");
  });

  it("names the row and column of a bad date, an impossible ID number, a bad phone and an unknown village", () => {
    expect(
      problemsOf([
        person({ birthDate: "31/02/1980" }),
        person({ household: "H2", birthDate: "1980/13/45", idNumber: "999080001234" }),
        person({ household: "H3", phone: "0301234567", village: "Thôn Không Có" }),
        person({ household: "H4", idNumber: "010180001234" }),
        person({ household: "H5", birthDate: "01/01/2030" }),
      ]),
    ).toEqual([
      "2F registryImport.problem.dateImpossible",
      "3F registryImport.problem.date",
      "3J registryImport.problem.id.province",
      "4B registryImport.problem.villageUnknown",
      "4I registryImport.problem.phone.unassigned",
      "5J registryImport.problem.id.sexFemale",
      "6F registryImport.problem.dateOutOfRange",
    ]);
  });

  it("finds a household without a head, one with two, and a member in another village", () => {
    expect(
      problemsOf([
        person({ household: "A", relation: "Con" }),
        person({ household: "B" }),
        person({ household: "B", fullName: "Lê Văn C", idNumber: "" }),
        person({ household: "C", idNumber: "" }),
        person({ household: "C", relation: "Con", village: "Đồng Tâm", idNumber: "" }),
      ]),
    ).toEqual(["2D registryImport.problem.noHead", "4D registryImport.problem.twoHeads", "6B registryImport.problem.villageDiffers"]);
  });

  it("reports missing cells, bad yes/no, sex, relation and year, and ignores empty rows", () => {
    const r = parse([
      person({ fullName: "", disability: "hơi", sex: "X", relation: "Hàng xóm", birthDate: "", birthYear: "80" }),
      COLUMNS.map(() => ""),
      person({ household: "H9", birthDate: "", birthYear: "" }),
    ]);
    expect(r.problems.map((p) => `${p.row}${p.column} ${p.message}`)).toEqual([
      "2D registryImport.problem.relation",
      "2D registryImport.problem.noHead",
      "2E registryImport.problem.required",
      "2G registryImport.problem.year",
      "2H registryImport.problem.sex",
      "2N registryImport.problem.yesNo",
      "4F registryImport.problem.birthRequired",
    ]);
    expect(r.people).toHaveLength(2);
  });

  it("refuses a file without its required columns, naming each, before reading any row", () => {
    const header = HEADER.filter((h) => h !== "Họ và tên" && h !== "Ngày sinh" && h !== "Năm sinh");
    try {
      parse([], header);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).fields.map((f) => f.params?.column)).toEqual(["Họ và tên", "Ngày sinh / Năm sinh"]);
    }
  });

  it("refuses what is not a spreadsheet, an empty file and a CSV that is not UTF-8", async () => {
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: AppError) => `${e.status} ${e.fields[0]?.message}`,
      );
    expect(await refusal(readSheet(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), "xlsx"))).toBe("400 registryImport.file.unreadable");
    expect(await refusal(readSheet(new Uint8Array(), "csv"))).toBe("400 registryImport.file.empty");
    expect(await refusal(readSheet(new Uint8Array([0x48, 0xe0, 0x20, 0x4e]), "csv"))).toBe("400 registryImport.file.notUtf8");
  });

  it("puts back the leading zeros of an ID number and a phone typed as numbers in XLSX", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Hộ");
    ws.addRow(HEADER);
    const row = person().map((c, i) => (COLUMNS[i]!.key === "idNumber" ? 10080001234 : COLUMNS[i]!.key === "phone" ? 912345678 : c));
    ws.addRow(row);
    const sheet = await readSheet(new Uint8Array(await wb.xlsx.writeBuffer()), "xlsx");
    const r = parsePeople(sheet, VILLAGES, TODAY);
    expect(r.problems).toEqual([]);
    expect(r.people[0]).toMatchObject({ idNumber: "010080001234", phone: "0912345678" });
    expect(sheet.sheet).toBe("Hộ");
  });

  it("writes XLSX and CSV that read back as the same people, with formula-like text neutralised", async () => {
    const people: ExportPerson[] = [
      {
        household: "H0001",
        village: "Phú Hà",
        address: '=HYPERLINK("x")',
        relation: "head",
        fullName: "Nguyễn Văn An",
        birthDate: "1980-09-05",
        birthYear: 1980,
        sex: "male",
        phone: "0912345678",
        idNumber: "010080001234",
        ethnicity: "Kinh",
        language: null,
        flags: ["no_smartphone", "disability"],
        poverty: "poor",
      },
      {
        household: "H0001",
        village: "Phú Hà",
        address: '=HYPERLINK("x")',
        relation: "in_law",
        fullName: "Lò Thị Dung",
        birthDate: null,
        birthYear: 2001,
        sex: "female",
        phone: null,
        idNumber: null,
        ethnicity: "Thái",
        language: "Thái",
        flags: ["little_vietnamese"],
        poverty: "poor",
      },
    ];
    const csvBytes = writeCsv(people);
    expect(new TextDecoder().decode(csvBytes)).toContain(`"'=HYPERLINK(""x"")"`);
    for (const [format, bytes] of [
      ["csv", csvBytes],
      ["xlsx", await writeXlsx(people)],
    ] as const) {
      const r = parsePeople(await readSheet(bytes, format), VILLAGES, TODAY);
      expect(r.problems, format).toEqual([]);
      expect(
        r.people.map(({ row: _r, villageCode: _v, ...p }) => ({ ...p, flags: [...p.flags].sort() })),
        format,
      ).toEqual(people.map((p) => ({ ...p, flags: [...p.flags].sort() })));
    }
  });
});
