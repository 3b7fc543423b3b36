// Messages of the payments module: Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {
  "payments.vietqr.bin": "Mã ngân hàng (BIN) phải gồm 6 chữ số",
  "payments.vietqr.account": "Số tài khoản nhận phải gồm 1 đến 19 chữ số hoặc chữ cái không dấu",
  "payments.vietqr.amount": "Số tiền phải là số nguyên đồng, không âm, tối đa 13 chữ số",
  "payments.vietqrAlt": "Mã VietQR để chuyển khoản {amount} vào tài khoản {account}",
  "payments.webhook.missing": "Thiếu chữ ký X-XaSo-Signature",
  "payments.webhook.malformed": "Chữ ký X-XaSo-Signature sai định dạng",
  "payments.webhook.stale": "Chữ ký đã quá hạn hoặc đồng hồ lệch quá nhiều",
  "payments.webhook.mismatch": "Chữ ký không khớp với nội dung",
} as const;

export const messagesEn: Record<keyof typeof messagesVi, string> = {
  "payments.vietqr.bin": "The bank identification number (BIN) has 6 digits",
  "payments.vietqr.account": "The receiving account number has 1 to 19 digits or unaccented letters",
  "payments.vietqr.amount": "The amount is a whole, non-negative number of đồng with at most 13 digits",
  "payments.vietqrAlt": "VietQR code to transfer {amount} to account {account}",
  "payments.webhook.missing": "The X-XaSo-Signature signature is missing",
  "payments.webhook.malformed": "The X-XaSo-Signature signature is malformed",
  "payments.webhook.stale": "The signature has expired or the clocks differ too much",
  "payments.webhook.mismatch": "The signature does not match the content",
};
