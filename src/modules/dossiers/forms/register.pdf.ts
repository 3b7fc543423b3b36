// Mẫu 07: Sổ theo dõi hồ sơ, landscape, for one unit over a period.
import { translator } from "../../../platform/i18n/i18n.ts";
import { formatDate, formatDateTime } from "../../../platform/i18n/format.ts";
import type { RegisterData } from "./forms.types.ts";
import { formDocument, formTitle, nationalHeader, renderPdf, type Content, type TableCell, type TDocumentDefinitions } from "./pdf.ts";

export function registerDefinition(d: RegisterData): TDocumentDefinitions {
  const t = translator(d.locale);
  const title = t("forms.register.title");
  const day = (x: Date | null) => (x ? formatDate(x, d.locale) : "");
  const th = (text: string, extra: Partial<{ rowSpan: number; colSpan: number }> = {}): TableCell => ({ text, style: "th", ...extra });

  // Two header rows: the five dates share one "Ngày, tháng, năm" heading, as in the printed register.
  const head1: TableCell[] = [
    th(t("forms.register.no"), { rowSpan: 2 }),
    th(t("forms.register.code"), { rowSpan: 2 }),
    th(t("forms.register.procedure"), { rowSpan: 2 }),
    th(t("forms.register.applicant"), { rowSpan: 2 }),
    th(t("forms.register.addressPhone"), { rowSpan: 2 }),
    th(t("forms.register.dates"), { colSpan: 5 }),
    {},
    {},
    {},
    {},
    th(t("forms.register.channel"), { rowSpan: 2 }),
    th(t("forms.register.note"), { rowSpan: 2 }),
  ];
  const head2: TableCell[] = [
    {},
    {},
    {},
    {},
    {},
    th(t("forms.register.received")),
    th(t("forms.register.due")),
    th(t("forms.register.sent")),
    th(t("forms.register.result")),
    th(t("forms.register.returned")),
    {},
    {},
  ];
  const body: TableCell[][] = d.rows.map((r) => [
    { text: r.number === null ? "" : String(r.number), alignment: "center" },
    r.dossierCode,
    r.procedureName,
    r.applicantName,
    [r.address, r.phone].filter(Boolean).join("; "),
    formatDateTime(r.receivedAt, d.locale),
    r.newDueAt
      ? { stack: [formatDateTime(r.dueAt, d.locale), { text: t("forms.newDueAt", { at: formatDateTime(r.newDueAt, d.locale) }), bold: true }] }
      : formatDateTime(r.dueAt, d.locale),
    { stack: [day(r.sentToUnitAt), r.sentToUnitAt && r.processingUnit ? { text: r.processingUnit, fontSize: 7 } : ""] },
    day(r.resultAt),
    day(r.returnedAt),
    t(`forms.channelShort.${r.channel}`),
    r.note ?? "",
  ]);
  if (body.length === 0)
    body.push([{ text: t("forms.register.empty"), colSpan: 12, italics: true, alignment: "center" }, ...Array.from({ length: 11 }, () => ({}))]);

  const sub = [d.unitName, t("forms.register.period", { from: formatDate(d.periodFrom, d.locale), to: formatDate(d.periodTo, d.locale) })];
  if (d.volume) sub.push(t("forms.register.volume", { volume: d.volume }));

  const content: Content[] = [
    nationalHeader(d, "desk"),
    formTitle(title, d.locale),
    { text: sub.join(" – "), alignment: "center", margin: [0, -6, 0, 8] },
    {
      // Twelve columns on a landscape page: narrow padding, and the dossier code kept on one line.
      table: { headerRows: 2, dontBreakRows: true, widths: [18, 94, "*", 70, 80, 44, 44, 56, 44, 44, 38, 50], body: [head1, head2, ...body] },
      layout: { paddingLeft: () => 3, paddingRight: () => 3 },
      fontSize: 7,
    },
  ];
  return formDocument({ base: d, formNo: "07", title, creationDate: d.printedAt, content, landscape: true, fontSize: 10 });
}

export function renderRegister(d: RegisterData): Promise<Buffer> {
  return renderPdf(registerDefinition(d));
}
