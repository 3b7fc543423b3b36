// The printed forms are built from what the dossier recorded: hand-overs judged against their step
// deadlines, the fee and its QR, and the refusal, apology and stop notice only once they happened.
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import QRCode from "qrcode";
import { beforeAll, expect, it } from "vitest";
import { act, acting, APPLICANT, buildDossier, COUNTER_PROCEDURE, deskTeam, ONLINE_PROCEDURE } from "../../../../test/support/dossier-factories.ts";
import { documentsFor, formValuesFor } from "../../../../test/support/procedure-factories.ts";
import { getProcedure } from "../../procedures/index.ts";
import { fileDossier } from "./file-dossier.ts";
import { rejection } from "../../../../test/support/expect-error.ts";
import { useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { getDossier } from "./get-dossier.ts";
import { formBase, printableForms, printDossierForm, printRegister, signerOf, stepOutcome, trackingSlipData } from "./print-forms.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { confirmPayment } from "../../payments/index.ts";
import { buildUser, GIA_PHU } from "../../../../test/support/factories.ts";
import { forgetDeskSettings } from "./load-desk-settings.ts";
import { writeDeskSettings } from "./save-desk-settings.ts";

const vn = (s: string) => new Date(`${s}+07:00`);
const opts = { locale: "vi" as const, origin: "https://xaso.example.vn" };

async function read(pdf: Buffer): Promise<{ text: string; images: number }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true }).promise;
  let text = "";
  let images = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    for (const item of (await page.getTextContent()).items) if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
    images += (await page.getOperatorList()).fnArray.filter((f) => f === OPS.paintImageXObject).length;
  }
  await doc.destroy();
  return { text: text.replace(/\s+/g, " "), images };
}

