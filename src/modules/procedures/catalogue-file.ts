// The whole catalogue as a file an office can edit in a spreadsheet: an XLSX workbook with five sheets, or
// one CSV holding the same sheets (first column names the sheet). Format: docs/catalogue-format.md.
// Every problem is reported at its cell ("documents!C7") so a person can find it.
import type ExcelJS from "exceljs";
import { loadExcelJS } from "../../platform/files/exceljs.ts";
import { SPREADSHEET_MEDIA_TYPES, spreadsheetFormatOf } from "../../platform/files/spreadsheet-format.ts";
import { checkZip, type ZipCheck, type ZipLimits } from "../../platform/files/zip-limits.ts";
import { AppError, type FieldError, fieldErrorsFromZod } from "../../platform/http/app-error.ts";
import type { MessageKey } from "../../platform/i18n/i18n.ts";
import { parseCsv } from "../../platform/text/csv-records.ts";
import { restoreNeutralised, safeCell } from "../../platform/text/spreadsheet-cell.ts";
import { type CatalogueFormat, ProcedureDefinition } from "./procedures.contract.ts";

const MB = 1024 * 1024;
export const MAX_FILE_BYTES = 5 * MB;
/**
 * What a workbook may hold once inflated, checked before exceljs inflates it (it keeps every entry and every
 * cell in memory: ~10 times the XML). An export of 1,000 procedures inflates to 6 MB, its largest part to 2 MB.
 */
export const XLSX_LIMITS: ZipLimits = { maxEntries: 500, maxEntryBytes: 16 * MB, maxTotalBytes: 32 * MB, maxRatio: 100 };
export const MAX_ROWS = 5000; // per sheet; the national commune-level list has a few hundred procedures
const MAX_ERRORS = 50;

export const SHEETS = {
  procedures: [
    "code",
    "name",
    "field",
    "level",
    "online_level",
    "processing_unit",
    "processing_amount",
    "cut_off",
    "result_name",
    "delivery_methods",
    "legal_basis",
    "summary",
  ],
  documents: ["procedure_code", "key", "name", "copies", "form", "required", "from_vault", "template_url", "note"],
  form_fields: ["procedure_code", "key", "label", "type", "required", "prefill", "options", "help"],
  steps: ["procedure_code", "key", "name", "role", "share"],
  fees: ["procedure_code", "key", "label", "amount", "exemptions"],
} as const;
export type SheetName = keyof typeof SHEETS;
/** Columns written after a sheet's own and read when present: files made before them still import. */
export const OPTIONAL_COLUMNS: Record<SheetName, readonly string[]> = {
  procedures: ["pay_at_collection", "handling_agency_kind", "handling_agency_name", "signer_title"],
  documents: [],
  form_fields: [],
  steps: [],
  fees: ["online_amount"],
};
const columnsOf = (name: SheetName) => [...SHEETS[name], ...OPTIONAL_COLUMNS[name]];
const SHEET_NAMES = Object.keys(SHEETS) as SheetName[];

type Cell = string | number | boolean | null;

// --- writing -----------------------------------------------------------------------

const lines = (xs: string[] | undefined) => (xs ?? []).join("\n");

