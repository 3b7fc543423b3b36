// The printed forms are built from what the dossier recorded: hand-overs judged against their step
// deadlines, the fee and its QR, and the refusal, apology and stop notice only once they happened.
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import QRCode from "qrcode";
import { beforeAll, expect, it } from "vitest";
import { act, buildDossier, deskTeam } from "../../../../test/support/dossier-factories.ts";
import { rejection } from "../../../../test/support/expect-error.ts";
import { useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { getDossier } from "./get-dossier.ts";
import { printableForms, printDossierForm, registerNumberOf, stepOutcome, trackingSlipData, formBase } from "./print-forms.ts";
import { getAdminUnit } from "../../admin-units/index.ts";

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
    expect(registerNumberOf("XS.02923-261123-0007")).toBe(7);
    expect(registerNumberOf(null)).toBeNull();
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
    const roles = new Map([
      [team.desk.actor.userId, "one_stop_officer" as const],
      [team.leader.actor.userId, "leader" as const],
    ]);
    const slip = trackingSlipData(view, formBase("vi", commune, null), roles, clock.now())!;
    expect(slip.rows.map((r) => r.outcome)).toEqual([null, null, "late"]);
    expect(slip.rows[1]).toMatchObject({ from: "Người nộp hồ sơ (Đỗ Văn Nam)", to: `Cán bộ một cửa (Test ${team.desk.actor.label})` });
    expect(slip.rows[2]).toMatchObject({ from: `Cán bộ một cửa (Test ${team.desk.actor.label})`, to: `Lãnh đạo (Test ${team.leader.actor.label})` });
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
    await act(deps, team.leader, d.id, "pause", { reason: "Có đơn đề nghị dừng của người có quyền lợi liên quan" });
    const paused = await getDossier(deps, team.desk, d.id);
    expect(printableForms(paused)).toEqual(expect.arrayContaining(["apology", "stopNotice"]));
    const apology = await read((await printDossierForm(deps, team.desk, d.id, "apology", opts)).pdf);
    expect(apology.text).toContain("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
    expect(apology.text).toContain("02/12/2026");
    const stop = await read((await printDossierForm(deps, team.desk, d.id, "stopNotice", opts)).pdf);
    expect(stop.text).toContain("Có đơn đề nghị dừng của người có quyền lợi liên quan");

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
});
