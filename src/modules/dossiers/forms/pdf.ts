// The one PDF renderer of the printable forms and the pieces every form shares (Decree 30/2020 layout).
import { createRequire } from "node:module";
import path from "node:path";
import type { Column, Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { translator, type Locale, type Translate } from "../../../platform/i18n/i18n.ts";
import { formatDate, formatDateTime } from "../../../platform/i18n/format.ts";
import { lazyImport } from "../../../platform/lazy-import.ts";
import type { Applicant, FormBase, Signer } from "./forms.types.ts";

export type { Column, Content, TableCell, TDocumentDefinitions };

// pdfmake is loaded on the first PDF (lazy-import.ts). Roboto ships inside it and covers Vietnamese; registered
// once per process.
const loadPdfmake = lazyImport(async () => {
  const { default: pdfmake } = await import("pdfmake");
  const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve("pdfmake/package.json")), "fonts", "Roboto");
  pdfmake.addFonts({
    Roboto: {
      normal: path.join(fontDir, "Roboto-Regular.ttf"),
      bold: path.join(fontDir, "Roboto-Medium.ttf"),
      italics: path.join(fontDir, "Roboto-Italic.ttf"),
      bolditalics: path.join(fontDir, "Roboto-MediumItalic.ttf"),
    },
  });
  // Forms embed only data URLs and the fonts above: no network, no other file.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir + path.sep));
  return pdfmake;
});

/** Renders a document; the same definition (with its fixed creation date) gives the same bytes. */
export async function renderPdf(docDefinition: TDocumentDefinitions): Promise<Buffer> {
  // pdfkit derives the file ID from the creation date and stamps "now" without one.
  if (!(docDefinition.info?.creationDate instanceof Date)) throw new Error("renderPdf: info.creationDate is required for deterministic output");
  const doc = nfc(docDefinition) as TDocumentDefinitions;
  const pdfmake = await loadPdfmake();
  return pdfmake.createPdf(doc).getBuffer();
}

// Vietnamese typed on some keyboards arrives decomposed; Roboto's glyphs and copied text want NFC.
function nfc(v: unknown): unknown {
  if (typeof v === "string") return v.normalize("NFC");
  if (Array.isArray(v)) return v.map(nfc);
  if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nfc(x)]));
  }
  return v;
}

// A4 with Decree 30/2020 margins (left 30 mm, others 20 mm), in points.
const MM = 72 / 25.4;
const PORTRAIT_MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 20 * MM, 20 * MM];
const LANDSCAPE_MARGINS: [number, number, number, number] = [15 * MM, 15 * MM, 15 * MM, 15 * MM];

export interface FormDocumentOptions {
  base: FormBase;
  /** The form's number in Circular 03/2025 Annex I ("01" … "07"), printed top right; none for other documents. */
  formNo?: string;
  title: string;
  creationDate: Date;
  content: Content[];
  landscape?: boolean;
  fontSize?: number;
}

/** Wraps a form's body with the shared metadata, margins, styles and page numbers. */
export function formDocument(o: FormDocumentOptions): TDocumentDefinitions {
  const t = translator(o.base.locale);
  return {
    info: { title: o.title, author: o.base.agencyName, creator: "XãSố", producer: "XãSố", creationDate: o.creationDate, modDate: o.creationDate },
    pageSize: "A4",
    pageOrientation: o.landscape ? "landscape" : "portrait",
    pageMargins: o.landscape ? LANDSCAPE_MARGINS : PORTRAIT_MARGINS,
    defaultStyle: { font: "Roboto", fontSize: o.fontSize ?? 11, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 13, bold: true, alignment: "center", margin: [0, 14, 0, 10] },
      th: { bold: true, alignment: "center" },
    },
    footer: (page, pages) => (pages > 1 ? { text: t("forms.page", { page, pages }), alignment: "center", fontSize: 8, margin: [0, 10, 0, 0] } : ""),
    content: o.formNo ? [formNumber(t, o.formNo), ...o.content] : o.content,
  };
}

/** "Mẫu số 01", top right above the header, as Circular 03/2025 Annex I prints it. */
function formNumber(t: Translate, n: string): Content {
  return { text: t("forms.formNo", { n }), alignment: "right", bold: true, fontSize: 10, margin: [0, -8, 0, 4] };
}

const upper = (s: string, locale: Locale) => s.toLocaleUpperCase(locale === "vi" ? "vi-VN" : "en-GB");

/** Who issues a form: the handling agency, or the commune's one-stop desk (receipt, tracking slip, register). */
export type Issuer = "agency" | "desk";

/**
 * The issuer (with its number line) on the left, the national title and motto on the right (Decree 30/2020).
 * The agency prints its own lines only (a commune People's Committee has no governing body line above it); the
 * desk prints its People's Committee above its own name.
 */
