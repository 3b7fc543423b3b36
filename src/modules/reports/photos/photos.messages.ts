// Messages of reports' photos part: Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {
  "reports.photos.title": "Ảnh và kiểm duyệt",
  // Upload: {field} is filled with the field's label or name, {name} with the file's name.
  "reports.photos.upload.tooMany": "Trường “{field}”: gửi tối đa {max} ảnh",
  "reports.photos.upload.empty": "Trường “{field}”: tệp “{name}” rỗng",
  "reports.photos.upload.tooLarge": "Trường “{field}”: ảnh “{name}” quá lớn (tối đa {max})",
  "reports.photos.upload.tooManyPixels": "Trường “{field}”: ảnh “{name}” có quá nhiều điểm ảnh (tối đa {megapixels} triệu)",
  "reports.photos.upload.timeout": "Trường “{field}”: ảnh “{name}” quá lớn để xử lý, hãy gửi ảnh nhỏ hơn",
  "reports.photos.upload.type": "Trường “{field}”: “{name}” không phải ảnh JPG, PNG hoặc HEIC",
  "reports.photos.upload.mismatch": "Trường “{field}”: nội dung tệp “{name}” khác loại tệp mà tên hoặc kiểu tệp khai báo",
  "reports.photos.upload.corrupt": "Trường “{field}”: ảnh “{name}” bị hỏng, không đọc được",
  // Moderation
  "reports.photos.moderation.title": "Kiểm duyệt",
  "reports.photos.moderation.pageTitle": "Kiểm duyệt phản ánh {code}",
  "reports.photos.moderation.intro":
    "Ẩn phản ánh hoặc ảnh khỏi trang công khai khi có thông tin cá nhân, khuôn mặt người khác hoặc nội dung không phù hợp. Lý do được ghi vào nhật ký kiểm tra; người phản ánh vẫn xem được qua đường dẫn riêng.",
  "reports.photos.moderation.reportShown": "Phản ánh đang hiện trên trang công khai.",
  "reports.photos.moderation.reportNotPublic": "Phản ánh này không công khai (theo lĩnh vực hoặc lựa chọn của người phản ánh).",
  "reports.photos.moderation.reportHidden": "Phản ánh đã bị ẩn khỏi trang công khai. Lý do: {reason}",
  "reports.photos.moderation.reason": "Lý do",
  "reports.photos.moderation.reasonHint": "Ví dụ: có số điện thoại của người khác; có khuôn mặt trẻ em. Tối đa {max} ký tự.",
  "reports.photos.moderation.hideReport": "Ẩn phản ánh khỏi trang công khai",
  "reports.photos.moderation.unhideReport": "Hiện lại phản ánh",
  "reports.photos.moderation.photos": "Ảnh",
  "reports.photos.moderation.noPhotos": "Phản ánh không có ảnh.",
  "reports.photos.moderation.photoAlt": "Ảnh {n} của phản ánh",
  "reports.photos.moderation.answerPhotoAlt": "Ảnh {n} kèm câu trả lời",
  "reports.photos.moderation.photoHidden": "Đã ẩn. Lý do: {reason}",
  "reports.photos.moderation.hidePhoto": "Ẩn ảnh",
  "reports.photos.moderation.unhidePhoto": "Hiện lại ảnh",
  "reports.photos.moderation.original": "Tải ảnh gốc (có thể chứa vị trí)",
  "reports.photos.moderation.back": "Về phản ánh",
  "reports.photos.moderation.reasonRequired": "Trường “{field}”: cần ghi lý do",
  // What the reporter and the public see of a hidden photo.
  "reports.photos.hiddenNotice": "Một ảnh đã được ẩn khỏi trang công khai. Lý do: {reason}",
  "reports.photos.hiddenNoticeGeneric": "Một ảnh đã được ẩn khỏi trang công khai.",
  "reports.photos.reportHiddenNotice": "Phản ánh của bạn đã được ẩn khỏi trang công khai. Lý do: {reason}. Xã vẫn xử lý phản ánh.",
  // Flash messages after a form (keys "reports.flash.*": flash.ts shows only "<module>.flash.*").
  "reports.flash.moderationReportHidden": "Đã ẩn phản ánh khỏi trang công khai.",
  "reports.flash.moderationReportShown": "Đã hiện lại phản ánh.",
  "reports.flash.moderationPhotoHidden": "Đã ẩn ảnh.",
  "reports.flash.moderationPhotoShown": "Đã hiện lại ảnh.",
} as const;
type Messages = Record<keyof typeof messagesVi, string>;

