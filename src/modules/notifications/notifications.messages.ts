// Messages of the notifications module: Vietnamese first; English must have every key (the type checks it).
// SMS texts are written with diacritics like the rest and folded to GSM-7 when sent (see sms-text.ts); the
// dossier code and status link are put before them by the template, so they survive shortening.
export const messagesVi = {
  "notifications.sms.dossier": "Hồ sơ {dossierCode}",
  // Optional parts, each a whole sentence (or phrase with its leading space) so a missing value leaves no hole.
  "notifications.procedure.sms": " {procedureName}",
  "notifications.procedure.email": " ({procedureName})",
  "notifications.due": "Hẹn trả kết quả ngày {dueAt}.",
  "notifications.newDue": "Ngày hẹn trả kết quả mới: {newDueAt}.",
  "notifications.items": "Cần bổ sung: {items}.",
  "notifications.itemsNone": "Cần bổ sung giấy tờ.",
  "notifications.itemsTitle": "Giấy tờ cần bổ sung:",
  "notifications.reasons": "Lý do: {items}.",
  "notifications.reasonsTitle": "Lý do:",
  "notifications.email.greeting": "Kính gửi Ông/Bà,",
  "notifications.email.statusLink": "Tra cứu tình trạng hồ sơ: {statusUrl}",
  "notifications.email.closing": "Trân trọng,",
  "notifications.email.sender": "Bộ phận Một cửa – {communeName}",
  "notifications.email.senderDefault": "Bộ phận Một cửa",
  "notifications.email.automatic": "Thư này được gửi tự động, xin Ông/Bà vui lòng không trả lời thư này.",

  "notifications.dossierSubmitted.sms": "Đã nhận hồ sơ{procedure} nộp trực tuyến. Cán bộ sẽ kiểm tra và thông báo tiếp nhận.",
  "notifications.dossierSubmitted.subject": "Đã nhận hồ sơ trực tuyến {dossierCode}",
  "notifications.dossierSubmitted.body":
    "Hệ thống đã nhận hồ sơ {dossierCode}{procedure} Ông/Bà nộp trực tuyến. Cán bộ sẽ kiểm tra và thông báo cho Ông/Bà khi hồ sơ được tiếp nhận hoặc cần bổ sung.",

  "notifications.dossierReceived.sms": "Đã tiếp nhận hồ sơ{procedure}.",
  "notifications.dossierReceived.subject": "Hồ sơ {dossierCode} đã được tiếp nhận",
  "notifications.dossierReceived.body": "Hồ sơ {dossierCode}{procedure} của Ông/Bà đã được tiếp nhận.",

  "notifications.supplementRequested.sms": "Hồ sơ được giải quyết tiếp khi nhận đủ giấy tờ.",
  "notifications.supplementRequested.subject": "Hồ sơ {dossierCode} cần bổ sung giấy tờ",
  "notifications.supplementRequested.body":
    "Hồ sơ {dossierCode}{procedure} của Ông/Bà cần bổ sung, hoàn thiện giấy tờ. Hồ sơ sẽ được giải quyết tiếp khi nhận đủ giấy tờ bổ sung.",

  "notifications.resultReady.sms": "Đã có kết quả hồ sơ{procedure}. Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký.",
  "notifications.resultReady.subject": "Hồ sơ {dossierCode} đã có kết quả",
  "notifications.resultReady.body": "Hồ sơ {dossierCode}{procedure} của Ông/Bà đã có kết quả. Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký.",

  "notifications.dossierLate.sms": "Xin lỗi Ông/Bà, hồ sơ{procedure} bị chậm so với ngày hẹn.",
  "notifications.dossierLate.subject": "Hồ sơ {dossierCode}: thư xin lỗi và hẹn lại ngày trả kết quả",
  "notifications.dossierLate.body": "Chúng tôi thành thật xin lỗi vì hồ sơ {dossierCode}{procedure} của Ông/Bà chưa được giải quyết đúng hẹn.",

  "notifications.dossierRefused.sms": "Hồ sơ{procedure} bị từ chối giải quyết.",
  "notifications.dossierRefused.subject": "Hồ sơ {dossierCode} bị từ chối giải quyết",
  "notifications.dossierRefused.body":
    "Rất tiếc, hồ sơ {dossierCode}{procedure} của Ông/Bà bị từ chối giải quyết. Ông/Bà có thể liên hệ Bộ phận Một cửa để được hướng dẫn.",

  "notifications.phoneCode.sms": "{code} là mã xác minh số điện thoại của Ông/Bà trên XãSố. Không chia sẻ mã này cho bất kỳ ai.",
  "notifications.phoneCode.subject": "Mã xác minh XãSố",
  "notifications.phoneCode.body": "Mã xác minh của Ông/Bà là {code}. Không chia sẻ mã này cho bất kỳ ai, kể cả cán bộ.",
} as const;

