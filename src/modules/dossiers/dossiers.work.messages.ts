// Messages of the officer's day in the dossiers module (worklists, search, the dossier page's sections): Vietnamese
// first; English must have every key. Kept apart from dossiers.office.messages.ts so the desk's texts stay short.
export const messagesVi = {
  "dossiers.work.search.tooShort": "Trường “{field}”: nhập mã hồ sơ, ít nhất 2 chữ của họ tên, hoặc số điện thoại, số định danh",
  "dossiers.work.search.label": "Mã hồ sơ, họ tên, số điện thoại hoặc số định danh",
  "dossiers.work.search.hint": "Họ tên gõ có dấu hay không dấu đều được, ví dụ: nguyen van an.",
  "dossiers.work.search.submit": "Tìm",
  "dossiers.work.search.results": "Kết quả tìm kiếm",
  "dossiers.work.search.count": "{n} hồ sơ, hồ sơ đang giải quyết có hạn sớm nhất ở trên.",
  "dossiers.work.search.none": "Không tìm thấy hồ sơ nào trong phạm vi được giao.",
  "dossiers.work.search.limited": "Chỉ hiện {n} hồ sơ đầu tiên: hãy tìm cụ thể hơn.",
  "dossiers.work.search.scope": "Tìm trong các hồ sơ của đơn vị được giao: {units}.",
  "dossiers.work.search.allCommunes": "Tất cả đơn vị được giao",
  "dossiers.queue.assignedToMe": "Giao cho tôi",
  "dossiers.queue.awaitingApproval": "Chờ tôi phê duyệt",
  "dossiers.work.col.step": "Bước hiện tại",
  "dossiers.work.col.handler": "Người xử lý",
  "dossiers.work.print.link": "Bản in danh sách này",
  "dossiers.work.print.back": "Quay lại bộ phận một cửa",
  "dossiers.work.print.at": "In lúc {at}: {n} hồ sơ, hạn sớm nhất ở trên.",
  "dossiers.work.print.more": "Chỉ in {n} hồ sơ đầu; xem tiếp trên màn hình.",
  "dossiers.work.search.title": "Tìm hồ sơ",
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
  "dossiers.work.search.tooShort": "{field}: enter a dossier code, at least 2 letters of the name, or a phone or ID number",
  "dossiers.work.search.label": "Dossier code, applicant's name, phone or ID number",
  "dossiers.work.search.hint": "Names may be typed with or without diacritics, for example: nguyen van an.",
  "dossiers.work.search.submit": "Search",
  "dossiers.work.search.results": "Search results",
  "dossiers.work.search.count": "{n} dossiers; open ones first, soonest deadline on top.",
  "dossiers.work.search.none": "No dossier found in the units you work for.",
  "dossiers.work.search.limited": "Only the first {n} dossiers are shown: search more precisely.",
  "dossiers.work.search.scope": "Searches the dossiers of the units you work for: {units}.",
  "dossiers.work.search.allCommunes": "All the units you work for",
  "dossiers.queue.assignedToMe": "Assigned to me",
  "dossiers.queue.awaitingApproval": "Waiting for my approval",
  "dossiers.work.col.step": "Current step",
  "dossiers.work.col.handler": "Handler",
  "dossiers.work.print.link": "Printable list",
  "dossiers.work.print.back": "Back to the one-stop desk",
  "dossiers.work.print.at": "Printed {at}: {n} dossiers, soonest deadline first.",
  "dossiers.work.print.more": "Only the first {n} dossiers are printed; see the rest on screen.",
  "dossiers.work.search.title": "Find a dossier",
  "dossiers.work.dueLine": "Result due: {at}",
  "dossiers.work.proposal.title": "The specialist's proposal",
  "dossiers.work.proposal.by": "Proposed by {name} on {at}",
  "dossiers.work.section.application": "Application",
  "dossiers.work.section.processing": "Processing",
  "dossiers.work.section.apart": "Refuse, pause or cancel the dossier",
  "dossiers.work.apartHint": "Only when the dossier cannot go further. The applicant is told, with the reason.",
};
