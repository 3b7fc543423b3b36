// Renders every form once and reads it back with pdfjs: the legal content must be in the PDF's text.
import { beforeAll, describe, expect, it } from "vitest";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import QRCode from "qrcode";
import type { FeeReceiptData, FormBase, ReceiptData, TrackingSlipData } from "./forms.types.ts";
import { nationalHeader, placeDateLine, renderPdf } from "./pdf.ts";
import { renderFeeReceipt } from "./fee-receipt.pdf.ts";
import { renderReceipt } from "./receipt.pdf.ts";
import { renderTrackingSlip } from "./tracking-slip.pdf.ts";
import { renderRegister } from "./register.pdf.ts";
import { renderSupplementRequest } from "./supplement-request.pdf.ts";
import { renderRefusal } from "./refusal.pdf.ts";
import { renderApology } from "./apology.pdf.ts";
import { renderStopNotice } from "./stop-notice.pdf.ts";

interface Read {
  text: string;
  pages: number;
  title: unknown;
  landscape: boolean;
  images: number;
}

async function read(buf: Buffer): Promise<Read> {
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, disableFontFace: true }).promise;
  let text = "";
  let images = 0;
  let landscape = false;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const vp = page.getViewport({ scale: 1 });
    if (i === 1) landscape = vp.width > vp.height;
    const content = await page.getTextContent();
    for (const item of content.items) if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
    text += "\n";
    const ops = await page.getOperatorList();
    images += ops.fnArray.filter((f) => f === OPS.paintImageXObject).length;
  }
  const meta = await doc.getMetadata();
  const pages = doc.numPages;
  await doc.destroy();
  // Words and wrapped lines come as separate items; fold all white space so phrases can be matched.
  return { text: text.replace(/\s+/g, " "), pages, title: (meta.info as Record<string, unknown>).Title, landscape, images };
}

const base: FormBase = {
  locale: "vi",
  agencyName: "Ủy ban nhân dân xã Gia Phú",
  agencyLines: ["Ủy ban nhân dân", "xã Gia Phú"],
  committeeName: "Ủy ban nhân dân xã Gia Phú",
  deskName: "Trung tâm Phục vụ hành chính công xã Gia Phú",
  communeName: "xã Gia Phú",
  placeName: "Gia Phú",
};
const applicant = {
  name: "Nguyễn Thị Hằng",
  citizenIdNumber: "010190012345",
  address: "Thôn Phú Hợp, xã Gia Phú",
  phone: "0912345678",
  email: "hang@example.vn",
};
const code = "000.00.15.H12-261123-0001";
const receivedAt = new Date("2026-11-23T09:05:00+07:00");
const dueAt = new Date("2026-11-26T16:30:00+07:00");

async function receiptData(): Promise<ReceiptData> {
  return {
    ...base,
    dossierCode: code,
    procedureName: "Đăng ký khai sinh",
    applicant,
    authorisedPerson: "Trần Văn Bình",
    documents: [
      { name: "Tờ khai đăng ký khai sinh", copies: 1, kind: "original" },
      { name: "Giấy chứng sinh", copies: 2, kind: "certifiedCopy" },
      { name: "Giấy tờ chứng minh nơi cư trú", copies: 1, kind: "originalOrCertifiedCopy" },
      { name: "Giấy chứng nhận kết hôn của cha mẹ", copies: 1, kind: "copyWithOriginal" },
    ],
    duration: { unit: "days", amount: 3 },
    receivedAt,
    dueAt,
    delivery: { method: "post", address: "Số 5, thôn Phú Hợp" },
    registerVolume: "02/2026",
    registerNumber: 137,
    channel: "counter",
    fee: { amount: 8000, qrPngDataUrl: await QRCode.toDataURL("00020101021238570010A00000072701", { margin: 1 }) },
    statusUrl: `https://xaso.example.vn/tra-cuu/${code}`,
    officerName: "Lê Minh Tâm",
  };
}

