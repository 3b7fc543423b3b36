// Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả, handed to the applicant at intake.
import { translator } from "../../../platform/i18n/i18n.ts";
import { formatMoney, formatNumber } from "../../../platform/i18n/format.ts";
import type { ReceiptData } from "./forms.types.ts";
import {
  applicantFields,
  field,
  formDocument,
  formTitle,
  nationalHeader,
  placeDateLine,
  renderPdf,
  signatures,
  timeAt,
  type Column,
  type Content,
  type TDocumentDefinitions,
} from "./pdf.ts";

// Small enough to keep the receipt on one page, large enough for a phone camera.
const QR_SIZE = 76;
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/=]+$/;

export function receiptDefinition(d: ReceiptData): TDocumentDefinitions {
  const t = translator(d.locale);
  const title = t("forms.receipt.title");
  const pad2 = (n: number) => String(n).padStart(2, "0");

  const docs: Content = {
    table: {
      headerRows: 1,
      widths: [28, "*", 120, 50],
      body: [
        [t("forms.docs.no"), t("forms.docs.name"), t("forms.docs.kind"), t("forms.docs.copies")].map((h) => ({ text: h, style: "th" })),
        ...d.documents.map((doc, i) => [
          { text: String(i + 1), alignment: "center" as const },
          doc.name,
          { text: t(`forms.docs.kind.${doc.kind}`), alignment: "center" as const },
          { text: formatNumber(doc.copies, d.locale), alignment: "center" as const },
        ]),
      ],
    },
    fontSize: 10,
    margin: [0, 2, 0, 6],
  };

  // Where the result is collected: the desk by its name and address, an address by post, or online.
  const delivery =
    d.delivery.method === "post"
      ? t("forms.delivery.post", { address: d.delivery.address ?? d.applicant.address ?? "" })
      : d.delivery.method === "online"
        ? t("forms.delivery.online")
        : d.delivery.deskAddress
          ? t("forms.delivery.deskAt", { desk: d.deskName, address: d.delivery.deskAddress })
          : t("forms.delivery.desk", { desk: d.deskName });

  // QR codes: the public status page always, VietQR only when a fee is due and the caller made one.
  const qrs: Column[] = [];
  const feeQr = d.fee && d.fee.amount > 0 ? d.fee.qrPngDataUrl : undefined;
  if (feeQr !== undefined) {
    if (!PNG_DATA_URL.test(feeQr)) throw new Error("receipt: fee.qrPngDataUrl must be a PNG data URL");
    qrs.push({
      stack: [
        { image: feeQr, fit: [QR_SIZE, QR_SIZE], alignment: "center" },
        { text: t("forms.receipt.feeQr"), fontSize: 8, alignment: "center" },
      ],
      width: "*",
    });
  }
  qrs.push({
    stack: [
      { qr: d.statusUrl, fit: QR_SIZE, eccLevel: "M", alignment: "center" },
      { text: t("forms.receipt.statusQr"), fontSize: 8, alignment: "center" },
      { text: d.statusUrl, fontSize: 7, alignment: "center", color: "#333333" },
    ],
    width: "*",
  });

  const content: Content[] = [
    nationalHeader(d, "desk"),
    placeDateLine(d, d.receivedAt),
    formTitle(title, d.locale),
    { text: [`${t("forms.field.dossierCode")}: `, { text: d.dossierCode, bold: true }], alignment: "center", margin: [0, -6, 0, 10] },
    { text: t("forms.receipt.intro", { desk: d.deskName }), margin: [0, 0, 0, 2] },
    ...applicantFields(t, d.applicant),
    ...field(t("forms.field.authorisedPerson"), d.authorisedPerson),
    ...field(t("forms.field.procedure"), d.procedureName),
    { text: t("forms.docs.heading"), margin: [0, 4, 0, 2] },
    docs,
    ...field(t("forms.field.sets"), t("forms.setsValue", { n: pad2(d.sets ?? 1) })),
    ...field(t("forms.field.duration"), t(`forms.duration.${d.duration.unit}`, { n: formatNumber(d.duration.amount, d.locale) })),
    ...field(t("forms.field.receivedAt"), timeAt(t, d.receivedAt, d.locale)),
    ...field(t("forms.field.dueAt"), timeAt(t, d.dueAt, d.locale)),
    ...(d.newDueAt ? [{ text: t("forms.newDueAt", { at: timeAt(t, d.newDueAt, d.locale) }), bold: true, margin: [0, 1, 0, 1] } satisfies Content] : []),
    ...field(t("forms.field.delivery"), delivery),
    ...field(t("forms.field.channel"), t(`forms.channel.${d.channel}`)),
    ...(d.fee && d.fee.amount > 0 ? field(t("forms.field.fee"), formatMoney(d.fee.amount, d.locale)) : []),
    { text: t("forms.receipt.register", { volume: d.registerVolume, number: d.registerNumber ?? "…" }), italics: true, margin: [0, 6, 0, 4] },
    { columns: qrs, columnGap: 16 },
    signatures(d.locale, [
      { title: t("forms.signer.applicant"), hint: t("forms.signHint"), name: d.applicant.name },
      { title: t("forms.signer.receivingOfficer"), hint: t("forms.signHint"), name: d.officerName },
    ]),
  ];
  // One page with the header, a long document list and both QR codes: a point smaller than the notices.
  return formDocument({ base: d, formNo: "01", title, creationDate: d.receivedAt, content, fontSize: 10 });
}

export function renderReceipt(d: ReceiptData): Promise<Buffer> {
  return renderPdf(receiptDefinition(d));
}
