// An indicator set as a file: JSON (`{ "version": N, "set": {...} }`, the shipped files' own format) or an XLSX
// workbook with four sheets (Set, Groups, Elements, Indicators; docs/indicators/sets.md). Reading turns either into
// the plain definition that compileSetDefinition checks; writing produces what reading takes back unchanged.
// exceljs is imported on first use only: it is large, and most requests never touch a workbook.
import type ExcelJS from "exceljs";
import { SPREADSHEET_MEDIA_TYPES } from "../../../platform/files/spreadsheet-format.ts";
import { checkZip, type ZipLimits } from "../../../platform/files/zip-limits.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import type { IndicatorSetDefinition } from "../set-definition.ts";

const MB = 1024 * 1024;
/** A set of 200 indicators is a few hundred kilobytes in either format. */
export const MAX_SET_FILE_BYTES = 2 * MB;
const XLSX_LIMITS: ZipLimits = { maxEntries: 60, maxEntryBytes: 16 * MB, maxTotalBytes: 24 * MB, maxRatio: 100 };
const MAX_SHEET_ROWS = 400;

export type SetFileFormat = "json" | "xlsx";
export const SET_FILE_MEDIA_TYPES: Record<SetFileFormat, string> = { json: "application/json", xlsx: SPREADSHEET_MEDIA_TYPES.xlsx };

/** What an import holds: the definition (unchecked) and the version the file says it is, if any. */
export type SetFile = { version: number | null; set: unknown };

const refuse = (message: MessageKey, params?: Record<string, string | number>, field = "file") =>
  new AppError("validation", "error.validation", [{ field, code: "format", message, ...(params ? { params } : {}) }]);

/** The format of an upload, from its first bytes (a zip is an XLSX, `{` is JSON), never from its name. */
export function sniffSetFile(bytes: Uint8Array): SetFileFormat | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b ? "json" : null;
}

/** A parsed JSON value as a set file: `{ version, set }`, or a bare definition. */
export function setFileFromJson(value: unknown): SetFile {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw refuse("indicators.sets.file.notObject");
  const o = value as Record<string, unknown>;
  if ("set" in o) {
    const v = o.version;
    if (v !== undefined && (typeof v !== "number" || !Number.isInteger(v) || v < 1)) throw refuse("indicators.sets.file.badVersion", undefined, "version");
    return { version: typeof v === "number" ? v : null, set: o.set };
  }
  return { version: null, set: o };
}

export function readJsonSetFile(bytes: Uint8Array): SetFile {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw refuse("indicators.sets.file.notUtf8");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw refuse("indicators.sets.file.badJson", { detail: err instanceof Error ? err.message.slice(0, 200) : "" });
  }
  return setFileFromJson(value);
}

// --- the workbook layout -----------------------------------------------------------------------------------------
// Row 1 of each table sheet holds the field names below (the same names as the JSON); one row per item after it.
// Set is a two-column sheet: field name, value.

type Column = { key: string; kind: "text" | "number" | "boolean" };
const t = (key: string): Column => ({ key, kind: "text" });
const n = (key: string): Column => ({ key, kind: "number" });
const b = (key: string): Column => ({ key, kind: "boolean" });

export const SHEETS = {
  Set: [n("version"), t("key"), t("name"), t("nameEn"), t("description"), t("descriptionEn"), b("index")],
  Groups: [t("key"), t("name"), t("nameEn"), n("points")],
  Elements: [
    t("key"),
    t("name"),
    t("nameEn"),
    t("description"),
    t("descriptionEn"),
    t("valueType"),
    n("min"),
    n("max"),
    t("aggregation"),
    t("frequency"),
    b("evidenceRequired"),
  ],
  Indicators: [
    t("key"),
    t("group"),
    t("name"),
    t("nameEn"),
    t("description"),
    t("descriptionEn"),
    t("unit"),
    t("direction"),
    t("numerator"),
    t("denominator"),
    n("points"),
    n("thresholdGood"),
    n("thresholdWarn"),
    b("public"),
    t("records"),
  ],
} as const satisfies Record<string, readonly Column[]>;
export type SheetName = keyof typeof SHEETS;

/** The JSON field a sheet's rows become (Indicators row 2 is indicators.0). */
const LIST_FIELD: Record<Exclude<SheetName, "Set">, string> = { Groups: "groups", Elements: "elements", Indicators: "indicators" };

function cellValue(v: ExcelJS.CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
  }
  return null;
}

/** A cell as its column's kind; a value of the wrong kind is kept as is, so the schema names the field. */
function typed(col: Column, raw: string | number | boolean | null): unknown {
  if (raw === null) return undefined;
  if (col.kind === "number" && typeof raw === "string" && /^-?\d+([.,]\d+)?$/.test(raw.trim())) return Number(raw.trim().replace(",", "."));
  if (col.kind === "boolean" && typeof raw === "string") {
    const w = raw.trim().toLowerCase();
    if (["true", "1", "yes", "có", "x"].includes(w)) return true;
    if (["false", "0", "no", "không"].includes(w)) return false;
  }
  if (col.kind === "boolean" && typeof raw === "number") return raw !== 0;
  if (col.kind === "text" && typeof raw === "number") return String(raw);
  return raw;
}

