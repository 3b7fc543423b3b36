// Messages of the officer's day in the dossiers module (worklists, search, the dossier page's sections): Vietnamese
// first; English must have every key. Kept apart from dossiers.office.messages.ts so the desk's texts stay short.
export const messagesVi = {
  "dossiers.work.dueLine": "Hạn trả kết quả: {at}",
  "dossiers.work.proposal.title": "Đề xuất của chuyên viên",
  "dossiers.work.proposal.by": "{name} đề xuất lúc {at}",
  "dossiers.work.section.application": "Đơn đề nghị",
  "dossiers.work.section.processing": "Tình trạng xử lý",
  "dossiers.work.section.apart": "Từ chối, tạm dừng hoặc hủy hồ sơ",
  "dossiers.work.apartHint": "Chỉ dùng khi hồ sơ không thể giải quyết tiếp. Người nộp sẽ được thông báo kèm lý do.",
} as const;

type Messages = { [K in keyof typeof messagesVi]: string };
// Registered with the i18n platform by the composition root; this makes the keys known to t().
declare module "../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "dossiers.work.dueLine": "Result due: {at}",
  "dossiers.work.proposal.title": "The specialist's proposal",
  "dossiers.work.proposal.by": "Proposed by {name} on {at}",
  "dossiers.work.section.application": "Application",
  "dossiers.work.section.processing": "Processing",
  "dossiers.work.section.apart": "Refuse, pause or cancel the dossier",
  "dossiers.work.apartHint": "Only when the dossier cannot go further. The applicant is told, with the reason.",
};
