// The registry's spreadsheet format: one row per person, the household key grouping a household's members.
// Read from XLSX (first sheet) or CSV (UTF-8, with or without BOM, comma or semicolon); written back the same way.
// Format and columns: docs/community/import.md. Every problem names its sheet, row and column.
import type ExcelJS from "exceljs";
import { loadExcelJS } from "../../../platform/files/exceljs.ts";
import { SPREADSHEET_MEDIA_TYPES, spreadsheetFormatOf } from "../../../platform/files/spreadsheet-format.ts";
import { checkZip, type ZipCheck, type ZipLimits } from "../../../platform/files/zip-limits.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { parseCsv } from "../../../platform/text/csv-records.ts";
import { parseDayInput } from "../../../platform/text/day-input.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { restoreNeutralised, safeCell } from "../../../platform/text/spreadsheet-cell.ts";
import { localYear } from "../../../platform/calendar/vietnam-time.ts";
import { checkCitizenIdNumber, checkPhone, idDisagreement } from "../../citizens/index.ts";

const MB = 1024 * 1024;
export const MAX_FILE_BYTES = 8 * MB;
/** Checked before exceljs inflates anything (it holds every cell in memory); a 20,000-person export inflates to ~12 MB. */
export const XLSX_LIMITS: ZipLimits = { maxEntries: 100, maxEntryBytes: 48 * MB, maxTotalBytes: 64 * MB, maxRatio: 100 };
/** People per file: a large commune has ~15,000. */
export const MAX_ROWS = 20_000;
/** Problems kept and shown; the count says how many more there were. */
export const MAX_PROBLEMS = 500;

export const FORMATS = ["xlsx", "csv"] as const;
export type FileFormat = (typeof FORMATS)[number];
export const MEDIA_TYPES = SPREADSHEET_MEDIA_TYPES;

export const RELATIONS = ["head", "spouse", "child", "parent", "grandchild", "grandparent", "sibling", "in_law", "other"] as const;
export type Relation = (typeof RELATIONS)[number];
export const FLAGS = ["elderly_alone", "disability", "no_smartphone", "little_vietnamese"] as const;
export type Flag = (typeof FLAGS)[number];

/** The columns in file order: the Vietnamese header written, and every header read (compared folded: no accents, any case). */
export const COLUMNS = [
  { key: "household", vi: "Mã hộ", en: "Household key", required: true },
  { key: "village", vi: "Thôn", en: "Village", required: true },
  { key: "address", vi: "Địa chỉ", en: "Address", required: true },
  { key: "relation", vi: "Quan hệ với chủ hộ", en: "Relation to head", required: true },
  { key: "fullName", vi: "Họ và tên", en: "Full name", required: true },
  { key: "birthDate", vi: "Ngày sinh", en: "Birth date", required: false },
  { key: "birthYear", vi: "Năm sinh", en: "Birth year", required: false },
  { key: "sex", vi: "Giới tính", en: "Sex", required: false },
  { key: "phone", vi: "Số điện thoại", en: "Phone", required: false },
  { key: "idNumber", vi: "Số định danh cá nhân", en: "Personal ID number", required: false },
  { key: "ethnicity", vi: "Dân tộc", en: "Ethnicity", required: false },
  { key: "language", vi: "Ngôn ngữ", en: "Language", required: false },
  { key: "elderly_alone", vi: "Người cao tuổi sống một mình", en: "Elderly living alone", required: false },
  { key: "disability", vi: "Khuyết tật", en: "Disability", required: false },
  { key: "no_smartphone", vi: "Không có điện thoại thông minh", en: "No smartphone", required: false },
  { key: "little_vietnamese", vi: "Ít nói tiếng Việt", en: "Speaks little Vietnamese", required: false },
  { key: "poverty", vi: "Hộ nghèo", en: "Poverty", required: false },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]["key"];

/** Other headers people write for the same column. */
const ALIASES: Partial<Record<ColumnKey, string[]>> = {
  household: ["ma ho gia dinh", "so ho", "household", "household id"],
  village: ["thon ban", "thon to", "to dan pho", "village code", "ma thon"],
  relation: ["quan he", "quan he chu ho", "relation"],
  fullName: ["ho ten", "name"],
  birthDate: ["ngay thang nam sinh", "date of birth"],
  phone: ["dien thoai", "sdt", "phone number"],
  idNumber: ["so cccd", "cccd", "so dinh danh", "id number", "citizen id number"],
  poverty: ["ho ngheo can ngheo", "ngheo can ngheo", "poverty status"],
};
const HEADER_INDEX = new Map<string, ColumnKey>();
for (const c of COLUMNS) for (const h of [c.vi, c.en, c.key, ...(ALIASES[c.key] ?? [])]) HEADER_INDEX.set(searchKey(h), c.key);

