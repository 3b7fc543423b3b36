import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { rejection } from "../../../test/support/expect-error.ts";
import { localizeField } from "../../platform/http/app-error.ts";
import { translator } from "../../platform/i18n/i18n.ts";
import { columnLetter, MAX_FILE_BYTES, parseCatalogue, parseCsv, writeCsv, writeXlsx } from "./catalogue-file.ts";
import { DEMO_CATALOGUE } from "./demo-catalogue.ts";
import { ProcedureDefinition } from "./procedures.contract.ts";

const demo = DEMO_CATALOGUE.map((d) => ProcedureDefinition.parse(d));

const csvText = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
const csvBytes = (text: string) => new TextEncoder().encode(text);

describe("catalogue file", () => {
  it("has at least 12 valid demo procedures with distinct codes", () => {
    expect(demo.length).toBeGreaterThanOrEqual(12);
    expect(new Set(demo.map((d) => d.code)).size).toBe(demo.length);
  });

  it("round-trips the demo catalogue through XLSX and CSV unchanged", async () => {
    expect(await parseCatalogue(await writeXlsx(demo), "xlsx")).toEqual(demo);
    expect(await parseCatalogue(writeCsv(demo), "csv")).toEqual(demo);
  });

  it("keeps codes as text in the workbook, so a trailing zero survives", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeXlsx(demo)) as unknown as ArrayBuffer);
    const codes: unknown[] = [];
    wb.getWorksheet("procedures")!
      .getColumn(1)
      .eachCell((cell) => void codes.push(cell.value));
    expect(codes).toContain("2.000635");
    expect(codes.every((c) => typeof c === "string")).toBe(true);
  });

  it("names the sheet, row and column of each bad cell, in the reader's language", async () => {
    const text = csvText(writeCsv(demo.slice(0, 2)));
    const lines = text.split("\r\n");
    // Break the copies of the first document row and the role of the first step row.
    const docLine = lines.findIndex((l) => l.startsWith("documents,1.001193,declaration"));
    lines[docLine] = lines[docLine]!.replace(/,1,original,/, ",many,original,");
    const stepLine = lines.findIndex((l) => l.startsWith("steps,1.001193,review"));
    lines[stepLine] = lines[stepLine]!.replace("specialist", "clerk");
    const err = await rejection(parseCatalogue(csvBytes(lines.join("\r\n")), "csv"));
    expect(err.status).toBe(400);
    // The line a text editor shows: quoted legal-basis cells span several lines.
    const lineOf = (record: number) => lines.slice(0, record).join("\r\n").split("\n").length + 1;
    // CSV column A is the sheet name, so "copies" (4th column of documents) is E.
    expect(err.fields.map((f) => f.field)).toEqual([`documents!E${lineOf(docLine)}`, `steps!E${lineOf(stepLine)}`]);
    expect(localizeField(err.fields[0]!, translator("vi"))).toContain(`documents!E${lineOf(docLine)}`);
    expect(localizeField(err.fields[1]!, translator("en"))).toMatch(/steps!E\d+.*one of/);
  });

  it("reports XLSX cells by their worksheet address", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeXlsx(demo.slice(0, 1))) as unknown as ArrayBuffer);
    wb.getWorksheet("fees")!.getCell("D2").value = -5;
    wb.getWorksheet("procedures")!.getCell("E2").value = "sometimes";
    const err = await rejection(parseCatalogue(new Uint8Array(await wb.xlsx.writeBuffer()), "xlsx"));
    expect(err.fields.map((f) => f.field).sort()).toEqual(["fees!D2", "procedures!E2"]);
  });

  it("refuses rows of unknown procedures, repeated codes, missing sheets and columns", async () => {
    const text = csvText(writeCsv(demo.slice(0, 1)));
    const orphan = `${text}documents,9.999999,x,Giấy tờ lạc,1,original,true,false,,\r\nprocedures,${text.split("\r\n")[1]!.slice("procedures,".length)}\r\n`;
    const err = await rejection(parseCatalogue(csvBytes(orphan), "csv"));
    expect(err.fields.map((f) => f.message)).toEqual(expect.arrayContaining(["procedures.import.unknownProcedure", "procedures.import.duplicateCode"]));
    const noFees = text
      .split("\r\n")
      .filter((l) => !l.startsWith("fees,"))
      .join("\r\n");
    expect((await rejection(parseCatalogue(csvBytes(noFees), "csv"))).fields).toEqual([
      expect.objectContaining({ field: "fees", message: "procedures.import.missingSheet" }),
    ]);
    const noName = text.replace("procedures,code,name,", "procedures,code,title,");
    expect((await rejection(parseCatalogue(csvBytes(noName), "csv"))).fields).toEqual([
      expect.objectContaining({ field: "procedures!A1", params: { column: "name" } }),
    ]);
  });

  it("refuses unreadable and oversized files", async () => {
    expect((await rejection(parseCatalogue(csvBytes("not a zip"), "xlsx"))).fields[0]).toMatchObject({
      field: "file",
      message: "procedures.import.unreadable",
    });
    expect((await rejection(parseCatalogue(new Uint8Array([0xff, 0xfe, 0x00]), "csv"))).fields[0]?.message).toBe("procedures.import.unreadable");
    expect((await rejection(parseCatalogue(new Uint8Array(MAX_FILE_BYTES + 1), "csv"))).status).toBe(413);
  });

  it("parses quoted CSV cells spanning lines and remembers where each record starts", () => {
    expect(parseCsv('\uFEFFa,"b\nc",d\r\n\r\ne,"f ""g"""\n')).toEqual([
      { line: 1, cells: ["a", "b\nc", "d"] },
      { line: 4, cells: ["e", 'f "g"'] },
    ]);
  });

  it("letters columns like a spreadsheet", () => {
    expect([1, 26, 27, 52].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ"]);
  });
});
