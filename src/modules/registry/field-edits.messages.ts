// Messages of the registry's field edits (households and people changed or found in the field): Vietnamese first.
export const messagesVi = {
  "registryField.addressRequired": "Trường “{field}”: cần ghi địa chỉ",
  "registryField.nameRequired": "Trường “{field}”: cần ghi họ và tên",
  "registryField.birthYear": "Trường “{field}”: năm sinh phải từ 1890 đến năm nay",
  "registryField.birthYearDate": "Trường “{field}”: năm sinh khác với ngày sinh đã ghi; sửa ở văn phòng",
  "registryField.notVillage": "Trường “{field}”: không phải thôn, tổ dân phố mà bạn được giao",
  "registryField.noTeam": "Trường “{field}”: bạn chưa thuộc tổ công nghệ số nào của thôn này",
  "registryField.exists": "Trường “{field}”: mã này đã được dùng cho một bản ghi khác",
  "registryField.oneHead": "Trường “{field}”: một hộ chỉ có một chủ hộ",
};

type Messages = { [K in keyof typeof messagesVi]: string };
declare module "../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "registryField.addressRequired": "Field “{field}”: the address is required",
  "registryField.nameRequired": "Field “{field}”: the full name is required",
  "registryField.birthYear": "Field “{field}”: the birth year must be between 1890 and this year",
  "registryField.birthYearDate": "Field “{field}”: the birth year differs from the recorded birth date; correct it in the office",
  "registryField.notVillage": "Field “{field}”: not a village you were given",
  "registryField.noTeam": "Field “{field}”: you are not in a digital team of this village",
  "registryField.exists": "Field “{field}”: this id is already used by another record",
  "registryField.oneHead": "Field “{field}”: a household has one head only",
};