const RELATION_WORDS: Record<Relation, string[]> = {
  head: ["chu ho", "head"],
  spouse: ["vo chong", "vo", "chong", "spouse", "wife", "husband"],
  child: ["con", "con de", "con nuoi", "child", "son", "daughter"],
  parent: ["bo me", "bo", "me", "cha", "cha me", "parent", "father", "mother"],
  grandchild: ["chau", "chau noi", "chau ngoai", "grandchild"],
  grandparent: ["ong ba", "ong", "ba", "ong noi", "ba noi", "ong ngoai", "ba ngoai", "grandparent"],
  sibling: ["anh chi em", "anh", "chi", "em", "sibling", "brother", "sister"],
  in_law: ["dau re", "con dau", "con re", "dau", "re", "in law", "in_law"],
  other: ["khac", "other", "nguoi o nho", "o nho"],
};
const RELATION_INDEX = new Map<string, Relation>();
for (const r of RELATIONS) for (const w of RELATION_WORDS[r]) RELATION_INDEX.set(w, r);
/** The word written back for each relation. */
export const RELATION_LABELS: Record<Relation, string> = {
  head: "Chủ hộ",
  spouse: "Vợ/chồng",
  child: "Con",
  parent: "Bố/mẹ",
  grandchild: "Cháu",
  grandparent: "Ông/bà",
  sibling: "Anh/chị/em",
  in_law: "Dâu/rể",
  other: "Khác",
};

export type Sex = "male" | "female";
export type Poverty = "poor" | "near_poor";

/** A problem at a cell (or at a row when column is null, or at the file when row is 0). */
export type ImportProblem = { sheet: string; row: number; column: string | null; field: string; message: MessageKey; params?: Record<string, string | number> };

/** One person as checked: what the commit writes. */
export type PersonRow = {
  row: number;
  household: string;
  village: string;
  villageCode: string | null;
  address: string;
  relation: Relation;
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  sex: Sex | null;
  phone: string | null;
  idNumber: string | null;
  ethnicity: string | null;
  language: string | null;
  flags: Flag[];
  poverty: Poverty | null;
};

export type RawSheet = { sheet: string; header: { line: number; cells: string[] }; rows: { line: number; cells: string[] }[] };

export function columnLetter(n: number): string {
  let s = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

const refuse = (message: MessageKey, params?: Record<string, string | number>, code: "validation" | "payload_too_large" = "validation") =>
  new AppError(code, "error.validation", [{ field: "file", code: code === "validation" ? "format" : "too_big", message, ...(params ? { params } : {}) }]);

export const formatOf = spreadsheetFormatOf;

// --- reading ---------------------------------------------------------------------------------------------------

function readCsv(bytes: Uint8Array): RawSheet {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw refuse("registryImport.file.notUtf8");
  }
  if (text.includes("\u0000")) throw refuse("registryImport.file.unreadable");
  // Spreadsheets set to Vietnamese (decimal comma) save CSV with semicolons.
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records = parseCsv(text, delimiter);
  const [header, ...rows] = records;
  if (!header) throw refuse("registryImport.file.empty");
  return { sheet: "csv", header, rows };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("result" in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
  }
  return "";
}

function zipRefusal(check: Exclude<ZipCheck, { ok: true }>): AppError {
  if (check.problem === "malformed") return refuse("registryImport.file.unreadable");
  return refuse("registryImport.file.inflatesTooMuch", { max: XLSX_LIMITS.maxTotalBytes / MB }, "payload_too_large");
}

async function readXlsx(bytes: Uint8Array): Promise<RawSheet> {
  const zip = checkZip(bytes, XLSX_LIMITS);
  if (!zip.ok) throw zipRefusal(zip);
  const wb = new (await loadExcelJS()).Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw refuse("registryImport.file.unreadable");
  }
  const ws = wb.worksheets[0];
  if (!ws) throw refuse("registryImport.file.empty");
  if (ws.rowCount > MAX_ROWS + 1) throw refuse("registryImport.file.tooManyRows", { max: MAX_ROWS }, "payload_too_large");
  const raw: { line: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let i = 1; i <= Math.min(row.cellCount, 40); i++) {
      const v = row.getCell(i).value;
      // A number typed into an ID or phone column loses its leading zeros: marked so the parser can put them back.
      cells.push(typeof v === "number" ? `\u0001${v}` : cellText(v));
    }
    raw.push({ line, cells });
  });
  const [header, ...rows] = raw;
  if (!header) throw refuse("registryImport.file.empty");
  return { sheet: ws.name, header, rows };
}

