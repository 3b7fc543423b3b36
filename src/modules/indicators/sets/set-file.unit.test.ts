// Set files: every shipped set written as JSON and as XLSX reads back to the same definition, and malformed files
// are refused with a 400 naming the field or sheet.
import { describe, expect, it } from "vitest";
import { rejection } from "../../../../test/support/expect-error.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { compileSetDefinition } from "../set-definition.ts";
import { shippedSets } from "../set-store.ts";
import { readSetFile, SHEETS, writeJsonSetFile, writeXlsxSetFile } from "./set-file.ts";
import { definitionOf } from "./use-cases/sets-read.ts";

const fieldsOf = (err: AppError) => err.fields.map((f) => `${f.field} ${f.message}`);

async function workbook(edit: (wb: import("exceljs").Workbook) => void): Promise<Uint8Array> {
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  await wb.xlsx.load(Buffer.from(await writeXlsxSetFile(1, definitionOf(shippedSets()[0]!))) as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("indicator set files", () => {
  for (const s of shippedSets()) {
    it(`round-trips ${s.key} through JSON and XLSX unchanged`, async () => {
      const def = definitionOf(s);
      const json = await readSetFile(writeJsonSetFile(s.version, def));
      expect(json.version).toBe(s.version);
      expect(definitionOf({ ...compileSetDefinition(json.set), version: 1, rowId: null, provinceCode: null, shipped: false })).toEqual(def);
      const xlsx = await readSetFile(await writeXlsxSetFile(s.version, def));
      expect(xlsx.version).toBe(s.version);
      expect(definitionOf({ ...compileSetDefinition(xlsx.set), version: 1, rowId: null, provinceCode: null, shipped: false })).toEqual(def);
    });
  }

  it("writes the four documented sheets, row 1 holding the field names", async () => {
    const { default: Excel } = await import("exceljs");
    const wb = new Excel.Workbook();
    await wb.xlsx.load(Buffer.from(await writeXlsxSetFile(1, definitionOf(shippedSets()[0]!))) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.keys(SHEETS));
    expect((wb.getWorksheet("Indicators")!.getRow(1).values as unknown[]).slice(1)).toEqual(SHEETS.Indicators.map((c) => c.key));
  });

  it("refuses bad JSON, a file of another kind, a missing sheet and an unknown column, naming each", async () => {
    expect(fieldsOf(await rejection(readSetFile(new TextEncoder().encode('{"set": {'))))[0]).toMatch(/^file indicators\.sets\.file\.badJson/);
    expect(fieldsOf(await rejection(readSetFile(new TextEncoder().encode("key,name\n"))))).toEqual(["file indicators.sets.file.format"]);
    expect(fieldsOf(await rejection(readSetFile(new TextEncoder().encode('{"version": 0, "set": {}}'))))).toEqual(["version indicators.sets.file.badVersion"]);
    const noGroups = await workbook((wb) => wb.removeWorksheet(wb.getWorksheet("Groups")!.id));
    const missing = await rejection(readSetFile(noGroups));
    expect(missing.status).toBe(400);
    expect(missing.fields[0]).toMatchObject({ field: "file", message: "indicators.sets.file.missingSheet", params: { sheet: "Groups" } });
    const oddColumn = await workbook((wb) => {
      wb.getWorksheet("Indicators")!.getRow(1).getCell(20).value = "weight";
    });
    expect((await rejection(readSetFile(oddColumn))).fields[0]).toMatchObject({
      field: "indicators.header",
      params: { sheet: "Indicators", column: "weight" },
    });
  });

  it("reads an XLSX whose formula names an unknown element into a definition the check refuses at that cell's field", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.getWorksheet("Indicators")!;
      const col = SHEETS.Indicators.findIndex((c) => c.key === "denominator") + 1;
      ws.getRow(4).getCell(col).value = "dossier_recieved";
    });
    const file = await readSetFile(bytes);
    const err = await rejection(Promise.resolve().then(() => compileSetDefinition(file.set)));
    expect(err).toBeInstanceOf(AppError);
    expect(fieldsOf(err)).toEqual(["indicators.2.denominator indicators.set.unknownElement"]);
  });
});
