// Messages of the citizens module: Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {
  "citizens.idNumber.length": "Trường “{field}”: số định danh cá nhân phải có đúng 12 chữ số",
  "citizens.idNumber.digits": "Trường “{field}”: số định danh cá nhân chỉ gồm chữ số",
  "citizens.idNumber.province": "Trường “{field}”: 3 chữ số đầu không phải mã tỉnh, thành phố nơi đăng ký khai sinh",
  "citizens.idNumber.century": "Trường “{field}”: chữ số thứ 4 đến 6 (thế kỷ, giới tính, năm sinh) không hợp lệ",
  "citizens.phone.format": "Trường “{field}”: số di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09",
  "citizens.phone.notVietnamese": "Trường “{field}”: chỉ nhận số di động Việt Nam (+84)",
  "citizens.upload.empty": "Trường “{field}”: tệp rỗng",
  "citizens.upload.tooLarge": "Trường “{field}”: tệp quá lớn (tối đa {max})",
  "citizens.upload.type": "Trường “{field}”: chỉ nhận tệp {allowed}",
} as const;

export const messagesEn: Record<keyof typeof messagesVi, string> = {
  "citizens.idNumber.length": "Field “{field}”: the personal identification number has exactly 12 digits",
  "citizens.idNumber.digits": "Field “{field}”: the personal identification number contains digits only",
  "citizens.idNumber.province": "Field “{field}”: the first 3 digits are not the code of a province of birth registration",
  "citizens.idNumber.century": "Field “{field}”: digits 4 to 6 (century, sex, year of birth) are not valid",
  "citizens.phone.format": "Field “{field}”: a mobile number has 10 digits and starts with 03, 05, 07, 08 or 09",
  "citizens.phone.notVietnamese": "Field “{field}”: only Vietnamese mobile numbers (+84) are accepted",
  "citizens.upload.empty": "Field “{field}”: the file is empty",
  "citizens.upload.tooLarge": "Field “{field}”: the file is too large (at most {max})",
  "citizens.upload.type": "Field “{field}”: only {allowed} files are accepted",
};
