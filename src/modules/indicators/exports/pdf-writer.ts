// The printable report in the administrative layout of Decree 30/2020: the issuing People's Committee (for a commune
// no governing body line above it, since 2025) with the number line on the left, the national name and motto on the
// right, the place and date, the title "BÁO CÁO / Kết quả chuyển đổi số …", a table per set, then the recipients
// ("Nơi nhận") and the signer block "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH". pdfmake is loaded when a report is asked
// for; Roboto (shipped inside pdfmake) covers Vietnamese.
import { createRequire } from "node:module";
import path from "node:path";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import type { UnitRef } from "../indicators.repository.ts";
import { periodWords, statusText, t, unitLabel, vnNumber } from "./report-text.ts";
import type { ReportData } from "./use-cases/exports-build.ts";

export const PDF_MEDIA_TYPE = "application/pdf";

type PdfMake = typeof import("pdfmake");
let loaded: Promise<PdfMake> | null = null;

function pdfmake(): Promise<PdfMake> {
  loaded ??= import("pdfmake").then((mod) => {
    // CommonJS: the module itself under ESM interop.
    const pm = ((mod as { default?: PdfMake }).default ?? mod) as PdfMake;
    const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve("pdfmake/package.json")), "fonts", "Roboto");
    pm.addFonts({
      Roboto: {
        normal: path.join(fontDir, "Roboto-Regular.ttf"),
        bold: path.join(fontDir, "Roboto-Medium.ttf"),
        italics: path.join(fontDir, "Roboto-Italic.ttf"),
        bolditalics: path.join(fontDir, "Roboto-MediumItalic.ttf"),
      },
    });
    // The report embeds nothing but these fonts: no network, no other file.
    pm.setUrlAccessPolicy(() => false);
    pm.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir + path.sep));
    return pm;
  });
  return loaded;
}

const MM = 72 / 25.4;
const upper = (s: string) => s.toLocaleUpperCase("vi-VN");
/** "Xã Gia Phú" → "Gia Phú": the place written before the date. */
const placeName = (u: UnitRef) => u.name.replace(/^(Xã|Phường|Đặc khu|Tỉnh|Thành phố|Thôn|Bản|Tổ dân phố|Làng|Ấp|Khu phố)\s+/u, "");

function rule(width: number, margin: [number, number, number, number] = [0, 0, 0, 2]): Content {
  return { canvas: [{ type: "line", x1: 0, y1: 2, x2: width, y2: 2, lineWidth: 0.6 }], alignment: "center", margin };
}

/** The committee that issues the report: the unit's own, or for a village its commune's. */
export type Issuer = { committee: UnitRef };

function header(issuer: Issuer, day: string): Content[] {
  const [y, m, d] = day.split("-");
  return [
    {
      columns: [
        {
          width: "42%",
          alignment: "center",
          fontSize: 11,
          stack: [
            { text: upper(t("indicators.exports.pdf.committee")) },
            { text: upper(issuer.committee.name), bold: true },
            rule(60),
            { text: t("indicators.exports.pdf.numberLine"), margin: [0, 4, 0, 0] },
          ],
        },
        {
          width: "*",
          alignment: "center",
          stack: [{ text: t("indicators.exports.pdf.nation"), bold: true, fontSize: 11 }, { text: t("indicators.exports.pdf.motto"), bold: true }, rule(150)],
        },
      ],
      columnGap: 8,
    },
    {
      text: t("indicators.exports.pdf.placeDate", { place: placeName(issuer.committee), day: d ?? "", month: m ?? "", year: y ?? "" }),
      italics: true,
      alignment: "right",
      margin: [0, 8, 0, 0],
    },
  ];
}

const num = (x: number | null) => (x === null ? "" : vnNumber(x));

