import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildZip, deflatedZeros } from "../../../test/support/zip-factories.ts";
import { checkZip, type ZipLimits } from "./zip-limits.ts";

const MB = 1024 * 1024;
const LIMITS: ZipLimits = { maxEntries: 50, maxEntryBytes: 16 * MB, maxTotalBytes: 32 * MB, maxRatio: 100 };
const xml = (n: number) => new TextEncoder().encode(`<?xml version="1.0"?><root>${"<row><c>Đăng ký khai sinh</c></row>".repeat(n)}</root>`);

describe("zip limits", () => {
  let bomb: Awaited<ReturnType<typeof deflatedZeros>>;
  beforeAll(async () => {
    bomb = await deflatedZeros(200 * MB);
  });

  it("accepts a workbook as exceljs writes it, listing its parts", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("procedures").addRow(["code", "name"]);
    const check = checkZip(new Uint8Array(await wb.xlsx.writeBuffer()), LIMITS);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.entries.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
  });

  it("refuses a part that declares 200 MB of zeros, from the directory alone", () => {
    expect(bomb.bytes.length).toBeLessThan(MB);
    expect(checkZip(buildZip([{ name: "xl/worksheets/sheet1.xml", deflated: bomb }]), LIMITS)).toEqual({
      ok: false,
      problem: "entryTooLarge",
      entry: "xl/worksheets/sheet1.xml",
      bytes: 200 * MB,
    });
  });

  it("refuses a part that lies about its size, inflating no more than it declared", () => {
    const liar = buildZip([{ name: "xl/sharedStrings.xml", deflated: bomb, declaredSize: 1000 }]);
    expect(checkZip(liar, LIMITS)).toEqual({ ok: false, problem: "malformed" });
  });

  it("refuses parts compressed far more tightly than XML is, too many parts, and too much in all", async () => {
    const tight = await deflatedZeros(4 * MB);
    expect(checkZip(buildZip([{ name: "xl/styles.xml", deflated: tight }]), LIMITS)).toMatchObject({ ok: false, problem: "ratio", entry: "xl/styles.xml" });
    const many = buildZip(Array.from({ length: 51 }, (_, i) => ({ name: `p${i}.xml`, data: xml(1) })));
    expect(checkZip(many, LIMITS)).toEqual({ ok: false, problem: "tooManyEntries", entries: 51 });
    const part = xml(300_000); // ~10 MB of varied-enough XML, under the ratio
    const three = buildZip([0, 1, 2].map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, data: part })));
    expect(checkZip(three, { ...LIMITS, maxRatio: 10_000 })).toMatchObject({ ok: false, problem: "tooLarge" });
  });

  it("calls anything else malformed: not a zip, cut short, or a directory pointing elsewhere", () => {
    const good = buildZip([{ name: "a.xml", data: xml(10) }]);
    expect(checkZip(new TextEncoder().encode("code,name\n1,2\n"), LIMITS)).toEqual({ ok: false, problem: "malformed" });
    expect(checkZip(good.subarray(0, good.length - 5), LIMITS)).toEqual({ ok: false, problem: "malformed" });
    const shifted = Uint8Array.from(good);
    new DataView(shifted.buffer).setUint32(shifted.length - 6, 7, true); // the directory's offset
    expect(checkZip(shifted, LIMITS)).toEqual({ ok: false, problem: "malformed" });
    expect(checkZip(good, LIMITS).ok).toBe(true);
  });
});
