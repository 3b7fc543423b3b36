// Banks most communes hold their fee accounts with, by NAPAS BIN. The settings form offers these in a select;
// the API accepts any 6-digit BIN, since smaller banks also take VietQR.
export type Bank = { bin: string; shortName: string; name: string };

export const BANKS: readonly Bank[] = [
  { bin: "970436", shortName: "Vietcombank", name: "Ngân hàng TMCP Ngoại thương Việt Nam" },
  { bin: "970415", shortName: "VietinBank", name: "Ngân hàng TMCP Công thương Việt Nam" },
  { bin: "970418", shortName: "BIDV", name: "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam" },
  { bin: "970405", shortName: "Agribank", name: "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam" },
  { bin: "970407", shortName: "Techcombank", name: "Ngân hàng TMCP Kỹ thương Việt Nam" },
  { bin: "970422", shortName: "MB", name: "Ngân hàng TMCP Quân đội" },
  { bin: "970416", shortName: "ACB", name: "Ngân hàng TMCP Á Châu" },
  { bin: "970432", shortName: "VPBank", name: "Ngân hàng TMCP Việt Nam Thịnh Vượng" },
  { bin: "970403", shortName: "Sacombank", name: "Ngân hàng TMCP Sài Gòn Thương Tín" },
  { bin: "970423", shortName: "TPBank", name: "Ngân hàng TMCP Tiên Phong" },
];

export const bankByBin = (bin: string | null | undefined): Bank | undefined => (bin ? BANKS.find((b) => b.bin === bin) : undefined);

/** "Vietcombank" for a known BIN, else the BIN itself so the payer can still find the bank. */
export const bankLabel = (bin: string) => bankByBin(bin)?.shortName ?? bin;