type Messages = { [K in keyof typeof messagesVi]: string };
// Registered with the i18n platform by the composition root; this makes the keys known to t().
declare module "../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "notifications.sms.dossier": "Application {dossierCode}",
  "notifications.procedure.sms": " for {procedureName}",
  "notifications.procedure.email": " ({procedureName})",
  "notifications.due": "Result expected on {dueAt}.",
  "notifications.newDue": "New date for the result: {newDueAt}.",
  "notifications.items": "Documents needed: {items}.",
  "notifications.itemsNone": "Further documents are needed.",
  "notifications.itemsTitle": "Documents needed:",
  "notifications.reasons": "Reasons: {items}.",
  "notifications.reasonsTitle": "Reasons:",
  "notifications.email.greeting": "Dear citizen,",
  "notifications.email.statusLink": "Check the status of your application: {statusUrl}",
  "notifications.email.closing": "Kind regards,",
  "notifications.email.sender": "One-stop office – {communeName}",
  "notifications.email.senderDefault": "One-stop office",
  "notifications.email.automatic": "This message was sent automatically; please do not reply to it.",

  "notifications.dossierSubmitted.sms": "We received your online application{procedure}. An officer will check it and confirm.",
  "notifications.dossierSubmitted.subject": "Online application {dossierCode} received",
  "notifications.dossierSubmitted.body":
    "We received your online application {dossierCode}{procedure}. An officer will check it and tell you when it is accepted or if anything is missing.",

  "notifications.dossierReceived.sms": "Your application{procedure} was accepted.",
  "notifications.dossierReceived.subject": "Application {dossierCode} accepted",
  "notifications.dossierReceived.body": "Your application {dossierCode}{procedure} was accepted.",

  "notifications.supplementRequested.sms": "We will continue once we have them.",
  "notifications.supplementRequested.subject": "Application {dossierCode}: documents needed",
  "notifications.supplementRequested.body":
    "Your application {dossierCode}{procedure} needs further documents. We will continue processing it once we have received them.",

  "notifications.resultReady.sms": "The result of your application{procedure} is ready. Please collect it as you chose when applying.",
  "notifications.resultReady.subject": "Application {dossierCode}: result ready",
  "notifications.resultReady.body": "The result of your application {dossierCode}{procedure} is ready. Please collect it as you chose when applying.",

  "notifications.dossierLate.sms": "We apologise: your application{procedure} is late.",
  "notifications.dossierLate.subject": "Application {dossierCode}: our apologies for the delay",
  "notifications.dossierLate.body": "We sincerely apologise that your application {dossierCode}{procedure} was not completed on time.",

  "notifications.dossierRefused.sms": "Your application{procedure} was refused.",
  "notifications.dossierRefused.subject": "Application {dossierCode} refused",
  "notifications.dossierRefused.body":
    "We regret that your application {dossierCode}{procedure} was refused. You may contact the one-stop office for guidance.",

  "notifications.phoneCode.sms": "{code} is your XãSố phone verification code. Do not share it with anyone.",
  "notifications.phoneCode.subject": "Your XãSố verification code",
  "notifications.phoneCode.body": "Your verification code is {code}. Do not share it with anyone, not even an officer.",
};