export function nationalHeader(base: FormBase, issuer: Issuer = "agency"): Content {
  const t = translator(base.locale);
  const left: Content[] = [];
  if (issuer === "desk") {
    left.push({ text: upper(base.committeeName, base.locale) });
    left.push({ text: upper(base.deskName, base.locale), bold: true });
  } else {
    for (const line of base.agencyLines) left.push({ text: upper(line, base.locale), bold: true });
  }
  left.push(rule(60));
  if (base.documentNumber) left.push({ text: t("forms.numberLine", { number: base.documentNumber }), margin: [0, 4, 0, 0] });
  return {
    columns: [
      { width: "42%", stack: left, alignment: "center", fontSize: 10 },
      {
        width: "*",
        stack: [{ text: upper(t("forms.nation"), base.locale), bold: true, fontSize: 10 }, { text: t("forms.motto"), bold: true }, rule(150)],
        alignment: "center",
      },
    ],
    columnGap: 8,
  };
}

function rule(width: number): Content {
  return { canvas: [{ type: "line", x1: 0, y1: 2, x2: width, y2: 2, lineWidth: 0.6 }], alignment: "center", margin: [0, 0, 0, 2] };
}

/** Vietnamese date parts in Vietnam's time zone, two digits each ("09", "05", "23", "11", "2026"). */
export function dateParts(d: Date): { day: string; month: string; year: string; hour: string; minute: string } {
  const [day = "", month = "", year = ""] = formatDate(d, "vi").split("/");
  const [hour = "", minute = ""] = (formatDateTime(d, "vi").split(" ")[0] ?? "").split(":");
  return { day, month, year, hour, minute };
}

/** "Gia Phú, ngày 23 tháng 11 năm 2026", right-aligned in italics. */
export function placeDateLine(base: FormBase, d: Date): Content {
  const t = translator(base.locale);
  const p = dateParts(d);
  // Decree 30/2020: a leading zero for days below 10 and for months 1 and 2 only.
  const month = Number(p.month) < 3 ? p.month : String(Number(p.month));
  return {
    text: t("forms.placeDate", { place: base.placeName, day: p.day, month, year: p.year, date: formatDate(d, base.locale) }),
    italics: true,
    alignment: "right",
    margin: [0, 6, 0, 0],
  };
}

/** "09 giờ 05 phút, ngày 23/11/2026". */
export function timeAt(t: Translate, d: Date, locale: Locale): string {
  const p = dateParts(d);
  return t("forms.timeAt", { hour: p.hour, minute: p.minute, date: formatDate(d, locale) });
}

export function formTitle(text: string, locale: Locale): Content {
  return { text: upper(text, locale), style: "title" };
}

/** "Label: value" with the value in bold; nothing when the value is missing. */
export function field(label: string, value: string | undefined, margin: [number, number, number, number] = [0, 1, 0, 1]): Content[] {
  if (value === undefined || value === "") return [];
  return [{ text: [`${label}: `, { text: value, bold: true }], margin }];
}

/** Name, personal ID, address, phone and email, each on its line when known. */
export function applicantFields(t: Translate, a: Applicant): Content[] {
  return [
    ...field(t("forms.field.applicant"), a.name),
    ...field(t("forms.field.citizenId"), a.citizenIdNumber),
    ...field(t("forms.field.address"), a.address),
    ...field(t("forms.field.phone"), a.phone),
    ...field(t("forms.field.email"), a.email),
  ];
}

export interface SignatureBlock {
  /** "TM. Ủy ban nhân dân" or "KT. Chủ tịch", above the title. */
  capacity?: string;
  title: string;
  hint: string;
  name: string;
}

/** The agency's signer, with the seal: capacity and title as the caller decided, the head of the agency by default. */
export function agencySignature(t: Translate, s: Signer): SignatureBlock {
  return { ...(s.capacity ? { capacity: s.capacity } : {}), title: s.title ?? t("forms.signer.head"), hint: t("forms.signSealHint"), name: s.name };
}

/** Signature blocks side by side (or one on the right), with room to sign above the name. */
export function signatures(locale: Locale, blocks: SignatureBlock[]): Content {
  const one = (b: SignatureBlock): Column => ({
    stack: [
      ...(b.capacity ? [{ text: upper(b.capacity, locale), bold: true }] : []),
      { text: upper(b.title, locale), bold: true },
      { text: b.hint, italics: true, fontSize: 9 },
      { text: b.name, bold: true, margin: [0, 48, 0, 0] },
    ],
    alignment: "center",
    width: "*",
  });
  const cols: Column[] = blocks.length === 1 ? [{ text: "", width: "*" }, one(blocks[0]!)] : blocks.map(one);
  return { stack: [{ columns: cols, columnGap: 16 }], margin: [0, 12, 0, 0], unbreakable: true };
}

/** A numbered list of free-text lines ("1. …"). */
export function numbered(lines: string[]): Content {
  return { ol: lines, margin: [12, 2, 0, 4] };
}
