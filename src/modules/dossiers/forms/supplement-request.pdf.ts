// Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: what is missing, why, and whom to ask.
import { translator } from "../../../platform/i18n/i18n.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import type { SupplementRequestData } from "./forms.types.ts";
import {
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

export function supplementRequestDefinition(d: SupplementRequestData): TDocumentDefinitions {
  const t = translator(d.locale);
  const title = t("forms.supplement.title");
  const contact = [
    d.contact.name,
    d.contact.phone ? t("forms.contact.phone", { phone: d.contact.phone }) : "",
    d.contact.email ? t("forms.contact.email", { email: d.contact.email }) : "",
  ]
    .filter(Boolean)
    .join(", ");

  const items: Content = {
    table: {
      headerRows: 1,
      widths: [28, "*", "*"],
      body: [
        [t("forms.docs.no"), t("forms.supplement.what"), t("forms.field.reason")].map((h) => ({ text: h, style: "th" })),
        ...d.items.map((it, i) => [{ text: String(i + 1), alignment: "center" as const }, it.what, it.reason]),
      ],
    },
    fontSize: 10,
    margin: [0, 2, 0, 6],
  };

  const content: Content[] = [
    nationalHeader(d, "desk"),
    placeDateLine(d, d.issuedAt),
    formTitle(title, d.locale),
    ...field(t("forms.field.dossierCode"), d.dossierCode),
    { text: t("forms.supplement.intro", { date: formatDate(d.receivedAt, d.locale), desk: d.deskName }), margin: [0, 4, 0, 2] },
    ...applicantFields(t, d.applicant),
    ...field(t("forms.field.procedure"), d.procedureName),
    { text: t("forms.supplement.heading"), margin: [0, 6, 0, 2] },
    items,
    { text: t("forms.supplement.contact", { contact }), margin: [0, 4, 0, 0] },
    signatures(d.locale, [{ title: t("forms.signer.guide"), hint: t("forms.signHint"), name: d.officerName }]),
  ];
  return formDocument({ base: d, formNo: "02", title, creationDate: d.issuedAt, content });
}

export function renderSupplementRequest(d: SupplementRequestData): Promise<Buffer> {
  return renderPdf(supplementRequestDefinition(d));
}
