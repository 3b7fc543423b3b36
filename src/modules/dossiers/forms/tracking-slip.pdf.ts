// Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per hand-over, judged against its step deadline.
import { translator } from "../../../platform/i18n/i18n.ts";
import type { TrackingSlipData } from "./forms.types.ts";
import {
  applicantFields,
  field,
  formDocument,
  formTitle,
  nationalHeader,
  placeDateLine,
  renderPdf,
  timeAt,
  type Content,
  type TDocumentDefinitions,
} from "./pdf.ts";

export function trackingSlipDefinition(d: TrackingSlipData): TDocumentDefinitions {
  const t = translator(d.locale);
  const title = t("forms.tracking.title");
  const center = "center" as const;

  const rows = d.rows.map((r, i) => [
    { text: String(i + 1), alignment: center },
    { stack: [t("forms.tracking.from", { name: r.from }), t("forms.tracking.to", { name: r.to })] },
    { text: timeAt(t, r.at, d.locale) },
    {
      stack: [
        r.outcome ? { text: t(`forms.outcome.${r.outcome}`), bold: true } : "",
        r.stepDueAt ? { text: t("forms.tracking.stepDue", { at: timeAt(t, r.stepDueAt, d.locale) }), fontSize: 8, color: "#333333" } : "",
      ],
      alignment: center,
    },
    { text: r.note ?? "" },
  ]);
  const table: Content = {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [24, "*", 92, 100, 70],
      body: [
        [t("forms.docs.no"), t("forms.tracking.parties"), t("forms.tracking.time"), t("forms.tracking.result"), t("forms.tracking.note")].map((h) => ({
          text: h,
          style: "th",
        })),
        ...rows,
      ],
    },
    fontSize: 9,
    margin: [0, 6, 0, 0],
  };

  const content: Content[] = [
    nationalHeader(d, "desk"),
    placeDateLine(d, d.printedAt),
    formTitle(title, d.locale),
    ...field(t("forms.field.dossierCode"), d.dossierCode),
    ...field(t("forms.field.procedure"), d.procedureName),
    ...applicantFields(t, d.applicant),
    ...field(t("forms.field.processingUnit"), d.processingUnit),
    ...field(t("forms.field.coordinatingUnits"), d.coordinatingUnits?.join("; ")),
    ...field(t("forms.field.receivedAt"), timeAt(t, d.receivedAt, d.locale)),
    ...field(t("forms.field.dueAt"), timeAt(t, d.dueAt, d.locale)),
    ...(d.newDueAt ? [{ text: t("forms.newDueAt", { at: timeAt(t, d.newDueAt, d.locale) }), bold: true, margin: [0, 1, 0, 1] } satisfies Content] : []),
    d.rows.length > 0 ? table : { text: t("forms.tracking.empty"), italics: true, margin: [0, 6, 0, 0] },
  ];
  return formDocument({ base: d, formNo: "06", title, creationDate: d.printedAt, content });
}

export function renderTrackingSlip(d: TrackingSlipData): Promise<Buffer> {
  return renderPdf(trackingSlipDefinition(d));
}