describeDb("printed forms of a dossier", () => {
  const app = useTestApp();
  let team: Awaited<ReturnType<typeof deskTeam>>;
  beforeAll(async () => {
    team = await deskTeam(app().deps);
  });

  it("judges each hand-over against the step deadline of the one before", () => {
    const due = vn("2026-11-25T17:00:00");
    expect(stepOutcome(vn("2026-11-24T08:00:00"), due)).toBe("early");
    expect(stepOutcome(vn("2026-11-25T09:00:00"), due)).toBe("onTime");
    expect(stepOutcome(vn("2026-11-25T17:01:00"), due)).toBe("late");
    expect(stepOutcome(vn("2026-11-25T09:00:00"), null)).toBeNull();
  });

  it("marks a hand-over made after the step's deadline as late on the tracking slip", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-11-23T09:00:00"));
    const d = await buildDossier(deps, team.citizen);
    await act(deps, team.desk, d.id, "receive");
    // The desk's share of three working days is long gone two days later.
    clock.set(vn("2026-11-25T10:00:00"));
    await act(deps, team.leader, d.id, "assign", { assigneeId: team.specialist.actor.userId });
    const view = await getDossier(deps, team.desk, d.id);
    const commune = await getAdminUnit(deps, d.communeCode);
    const officers = new Map([
      [team.desk.actor.userId, { role: "one_stop_officer" as const, name: "Lê Minh Tâm" }],
      [team.specialist.actor.userId, { role: "specialist" as const, name: "Phạm Thu Trang" }],
    ]);
    const slip = trackingSlipData(view, formBase("vi", commune, null), officers, clock.now())!;
    expect(slip.rows.map((r) => r.outcome)).toEqual([null, null, "late"]);
    expect(slip.rows[1]).toMatchObject({ from: "Người nộp hồ sơ (Đỗ Văn Nam)", to: "Cán bộ một cửa (Lê Minh Tâm)" });
    // The leader assigns, but the dossier goes from the desk officer who held it to the specialist.
    expect(slip.rows[2]).toMatchObject({ from: "Cán bộ một cửa (Lê Minh Tâm)", to: "Chuyên viên (Phạm Thu Trang)" });
    const printed = await read((await printDossierForm(deps, team.desk, d.id, "trackingSlip", opts)).pdf);
    expect(printed.text).toContain("Quá hạn");
    expect(printed.text).toContain("ỦY BAN NHÂN DÂN XÃ GIA PHÚ");
  });

  it("prints the unpaid fee with the VietQR the payments module draws, and the status link", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-11-23T10:00:00"));
    const d = await act(deps, team.desk, (await buildDossier(deps, team.citizen)).id, "receive");
    expect(d.feeStatus).toBe("unpaid");
    const png = await QRCode.toDataURL("00020101021238570010A000000727", { margin: 1 });
    const withQr = await read((await printDossierForm(deps, team.desk, d.id, "receipt", { ...opts, feeQr: async () => png })).pdf);
    expect(withQr.text).toContain("5.000");
    expect(withQr.text).toContain(`https://xaso.example.vn/status?code=${encodeURIComponent(d.code!)}`);
    expect(withQr.images).toBe(1);
    const without = await read((await printDossierForm(deps, team.desk, d.id, "receipt", opts)).pdf);
    expect(without.text).toContain("5.000");
    expect(without.images).toBe(0);
  });

  it("offers the stop notice only while paused, the apology once issued, the refusal once refused", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-11-23T09:30:00"));
    const d = await act(deps, team.desk, (await buildDossier(deps, team.citizen)).id, "receive");
    expect(printableForms(await getDossier(deps, team.desk, d.id))).toEqual(["receipt", "trackingSlip"]);
    expect((await rejection(printDossierForm(deps, team.desk, d.id, "stopNotice", opts))).status).toBe(404);

    await act(deps, team.leader, d.id, "apologise", { reason: "Chờ xác minh hộ tịch tại nơi cư trú cũ", newDueDate: "2026-12-02" });
    await act(deps, team.leader, d.id, "pause", { ground: "authorityRequest", reason: "Có đơn đề nghị dừng của người có quyền lợi liên quan" });
    const paused = await getDossier(deps, team.desk, d.id);
    expect(printableForms(paused)).toEqual(expect.arrayContaining(["apology", "stopNotice"]));
    const apology = await read((await printDossierForm(deps, team.desk, d.id, "apology", opts)).pdf);
    expect(apology.text).toContain("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
    expect(apology.text).toContain("02/12/2026");
    // Issued days before the deadline: nothing to say about lateness.
    expect(apology.text).not.toContain("quá hạn");
    expect(apology.text).not.toContain("lập muộn");
    const stop = await read((await printDossierForm(deps, team.desk, d.id, "stopNotice", opts)).pdf);
    expect(stop.text).toContain("Có đơn đề nghị dừng của người có quyền lợi liên quan");
    // The tracking slip names the pause's legal ground beside its reason.
    const slip = await read((await printDossierForm(deps, team.desk, d.id, "trackingSlip", opts)).pdf);
    expect(slip.text.replace(/\s+/g, " ")).toContain("Tạm dừng: Theo yêu cầu của Tòa án, cơ quan có thẩm quyền");

    const refusedAtDesk = await buildDossier(deps, team.citizen);
    await act(deps, team.desk, refusedAtDesk.id, "refuse", { reason: "Thiếu tờ khai có chữ ký\nẢnh không rõ" });
    const refusal = await read((await printDossierForm(deps, team.desk, refusedAtDesk.id, "refusal", opts)).pdf);
    expect(refusal.text).toContain("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ");
    expect(refusal.text).toContain("Thiếu tờ khai có chữ ký");
    expect(refusal.text).toContain("Ảnh không rõ");
    // Refused before receipt: there was no appointment, so no receipt either.
    expect((await rejection(printDossierForm(deps, team.desk, refusedAtDesk.id, "receipt", opts))).status).toBe(404);
  });

  it("does not print another commune's dossier for an officer", async () => {
    const { deps } = app();
    const other = await deskTeam(deps, "02905");
    const d = await buildDossier(deps, team.citizen);
    expect((await rejection(printDossierForm(deps, other.desk, d.id, "trackingSlip", opts))).status).toBe(404);
  });

  it("names the giver and the receiver of every hand-over, from the desk to the specialist, leader and back to the applicant", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-11-23T09:00:00"));
    const d = await buildDossier(deps, team.citizen);
    await act(deps, team.desk, d.id, "receive");
    clock.set(vn("2026-11-23T10:00:00"));
    await act(deps, team.leader, d.id, "assign", { assigneeId: team.specialist.actor.userId });
    await act(deps, team.specialist, d.id, "forward", { toUnit: "Công an xã Gia Phú", stepDays: 1 });
    await act(deps, team.specialist, d.id, "forwardReturned", { note: "Đã xác minh" });
    await act(deps, team.specialist, d.id, "propose", { note: "Đủ điều kiện" });
    await act(deps, team.leader, d.id, "approve");
    await confirmPayment(deps, team.desk, d.id, { method: "cash" });
    await act(deps, team.desk, d.id, "returnResult", { method: "desk", collectedBy: "Đỗ Văn Nam" });
    const text = (await read((await printDossierForm(deps, team.desk, d.id, "trackingSlip", opts)).pdf)).text;
    const [desk, specialist, leader] = [team.desk, team.specialist, team.leader].map((x) => x.principal.displayName);
    for (const s of [
      "Mẫu số 06",
      "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ GIA PHÚ",
      `Giao: Người nộp hồ sơ (Đỗ Văn Nam) Nhận: Trung tâm Phục vụ hành chính công xã Gia Phú`,
      `Giao: Người nộp hồ sơ (Đỗ Văn Nam) Nhận: Cán bộ một cửa (${desk})`,
      `Giao: Cán bộ một cửa (${desk}) Nhận: Chuyên viên (${specialist})`,
      `Giao: Chuyên viên (${specialist}) Nhận: Công an xã Gia Phú`,
      `Giao: Công an xã Gia Phú Nhận: Chuyên viên (${specialist})`,
      `Giao: Chuyên viên (${specialist}) Nhận: Lãnh đạo (${leader})`,
      `Giao: Lãnh đạo (${leader}) Nhận: Cán bộ một cửa (${desk})`,
      `Giao: Cán bộ một cửa (${desk}) Nhận: Người nộp hồ sơ (Đỗ Văn Nam)`,
      "Đúng hạn",
    ])
      expect(text).toContain(s);
  });

  it("numbers receipts in one register book per commune and year, shared by the receipt and the register, under concurrent receipts", async () => {
    const { deps, clock } = app();
    const other = await deskTeam(deps, "02905");
    clock.set(vn("2027-01-04T08:30:00"));
    const online = [];
    for (let i = 0; i < 6; i++) online.push(await buildDossier(deps, team.citizen));
    const elsewhere = await buildDossier(deps, other.citizen, { commune: "02905" });
    // Six desks receive at once, with a counter intake and another commune's receipt in between.
    const [counter] = await Promise.all([
      buildDossier(deps, team.desk, { channel: "counter", procedure: COUNTER_PROCEDURE.code }),
      ...online.map((d) => act(deps, team.desk, d.id, "receive")),
      act(deps, other.desk, elsewhere.id, "receive"),
    ]);
    const numbers = (
      await deps.db.query<{ n: number }>("SELECT register_number AS n FROM dossiers WHERE commune_code = $1 AND register_year = 2027", [GIA_PHU])
    ).rows.map((r) => r.n);
    expect(numbers.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await getDossier(deps, other.desk, elsewhere.id)).dossier).toMatchObject({ registerYear: 2027, registerNumber: 1 });

    const entry = (await getDossier(deps, team.desk, counter!.id)).dossier;
    expect(entry.registerYear).toBe(2027);
    const receipt = (await read((await printDossierForm(deps, team.desk, counter!.id, "receipt", opts)).pdf)).text;
    expect(receipt).toContain(`Vào Sổ theo dõi hồ sơ, Quyển số: 2027, Số thứ tự: ${entry.registerNumber}`);
    const register = (await read((await printRegister(deps, team.desk, GIA_PHU, { from: "2027-01-04", to: "2027-01-04" }, { locale: "vi" })).pdf)).text;
    expect(register).toContain("Mẫu số 07");
    expect(register).toContain("Quyển số: 2027");
    expect(register).toContain(`${entry.registerNumber} ${entry.code}`);

    // A new year opens a new book.
    clock.set(vn("2028-01-03T08:30:00"));
    const next = await buildDossier(deps, team.desk, { channel: "counter", procedure: COUNTER_PROCEDURE.code });
    expect((await getDossier(deps, team.desk, next.id)).dossier).toMatchObject({ registerYear: 2028, registerNumber: 1 });
  });

  it("keeps the first appointment on a reprinted receipt after an apology, with the new one beside it", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-11-23T09:30:00"));
    const d = await act(deps, team.desk, (await buildDossier(deps, team.citizen)).id, "receive");
    await act(deps, team.leader, d.id, "apologise", { reason: "Chờ xác minh", newDueDate: "2026-12-02" });
    const text = (await read((await printDossierForm(deps, team.desk, d.id, "receipt", opts)).pdf)).text;
    const due = d.dueAt!.toLocaleString("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });
    // The close of office of the promised day, whatever the office hours are.
    expect(text).toMatch(new RegExp(`giải quyết hồ sơ: \\d\\d giờ \\d\\d phút, ngày ${due} Hẹn lại: \\d\\d giờ \\d\\d phút, ngày 02/12/2026`));
  });

  it("says on the apology that the dossier is overdue when it was issued after the deadline, or late on its last day", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-11-23T09:30:00"));
    const overdue = await act(deps, team.desk, (await buildDossier(deps, team.citizen)).id, "receive");
    const lastDay = await act(deps, team.desk, (await buildDossier(deps, team.citizen)).id, "receive");
    // Three working days: due at close of office on Thu 26/11.
    clock.set(vn("2026-11-26T10:00:00"));
    await act(deps, team.leader, lastDay.id, "apologise", { reason: "Chờ xác minh", newDueDate: "2026-12-02" });
    clock.set(vn("2026-11-27T09:00:00"));
    await act(deps, team.leader, overdue.id, "apologise", { reason: "Chờ xác minh", newDueDate: "2026-12-02" });
    const late = (await read((await printDossierForm(deps, team.desk, overdue.id, "apology", opts)).pdf)).text;
    expect(late).toContain("Hồ sơ đã quá hạn giải quyết: thời hạn hẹn trả kết quả nêu trên đã qua.");
    const onLastDay = (await read((await printDossierForm(deps, team.desk, lastDay.id, "apology", opts)).pdf)).text;
    expect(onLastDay).toContain("Phiếu này được lập muộn, khi còn chưa đến một ngày làm việc trước thời hạn hẹn trả kết quả nêu trên.");
    expect(onLastDay).not.toContain("quá hạn");
  });

  it("lists on the receipt the documents whose original was seen at the counter, not scanned", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-11-23T09:30:00"));
    const def = (await getProcedure(deps, ONLINE_PROCEDURE.code)).definition;
    const { dossier } = await fileDossier(deps, team.desk, {
      idempotencyKey: crypto.randomUUID(),
      procedureCode: ONLINE_PROCEDURE.code,
      communeCode: GIA_PHU,
      applicant: APPLICANT,
      form: formValuesFor(def, APPLICANT),
      documents: documentsFor(def).filter((x) => x.requirementKey !== "identityDocument"),
      originalsSeen: ["identityDocument"],
      delivery: { method: "desk" },
      assistedConsent: { method: "signature" },
      channel: "counter",
      intent: "submit",
    });
    const text = (await read((await printDossierForm(deps, team.desk, dossier.id, "receipt", opts)).pdf)).text;
    // The scanned declaration first, then the ID card shown and handed back: one original, no copy kept.
    expect(text).toContain("1 Tờ khai theo mẫu Bản chính 1 2 Thẻ căn cước của người yêu cầu Bản chính (đã xem, không lưu bản sao) 1 Số lượng hồ sơ");
  });

  it("signs for the People's Committee as its chair or a vice-chair, decided from who signed, and prints the desk's name", async () => {
    const { deps, clock } = app();
    const vice = await acting(deps, await buildUser(deps, { roles: [["leader", GIA_PHU]] }));
    await writeDeskSettings(deps.db, {
      communeCode: GIA_PHU,
      agencyCode: "000.29.23.H39",
      deskAddress: "Thôn Phú Hợp",
      deskName: "Bộ phận Một cửa xã Gia Phú",
      chairUserId: team.leader.actor.userId,
      bankBin: null,
      accountNumber: null,
      accountName: null,
    });
    forgetDeskSettings(deps.db, GIA_PHU);
    try {
      clock.set(vn("2026-11-23T09:30:00"));
      const d = await act(deps, team.desk, (await buildDossier(deps, team.citizen)).id, "receive");
      await act(deps, team.leader, d.id, "apologise", { reason: "Chờ xác minh", newDueDate: "2026-12-02" });
      await act(deps, vice, d.id, "pause", { ground: "applicantRequest", reason: "Có đơn đề nghị dừng" });
      const apology = (await read((await printDossierForm(deps, team.desk, d.id, "apology", opts)).pdf)).text;
      expect(apology).toContain("Mẫu số 04");
      expect(apology).toContain(`TM. ỦY BAN NHÂN DÂN CHỦ TỊCH (Ký, ghi rõ họ tên và đóng dấu) ${team.leader.principal.displayName}`);
      expect(apology).not.toContain("TỈNH");
      const stop = (await read((await printDossierForm(deps, team.desk, d.id, "stopNotice", opts)).pdf)).text;
      expect(stop).toContain(`KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Ký, ghi rõ họ tên và đóng dấu) ${vice.principal.displayName}`);
      const receipt = (await read((await printDossierForm(deps, team.desk, d.id, "receipt", opts)).pdf)).text;
      expect(receipt).toContain("ỦY BAN NHÂN DÂN XÃ GIA PHÚ BỘ PHẬN MỘT CỬA XÃ GIA PHÚ");
      expect(receipt).toContain("Bộ phận Một cửa xã Gia Phú tiếp nhận hồ sơ của:");
    } finally {
      await deps.db.query("DELETE FROM commune_settings WHERE commune_code = $1", [GIA_PHU]);
      forgetDeskSettings(deps.db, GIA_PHU);
    }
  });

  it("prints another handling agency and its signer for its procedures, and the chair when a desk officer issued a letter", async () => {
    const commune = await getAdminUnit(app().deps, GIA_PHU);
    const police = { name: "Công an xã Gia Phú", signerTitle: "Trưởng Công an xã" };
    expect(formBase("vi", commune, null, police)).toMatchObject({
      agencyName: "Công an xã Gia Phú",
      agencyLines: ["Công an xã Gia Phú"],
      deskName: "Trung tâm Phục vụ hành chính công xã Gia Phú",
    });
    expect(formBase("vi", commune, null).agencyLines).toEqual(["Ủy ban nhân dân", "xã Gia Phú"]);
    const positions = {
      chairUserId: "c",
      leaders: new Map([
        ["c", "Đỗ Quang Vinh"],
        ["v", "Hà Thị Lan"],
      ]),
    };
    expect(signerOf("vi", { id: "x", name: "Lò Văn Sáng" }, positions, police)).toEqual({ title: "Trưởng Công an xã", name: "Lò Văn Sáng" });
    expect(signerOf("vi", { id: "v", name: "Hà Thị Lan" }, positions, null)).toEqual({ capacity: "KT. Chủ tịch", title: "Phó Chủ tịch", name: "Hà Thị Lan" });
    expect(signerOf("vi", { id: "desk", name: "Lê Minh Tâm" }, positions, null)).toEqual({
      capacity: "TM. Ủy ban nhân dân",
      title: "Chủ tịch",
      name: "Đỗ Quang Vinh",
    });
  });
});
