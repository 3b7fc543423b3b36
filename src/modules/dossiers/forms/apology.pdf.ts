// Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả, sent when a dossier runs late.
import { translator } from "../../../platform/i18n/i18n.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import type { ApologyData } from "./forms.types.ts";
import {
  agencySignature,
  field,
  formDocument,
  formTitle,
  nationalHeader,
  placeDateLine,
  renderPdf,
  signatures,
  timeAt,
  type Content,
  type TDocumentDefinitions,
} from "./pdf.ts";

export function apologyDefinition(d: ApologyData): TDocumentDefinitions {
  const t = translator(d.locale);
  const title = t("forms.apology.title");
  const agency = d.agencyName;
  const p = (text: string): Content => ({ text, margin: [0, 2, 0, 2] });

  const content: Content[] = [
    nationalHeader(d),
    placeDateLine(d, d.issuedAt),
    formTitle(title, d.locale),
    { text: t("forms.apology.to", { name: d.applicant.name }), alignment: "center", bold: true, margin: [0, 0, 0, 8] },
    ...field(t("forms.field.dossierCode"), d.dossierCode),
    p(t("forms.apology.received", { date: formatDate(d.receivedAt, d.locale), agency })),
    ...field(t("forms.field.procedure"), d.procedureName),
    ...field(t("forms.field.dueAt"), timeAt(t, d.oldDueAt, d.locale)),
    ...(d.late ? [{ text: t(`forms.apology.late.${d.late}`), bold: true, margin: [0, 2, 0, 2] } satisfies Content] : []),
    p(t("forms.apology.notYet", { agency })),
    ...field(t("forms.field.reason"), d.reason),
    p(t("forms.apology.sorry", { agency })),
    { text: t("forms.apology.newDue", { agency, at: timeAt(t, d.newDueAt, d.locale) }), bold: true, margin: [0, 2, 0, 2] },
    p(t("forms.apology.thanks")),
    signatures(d.locale, [agencySignature(t, d.signer)]),
  ];
  return formDocument({ base: d, formNo: "04", title, creationDate: d.issuedAt, content });
}

export function renderApology(d: ApologyData): Promise<Buffer> {
  return renderPdf(apologyDefinition(d));
}
