// The fee receipt (biên lai thu phí, lệ phí) of one payment: the desk's header, the receipt number, payer,
// dossier, the amount in figures and in words, how it was paid, and the payer's and collector's signatures.
import { translator } from "../../../platform/i18n/i18n.ts";
import { formatMoney } from "../../../platform/i18n/format.ts";
import { vndInWords } from "../../../platform/text/number-words.ts";
import type { FeeReceiptData } from "./forms.types.ts";
import {
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

export function feeReceiptDefinition(d: FeeReceiptData): TDocumentDefinitions {
  const t = translator(d.locale);
  const title = t(d.status === "exempt" ? "forms.fee.exemptTitle" : "forms.fee.title");
  const content: Content[] = [
    nationalHeader(d, "desk"),
    placeDateLine(d, d.paidAt),
    formTitle(title, d.locale),
    { text: [`${t("forms.fee.receiptNo")}: `, { text: d.receiptNo, bold: true }], alignment: "center", margin: [0, -6, 0, 10] },
    ...field(t("forms.fee.payer"), d.payer.name),
    ...field(t("forms.field.address"), d.payer.address),
    ...field(t("forms.field.dossierCode"), d.dossierCode),
    ...field(t("forms.field.procedure"), d.procedureName),
    ...field(t("forms.fee.amount"), formatMoney(d.amount, d.locale)),
    // In words, always in Vietnamese: the amount a Vietnamese receipt is read by.
    ...field(t("forms.fee.inWords"), vndInWords(d.amount)),
    ...field(t("forms.fee.method"), d.method),
    ...field(t("forms.fee.paidAt"), timeAt(t, d.paidAt, d.locale)),
    ...field(t("forms.fee.note"), d.note),
    ...(d.status === "refunded" ? [{ text: t("forms.fee.refunded"), bold: true, margin: [0, 4, 0, 0] } satisfies Content] : []),
    signatures(d.locale, [
      { title: t("forms.signer.payer"), hint: t("forms.signHint"), name: d.payer.name },
      { title: t("forms.signer.collector"), hint: t("forms.signHint"), name: d.collectorName ?? t("forms.fee.byGateway") },
    ]),
  ];
  return formDocument({ base: d, title, creationDate: d.paidAt, content });
}

export function renderFeeReceipt(d: FeeReceiptData): Promise<Buffer> {
  return renderPdf(feeReceiptDefinition(d));
}