/** One array of rows (without header) per sheet, in the sheet's column order. */
export function catalogueRows(defs: ProcedureDefinition[]): Record<SheetName, Cell[][]> {
  const out: Record<SheetName, Cell[][]> = { procedures: [], documents: [], form_fields: [], steps: [], fees: [] };
  for (const d of defs) {
    out.procedures.push([
      d.code,
      d.name,
      d.field,
      d.level,
      d.onlineLevel,
      d.processing.unit,
      d.processing.amount,
      d.processing.cutOff ?? "",
      d.resultName,
      d.deliveryMethods.join(", "),
      lines(d.legalBasis),
      d.summary ?? "",
      d.payAtCollection ?? "",
      d.handlingAgency?.kind ?? "",
      d.handlingAgency?.name ?? "",
      d.handlingAgency?.signerTitle ?? "",
    ]);
    for (const x of d.documents) out.documents.push([d.code, x.key, x.name, x.copies, x.form, x.required, x.fromVault, x.templateUrl ?? "", x.note ?? ""]);
    for (const x of d.form) {
      out.form_fields.push([d.code, x.key, x.label, x.type, x.required, x.prefill ?? "", lines(x.options?.map((o) => `${o.value}=${o.label}`)), x.help ?? ""]);
    }
    for (const x of d.steps) out.steps.push([d.code, x.key, x.name, x.role, x.share]);
    for (const x of d.fees) out.fees.push([d.code, x.key, x.label, x.amount, x.exemptions ?? "", x.onlineAmount ?? ""]);
  }
  return out;
}