declare module "../../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "reports.photos.title": "Photos and moderation",
  "reports.photos.upload.tooMany": "Field “{field}”: send at most {max} photos",
  "reports.photos.upload.empty": "Field “{field}”: the file “{name}” is empty",
  "reports.photos.upload.tooLarge": "Field “{field}”: the photo “{name}” is too large (at most {max})",
  "reports.photos.upload.tooManyPixels": "Field “{field}”: the photo “{name}” has too many pixels (at most {megapixels} million)",
  "reports.photos.upload.timeout": "Field “{field}”: the photo “{name}” is too large to process; please send a smaller one",
  "reports.photos.upload.type": "Field “{field}”: “{name}” is not a JPG, PNG or HEIC photo",
  "reports.photos.upload.mismatch": "Field “{field}”: the content of “{name}” is of another type than its name or declared type says",
  "reports.photos.upload.corrupt": "Field “{field}”: the photo “{name}” is damaged and cannot be read",
  "reports.photos.moderation.title": "Moderation",
  "reports.photos.moderation.pageTitle": "Moderation of report {code}",
  "reports.photos.moderation.intro":
    "Hide a report or a photo from the public page when it shows personal data, other people's faces or unsuitable content. The reason is kept in the audit log; the reporter still sees it through their private link.",
  "reports.photos.moderation.reportShown": "The report is shown on the public page.",
  "reports.photos.moderation.reportNotPublic": "This report is not public (by its category or the reporter's choice).",
  "reports.photos.moderation.reportHidden": "The report is hidden from the public page. Reason: {reason}",
  "reports.photos.moderation.reason": "Reason",
  "reports.photos.moderation.reasonHint": "For example: shows another person's phone number; shows a child's face. At most {max} characters.",
  "reports.photos.moderation.hideReport": "Hide the report from the public page",
  "reports.photos.moderation.unhideReport": "Show the report again",
  "reports.photos.moderation.photos": "Photos",
  "reports.photos.moderation.noPhotos": "The report has no photos.",
  "reports.photos.moderation.photoAlt": "Photo {n} of the report",
  "reports.photos.moderation.answerPhotoAlt": "Photo {n} with the answer",
  "reports.photos.moderation.photoHidden": "Hidden. Reason: {reason}",
  "reports.photos.moderation.hidePhoto": "Hide photo",
  "reports.photos.moderation.unhidePhoto": "Show photo again",
  "reports.photos.moderation.original": "Download the original (may carry its location)",
  "reports.photos.moderation.back": "Back to the report",
  "reports.photos.moderation.reasonRequired": "Field “{field}”: give a reason",
  "reports.photos.hiddenNotice": "A photo was hidden from the public page. Reason: {reason}",
  "reports.photos.hiddenNoticeGeneric": "A photo was hidden from the public page.",
  "reports.photos.reportHiddenNotice": "Your report was hidden from the public page. Reason: {reason}. The commune still handles it.",
  "reports.flash.moderationReportHidden": "The report is hidden from the public page.",
  "reports.flash.moderationReportShown": "The report is shown again.",
  "reports.flash.moderationPhotoHidden": "The photo is hidden.",
  "reports.flash.moderationPhotoShown": "The photo is shown again.",
};