/** Reads the upload's first sheet (or the CSV) as text cells; refuses a file that is not one (400) or too big (413). */
export async function readSheet(bytes: Uint8Array, format: FileFormat): Promise<RawSheet> {
  if (bytes.byteLength === 0) throw refuse("registryImport.file.empty");
  if (bytes.byteLength > MAX_FILE_BYTES) throw refuse("registryImport.file.tooLarge", { max: MAX_FILE_BYTES / MB }, "payload_too_large");
  const sheet = format === "xlsx" ? await readXlsx(bytes) : readCsv(bytes);
  if (sheet.rows.length > MAX_ROWS) throw refuse("registryImport.file.tooManyRows", { max: MAX_ROWS }, "payload_too_large");
  return sheet;
}

// --- from cells to people --------------------------------------------------------------------------------------

export type VillageRef = { code: string; name: string; fullName: string };

/** Finds a village of the commune by its code, its name or its full name ("Thôn Phú Hà"), accents and case ignored. */
export function villageMatcher(villages: VillageRef[]): (text: string) => VillageRef | null | "ambiguous" {
  const byKey = new Map<string, VillageRef[]>();
  const add = (k: string, v: VillageRef) => byKey.set(k, [...(byKey.get(k) ?? []).filter((x) => x.code !== v.code), v]);
  for (const v of villages) {
    add(v.code.toLowerCase(), v);
    add(searchKey(v.name), v);
    add(searchKey(v.fullName), v);
  }
  return (text) => {
    const found = byKey.get(text.trim().toLowerCase()) ?? byKey.get(searchKey(text));
    if (!found) return null;
    return found.length === 1 ? found[0]! : "ambiguous";
  };
}

const YES = new Set(["co", "x", "yes", "y", "1", "true", "dung"]);
const NO = new Set(["", "khong", "no", "n", "0", "false"]);

export type ParseResult = { people: PersonRow[]; problems: ImportProblem[]; problemCount: number; households: number };

/**
 * Turns the sheet into people and problems. Every check that needs no database: columns, dates, ID numbers and
 * phones, villages (given the commune's list), a household's head and its one village, ID numbers twice in the file.
 */
