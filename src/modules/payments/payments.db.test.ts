import { afterAll, beforeAll, expect, it } from "vitest";
import { BAO_THANG, buildUser, GIA_PHU, LAO_CAI } from "../../../test/support/factories.ts";
import { buildTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { SIGNATURE_CERTIFICATION, aProcedureDefinition } from "../../../test/support/procedure-factories.ts";
import type { Principal } from "../../platform/auth/authorise.ts";
import type { Role } from "../../platform/auth/roles.ts";
import { actOnDossier, type DossierRow, fileDossier, findDossierRow, saveDeskSettings } from "../dossiers/index.ts";
import {
  confirmPayment,
  getReceipt,
  handleGatewayWebhook,
  markExempt,
  paymentQrFor,
  paymentsForDossier,
  readVietQr,
  refundPayment,
  signWebhook,
  vietQrPngForDossier,
} from "./index.ts";

const SECRET = "test-webhook-secret-0123456789-abcdefghij";
const ascii = (s: string) => new TextEncoder().encode(s);
const pdf = ascii("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
let procedureCode: string;

const PATHS: Record<string, string> = { [GIA_PHU]: `/${LAO_CAI}/${GIA_PHU}/`, [BAO_THANG]: `/${LAO_CAI}/${BAO_THANG}/` };

describeDb("payments", () => {
  let t: TestApp;
  let desk: Principal;
  let admin: Principal;
  let citizen: Principal;
  let strangerDesk: Principal;
  const ctx = (principal: Principal | null) => ({ actor: { userId: principal?.userId ?? null, label: "t" }, requestId: "req-pay", principal });

  async function person(role: Role, unit: string, kind: "officer" | "citizen" = "officer"): Promise<Principal> {
    const u = await buildUser(t.deps, { roles: [[role, unit]], kind });
    return {
      userId: u.id,
      username: u.username,
      displayName: `Test ${u.username}`,
      kind,
      locale: null,
      grants: [{ role, unitCode: unit, unitPath: PATHS[unit]! }],
    };
  }

  /** A walk-in at the counter for "Chứng thực chữ ký" (fee 10,000 đ). */
  async function counterDossier(by: Principal = desk, commune = GIA_PHU): Promise<DossierRow> {
    const { dossier } = await fileDossier(t.deps, ctx(by), {
      idempotencyKey: null,
      procedureCode: procedureCode,
      communeCode: commune,
      channel: "counter",
      intent: "submit",
      applicant: { fullName: "Nguyễn Văn An", phone: "0912345678" },
      form: {},
      delivery: { method: "desk" },
      assistedConsent: { method: "signature" },
      documents: [
        { requirementKey: "paper", upload: { name: "giay.pdf", bytes: pdf } },
        { requirementKey: "identityDocument", upload: { name: "cccd.pdf", bytes: pdf } },
      ],
    });
    return dossier;
  }

  const webhook = (body: unknown, opts: { secret?: string; raw?: string } = {}) => {
    const rawBody = opts.raw ?? JSON.stringify(body);
    return handleGatewayWebhook(t.deps, { rawBody, signatureHeader: signWebhook(opts.secret ?? SECRET, rawBody, t.clock.now()) });
  };
  const countPayments = async (dossierId: string) =>
    (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM payments WHERE dossier_id = $1", [dossierId])).rows[0]!.n;

  beforeAll(async () => {
    t = await buildTestApp({ env: { PAYMENT_WEBHOOK_SECRET: SECRET } });
    // A desk-only procedure with a fee of 10,000 đ and two required documents.
    procedureCode = (await aProcedureDefinition(t.deps, SIGNATURE_CERTIFICATION)).code;
    desk = await person("one_stop_officer", GIA_PHU);
    admin = await person("commune_admin", GIA_PHU);
    citizen = await person("citizen", GIA_PHU, "citizen");
    strangerDesk = await person("one_stop_officer", BAO_THANG);
    await saveDeskSettings(t.deps, ctx(admin), GIA_PHU, {
      agencyCode: "000.29.23.h39",
      deskAddress: "Bộ phận Một cửa xã Gia Phú",
      bankBin: "970436",
      accountNumber: "0123456789",
      accountName: "Ủy ban nhân dân xã Gia Phú",
    });
  });
  afterAll(() => t.close());

  it("builds a dynamic VietQR to the commune's account for the fee, with the dossier code in the note", async () => {
    const d = await counterDossier();
    expect(d).toMatchObject({ feeAmount: 10000, feeStatus: "unpaid" });
    expect(d.code).toMatch(/^000\.29\.23\.H39-\d{6}-\d{4}$/);
    const qr = (await paymentQrFor(t.deps, d))!;
    const read = readVietQr(qr.payload); // undefined unless the CRC is valid
    expect(read).toMatchObject({ bin: "970436", account: "0123456789", amountVnd: 10000, purpose: `LE PHI ${d.code}` });
    expect(read?.billNumber).toBe(d.code!.replace(/[^0-9A-Z]/g, ""));
    expect(qr).toMatchObject({ amount: 10000, bankName: "Vietcombank", accountName: "UY BAN NHAN DAN XA GIA PHU" });
    expect(qr.svg).toMatch(/^<svg width="232" height="232" role="img" aria-label="Mã VietQR để chuyển khoản 10\.000/);
    expect(await vietQrPngForDossier(t.deps, d)).toMatch(/^data:image\/png;base64,/);
  });

  it("lets the desk confirm a payment once, with a numbered receipt, and then offers no QR", async () => {
    const d = await counterDossier();
    const paid = await confirmPayment(t.deps, ctx(desk), d.id, { method: "cash", note: "Thu tại quầy" });
    expect(paid).toMatchObject({ dossierId: d.id, amount: 10000, method: "cash", status: "paid", confirmedById: desk.userId, note: "Thu tại quầy" });
    expect(paid.receiptNo).toMatch(/^BL-2026-02923-\d{6}$/);
    expect((await findDossierRow(t.db, d.id))?.feeStatus).toBe("paid");
    await expect(confirmPayment(t.deps, ctx(desk), d.id, { method: "vietqr" })).rejects.toMatchObject({ status: 409, messageKey: "payments.error.state.paid" });
    expect(await countPayments(d.id)).toBe(1);
    expect(await paymentQrFor(t.deps, (await findDossierRow(t.db, d.id))!)).toBeNull();
    const audit = await t.db.query("SELECT action, actor_id FROM audit_log WHERE target_id = $1", [paid.id]);
    expect(audit.rows).toEqual([{ action: "payment.confirmed", actor_id: desk.userId }]);
  });

  it("numbers receipts one after another per commune and year, even when desks confirm at once", async () => {
    const ds = await Promise.all([1, 2, 3].map(() => counterDossier()));
    const paid = await Promise.all(ds.map((d) => confirmPayment(t.deps, ctx(desk), d.id, { method: "vietqr" })));
    const numbers = paid.map((p) => Number(p.receiptNo.slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(3);
    expect(numbers[2]! - numbers[0]!).toBe(2);
  });

  it("refuses the confirmation to a citizen (404), another commune's desk (404) and the commune admin (403)", async () => {
    const d = await counterDossier();
    await expect(confirmPayment(t.deps, ctx(citizen), d.id, { method: "cash" })).rejects.toMatchObject({ status: 404 });
    await expect(confirmPayment(t.deps, ctx(strangerDesk), d.id, { method: "cash" })).rejects.toMatchObject({ status: 404 });
    await expect(confirmPayment(t.deps, ctx(admin), d.id, { method: "cash" })).rejects.toMatchObject({ status: 403 });
    await expect(confirmPayment(t.deps, ctx(null), d.id, { method: "cash" })).rejects.toMatchObject({ status: 401 });
    expect(await countPayments(d.id)).toBe(0);
    await expect(getReceipt(t.deps, ctx(strangerDesk), "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ status: 404 });
  });

  it("records a waiver only with a reason, and then refuses a payment", async () => {
    const d = await counterDossier();
    await expect(markExempt(t.deps, ctx(desk), d.id, { reason: "  " })).rejects.toMatchObject({
      status: 400,
      fields: [expect.objectContaining({ field: "reason" })],
    });
    const waived = await markExempt(t.deps, ctx(desk), d.id, { reason: "Hộ nghèo, sổ số 12/2026" });
    expect(waived).toMatchObject({ method: "exempt", status: "exempt", amount: 10000, note: "Hộ nghèo, sổ số 12/2026" });
    expect(waived.receiptNo).toMatch(/^MG-2026-02923-\d{6}$/);
    expect((await findDossierRow(t.db, d.id))?.feeStatus).toBe("exempt");
    await expect(confirmPayment(t.deps, ctx(desk), d.id, { method: "cash" })).rejects.toMatchObject({ status: 409, messageKey: "payments.error.state.exempt" });
    await expect(refundPayment(t.deps, ctx(desk), waived.id, { reason: "x" })).rejects.toMatchObject({ status: 409 });
  });

  it("takes no money at the desk for a dossier refused after receipt", async () => {
    const d = await counterDossier();
    const leader = await person("leader", GIA_PHU);
    await actOnDossier(t.deps, ctx(leader), d.id, { action: "refuse", version: d.version, reason: "Không đủ điều kiện" });
    await expect(confirmPayment(t.deps, ctx(desk), d.id, { method: "cash" })).rejects.toMatchObject({ status: 409, messageKey: "payments.error.closed" });
    expect(await countPayments(d.id)).toBe(0);
  });

  it("refunds a paid fee once", async () => {
    const d = await counterDossier();
    const paid = await confirmPayment(t.deps, ctx(desk), d.id, { method: "cash" });
    await expect(refundPayment(t.deps, ctx(desk), paid.id, { reason: "" })).rejects.toMatchObject({
      status: 400,
      fields: [expect.objectContaining({ field: "reason" })],
    });
    const refunded = await refundPayment(t.deps, ctx(desk), paid.id, { reason: "Thu nhầm" });
    expect(refunded).toMatchObject({ status: "refunded", refundedAt: t.clock.now(), note: "Thu nhầm" });
    expect((await findDossierRow(t.db, d.id))?.feeStatus).toBe("refunded");
    await expect(refundPayment(t.deps, ctx(desk), paid.id, { reason: "Lần nữa" })).rejects.toMatchObject({
      status: 409,
      messageKey: "payments.error.refund.refunded",
    });
    await expect(refundPayment(t.deps, ctx(strangerDesk), paid.id, { reason: "x" })).rejects.toMatchObject({ status: 404 });
  });

  it("marks the fee paid from a signed gateway webhook, and answers a replay without a second payment", async () => {
    const d = await counterDossier();
    const notice = { dossierCode: d.code, amount: 10000, gatewayRef: `GW-${d.id}`, paidAt: "2026-11-23T10:15:00+07:00" };
    const first = await webhook(notice);
    expect(first).toMatchObject({ status: 200, duplicate: false });
    const row = await findDossierRow(t.db, d.id);
    expect(row?.feeStatus).toBe("paid");
    const [payment] = await paymentsForDossier(t.deps, d.id);
    expect(payment).toMatchObject({
      method: "gateway",
      status: "paid",
      gatewayRef: `GW-${d.id}`,
      confirmedById: null,
      confirmedAt: new Date("2026-11-23T03:15:00Z"),
    });
    expect(await webhook(notice)).toMatchObject({ status: 200, duplicate: true, paymentId: payment!.id });
    expect(await countPayments(d.id)).toBe(1);
    // Another transaction for a fee already paid is a conflict, not a second payment.
    expect(await webhook({ ...notice, gatewayRef: "GW-other" })).toMatchObject({ status: 409 });
    expect(await countPayments(d.id)).toBe(1);
  });

  it("rejects a webhook with a wrong or missing signature, a wrong amount or an unknown dossier, writing nothing", async () => {
    const d = await counterDossier();
    const notice = { dossierCode: d.code, amount: 10000, gatewayRef: `GW-${d.id}`, paidAt: "2026-11-23T10:15:00+07:00" };
    expect(await webhook(notice, { secret: "not-the-secret-not-the-secret-not-the" })).toMatchObject({ status: 401, messageKey: "payments.webhook.mismatch" });
    expect(await handleGatewayWebhook(t.deps, { rawBody: JSON.stringify(notice), signatureHeader: undefined })).toMatchObject({
      status: 401,
      messageKey: "payments.webhook.missing",
    });
    const raw = JSON.stringify(notice);
    const tampered = raw.replace("10000", "1000");
    expect(await handleGatewayWebhook(t.deps, { rawBody: tampered, signatureHeader: signWebhook(SECRET, raw, t.clock.now()) })).toMatchObject({ status: 401 });
    expect(await webhook({ ...notice, amount: 5000 })).toMatchObject({ status: 422, params: { amount: 5000, fee: 10000 } });
    expect(await webhook({ ...notice, dossierCode: "000.29.23.H39-000000-9999" })).toMatchObject({ status: 404 });
    expect(await webhook({ ...notice, paidAt: "yesterday" })).toMatchObject({ status: 400, fields: [expect.objectContaining({ field: "paidAt" })] });
    expect(await countPayments(d.id)).toBe(0);
    expect((await findDossierRow(t.db, d.id))?.feeStatus).toBe("unpaid");
    const disabled = { ...t.deps, config: { ...t.deps.config, paymentWebhookSecret: undefined } };
    expect(await handleGatewayWebhook(disabled, { rawBody: raw, signatureHeader: signWebhook(SECRET, raw, t.clock.now()) })).toMatchObject({ status: 404 });
  });

  it("validates desk settings, naming the field, and keeps them to commune admins", async () => {
    const base = { agencyCode: "000.29.23.H39", bankBin: "970436", accountNumber: "0123456789", accountName: "UBND XA GIA PHU" };
    const fieldsOf = async (input: Record<string, unknown>) => {
      const err = await saveDeskSettings(t.deps, ctx(admin), GIA_PHU, input).catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 400 });
      return (err as { fields: Array<{ field: string }> }).fields.map((f) => f.field);
    };
    expect(await fieldsOf({ ...base, bankBin: "97043" })).toEqual(["bankBin"]);
    expect(await fieldsOf({ ...base, agencyCode: "000-29-23-H39" })).toEqual(["agencyCode"]);
    expect(await fieldsOf({ ...base, agencyCode: "H39" })).toEqual(["agencyCode"]);
    expect(await fieldsOf({ ...base, agencyCode: `${"1234.".repeat(7)}1` })).toEqual(["agencyCode"]);
    expect(await fieldsOf({ ...base, accountName: undefined })).toEqual(["accountName"]);
    expect(await fieldsOf({ agencyCode: "000.29.23.H39", bankBin: "970436" })).toEqual(["accountNumber", "accountName"]);
    expect(await fieldsOf({ bankBin: "970436", accountNumber: "1", accountName: "A" })).toEqual(["agencyCode"]);
    await expect(saveDeskSettings(t.deps, ctx(desk), GIA_PHU, base)).rejects.toMatchObject({ status: 403 });
    await expect(saveDeskSettings(t.deps, ctx(strangerDesk), GIA_PHU, base)).rejects.toMatchObject({ status: 404 });
    // Cash only: no account at all is fine, and then no QR is offered.
    const cashOnly = await saveDeskSettings(t.deps, ctx(admin), GIA_PHU, { agencyCode: "000.29.23.H39" });
    expect(cashOnly).toMatchObject({ bankBin: null, accountNumber: null, configured: true });
    expect(await paymentQrFor(t.deps, await counterDossier())).toBeNull();
    await saveDeskSettings(t.deps, ctx(admin), GIA_PHU, base);
  });
});
