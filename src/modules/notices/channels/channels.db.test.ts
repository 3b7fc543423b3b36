// The per-person channels end to end on one database: outbox handlers (sent with the provider's id, retried, failed
// after the last attempt or at once for a permanent Zalo error, never sent twice), the signed delivery callbacks of
// the SMS gateway and of Zalo (through the local stub, with token expiry and refresh), e-mail through the dev sink,
// and the channel settings page and API (secrets masked, another commune's settings a 404).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevEmailSink, createDevSmsSink } from "../../notifications/index.ts";
import { buildDelivery, deliveryRow } from "../../../../test/support/channels-factories.ts";
import { TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildNotice } from "../../../../test/support/notice-factories.ts";
import { useTestApp } from "../../../../test/support/test-app.ts";
import { startZaloStub, type ZaloStub } from "../../../../test/support/zalo-stub.ts";
import { noticeApiPaths, noticePaths } from "../notice-paths.ts";
import { channelHandler, channelHandlers } from "./channel-handlers.ts";
import { smsSignature } from "./delivery-reports.ts";
import { createChannelTransports } from "./transports.ts";

const SMS_SECRET = "sms-webhook-secret-0123456789";
const APP_ID = "4291763606161179100";
const OA_ID = "579745863508352884";
const OA_SECRET = "oa-secret-key-for-callbacks";