export function parsePeople(sheet: RawSheet, villages: VillageRef[], today: Date): ParseResult {
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const add = (p: ImportProblem) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const cols = new Map<ColumnKey, number>();
  const headerLine = sheet.header.line;
  sheet.header.cells.forEach((h, i) => {
    const key = HEADER_INDEX.get(searchKey(restoreNeutralised(h)));
    if (key && !cols.has(key)) cols.set(key, i);
    else if (h.trim() && !key)
      add({
        sheet: sheet.sheet,
        row: headerLine,
        column: columnLetter(i + 1),
        field: "header",
        message: "registryImport.problem.unknownColumn",
        params: { header: h.trim() },
      });
  });
  const missing: string[] = COLUMNS.filter((c) => c.required && !cols.has(c.key)).map((c) => c.vi);
  if (!cols.has("birthDate") && !cols.has("birthYear")) missing.push(`${COLUMNS[5].vi} / ${COLUMNS[6].vi}`);
  if (missing.length) {
    // Without its columns the file cannot be read row by row: refused whole, naming what is missing.
    throw new AppError(
      "validation",
      "error.validation",
      missing.map((m) => ({
        field: `${sheet.sheet}!${headerLine}`,
        code: "missing_column",
        message: "registryImport.problem.missingColumn",
        params: { column: m },
      })),
    );
  }
  const letter = (k: ColumnKey) => columnLetter((cols.get(k) ?? 0) + 1);
  const findVillage = villageMatcher(villages);
  const thisYear = localYear(today);
  const people: PersonRow[] = [];

  for (const r of sheet.rows) {
    const raw = (k: ColumnKey): string => {
      const i = cols.get(k);
      return i === undefined ? "" : (r.cells[i] ?? "");
    };
    if (COLUMNS.every((c) => raw(c.key).replace("\u0001", "").trim() === "")) continue;
    const problem = (k: ColumnKey | null, message: MessageKey, params?: Record<string, string | number>) =>
      add({ sheet: sheet.sheet, row: r.line, column: k ? letter(k) : null, field: k ?? "row", message, ...(params ? { params } : {}) });
    const text = (k: ColumnKey, max = 200): string => {
      const v = restoreNeutralised(raw(k).replace("\u0001", "")).trim().replace(/\s+/g, " ");
      if (v.length > max) {
        problem(k, "registryImport.problem.tooLong", { max });
        return v.slice(0, max);
      }
      return v;
    };
    const bool = (k: ColumnKey): boolean => {
      const v = searchKey(text(k));
      if (YES.has(v)) return true;
      if (!NO.has(v)) problem(k, "registryImport.problem.yesNo");
      return false;
    };

    const household = text("household", 50);
    if (!household) problem("household", "registryImport.problem.required");
    const villageText = text("village", 100);
    let villageCode: string | null = null;
    if (!villageText) problem("village", "registryImport.problem.required");
    else {
      const v = findVillage(villageText);
      if (v === "ambiguous") problem("village", "registryImport.problem.villageAmbiguous", { village: villageText });
      else if (!v) problem("village", "registryImport.problem.villageUnknown", { village: villageText });
      else villageCode = v.code;
    }
    const address = text("address", 300);
    const relationText = text("relation", 50);
    let relation: Relation = "other";
    if (!relationText) problem("relation", "registryImport.problem.required");
    else {
      const found = RELATION_INDEX.get(searchKey(relationText));
      if (found) relation = found;
      else problem("relation", "registryImport.problem.relation", { value: relationText });
    }
    const fullName = text("fullName", 120);
    if (!fullName) problem("fullName", "registryImport.problem.required");

    // Birth: a day (dd/mm/yyyy, or a date cell) or a year; when both are given they must agree.
    let birthDate: string | null = null;
    let birthYear: number | null = null;
    const dateText = text("birthDate", 20);
    if (dateText) {
      const day = parseDayInput(dateText);
      if (!day.ok) problem("birthDate", day.code === "impossible" ? "registryImport.problem.dateImpossible" : "registryImport.problem.date");
      else if (Number(day.iso.slice(0, 4)) > thisYear || day.iso > today.toISOString().slice(0, 10) || Number(day.iso.slice(0, 4)) < 1890)
        problem("birthDate", "registryImport.problem.dateOutOfRange");
      else {
        birthDate = day.iso;
        birthYear = Number(day.iso.slice(0, 4));
      }
    }
    const yearText = text("birthYear", 10);
    if (yearText) {
      const y = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
      if (!(y >= 1890 && y <= thisYear)) problem("birthYear", "registryImport.problem.year", { max: thisYear });
      else if (birthYear !== null && y !== birthYear) problem("birthYear", "registryImport.problem.yearDisagrees", { year: birthYear });
      else birthYear = y;
    }
    if (!dateText && !yearText) problem(cols.has("birthDate") ? "birthDate" : "birthYear", "registryImport.problem.birthRequired");

    const sexText = searchKey(text("sex", 10));
    let sex: Sex | null = null;
    if (["nam", "male", "m"].includes(sexText)) sex = "male";
    else if (["nu", "female", "f"].includes(sexText)) sex = "female";
    else if (sexText) problem("sex", "registryImport.problem.sex");

    let phone: string | null = null;
    let phoneText = text("phone", 30);
    // A phone typed as a number lost its trunk 0.
    if (raw("phone").startsWith("\u0001") && /^\d{9}$/.test(phoneText)) phoneText = `0${phoneText}`;
    if (phoneText) {
      const p = checkPhone(phoneText);
      if (p.ok) phone = p.national;
      else problem("phone", `registryImport.problem.phone.${p.code}`);
    }

    let idNumber: string | null = null;
    let idText = text("idNumber", 40);
    if (raw("idNumber").startsWith("\u0001") && /^\d{1,12}$/.test(idText)) idText = idText.padStart(12, "0");
    if (idText) {
      const c = checkCitizenIdNumber(idText, today);
      if (!c.ok) problem("idNumber", `registryImport.problem.id.${c.code}`);
      else {
        const d = idDisagreement(c.value, { birthDate: birthDate ?? (birthYear ? `${birthYear}-01-01` : null), sex });
        if (d) problem("idNumber", `registryImport.problem.id.${d.code}`, d.params);
        else idNumber = c.value;
      }
    }
    const flags = FLAGS.filter((f) => bool(f));
    const povertyText = searchKey(text("poverty", 20));
    let poverty: Poverty | null = null;
    if (["ngheo", "ho ngheo", "poor"].includes(povertyText)) poverty = "poor";
    else if (["can ngheo", "ho can ngheo", "near poor", "near_poor"].includes(povertyText)) poverty = "near_poor";
    else if (!NO.has(povertyText)) problem("poverty", "registryImport.problem.poverty");

    people.push({
      row: r.line,
      household,
      village: villageText,
      villageCode,
      address,
      relation,
      fullName,
      birthDate,
      birthYear: birthYear ?? 0,
      sex,
      phone,
      idNumber,
      ethnicity: text("ethnicity", 60) || null,
      language: text("language", 60) || null,
      flags,
      poverty,
    });
  }

  // Households: one head, one village, an address, one poverty status.
  const byHousehold = new Map<string, PersonRow[]>();
  for (const p of people) if (p.household) byHousehold.set(p.household, [...(byHousehold.get(p.household) ?? []), p]);
  const at = (p: PersonRow, k: ColumnKey, message: MessageKey, params?: Record<string, string | number>) =>
    add({ sheet: sheet.sheet, row: p.row, column: letter(k), field: k, message, ...(params ? { params } : {}) });
  for (const [key, members] of byHousehold) {
    const heads = members.filter((m) => m.relation === "head");
    if (heads.length === 0) at(members[0]!, "relation", "registryImport.problem.noHead", { household: key });
    for (const extra of heads.slice(1)) at(extra, "relation", "registryImport.problem.twoHeads", { household: key, row: heads[0]!.row });
    const first = heads[0] ?? members[0]!;
    for (const m of members) {
      if (m.villageCode && first.villageCode && m.villageCode !== first.villageCode)
        at(m, "village", "registryImport.problem.villageDiffers", { household: key, row: first.row });
      if (m.address && first.address && searchKey(m.address) !== searchKey(first.address))
        at(m, "address", "registryImport.problem.addressDiffers", { household: key, row: first.row });
      if (m.poverty && first.poverty !== m.poverty && m !== first)
        at(m, "poverty", "registryImport.problem.povertyDiffers", { household: key, row: first.row });
    }
    if (!members.some((m) => m.address)) at(first, "address", "registryImport.problem.required");
  }
  if (people.length === 0) add({ sheet: sheet.sheet, row: headerLine, column: null, field: "file", message: "registryImport.problem.noRows" });
  // In reading order: row by row, left to right (a household's problems were found after its rows).
  const col = (c: string | null) => (c === null ? "" : c.padStart(3, " "));
  problems.sort((a, b) => a.row - b.row || col(a.column).localeCompare(col(b.column)));
  return { people, problems, problemCount, households: byHousehold.size };
}

