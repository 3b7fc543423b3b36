// Mẫu 03: Phiếu từ chối tiếp nhận, giải quyết hồ sơ, with the specific reasons.
import { translator } from "../../../platform/i18n/i18n.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import type { RefusalData } from "./forms.types.ts";
import {
  agencySignature,
  applicantFields,
  field,
  formDocument,
  formTitle,
  nationalHeader,
  numbered,
  placeDateLine,
  renderPdf,
  signatures,
  type Content,
  type TDocumentDefinitions,
} from "./pdf.ts";

export function refusalDefinition(d: RefusalData): TDocumentDefinitions {
  const t = translator(d.locale);
  const title = t("forms.refusal.title");
  const intro = d.receivedAt
    ? t("forms.refusal.introReceived", { date: formatDate(d.receivedAt, d.locale), desk: d.deskName })
    : t("forms.refusal.intro", { desk: d.deskName });
  // Refused at the desk: the receiving officer signs; refused later: the head of the agency, with the seal.
  const signer =
    d.stage === "intake"
      ? { title: d.signer.title ?? t("forms.signer.receivingOfficer"), hint: t("forms.signHint"), name: d.signer.name }
      : agencySignature(t, d.signer);

  const content: Content[] = [
    nationalHeader(d, d.stage === "intake" ? "desk" : "agency"),
    placeDateLine(d, d.issuedAt),
    formTitle(title, d.locale),
    ...field(t("forms.field.dossierCode"), d.dossierCode),
    { text: intro, margin: [0, 4, 0, 2] },
    ...applicantFields(t, d.applicant),
    ...field(t("forms.field.procedure"), d.procedureName),
    { text: t("forms.refusal.heading", { agency: d.agencyName }), margin: [0, 6, 0, 2] },
    numbered(d.reasons),
    { text: t("forms.refusal.closing"), margin: [0, 4, 0, 0] },
    signatures(d.locale, [signer]),
  ];
  return formDocument({ base: d, formNo: "03", title, creationDate: d.issuedAt, content });
}

export function renderRefusal(d: RefusalData): Promise<Buffer> {
  return renderPdf(refusalDefinition(d));
}