describe("notices channels", () => {
  const getT = useTestApp({ env: { SMS_WEBHOOK_SECRET: SMS_SECRET, PUBLIC_URL: "https://xaso.example.vn" } });
  let stub: ZaloStub;
  let admin: TestClient;
  let noticeId: string;
  const smsSink = () => createDevSmsSink(getT().deps.log);

  beforeAll(async () => {
    const t = getT();
    stub = await startZaloStub({ accessToken: "access-initial-token", refreshToken: "refresh-initial-token", appSecret: "zalo-app-secret" });
    // No network: Zalo's base URLs point at the stub for the whole file.
    t.deps.config.notices.zaloApiUrl = stub.url;
    t.deps.config.notices.zaloOauthUrl = stub.url;
    const u = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    admin = new TestClient(t.app);
    await admin.signIn(u.username, PASSWORD);
    noticeId = (await buildNotice(t.deps, { channels: ["web", "sms", "zalo", "email"], title: "Lịch tiêm chủng tháng 12" })).id;
  });
  afterAll(async () => {
    await stub?.close();
  });

  const api = (path: string, init: RequestInit & { json?: unknown } = {}) =>
    admin.request(path, {
      method: init.method ?? (init.json === undefined ? "GET" : "POST"),
      headers: { "content-type": "application/json", "x-csrf-token": admin.csrfToken },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
  const postSigned = (path: string, body: unknown, signature?: string) => {
    const raw = typeof body === "string" ? body : JSON.stringify(body);
    return getT().app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Signature": signature ?? smsSignature(SMS_SECRET, raw) },
      body: raw,
    });
  };

  describe("SMS", () => {
    it("sends a queued delivery once, records the gateway's id, and the report marks it delivered", async () => {
      const t = getT();
      const sink = smsSink();
      const handler = channelHandlers(t.deps, createChannelTransports(t.deps, { sms: sink, email: createDevEmailSink(t.deps.log) }))["notices.sms"]!;
      const id = await buildDelivery(t.deps, { noticeId, channel: "sms", address: "+84912000001" });
      const payload = { deliveryId: id, to: "+84912000001", text: "Lich tiem chung tai tram y te xa." };
      await handler(payload, { attempt: 1, final: false });
      await handler(payload, { attempt: 2, final: false }); // the outbox repeating it after a crash: nothing more is sent
      expect(sink.sent().map((s) => s.to)).toEqual(["+84912000001"]);
      const sent = await deliveryRow(t.deps, id);
      expect(sent).toMatchObject({ status: "sent", attempts: 1, providerId: "dev-1" });
      expect(sent.sentAt).not.toBeNull();

      const res = await postSigned(noticeApiPaths.smsDeliveryReports, { id: "dev-1", status: "delivered", at: "2026-11-23T02:00:00Z" });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ processed: 1, ignored: 0 });
      expect(await deliveryRow(t.deps, id)).toMatchObject({ status: "delivered", deliveredAt: new Date("2026-11-23T02:00:00Z") });
      // The gateway repeats itself: acknowledged, nothing changes.
      const again = await postSigned(noticeApiPaths.smsDeliveryReports, { messageId: "dev-1", status: "failed" });
      expect(await again.json()).toEqual({ processed: 0, ignored: 1 });
      expect((await deliveryRow(t.deps, id)).status).toBe("delivered");
    });

    it("records each failed attempt, rethrows for the outbox's retry, and fails the delivery on the last one", async () => {
      const t = getT();
      let calls = 0;
      const handler = channelHandler(t.deps, "sms", async () => {
        calls++;
        throw new Error("gateway 503");
      });
      const id = await buildDelivery(t.deps, { noticeId, channel: "sms", address: "+84912000002" });
      const payload = { deliveryId: id, to: "+84912000002", text: "x" };
      await expect(handler(payload, { attempt: 1, final: false })).rejects.toThrow("gateway 503");
      expect(await deliveryRow(t.deps, id)).toMatchObject({ status: "queued", attempts: 1, lastError: "gateway 503" });
      await expect(handler(payload, { attempt: 2, final: true })).rejects.toThrow("gateway 503");
      const failed = await deliveryRow(t.deps, id);
      expect(failed).toMatchObject({ status: "failed", attempts: 2 });
      expect(failed.failedAt).not.toBeNull();
      await handler(payload, { attempt: 3, final: true });
      expect(calls).toBe(2);
    });

    it("a list with ids we never sent: the known ones are recorded, the unknown ones named in a 404", async () => {
      const t = getT();
      const id = await buildDelivery(t.deps, { noticeId, channel: "sms", address: "+84912000003", status: "sent", providerId: "gw-known" });
      const res = await postSigned(noticeApiPaths.smsDeliveryReports, [
        { id: "gw-known", status: "failed", error: "absent subscriber" },
        { id: "gw-nobody", status: "delivered" },
      ]);
      expect(res.status).toBe(404);
      const problem = (await res.json()) as { unknown: string[]; processed: number; title: string };
      expect(problem).toMatchObject({ unknown: ["gw-nobody"], processed: 1 });
      expect(problem.title).toContain("gw-nobody");
      expect(await deliveryRow(t.deps, id)).toMatchObject({ status: "failed", lastError: "absent subscriber" });
    });

    it("refuses a bad signature (401), a malformed body naming the field (400), and everything when no secret is set", async () => {
      const t = getT();
      const id = await buildDelivery(t.deps, { noticeId, channel: "sms", address: "+84912000004", status: "sent", providerId: "gw-4" });
      const body = JSON.stringify({ id: "gw-4", status: "delivered" });
      expect((await postSigned(noticeApiPaths.smsDeliveryReports, body, smsSignature("not-the-secret-at-all", body))).status).toBe(401);
      expect((await postSigned(noticeApiPaths.smsDeliveryReports, body, "")).status).toBe(401);
      const bad = await postSigned(noticeApiPaths.smsDeliveryReports, { id: "gw-4", status: "read" });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["status"]);
      expect((await postSigned(noticeApiPaths.smsDeliveryReports, "{not json")).status).toBe(400);
      const { recordSmsReports } = await import("../use-cases/channels-record-sms-reports.ts");
      const unset = { ...t.deps, config: { ...t.deps.config, notices: { ...t.deps.config.notices, smsWebhookSecret: undefined } } };
      expect((await recordSmsReports(unset, { rawBody: body, signature: smsSignature(SMS_SECRET, body) })).status).toBe(401);
      expect((await deliveryRow(t.deps, id)).status).toBe("sent");
    });
  });

  describe("e-mail", () => {
    it("goes through the sink with a link to the notice's public page", async () => {
      const t = getT();
      const sink = createDevEmailSink(t.deps.log);
      const handler = channelHandlers(t.deps, createChannelTransports(t.deps, { sms: smsSink(), email: sink }))["notices.email"]!;
      const id = await buildDelivery(t.deps, { noticeId, channel: "email", address: "dan@example.vn" });
      await handler({ deliveryId: id, to: "dan@example.vn", subject: "Lịch tiêm chủng", text: "Nội dung", noticeId }, { attempt: 1, final: false });
      const [mail] = sink.sent();
      expect(mail).toMatchObject({ to: "dan@example.vn", subject: "Lịch tiêm chủng" });
      expect(mail!.text).toContain(`https://xaso.example.vn${noticePaths.publicNotice(noticeId)}`);
      expect((await deliveryRow(t.deps, id)).status).toBe("sent");
    });
  });

  describe("Zalo", () => {
    const account = {
      appId: APP_ID,
      oaId: OA_ID,
      templateId: "312345",
      templateParams: "tieu_de=title\nngay=date\nlien_ket=link",
      appSecret: "zalo-app-secret",
      accessToken: "access-initial-token",
      refreshToken: "refresh-initial-token",
      oaSecretKey: OA_SECRET,
    };
    const zaloHandler = () => {
      const t = getT();
      return channelHandlers(t.deps, createChannelTransports(t.deps, { sms: smsSink(), email: createDevEmailSink(t.deps.log) }))["notices.zalo"]!;
    };
    const zaloPayload = (id: string, to: string) => ({
      deliveryId: id,
      to,
      unitCode: GIA_PHU,
      noticeId,
      title: "Lịch tiêm chủng tháng 12",
      category: "health",
    });

    it("settings: the first save needs every secret; the answer never shows one; another commune's settings are a 404", async () => {
      const t = getT();
      const missing = await api(`${noticeApiPaths.zaloAccount}?unit=${GIA_PHU}`, {
        method: "PUT",
        json: { ...account, appSecret: undefined, oaSecretKey: "" },
      });
      expect(missing.status).toBe(400);
      const fields = ((await missing.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
      expect(fields).toEqual(["appSecret", "oaSecretKey"]);

      const saved = await api(`${noticeApiPaths.zaloAccount}?unit=${GIA_PHU}`, { method: "PUT", json: account });
      expect(saved.status).toBe(201);
      const text = await saved.text();
      for (const secret of [account.appSecret, account.accessToken, account.refreshToken, account.oaSecretKey]) expect(text).not.toContain(secret);
      expect(JSON.parse(text)).toMatchObject({ appId: APP_ID, templateParams: { tieu_de: "title", ngay: "date", lien_ket: "link" }, accessTokenEnd: "…oken" });

      const settings = await api(`${noticeApiPaths.channelSettings}?unit=${GIA_PHU}`);
      expect(settings.status).toBe(200);
      expect(await settings.json()).toMatchObject({ unitCode: GIA_PHU, sms: { gateway: "log", reportsSigned: true, priceVnd: 800 }, zalo: { oaId: OA_ID } });
      expect((await api(`${noticeApiPaths.channelSettings}?unit=${BAO_THANG}`)).status).toBe(404);
      const audit = await t.db.query<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'noticeZalo.saved'");
      expect(JSON.stringify(audit.rows)).not.toContain(account.accessToken);
    });

    it("sends through the stub with the template filled, and the signed callback marks it delivered", async () => {
      const t = getT();
      const id = await buildDelivery(t.deps, { noticeId, channel: "zalo", address: "+84912000010" });
      await zaloHandler()(zaloPayload(id, "+84912000010"), { attempt: 1, final: false });
      const req = stub.sent.at(-1)!;
      expect(req.accessToken).toBe("access-initial-token");
      expect(req.body).toEqual({
        phone: "84912000010",
        template_id: "312345",
        template_data: { tieu_de: "Lịch tiêm chủng tháng 12", ngay: "23/11/2026", lien_ket: `https://xaso.example.vn${noticePaths.publicNotice(noticeId)}` },
        tracking_id: id,
      });
      const sent = await deliveryRow(t.deps, id);
      expect(sent.status).toBe("sent");
      expect(sent.providerId).toMatch(/^[0-9a-f]{20}$/);

      const at = new Date("2026-11-23T02:30:00Z");
      const post = (path: string, init: RequestInit) => t.app.request(path, init);
      const res = await stub.deliver(post, {
        path: noticeApiPaths.zaloCallbacks,
        appId: APP_ID,
        oaId: OA_ID,
        oaSecretKey: OA_SECRET,
        msgId: sent.providerId!,
        at,
      });
      expect(res.status).toBe(200);
      expect(await deliveryRow(t.deps, id)).toMatchObject({ status: "delivered", deliveredAt: at });
      // Zalo retries its webhook: acknowledged and ignored.
      const again = await stub.deliver(post, {
        path: noticeApiPaths.zaloCallbacks,
        appId: APP_ID,
        oaId: OA_ID,
        oaSecretKey: OA_SECRET,
        msgId: sent.providerId!,
        at,
      });
      expect(await again.json()).toEqual({ processed: 0, ignored: 1 });

      const forged = await stub.deliver(post, {
        path: noticeApiPaths.zaloCallbacks,
        appId: APP_ID,
        oaId: OA_ID,
        oaSecretKey: "guessed-secret",
        msgId: sent.providerId!,
        at,
      });
      expect(forged.status).toBe(401);
      const unknown = await stub.deliver(post, {
        path: noticeApiPaths.zaloCallbacks,
        appId: APP_ID,
        oaId: OA_ID,
        oaSecretKey: OA_SECRET,
        msgId: "no-such-msg",
        at,
      });
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { unknown: string[] }).unknown).toEqual(["no-such-msg"]);
    });

    it("refreshes a refused token once and stores the new pair; refreshes ahead of a stated expiry", async () => {
      const t = getT();
      stub.expireToken();
      const id = await buildDelivery(t.deps, { noticeId, channel: "zalo", address: "+84912000011" });
      await zaloHandler()(zaloPayload(id, "+84912000011"), { attempt: 1, final: false });
      expect(stub.refreshes).toBe(1);
      expect((await deliveryRow(t.deps, id)).status).toBe("sent");
      const stored = await t.db.query<{ accessToken: string; refreshToken: string; expires: Date }>(
        `SELECT access_token AS "accessToken", refresh_token AS "refreshToken", token_expires_at AS expires FROM notice_zalo_accounts WHERE unit_code = $1`,
        [GIA_PHU],
      );
      expect(stored.rows[0]).toMatchObject({ accessToken: stub.tokens.access, refreshToken: stub.tokens.refresh });
      expect(stored.rows[0]!.expires.getTime()).toBe(t.clock.now().getTime() + 90_000_000);

      // Past its stated expiry: refreshed before the send, no refused request first.
      t.clock.advance(26 * 3_600_000);
      const before = stub.sent.length;
      const id2 = await buildDelivery(t.deps, { noticeId, channel: "zalo", address: "+84912000012" });
      await zaloHandler()(zaloPayload(id2, "+84912000012"), { attempt: 1, final: false });
      expect(stub.refreshes).toBe(2);
      expect(stub.sent.length).toBe(before + 1);
      expect((await deliveryRow(t.deps, id2)).status).toBe("sent");
    });

    it("a number not on Zalo fails at once, without retries", async () => {
      const t = getT();
      stub.failNumber("84912000013", -118, "Zalo account not existed");
      const id = await buildDelivery(t.deps, { noticeId, channel: "zalo", address: "+84912000013" });
      await zaloHandler()(zaloPayload(id, "+84912000013"), { attempt: 1, final: false });
      const row = await deliveryRow(t.deps, id);
      expect(row).toMatchObject({ status: "failed", attempts: 1 });
      expect(row.lastError).toContain("-118");
    });

    it("a commune without an account: the delivery fails at once", async () => {
      const t = getT();
      const other = await buildNotice(t.deps, { unitCode: BAO_THANG, channels: ["zalo"] });
      const id = await buildDelivery(t.deps, { noticeId: other.id, channel: "zalo", address: "+84912000014" });
      await zaloHandler()({ ...zaloPayload(id, "+84912000014"), unitCode: BAO_THANG, noticeId: other.id }, { attempt: 1, final: false });
      expect(await deliveryRow(t.deps, id)).toMatchObject({ status: "failed" });
    });

    it("the page: shows the settings with secrets masked; a test message goes through the stub; bad input comes back named", async () => {
      // The clock moved a day on above: the session has expired.
      const u = await buildUser(getT().deps, { roles: [["commune_admin", GIA_PHU]] });
      admin = new TestClient(getT().app);
      await admin.signIn(u.username, PASSWORD);
      const page = await admin.get(`${noticePaths.channelSettings}?unit=${GIA_PHU}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(noticeApiPaths.zaloCallbacks);
      expect(html).not.toContain(OA_SECRET);
      expect(html).not.toContain(stub.tokens.access);

      const before = stub.sent.length;
      const test = await admin.post(`${noticePaths.channelSettingsZaloTest}?unit=${GIA_PHU}`, { phone: "0912 000 020" });
      expect(test.status).toBe(303);
      expect(stub.sent.length).toBe(before + 1);
      expect(stub.sent.at(-1)!.body.phone).toBe("84912000020");

      const badPhone = await admin.post(`${noticePaths.channelSettingsZaloTest}?unit=${GIA_PHU}`, { phone: "12345" });
      expect(badPhone.status).toBe(400);
      const badSave = await admin.post(`${noticePaths.channelSettingsZalo}?unit=${GIA_PHU}`, {
        appId: "abc",
        oaId: OA_ID,
        templateId: "312345",
        templateParams: "x=nowhere",
        accessToken: "typed-secret-token",
      });
      expect(badSave.status).toBe(400);
      const refused = await badSave.text();
      expect(refused).toContain('id="f-appId"');
      expect(refused).not.toContain("typed-secret-token");
      const saved = await admin.post(`${noticePaths.channelSettingsZalo}?unit=${GIA_PHU}`, {
        appId: APP_ID,
        oaId: OA_ID,
        templateId: "312346",
        templateParams: "tieu_de=title",
      });
      expect(saved.status).toBe(303);
    });
  });
});
