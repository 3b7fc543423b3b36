import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, expect, it } from "vitest";
import { json, TestClient } from "../../../test/support/client.ts";
import { BAO_THANG, buildUser, GIA_PHU, LAO_CAI, PASSWORD } from "../../../test/support/factories.ts";
import { type TestApp, useTestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { SIGNATURE_CERTIFICATION, aProcedureDefinition } from "../../../test/support/procedure-factories.ts";
import type { Principal } from "../../platform/auth/authorise.ts";
import { CSRF_HEADER } from "../../platform/http/csrf.ts";
import { actOnDossier, type DossierRow, fileDossier, findDossierRow, saveDeskSettings } from "../dossiers/index.ts";
import { acting } from "../../../test/support/dossier-factories.ts";
import { readVietQr, SIGNATURE_HEADER, signWebhook } from "./index.ts";

const SECRET = "http-webhook-secret-0123456789-abcdefghij";
const ascii = (s: string) => new TextEncoder().encode(s);
const pdf = ascii("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

let procedureCode: string;

async function pdfText(data: Uint8Array): Promise<string> {
  const doc = await getDocument({ data, useSystemFonts: false, disableFontFace: true }).promise;
  let text = "";
  for (let i = 1; i <= doc.numPages; i++) for (const item of (await (await doc.getPage(i)).getTextContent()).items) if ("str" in item) text += `${item.str} `;
  await doc.destroy();
  return text.replace(/\s+/g, " ");
}

describeDb("payments over HTTP", () => {
  const app = useTestApp({ env: { PAYMENT_WEBHOOK_SECRET: SECRET } });
  let t: TestApp;
  let desk: TestClient;
  let admin: TestClient;
  let citizen: TestClient;
  let stranger: TestClient;
  let deskPrincipal: Principal;

  const signedIn = async (role: "one_stop_officer" | "commune_admin" | "citizen", unit: string) => {
    const u = await buildUser(t.deps, { roles: [[role, unit]], kind: role === "citizen" ? "citizen" : "officer" });
    const client = new TestClient(t.app);
    await client.signIn(u.username, PASSWORD);
    return {
      client,
      principal: {
        userId: u.id,
        username: u.username,
        displayName: u.username,
        kind: "officer",
        locale: null,
        grants: [{ role, unitCode: unit, unitPath: `/${LAO_CAI}/${unit}/` }],
      } as Principal,
    };
  };

  async function counterDossier(): Promise<DossierRow> {
    const { dossier } = await fileDossier(
      t.deps,
      { actor: { userId: deskPrincipal.userId, label: "t" }, requestId: null, principal: deskPrincipal },
      {
        idempotencyKey: null,
        procedureCode: procedureCode,
        communeCode: GIA_PHU,
        channel: "counter",
        intent: "submit",
        applicant: { fullName: "Trần Thị Bình", phone: "0987654321" },
        form: {},
        delivery: { method: "desk" },
        assistedConsent: { method: "verbal" },
        documents: [
          { requirementKey: "paper", upload: { name: "giay.pdf", bytes: pdf } },
          { requirementKey: "identityDocument", upload: { name: "cccd.pdf", bytes: pdf } },
        ],
      },
    );
    return dossier;
  }

  const apiJson = (client: TestClient, path: string, method: "POST" | "PUT", body: unknown) =>
    client.request(path, { ...json(body, { [CSRF_HEADER]: client.csrfToken }), method });
  const postWebhook = (raw: string, signature: string | null) =>
    t.app.request("/api/v1/payments/webhook", {
      method: "POST",
      body: raw,
      headers: { "content-type": "application/json", ...(signature ? { [SIGNATURE_HEADER]: signature } : {}) },
    });
  const countPayments = async (dossierId: string) =>
    (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM payments WHERE dossier_id = $1", [dossierId])).rows[0]!.n;

  beforeAll(async () => {
    t = app();
    // A desk-only procedure with a fee of 10,000 đ and two required documents.
    procedureCode = (await aProcedureDefinition(t.deps, SIGNATURE_CERTIFICATION)).code;
    const d = await signedIn("one_stop_officer", GIA_PHU);
    desk = d.client;
    deskPrincipal = d.principal;
    const a = await signedIn("commune_admin", GIA_PHU);
    admin = a.client;
    citizen = (await signedIn("citizen", GIA_PHU)).client;
    stranger = (await signedIn("one_stop_officer", BAO_THANG)).client;
    await saveDeskSettings(t.deps, { actor: { userId: a.principal.userId, label: "t" }, requestId: null, principal: a.principal }, GIA_PHU, {
      agencyCode: "000.29.23.H39",
      bankBin: "970415",
      accountNumber: "102010001234",
      accountName: "UBND XA GIA PHU",
    });
  });

  it("shows the settings form to the commune admin and puts errors beside the fields", async () => {
    const form = await admin.get(`/office/communes/${GIA_PHU}/settings`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('name="_csrf"');
    expect(html).toContain('<option value="970415" selected="">VietinBank');
    const bad = await admin.post(`/office/communes/${GIA_PHU}/settings`, {
      agencyCode: "ab-12",
      bankBin: "970415",
      accountNumber: "102010001234",
      accountName: "",
    });
    expect(bad.status).toBe(400);
    const body = await bad.text();
    expect(body).toContain('class="error-summary"');
    expect(body).toMatch(/id="f-agencyCode-error"/);
    expect(body).toMatch(/id="f-accountName-error"/);
    const ok = await admin.post(`/office/communes/${GIA_PHU}/settings`, {
      agencyCode: "000.29.23.H39",
      deskAddress: "Thôn 1",
      bankBin: "970415",
      accountNumber: "102010001234",
      accountName: "Ủy ban xã Gia Phú",
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`/office/communes/${GIA_PHU}/settings`);
    const after = await (await admin.get(`/office/communes/${GIA_PHU}/settings`)).text();
    expect(after).toContain("Đã lưu thiết lập Bộ phận Một cửa.");
    expect(after).toContain('value="UY BAN XA GIA PHU"');
    expect((await desk.get(`/office/communes/${GIA_PHU}/settings`)).status).toBe(403);
    expect((await stranger.get(`/office/communes/${GIA_PHU}/settings`)).status).toBe(404);
  });

  it("validates settings through the API, naming the field", async () => {
    const badBin = await apiJson(admin, `/api/v1/communes/${GIA_PHU}/settings`, "PUT", {
      agencyCode: "000.29.23.H39",
      bankBin: "12345",
      accountNumber: "1",
      accountName: "A",
    });
    expect(badBin.status).toBe(400);
    expect((await badBin.json()).errors).toEqual([expect.objectContaining({ field: "bankBin" })]);
    const badAgency = await apiJson(admin, `/api/v1/communes/${GIA_PHU}/settings`, "PUT", { agencyCode: "000.29.23.H39-X" });
    expect((await badAgency.json()).errors).toEqual([expect.objectContaining({ field: "agencyCode" })]);
    const ok = await apiJson(admin, `/api/v1/communes/${GIA_PHU}/settings`, "PUT", {
      agencyCode: "000.29.23.H39",
      bankBin: "970415",
      accountNumber: "102010001234",
      accountName: "UBND XA GIA PHU",
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      bankName: "VietinBank",
      configured: true,
      deskName: null,
      printedDeskName: "Trung tâm Phục vụ hành chính công xã Gia Phú",
      chairUserId: null,
    });
    // The chair must be one of the commune's leaders.
    const notLeader = await apiJson(admin, `/api/v1/communes/${GIA_PHU}/settings`, "PUT", { agencyCode: "000.29.23.H39", chairUserId: deskPrincipal.userId });
    expect(notLeader.status).toBe(400);
    expect((await notLeader.json()).errors).toEqual([expect.objectContaining({ field: "chairUserId" })]);
    const chair = await buildUser(t.deps, { roles: [["leader", GIA_PHU]] });
    const named = await apiJson(admin, `/api/v1/communes/${GIA_PHU}/settings`, "PUT", {
      agencyCode: "000.29.23.H39",
      deskName: "Bộ phận Một cửa xã Gia Phú",
      chairUserId: chair.id,
      bankBin: "970415",
      accountNumber: "102010001234",
      accountName: "UBND XA GIA PHU",
    });
    expect(await named.json()).toMatchObject({ deskName: "Bộ phận Một cửa xã Gia Phú", printedDeskName: "Bộ phận Một cửa xã Gia Phú", chairUserId: chair.id });
    const page = await (await admin.get(`/office/communes/${GIA_PHU}/settings`)).text();
    expect(page).toContain('value="Bộ phận Một cửa xã Gia Phú"');
    expect(page).toContain(`<option value="${chair.id}" selected="">`);
    // Back to the default, as the other tests expect.
    await apiJson(admin, `/api/v1/communes/${GIA_PHU}/settings`, "PUT", {
      agencyCode: "000.29.23.H39",
      bankBin: "970415",
      accountNumber: "102010001234",
      accountName: "UBND XA GIA PHU",
    });
  });

  it("gives the fee's VietQR through the API, and lets the desk confirm once through the page", async () => {
    const d = await counterDossier();
    const info = await desk.get(`/api/v1/dossiers/${d.id}/payment`);
    expect(info.status).toBe(200);
    const body = await info.json();
    expect(body).toMatchObject({ dossierCode: d.code, amount: 10000, status: "unpaid", payments: [] });
    expect(readVietQr(body.qr.payload)).toMatchObject({ bin: "970415", account: "102010001234", amountVnd: 10000, purpose: `LE PHI ${d.code}` });

    const missing = await desk.post(`/office/dossiers/${d.id}/payment/confirm`, { payNote: "x" });
    expect(missing.status).toBe(400);
    const page = await missing.text();
    expect(page).toMatch(/id="f-payMethod-error"/);
    expect(page).toContain("<svg");
    expect(page).toContain("Quét mã bằng ứng dụng ngân hàng");

    const ok = await desk.post(`/office/dossiers/${d.id}/payment/confirm`, { payMethod: "cash", payNote: "Quầy số 2" });
    expect(ok.status).toBe(303);
    const receiptUrl = ok.headers.get("location")!;
    expect(receiptUrl).toMatch(/^\/payments\/[0-9a-f-]{36}\/receipt$/);
    const receipt = await (await desk.get(receiptUrl)).text();
    expect(receipt).toContain("Biên lai thu phí, lệ phí");
    expect(receipt).toMatch(/BL-2026-02923-\d{6}/);
    expect(receipt).toContain("Trần Thị Bình");
    expect(receipt).toContain("10.000");
    expect(receipt).toContain("Tiền mặt");
    expect(receipt).toContain("Chứng thực chữ ký");
    expect(receipt).toContain("Đã xác nhận thu phí và cấp biên lai.");
    expect(receipt).toContain(`href="${receiptUrl}.pdf"`);
    // The printed receipt: header, number, payer, the amount in figures and in words, and both signatures.
    const printed = await desk.get(`${receiptUrl}.pdf`);
    expect(printed.status).toBe(200);
    expect(printed.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(new Uint8Array(await printed.arrayBuffer()));
    for (const s of [
      "ỦY BAN NHÂN DÂN XÃ GIA PHÚ",
      "BIÊN LAI THU PHÍ, LỆ PHÍ",
      "Người nộp: Trần Thị Bình",
      "Số tiền: 10.000",
      "Bằng chữ: Mười nghìn đồng",
      "NGƯỜI THU TIỀN",
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/Số biên lai: BL-2026-02923-\d{6}/);
    expect((await stranger.get(`${receiptUrl}.pdf`)).status).toBe(404);
    // The dossier page's payment history links the printed receipt too.
    expect(await (await desk.get(`/office/dossiers/${d.id}`)).text()).toContain(`href="${receiptUrl}.pdf"`);
    expect((await findDossierRow(t.db, d.id))?.feeStatus).toBe("paid");

    const again = await desk.post(`/office/dossiers/${d.id}/payment/confirm`, { payMethod: "cash" });
    expect(again.status).toBe(409);
    const apiAgain = await apiJson(desk, `/api/v1/dossiers/${d.id}/payment/confirm`, "POST", { method: "vietqr" });
    expect(apiAgain.status).toBe(409);
    expect(await countPayments(d.id)).toBe(1);

    expect((await stranger.get(receiptUrl)).status).toBe(404);
    expect((await citizen.get(receiptUrl)).status).toBe(404);
  });

  it("shows the VietQR only while the fee is due: not once the dossier is refused", async () => {
    const d = await counterDossier();
    expect(await (await desk.get(`/office/dossiers/${d.id}`)).text()).toContain("Quét mã bằng ứng dụng ngân hàng");
    const leader = await acting(t.deps, await buildUser(t.deps, { roles: [["leader", GIA_PHU]] }));
    await actOnDossier(t.deps, leader, d.id, { action: "refuse", version: (await findDossierRow(t.db, d.id))!.version, reason: "Không đủ điều kiện" });
    const page = await (await desk.get(`/office/dossiers/${d.id}`)).text();
    expect(page).not.toContain("Quét mã bằng ứng dụng ngân hàng");
    expect(page).not.toContain(`/office/dossiers/${d.id}/payment/confirm`);
  });

  it("does not let a citizen or another commune confirm", async () => {
    const d = await counterDossier();
    expect((await citizen.post(`/office/dossiers/${d.id}/payment/confirm`, { payMethod: "cash" })).status).toBe(404);
    expect((await apiJson(citizen, `/api/v1/dossiers/${d.id}/payment/confirm`, "POST", { method: "cash" })).status).toBe(404);
    expect((await stranger.post(`/office/dossiers/${d.id}/payment/confirm`, { payMethod: "cash" })).status).toBe(404);
    expect((await apiJson(admin, `/api/v1/dossiers/${d.id}/payment/confirm`, "POST", { method: "cash" })).status).toBe(403);
    expect(await countPayments(d.id)).toBe(0);
  });

  it("waives and refunds through the pages", async () => {
    const waivedDossier = await counterDossier();
    const noReason = await desk.post(`/office/dossiers/${waivedDossier.id}/payment/exempt`, { exemptReason: "" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toMatch(/id="f-exemptReason-error"/);
    const waived = await desk.post(`/office/dossiers/${waivedDossier.id}/payment/exempt`, { exemptReason: "Người khuyết tật" });
    expect(waived.status).toBe(303);
    expect(await (await desk.get(waived.headers.get("location")!)).text()).toContain("Giấy ghi nhận miễn phí, lệ phí");

    const d = await counterDossier();
    const paid = await apiJson(desk, `/api/v1/dossiers/${d.id}/payment/confirm`, "POST", { method: "vietqr" });
    expect(paid.status).toBe(201);
    const { id } = await paid.json();
    expect((await desk.post(`/office/payments/${id}/refund`, { refundReason: "" })).status).toBe(400);
    const refunded = await desk.post(`/office/payments/${id}/refund`, { refundReason: "Hồ sơ bị từ chối" });
    expect(refunded.status).toBe(303);
    const receipt = await (await desk.get(`/payments/${id}/receipt`)).text();
    expect(receipt).toContain("Đã hoàn trả");
    expect(receipt).not.toContain('name="refundReason"');
    expect((await findDossierRow(t.db, d.id))?.feeStatus).toBe("refunded");
    expect((await apiJson(desk, `/api/v1/payments/${id}/refund`, "POST", { reason: "Lần nữa" })).status).toBe(409);
  });

  it("takes a signed webhook once, and rejects bad signatures and amounts without writing", async () => {
    const d = await counterDossier();
    const raw = JSON.stringify({ dossierCode: d.code, amount: 10000, gatewayRef: `PAY-${d.id}`, paidAt: "2026-11-23T09:00:00+07:00" });
    const now = t.clock.now();

    const forged = await postWebhook(raw, signWebhook("another-secret-another-secret-another-secret", raw, now));
    expect(forged.status).toBe(401);
    expect(forged.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect((await postWebhook(raw, null)).status).toBe(401);
    const wrongAmount = JSON.stringify({ dossierCode: d.code, amount: 9000, gatewayRef: `PAY-${d.id}`, paidAt: "2026-11-23T09:00:00+07:00" });
    const unprocessable = await postWebhook(wrongAmount, signWebhook(SECRET, wrongAmount, now));
    expect(unprocessable.status).toBe(422);
    expect(await unprocessable.json()).toMatchObject({ status: 422, type: "/docs/problems#amount_mismatch" });
    expect(await countPayments(d.id)).toBe(0);

    const ok = await postWebhook(raw, signWebhook(SECRET, raw, now));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ duplicate: false, receiptNo: expect.stringMatching(/^BL-2026-02923-/) });
    const replay = await postWebhook(raw, signWebhook(SECRET, raw, now));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ duplicate: true });
    expect(await countPayments(d.id)).toBe(1);
    expect((await findDossierRow(t.db, d.id))?.feeStatus).toBe("paid");
    const info = await (await desk.get(`/api/v1/dossiers/${d.id}/payment`)).json();
    expect(info).toMatchObject({ status: "paid", qr: null, payments: [{ method: "gateway", gatewayRef: `PAY-${d.id}`, confirmedBy: null }] });
  });
});