describe("Mẫu 01 receipt", () => {
  let data: ReceiptData;
  let pdf: Buffer;
  let r: Read;
  beforeAll(async () => {
    data = await receiptData();
    pdf = await renderReceipt(data);
    r = await read(pdf);
  });

  it("carries the legal content with Vietnamese diacritics intact, on one page", () => {
    for (const s of [
      "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Mẫu số 01",
      // Issued by the desk: its People's Committee above its name, no provincial line.
      "ỦY BAN NHÂN DÂN XÃ GIA PHÚ TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ GIA PHÚ",
      "Gia Phú, ngày 23 tháng 11 năm 2026",
      `Mã hồ sơ: ${code}`,
      "Trung tâm Phục vụ hành chính công xã Gia Phú tiếp nhận hồ sơ của:",
      "Nguyễn Thị Hằng",
      "010190012345",
      "Thôn Phú Hợp, xã Gia Phú",
      "0912345678",
      "hang@example.vn",
      "Người được ủy quyền: Trần Văn Bình",
      "Đăng ký khai sinh",
      "Tờ khai đăng ký khai sinh",
      "Giấy chứng sinh",
      "Tờ khai đăng ký khai sinh Bản chính",
      "Giấy chứng sinh Bản sao có chứng thực 2",
      "Bản chính hoặc bản sao có chứng thực",
      "Bản sao kèm bản chính để đối chiếu",
      "Số lượng hồ sơ: 01 bộ",
      "3 ngày làm việc",
      "Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 23/11/2026",
      "Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 26/11/2026",
      "Đăng ký nhận kết quả: Qua dịch vụ bưu chính công ích, đến địa chỉ: Số 5, thôn Phú Hợp",
      "Vào Sổ theo dõi hồ sơ, Quyển số: 02/2026, Số thứ tự: 137",
      "Trực tiếp tại Bộ phận tiếp nhận và trả kết quả",
      "8.000",
      data.statusUrl,
      "NGƯỜI NỘP HỒ SƠ",
      "NGƯỜI TIẾP NHẬN HỒ SƠ",
      "Lê Minh Tâm",
    ])
      expect(r.text).toContain(s);
    expect(r.pages).toBe(1);
    expect(r.title).toBe("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
    expect(r.text).not.toContain("TỈNH");
    expect(r.text).not.toContain("Hẹn lại");
  });

  it("prints where to collect the result: the desk by name and address, or online", async () => {
    const desk = await read(await renderReceipt({ ...data, delivery: { method: "desk", deskAddress: "Số 1 đường Trần Phú" } }));
    expect(desk.text).toContain("Đăng ký nhận kết quả: Tại Trung tâm Phục vụ hành chính công xã Gia Phú, địa chỉ: Số 1 đường Trần Phú");
    const online = await read(await renderReceipt({ ...data, delivery: { method: "online" } }));
    expect(online.text).toContain("Đăng ký nhận kết quả: Trực tuyến, bản điện tử trên Cổng Dịch vụ công");
  });

  it("keeps the first appointment on a reprint after an apology and shows the new one beside it", async () => {
    const r2 = await read(await renderReceipt({ ...data, newDueAt: new Date("2026-11-30T17:00:00+07:00") }));
    expect(r2.text).toContain("Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 26/11/2026 Hẹn lại: 17 giờ 00 phút, ngày 30/11/2026");
  });

  it("embeds the VietQR image (the status QR is drawn as vectors)", () => {
    expect(r.images).toBe(1);
  });

  it("gives the same bytes for the same input", async () => {
    const again = await renderReceipt(await receiptData());
    expect(again.equals(pdf)).toBe(true);
  });

  it("renders in English when asked, and refuses a fee QR that is not a PNG data URL", async () => {
    const en = await read(await renderReceipt({ ...data, locale: "en", fee: { amount: 8000 } }));
    expect(en.text).toContain("DOSSIER RECEIPT AND RESULT APPOINTMENT");
    expect(en.text).toContain("Received at: 09:05, 23/11/2026");
    expect(en.images).toBe(0);
    expect(() => renderReceipt({ ...data, fee: { amount: 8000, qrPngDataUrl: "/etc/passwd" } })).toThrow(/PNG data URL/);
  });
});

describe("Mẫu 06 tracking slip", () => {
  it("lists every hand-over with its parties, time and outcome", async () => {
    const d: TrackingSlipData = {
      ...base,
      dossierCode: code,
      procedureName: "Đăng ký khai sinh",
      applicant: { name: applicant.name, address: applicant.address },
      receivedAt,
      dueAt,
      newDueAt: new Date("2026-11-30T10:00:00+07:00"),
      processingUnit: "Công chức Tư pháp - Hộ tịch",
      rows: [
        {
          from: "Bộ phận một cửa (Lê Minh Tâm)",
          to: "Tư pháp - Hộ tịch (Phạm Thu Trang)",
          at: new Date("2026-11-23T10:00:00+07:00"),
          stepDueAt: null,
          outcome: null,
        },
        {
          from: "Tư pháp - Hộ tịch (Phạm Thu Trang)",
          to: "Chủ tịch UBND (Đỗ Quang Vinh)",
          at: new Date("2026-11-24T08:15:00+07:00"),
          stepDueAt: new Date("2026-11-25T17:00:00+07:00"),
          outcome: "early",
        },
        {
          from: "Chủ tịch UBND (Đỗ Quang Vinh)",
          to: "Bộ phận một cửa (Lê Minh Tâm)",
          at: new Date("2026-11-25T17:00:00+07:00"),
          stepDueAt: new Date("2026-11-25T17:00:00+07:00"),
          outcome: "onTime",
          note: "Đã ký",
        },
        {
          from: "Bộ phận một cửa (Lê Minh Tâm)",
          to: "Bưu điện xã Gia Phú",
          at: new Date("2026-11-27T07:30:00+07:00"),
          stepDueAt: dueAt,
          outcome: "late",
          note: "Chờ chữ ký số",
        },
      ],
      printedAt: new Date("2026-11-27T08:00:00+07:00"),
    };
    const r = await read(await renderTrackingSlip(d));
    for (const s of [
      "Mẫu số 06",
      "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
      "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ GIA PHÚ",
      "Hẹn lại: 10 giờ 00 phút, ngày 30/11/2026",
      code,
      "Tên cơ quan/người giao – nhận",
      "Giao: Bộ phận một cửa (Lê Minh Tâm)",
      "Nhận: Tư pháp - Hộ tịch (Phạm Thu Trang)",
      "Nhận: Chủ tịch UBND (Đỗ Quang Vinh)",
      "Nhận: Bưu điện xã Gia Phú",
      "08 giờ 15 phút, ngày 24/11/2026",
      "Trước hạn",
      "Đúng hạn",
      "Quá hạn",
      "Đã ký",
      "Chờ chữ ký số",
      "Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 23/11/2026",
    ])
      expect(r.text).toContain(s);
  });
});

describe("Mẫu 07 register", () => {
  it("is a landscape table of the period's dossiers", async () => {
    const r = await read(
      await renderRegister({
        ...base,
        unitName: "Trung tâm Phục vụ hành chính công xã Gia Phú",
        volume: "2026",
        periodFrom: new Date("2026-11-01T00:00:00+07:00"),
        periodTo: new Date("2026-11-30T00:00:00+07:00"),
        printedAt: new Date("2026-12-01T08:00:00+07:00"),
        rows: [
          {
            number: 137,
            dossierCode: code,
            procedureName: "Đăng ký khai sinh",
            applicantName: applicant.name,
            address: applicant.address,
            phone: applicant.phone,
            receivedAt,
            dueAt,
            newDueAt: new Date("2026-11-30T10:00:00+07:00"),
            sentToUnitAt: new Date("2026-11-23T10:00:00+07:00"),
            processingUnit: "Tư pháp - Hộ tịch",
            resultAt: new Date("2026-11-25T17:00:00+07:00"),
            returnedAt: new Date("2026-11-26T09:00:00+07:00"),
            channel: "counter",
          },
          {
            number: 138,
            dossierCode: "000.00.15.H12-261124-0002",
            procedureName: "Chứng thực bản sao từ bản chính",
            applicantName: "Vũ Đức Anh",
            receivedAt: new Date("2026-11-24T14:00:00+07:00"),
            dueAt: new Date("2026-11-25T14:00:00+07:00"),
            sentToUnitAt: null,
            resultAt: null,
            returnedAt: null,
            channel: "online",
            note: "Chờ bổ sung",
          },
        ],
      }),
    );
    expect(r.landscape).toBe(true);
    for (const s of [
      "Mẫu số 07",
      "SỔ THEO DÕI HỒ SƠ",
      "Quyển số: 2026",
      "Hẹn lại: 10:00 30/11/2026",
      "Từ ngày 01/11/2026 đến ngày 30/11/2026",
      "Ngày, tháng, năm",
      "Hẹn trả kết quả",
      code,
      "000.00.15.H12-261124-0002",
      "Vũ Đức Anh",
      "Chứng thực bản sao từ bản chính",
      "23/11/2026",
      "26/11/2026",
      "Trực tuyến",
      "Chờ bổ sung",
    ]) {
      expect(r.text).toContain(s);
    }
  });
});

describe("Mẫu 02–05 notices", () => {
  it("Mẫu 02 lists what is missing, why, and whom to contact", async () => {
    const r = await read(
      await renderSupplementRequest({
        ...base,
        dossierCode: code,
        procedureName: "Đăng ký khai sinh",
        applicant,
        receivedAt,
        issuedAt: new Date("2026-11-24T09:00:00+07:00"),
        items: [{ what: "Giấy chứng sinh (bản chính)", reason: "Bản nộp là bản chụp không rõ chữ" }],
        contact: { name: "Lê Minh Tâm", phone: "0214 3 123 456" },
        officerName: "Lê Minh Tâm",
      }),
    );
    for (const s of [
      "Mẫu số 02",
      "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
      "Giấy chứng sinh (bản chính)",
      "Bản nộp là bản chụp không rõ chữ",
      "0214 3 123 456",
      "NGƯỜI HƯỚNG DẪN",
      "Gia Phú, ngày 24 tháng 11 năm 2026",
      "Lê Minh Tâm, số điện thoại 0214 3 123 456",
    ]) {
      expect(r.text).toContain(s);
    }
  });

  it("Mẫu 03 gives the reasons for refusal", async () => {
    const r = await read(
      await renderRefusal({
        ...base,
        procedureName: "Đăng ký kết hôn",
        applicant,
        receivedAt: null,
        issuedAt: receivedAt,
        stage: "intake",
        reasons: ["Hồ sơ không thuộc thẩm quyền giải quyết của xã", "Người yêu cầu chưa đủ tuổi kết hôn"],
        signer: { name: "Lê Minh Tâm" },
      }),
    );
    for (const s of [
      "Mẫu số 03",
      "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
      "Hồ sơ không thuộc thẩm quyền giải quyết của xã",
      "Người yêu cầu chưa đủ tuổi kết hôn",
      "NGƯỜI TIẾP NHẬN HỒ SƠ",
    ]) {
      expect(r.text).toContain(s);
    }
  });

  it("Mẫu 04 apologises with the reason, the old and the new appointment", async () => {
    const r = await read(
      await renderApology({
        ...base,
        documentNumber: "12/PXL-UBND",
        dossierCode: code,
        procedureName: "Đăng ký khai sinh",
        applicant,
        receivedAt,
        oldDueAt: dueAt,
        newDueAt: new Date("2026-11-30T10:00:00+07:00"),
        reason: "Hệ thống cơ sở dữ liệu hộ tịch gián đoạn",
        issuedAt: new Date("2026-11-26T17:00:00+07:00"),
        signer: { capacity: "TM. Ủy ban nhân dân", title: "Chủ tịch", name: "Đỗ Quang Vinh" },
      }),
    );
    for (const s of [
      "Mẫu số 04",
      "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
      "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH",
      "Số: 12/PXL-UBND",
      "Kính gửi: Ông/Bà Nguyễn Thị Hằng",
      "16 giờ 30 phút, ngày 26/11/2026",
      "10 giờ 00 phút, ngày 30/11/2026",
      "Hệ thống cơ sở dữ liệu hộ tịch gián đoạn",
      "CHỦ TỊCH",
      "Đỗ Quang Vinh",
    ]) {
      expect(r.text).toContain(s);
    }
  });

  it("Mẫu 05 gives the reason processing stopped", async () => {
    const r = await read(
      await renderStopNotice({
        ...base,
        dossierCode: code,
        procedureName: "Đăng ký khai sinh",
        applicant,
        receivedAt,
        issuedAt: new Date("2026-11-25T08:00:00+07:00"),
        // Decomposed input (as some keyboards type it) comes out composed.
        reason: "Người yêu cầu đề nghị rút hồ sơ".normalize("NFD"),
        signer: { capacity: "KT. Chủ tịch", title: "Phó Chủ tịch", name: "Đỗ Quang Vinh" },
      }),
    );
    for (const s of ["KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Mẫu số 05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Lý do: Người yêu cầu đề nghị rút hồ sơ", code])
      expect(r.text).toContain(s);
  });
});

describe("fee receipt", () => {
  it("prints the receipt number, payer, dossier, the amount in figures and in words, and both signatures", async () => {
    const fee: FeeReceiptData = {
      ...base,
      receiptNo: "BL-2026-02923-000012",
      status: "paid",
      payer: { name: applicant.name, address: applicant.address },
      dossierCode: code,
      procedureName: "Chứng thực bản sao từ bản chính",
      amount: 20_000,
      method: "Tiền mặt",
      paidAt: new Date("2026-11-23T09:30:00+07:00"),
      collectorName: "Lê Minh Tâm",
    };
    const r = await read(await renderFeeReceipt(fee));
    for (const s of [
      "ỦY BAN NHÂN DÂN XÃ GIA PHÚ TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ GIA PHÚ",
      "BIÊN LAI THU PHÍ, LỆ PHÍ",
      "Số biên lai: BL-2026-02923-000012",
      "Người nộp: Nguyễn Thị Hằng",
      `Mã hồ sơ: ${code}`,
      "Chứng thực bản sao từ bản chính",
      "Số tiền: 20.000",
      "Bằng chữ: Hai mươi nghìn đồng",
      "Hình thức thanh toán: Tiền mặt",
      "09 giờ 30 phút, ngày 23/11/2026",
      "NGƯỜI NỘP TIỀN",
      "NGƯỜI THU TIỀN",
      "Lê Minh Tâm",
    ])
      expect(r.text).toContain(s);
    expect(r.pages).toBe(1);
  });
});

describe("shared pieces", () => {
  it("heads a commune People's Committee's form with two lines and no governing body above it (Decree 30/2020)", () => {
    const h = nationalHeader(base) as { columns: Array<{ stack: Array<{ text?: string; bold?: boolean }> }> };
    const lines = h.columns[0]!.stack.filter((x) => typeof x.text === "string");
    expect(lines).toEqual([
      { text: "ỦY BAN NHÂN DÂN", bold: true },
      { text: "XÃ GIA PHÚ", bold: true },
    ]);
    const desk = nationalHeader(base, "desk") as typeof h;
    expect(desk.columns[0]!.stack.filter((x) => typeof x.text === "string").map((x) => x.text)).toEqual([
      "ỦY BAN NHÂN DÂN XÃ GIA PHÚ",
      "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ GIA PHÚ",
    ]);
  });

  it("pads days below 10 and months 1 and 2 only (Decree 30/2020)", () => {
    const line = (iso: string) => (placeDateLine(base, new Date(iso)) as { text: string }).text;
    expect(line("2027-02-05T12:00:00+07:00")).toBe("Gia Phú, ngày 05 tháng 02 năm 2027");
    expect(line("2027-03-05T12:00:00+07:00")).toBe("Gia Phú, ngày 05 tháng 3 năm 2027");
    // Late evening UTC is already the next day in Vietnam.
    expect(line("2026-11-22T18:00:00Z")).toBe("Gia Phú, ngày 23 tháng 11 năm 2026");
  });

  it("refuses to render without a fixed creation date", async () => {
    await expect(renderPdf({ content: ["x"] })).rejects.toThrow(/creationDate/);
  });
});
