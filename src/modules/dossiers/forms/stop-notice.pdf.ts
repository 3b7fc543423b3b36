// Mẫu 05: notice that the processing of a dossier has stopped, with the reason.
import { translator } from "../../../platform/i18n/i18n.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import type { StopNoticeData } from "./forms.types.ts";
import {
  agencySignature,
  applicantFields,
  field,
  formDocument,
  formTitle,
  nationalHeader,
  placeDateLine,
  renderPdf,
  signatures,
  type Content,
  type TDocumentDefinitions,
} from "./pdf.ts";

export function stopNoticeDefinition(d: StopNoticeData): TDocumentDefinitions {
  const t = translator(d.locale);
  const title = t("forms.stop.title");
  const content: Content[] = [
    nationalHeader(d),
    placeDateLine(d, d.issuedAt),
    formTitle(title, d.locale),
    ...field(t("forms.field.dossierCode"), d.dossierCode),
    { text: t("forms.stop.intro", { date: formatDate(d.receivedAt, d.locale), agency: d.agencyName }), margin: [0, 4, 0, 2] },
    ...applicantFields(t, d.applicant),
    ...field(t("forms.field.procedure"), d.procedureName),
    { text: t("forms.stop.body", { agency: d.agencyName }), margin: [0, 6, 0, 2] },
    ...field(t("forms.field.reason"), d.reason),
    { text: t("forms.stop.closing"), margin: [0, 4, 0, 0] },
    signatures(d.locale, [agencySignature(t, d.signer)]),
  ];
  return formDocument({ base: d, formNo: "05", title, creationDate: d.issuedAt, content });
}

export function renderStopNotice(d: StopNoticeData): Promise<Buffer> {
  return renderPdf(stopNoticeDefinition(d));
}