function readTable(ws: ExcelJS.Worksheet, sheet: Exclude<SheetName, "Set">): Record<string, unknown>[] {
  const cols = SHEETS[sheet] as readonly Column[];
  if (ws.rowCount > MAX_SHEET_ROWS) throw refuse("indicators.sets.file.tooManyRows", { sheet, max: MAX_SHEET_ROWS });
  const header = ws.getRow(1);
  const at = new Map<string, number>();
  for (let i = 1; i <= header.cellCount; i++) {
    const name = cellValue(header.getCell(i).value);
    if (name === null) continue;
    const col = cols.find((c) => c.key === String(name).trim());
    if (!col) throw refuse("indicators.sets.file.unknownColumn", { sheet, column: String(name) }, `${LIST_FIELD[sheet]}.header`);
    at.set(col.key, i);
  }
  if (!at.has("key")) throw refuse("indicators.sets.file.missingColumn", { sheet, column: "key" }, `${LIST_FIELD[sheet]}.header`);
  const out: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const item: Record<string, unknown> = {};
    for (const col of cols) {
      const i = at.get(col.key);
      if (i === undefined) continue;
      const v = typed(col, cellValue(row.getCell(i).value));
      if (v !== undefined) item[col.key] = v;
    }
    if (Object.keys(item).length === 0) continue;
    if (sheet === "Indicators" && ("thresholdGood" in item || "thresholdWarn" in item)) {
      item.thresholds = { good: item.thresholdGood, warn: item.thresholdWarn };
      delete item.thresholdGood;
      delete item.thresholdWarn;
    }
    out.push(item);
  }
  return out;
}

function readSetSheet(ws: ExcelJS.Worksheet): { version: number | null; set: Record<string, unknown> } {
  const cols = SHEETS.Set as readonly Column[];
  const set: Record<string, unknown> = {};
  let version: number | null = null;
  for (let r = 1; r <= Math.min(ws.rowCount, 50); r++) {
    const row = ws.getRow(r);
    const name = cellValue(row.getCell(1).value);
    if (name === null) continue;
    const col = cols.find((c) => c.key === String(name).trim());
    if (!col) throw refuse("indicators.sets.file.unknownField", { sheet: "Set", column: String(name) });
    const v = typed(col, cellValue(row.getCell(2).value));
    if (v === undefined) continue;
    if (col.key === "version") {
      if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw refuse("indicators.sets.file.badVersion", undefined, "version");
      version = v;
    } else set[col.key] = v;
  }
  return { version, set };
}

export async function readXlsxSetFile(bytes: Uint8Array): Promise<SetFile> {
  const zip = checkZip(bytes, XLSX_LIMITS);
  if (!zip.ok) throw refuse(zip.problem === "malformed" ? "indicators.sets.file.unreadable" : "indicators.sets.file.tooLarge");
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw refuse("indicators.sets.file.unreadable");
  }
  for (const name of Object.keys(SHEETS)) {
    if (!wb.getWorksheet(name)) throw refuse("indicators.sets.file.missingSheet", { sheet: name, sheets: Object.keys(SHEETS).join(", ") });
  }
  const head = readSetSheet(wb.getWorksheet("Set") as ExcelJS.Worksheet);
  const set = {
    ...head.set,
    groups: readTable(wb.getWorksheet("Groups") as ExcelJS.Worksheet, "Groups"),
    elements: readTable(wb.getWorksheet("Elements") as ExcelJS.Worksheet, "Elements"),
    indicators: readTable(wb.getWorksheet("Indicators") as ExcelJS.Worksheet, "Indicators"),
  };
  return { version: head.version, set };
}

/** Reads an uploaded set file, JSON or XLSX by its bytes; a 400 naming the problem otherwise. */
export async function readSetFile(bytes: Uint8Array): Promise<SetFile> {
  if (bytes.byteLength === 0) throw refuse("indicators.sets.file.required");
  if (bytes.byteLength > MAX_SET_FILE_BYTES) {
    throw new AppError("payload_too_large", "error.validation", [
      { field: "file", code: "too_big", message: "indicators.sets.file.tooBig", params: { max: MAX_SET_FILE_BYTES / MB } },
    ]);
  }
  const format = sniffSetFile(bytes);
  if (format === "xlsx") return readXlsxSetFile(bytes);
  if (format === "json") return readJsonSetFile(bytes);
  throw refuse("indicators.sets.file.format");
}

// --- writing -----------------------------------------------------------------------------------------------------

/** The JSON export: the shipped files' format, pretty-printed. */
export function writeJsonSetFile(version: number, set: IndicatorSetDefinition): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify({ version, set }, null, 2)}\n`);
}

// Strings are written as string cells, which a spreadsheet never runs as formulas (that risk is CSV's), so a
// formula text such as "-a + b" is kept exactly and reads back the same.
const cellText = (v: unknown): string | number | boolean | null =>
  v === undefined || v === null ? null : typeof v === "number" || typeof v === "boolean" ? v : String(v);

export async function writeXlsxSetFile(version: number, set: IndicatorSetDefinition): Promise<Uint8Array> {
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  wb.creator = "XãSố";
  const setSheet = wb.addWorksheet("Set");
  const head: Record<string, unknown> = { version, ...set };
  for (const col of SHEETS.Set) {
    if (head[col.key] !== undefined) setSheet.addRow([col.key, cellText(head[col.key])]);
  }
  setSheet.getColumn(1).width = 16;
  setSheet.getColumn(2).width = 80;
  const table = (name: Exclude<SheetName, "Set">, items: Record<string, unknown>[]) => {
    const ws = wb.addWorksheet(name);
    const cols = SHEETS[name] as readonly Column[];
    ws.addRow(cols.map((c) => c.key));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
    for (const item of items) ws.addRow(cols.map((c) => cellText(item[c.key])));
    cols.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.key.startsWith("description") ? 60 : c.key.startsWith("name") || c.key === "numerator" || c.key === "denominator" ? 36 : 14;
    });
  };
  table("Groups", set.groups);
  table("Elements", set.elements);
  table(
    "Indicators",
    set.indicators.map(({ thresholds, ...rest }) => ({ ...rest, thresholdGood: thresholds?.good, thresholdWarn: thresholds?.warn })),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