function setTable(r: ReportData["results"][number], showUnit: boolean): Content {
  const body: TableCell[][] = [
    [
      { text: t("indicators.exports.pdf.no"), style: "th" },
      { text: t("indicators.exports.pdf.indicator"), style: "th" },
      { text: t("indicators.exports.pdf.unit"), style: "th" },
      { text: t("indicators.exports.pdf.result"), style: "th" },
      { text: t("indicators.exports.pdf.numDen"), style: "th" },
      { text: t("indicators.exports.pdf.target"), style: "th" },
      { text: t("indicators.exports.pdf.assessment"), style: "th" },
    ],
  ];
  const names = new Map(r.set.compiled.map((i) => [i.key, i] as const));
  for (const row of r.rows) {
    if (showUnit) body.push([{ text: row.unit.name, colSpan: 7, bold: true }, "", "", "", "", "", ""]);
    row.indicators.forEach((v, i) => {
      const ind = names.get(v.key)!;
      body.push([
        { text: String(i + 1), alignment: "center" },
        ind.name,
        { text: unitLabel(ind), alignment: "center" },
        { text: v.status === "ok" ? num(v.value) : statusText(v), alignment: v.status === "ok" ? "right" : "left", italics: v.status !== "ok" },
        { text: v.numerator === null ? "" : v.denominator === null ? num(v.numerator) : `${num(v.numerator)} / ${num(v.denominator)}`, alignment: "right" },
        { text: num(v.target), alignment: "right" },
        v.colour ? t(`indicators.colour.${v.colour}`) : "",
      ]);
    });
    if (r.set.index && row.index !== null)
      body.push([
        "",
        { text: t("indicators.exports.pdf.indexTotal"), bold: true },
        { text: t("indicators.unit.points"), alignment: "center" },
        { text: num(row.index), bold: true, alignment: "right" },
        { text: t("indicators.exports.pdf.ofMax", { max: num(row.indexMax) }), alignment: "right" },
        "",
        "",
      ]);
  }
  return {
    table: { headerRows: 1, widths: [20, "*", 34, 50, 62, 40, 52], body, dontBreakRows: true },
    layout: { paddingLeft: () => 3, paddingRight: () => 3 },
    fontSize: 9.5,
    margin: [0, 4, 0, 10],
  };
}

export async function writeReportPdf(data: ReportData, issuer: Issuer): Promise<Buffer> {
  const day = toLocalDay(data.generatedAt);
  const subject = data.unit.code === issuer.committee.code ? "" : ` ${t("indicators.exports.pdf.of", { unit: data.unit.name })}`;
  const title = t("indicators.exports.pdf.title", { period: periodWords(data.period) }) + subject;
  const content: Content[] = [
    ...header(issuer, day),
    { text: t("indicators.exports.pdf.report"), style: "title", margin: [0, 14, 0, 0] },
    { text: title, bold: true, alignment: "center", margin: [0, 2, 0, 0] },
    rule(120, [0, 2, 0, 10]),
    {
      text: t("indicators.exports.pdf.intro", { period: periodWords(data.period), start: fmt(data.period.start), end: fmt(data.period.end) }),
      margin: [0, 0, 0, 8],
    },
  ];
  data.results.forEach((r, i) => {
    content.push({ text: `${roman(i + 1)}. ${r.set.name}`, bold: true, margin: [0, 6, 0, 2] });
    content.push(setTable(r, data.by === "children"));
  });
  content.push({ text: t("indicators.exports.pdf.note"), italics: true, fontSize: 9, margin: [0, 0, 0, 12] });
  content.push({
    unbreakable: true,
    columns: [
      {
        width: "50%",
        fontSize: 9,
        stack: [
          { text: t("indicators.exports.pdf.recipients"), bold: true, italics: true, fontSize: 10 },
          t("indicators.exports.pdf.recipientProvince"),
          t("indicators.exports.pdf.recipientArchive"),
        ],
      },
      {
        width: "*",
        alignment: "center",
        stack: [
          { text: t("indicators.exports.pdf.onBehalf"), bold: true },
          { text: t("indicators.exports.pdf.chair"), bold: true },
          { text: t("indicators.exports.pdf.signHint"), italics: true, fontSize: 9, margin: [0, 2, 0, 50] },
        ],
      },
    ],
  });
  const doc: TDocumentDefinitions = {
    info: { title, author: issuer.committee.name, creator: "XãSố", producer: "XãSố", creationDate: data.generatedAt, modDate: data.generatedAt },
    pageSize: "A4",
    // Decree 30/2020: left 30 mm, others 20 mm.
    pageMargins: [30 * MM, 20 * MM, 20 * MM, 20 * MM],
    defaultStyle: { font: "Roboto", fontSize: 11, lineHeight: 1.15 },
    styles: { title: { fontSize: 13, bold: true, alignment: "center" }, th: { bold: true, alignment: "center" } },
    footer: (page, pages) => (pages > 1 ? { text: `${page}/${pages}`, alignment: "center", fontSize: 8, margin: [0, 10, 0, 0] } : ""),
    content: nfc(content) as Content[],
  };
  return (await pdfmake()).createPdf(doc).getBuffer();
}

const fmt = (day: string) => day.split("-").reverse().join("/");
const roman = (n: number) => ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n - 1] ?? String(n);

// Names typed on some keyboards arrive decomposed; Roboto's glyphs and copied text want NFC.
function nfc(v: unknown): unknown {
  if (typeof v === "string") return v.normalize("NFC");
  if (Array.isArray(v)) return v.map(nfc);
  if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nfc(x)]));
  return v;
}