// --- writing ---------------------------------------------------------------------------------------------------

export type ExportPerson = Omit<PersonRow, "row" | "villageCode">;

const yesNo = (b: boolean) => (b ? "Có" : "");
const POVERTY_LABELS: Record<Poverty, string> = { poor: "Nghèo", near_poor: "Cận nghèo" };
const dmy = (iso: string) => iso.split("-").reverse().join("/");

export function exportCells(p: ExportPerson): (string | number | null)[] {
  return [
    p.household,
    p.village,
    p.address,
    RELATION_LABELS[p.relation],
    p.fullName,
    p.birthDate ? dmy(p.birthDate) : null,
    p.birthYear,
    p.sex === "male" ? "Nam" : p.sex === "female" ? "Nữ" : null,
    p.phone,
    p.idNumber,
    p.ethnicity,
    p.language,
    ...FLAGS.map((f) => yesNo(p.flags.includes(f))),
    p.poverty ? POVERTY_LABELS[p.poverty] : null,
  ];
}

export async function writeXlsx(people: ExportPerson[]): Promise<Uint8Array> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = "XãSố";
  const ws = wb.addWorksheet("Danh sách", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({
    header: c.vi,
    key: c.key,
    width: c.key === "fullName" || c.key === "address" ? 32 : 16,
    // ID numbers and phones keep their leading zeros as text; days stay dd/mm/yyyy text, as typed.
    style: ["household", "phone", "idNumber", "birthDate"].includes(c.key) ? { numFmt: "@" } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const p of people) ws.addRow(exportCells(p).map((v) => (v === null || v === "" ? null : safeCell(v))));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function csvCell(v: string | number | null): string {
  const s = v === null ? "" : String(safeCell(v));
  return /[",;\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function writeCsv(people: ExportPerson[]): Uint8Array {
  const lines = [COLUMNS.map((c) => csvCell(c.vi)).join(",")];
  for (const p of people) lines.push(exportCells(p).map(csvCell).join(","));
  // The BOM lets spreadsheet programs open the Vietnamese text as UTF-8.
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

export const writeFile = (people: ExportPerson[], format: FileFormat) => (format === "xlsx" ? writeXlsx(people) : Promise.resolve(writeCsv(people)));