export async function writeXlsx(defs: ProcedureDefinition[]): Promise<Uint8Array> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = "XãSố";
  const rows = catalogueRows(defs);
  for (const name of SHEET_NAMES) {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = columnsOf(name).map((h) => ({
      header: h,
      key: h,
      width: h === "name" || h === "label" || h === "legal_basis" || h === "summary" ? 48 : 16,
      // Codes like 2.000810 must stay text: as numbers Excel would drop the trailing zero.
      style: h === "code" || h === "procedure_code" ? { numFmt: "@" } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows[name]) ws.addRow(r.map((v) => (v === "" ? null : safeCell(v))));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function csvCell(v: Cell): string {
  const s = v === null ? "" : String(safeCell(v));
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function writeCsv(defs: ProcedureDefinition[]): Uint8Array {
  const rows = catalogueRows(defs);
  const out: string[] = [];
  for (const name of SHEET_NAMES) {
    out.push([name, ...columnsOf(name)].map(csvCell).join(","));
    for (const r of rows[name]) out.push([name, ...r].map(csvCell).join(","));
  }
  // The BOM lets spreadsheet programs open the Vietnamese text as UTF-8.
  return new TextEncoder().encode(`\uFEFF${out.join("\r\n")}\r\n`);
}

// --- reading -----------------------------------------------------------------------

type Row = { values: Map<string, string>; ref(column: string): string };
type Sheet = { name: SheetName; rows: Row[]; headerRef(column?: string): string };

export function columnLetter(n: number): string {
  let s = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

class Problems {
  readonly list: FieldError[] = [];
  add(field: string, message: MessageKey, params?: Record<string, string | number>) {
    this.list.push({ field, code: "invalid", message, ...(params ? { params } : {}) });
    if (this.list.length >= MAX_ERRORS * 4) this.throw(); // a wholly wrong file: stop early
  }
  throw(): never {
    const shown = this.list.slice(0, MAX_ERRORS);
    if (this.list.length > MAX_ERRORS)
      shown.push({ field: "file", code: "invalid", message: "procedures.import.tooManyErrors", params: { n: this.list.length - MAX_ERRORS } });
    throw new AppError("validation", "error.validation", shown);
  }
}

const unreadable = () => new AppError("validation", "error.validation", [{ field: "file", code: "format", message: "procedures.import.unreadable" }]);

/** Builds a sheet from raw rows: the first row is the header. `col0` is the letter offset (CSV has the sheet column first). */
function buildSheet(name: SheetName, raw: { line: number; cells: string[] }[], col0: number, problems: Problems): Sheet | null {
  const [head, ...body] = raw;
  const headerRef = (column?: string) => `${name}!${columnLetter(col0 + 1 + (column && head ? Math.max(0, head.cells.indexOf(column)) : 0))}${head?.line ?? 1}`;
  if (!head) {
    problems.add(name, "procedures.import.missingSheet");
    return null;
  }
  head.cells = head.cells.map((c) => c.trim().toLowerCase());
  const missing = SHEETS[name].filter((c) => !head.cells.includes(c));
  for (const c of missing) problems.add(`${name}!A${head.line}`, "procedures.import.missingColumn", { column: c });
  if (missing.length) return null;
  if (body.length > MAX_ROWS) {
    problems.add(`${name}!A${head.line}`, "procedures.import.tooManyRows", { max: MAX_ROWS });
    return null;
  }
  const rows: Row[] = [];
  for (const r of body) {
    if (r.cells.every((c) => c.trim() === "")) continue;
    const values = new Map<string, string>();
    // A cell the export neutralised ("'=…", spreadsheet-cell.ts) reads back as it was written.
    for (const [i, h] of head.cells.entries()) values.set(h, restoreNeutralised(r.cells[i] ?? "").trim());
    rows.push({ values, ref: (column) => `${name}!${columnLetter(col0 + 1 + Math.max(0, head.cells.indexOf(column)))}${r.line}` });
  }
  return { name, rows, headerRef };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  // A time typed as 15:00 arrives as a date on 1899-12-30.
  if (v instanceof Date)
    return v.getUTCFullYear() < 1901
      ? `${String(v.getUTCHours()).padStart(2, "0")}:${String(v.getUTCMinutes()).padStart(2, "0")}`
      : v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("result" in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
  }
  return "";
}

const megabytes = (bytes: number) => Math.ceil(bytes / MB);

/** A workbook refused before it is inflated: too many parts, or parts (or all of them) too large once inflated. */
function zipRefusal(check: Exclude<ZipCheck, { ok: true }>): AppError {
  const field = "file";
  const tooBig = (message: MessageKey, params: Record<string, string | number>) =>
    new AppError("payload_too_large", "error.validation", [{ field, code: "too_big", message, params }]);
  switch (check.problem) {
    case "malformed":
      return unreadable();
    case "tooManyEntries":
      return tooBig("procedures.import.tooManyParts", { n: check.entries, max: XLSX_LIMITS.maxEntries });
    case "entryTooLarge":
      return tooBig("procedures.import.partTooLarge", { entry: check.entry, size: megabytes(check.bytes), max: XLSX_LIMITS.maxEntryBytes / MB });
    case "ratio":
      return tooBig("procedures.import.partTooCompressed", { entry: check.entry, size: megabytes(check.bytes), max: XLSX_LIMITS.maxRatio });
    case "tooLarge":
      return tooBig("procedures.import.inflatesTooMuch", { max: XLSX_LIMITS.maxTotalBytes / MB });
  }
}

async function readXlsx(bytes: Uint8Array, problems: Problems): Promise<Partial<Record<SheetName, Sheet>>> {
  const zip = checkZip(bytes, XLSX_LIMITS);
  if (!zip.ok) throw zipRefusal(zip);
  const wb = new (await loadExcelJS()).Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const out: Partial<Record<SheetName, Sheet>> = {};
  for (const name of SHEET_NAMES) {
    const ws = wb.getWorksheet(name);
    if (!ws) {
      problems.add(name, "procedures.import.missingSheet");
      continue;
    }
    if (ws.rowCount > MAX_ROWS + 1) {
      problems.add(`${name}!A1`, "procedures.import.tooManyRows", { max: MAX_ROWS });
      continue;
    }
    const raw: { line: number; cells: string[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let i = 1; i <= Math.min(row.cellCount, 40); i++) cells.push(cellText(row.getCell(i).value));
      raw.push({ line, cells });
    });
    const sheet = buildSheet(name, raw, 0, problems);
    if (sheet) out[name] = sheet;
  }
  return out;
}

function readCsv(bytes: Uint8Array, problems: Problems): Partial<Record<SheetName, Sheet>> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw unreadable();
  }
  const bySheet = new Map<SheetName, { line: number; cells: string[] }[]>();
  for (const rec of parseCsv(text)) {
    const name = rec.cells[0]?.trim().toLowerCase() ?? "";
    if (!(name in SHEETS)) {
      problems.add(`csv!A${rec.line}`, "procedures.import.unknownSheet");
      continue;
    }
    const list = bySheet.get(name as SheetName) ?? [];
    if (list.length > MAX_ROWS + 1) continue;
    list.push({ line: rec.line, cells: rec.cells.slice(1) });
    bySheet.set(name as SheetName, list);
  }
  const out: Partial<Record<SheetName, Sheet>> = {};
  for (const name of SHEET_NAMES) {
    const sheet = buildSheet(name, bySheet.get(name) ?? [], 1, problems);
    if (sheet) out[name] = sheet;
  }
  return out;
}

// --- from rows to definitions ---------------------------------------------------------

const opt = (s: string | undefined) => (s ? s : undefined);
function num(s: string | undefined): number | string | undefined {
  if (!s) return undefined;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : s; // left as text so the contract reports the wrong type at its cell
}
function bool(s: string | undefined): boolean | string | undefined {
  if (!s) return undefined;
  const v = s.toLowerCase();
  if (["true", "yes", "1", "có", "x"].includes(v)) return true;
  if (["false", "no", "0", "không"].includes(v)) return false;
  return s;
}
const splitLines = (s: string | undefined) =>
  (s ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

type ItemSource = { row: Row };
type ProcSource = { row: Row; lists: Record<"documents" | "form" | "steps" | "fees", ItemSource[]> };

const LIST_SHEET = { documents: "documents", form: "form_fields", steps: "steps", fees: "fees" } as const;
const TOP_COLUMN: Record<string, string> = {
  code: "code",
  name: "name",
  field: "field",
  level: "level",
  onlineLevel: "online_level",
  resultName: "result_name",
  deliveryMethods: "delivery_methods",
  legalBasis: "legal_basis",
  summary: "summary",
  payAtCollection: "pay_at_collection",
  handlingAgency: "handling_agency_name",
};
const PROCESSING_COLUMN: Record<string, string> = { unit: "processing_unit", amount: "processing_amount", cutOff: "cut_off" };
const ITEM_COLUMN: Record<string, string> = { fromVault: "from_vault", templateUrl: "template_url", onlineAmount: "online_amount" };

function itemOf(list: keyof ProcSource["lists"], v: Map<string, string>): Record<string, unknown> {
  const g = (c: string) => opt(v.get(c));
  switch (list) {
    case "documents":
      return {
        key: g("key"),
        name: g("name"),
        copies: num(g("copies")),
        form: g("form"),
        required: bool(g("required")),
        fromVault: bool(g("from_vault")),
        templateUrl: g("template_url"),
        note: g("note"),
      };
    case "form": {
      const options = splitLines(g("options")).map((l) => {
        const i = l.indexOf("=");
        return i < 0 ? { value: l, label: l } : { value: l.slice(0, i).trim(), label: l.slice(i + 1).trim() };
      });
      return {
        key: g("key"),
        label: g("label"),
        type: g("type"),
        required: bool(g("required")),
        prefill: g("prefill"),
        options: options.length ? options : undefined,
        help: g("help"),
      };
    }
    case "steps":
      return { key: g("key"), name: g("name"), role: g("role"), share: num(g("share")) };
    case "fees":
      return { key: g("key"), label: g("label"), amount: num(g("amount")), onlineAmount: num(g("online_amount")), exemptions: g("exemptions") };
  }
}

/** Reads and validates a catalogue file; all-or-nothing, every problem named by sheet, row and column. */
export async function parseCatalogue(bytes: Uint8Array, format: CatalogueFormat): Promise<ProcedureDefinition[]> {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new AppError("payload_too_large", "error.validation", [
      { field: "file", code: "too_big", message: "procedures.import.tooLarge", params: { max: MAX_FILE_BYTES / 1024 / 1024 } },
    ]);
  }
  const problems = new Problems();
  const sheets = format === "xlsx" ? await readXlsx(bytes, problems) : readCsv(bytes, problems);
  if (problems.list.length) problems.throw();
  const procSheet = sheets.procedures!;

  const sources = new Map<string, ProcSource>();
  const raws: { code: string; raw: Record<string, unknown> }[] = [];
  for (const row of procSheet.rows) {
    const code = row.values.get("code") ?? "";
    if (code && sources.has(code)) {
      problems.add(row.ref("code"), "procedures.import.duplicateCode");
      continue;
    }
    const g = (c: string) => opt(row.values.get(c));
    sources.set(code, { row, lists: { documents: [], form: [], steps: [], fees: [] } });
    raws.push({
      code,
      raw: {
        code: g("code"),
        name: g("name"),
        field: g("field"),
        level: g("level"),
        onlineLevel: g("online_level"),
        processing: {
          unit: g("processing_unit"),
          // A same-day procedure needs no amount: it is one working day.
          amount: num(g("processing_amount")) ?? (g("processing_unit") === "sameDay" ? 1 : undefined),
          cutOff: g("cut_off") ?? null,
        },
        resultName: g("result_name"),
        deliveryMethods: (g("delivery_methods") ?? "")
          .split(/[,;]/)
          .map((s) => s.trim())
          .filter(Boolean),
        legalBasis: splitLines(g("legal_basis")),
        summary: g("summary"),
        payAtCollection: bool(g("pay_at_collection")),
        handlingAgency: g("handling_agency_name")
          ? { kind: g("handling_agency_kind"), name: g("handling_agency_name"), signerTitle: g("signer_title") }
          : undefined,
        documents: [],
        form: [],
        steps: [],
        fees: [],
      },
    });
  }
  const rawByCode = new Map(raws.map((r) => [r.code, r.raw]));
  for (const list of ["documents", "form", "steps", "fees"] as const) {
    for (const row of sheets[LIST_SHEET[list]]!.rows) {
      const code = row.values.get("procedure_code") ?? "";
      const src = sources.get(code);
      const raw = rawByCode.get(code);
      if (!src || !raw || !code) {
        problems.add(row.ref("procedure_code"), "procedures.import.unknownProcedure");
        continue;
      }
      src.lists[list].push({ row });
      (raw[list] as unknown[]).push(itemOf(list, row.values));
    }
  }
  if (raws.length === 0 && problems.list.length === 0) problems.add("file", "procedures.import.empty");

  const defs: ProcedureDefinition[] = [];
  for (const { code, raw } of raws) {
    const parsed = ProcedureDefinition.safeParse(raw);
    if (parsed.success) {
      defs.push(parsed.data);
      continue;
    }
    const src = sources.get(code)!;
    for (const issue of parsed.error.issues) {
      const [top, index, key] = issue.path;
      let ref: string;
      if (top === "processing") ref = src.row.ref(PROCESSING_COLUMN[String(index)] ?? "processing_unit");
      else if (typeof top === "string" && top in LIST_SHEET && typeof index === "number") {
        const item = src.lists[top as keyof ProcSource["lists"]][index];
        const k = typeof key === "string" ? key : "key";
        ref = item ? item.row.ref(ITEM_COLUMN[k] ?? k) : src.row.ref("code");
      } else ref = src.row.ref(TOP_COLUMN[String(top)] ?? "code");
      for (const e of fieldErrorsFromZod([issue])) problems.add(ref, e.message, e.params);
    }
  }
  if (problems.list.length) problems.throw();
  return defs;
}

export async function writeCatalogue(defs: ProcedureDefinition[], format: CatalogueFormat): Promise<Uint8Array> {
  return format === "xlsx" ? writeXlsx(defs) : writeCsv(defs);
}

export const MEDIA_TYPES = SPREADSHEET_MEDIA_TYPES;

export const formatOf = spreadsheetFormatOf;
