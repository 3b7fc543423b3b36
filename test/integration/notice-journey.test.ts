// Issue #12's notice journey across every part, on one database: residents of three villages (a shared phone, flags,
// a STOP by SMS, a category refused at the desk, a Zalo opt-in, a linked account with an e-mail); a notice to two of
// the villages written by an author, reviewed and approved by a leader; the outbox worker run here with the notices'
// handlers and the channel transports (dev SMS sink, the local Zalo stub, dev e-mail sink). Checked: the web pages,
// one message per person and channel, the loudspeaker feed, the signed delivery callbacks, the delivery report adding
// up to the preview shown before approval, and a second worker run and fan-out sending nothing again.
// Bad input of the journey (SMS text too long → 400 smsText, audio that is not audio → 415, overlapping slots → 409,
// callbacks with a bad signature → 401 or an unknown id → 404, a ticket flood → 429) is asserted in the parts' own
// tests (authoring, loudspeakers, channels, preferences, hall queue); it is not repeated here.
import { afterAll, beforeAll, expect, it } from "vitest";
import { json, TestClient } from "../support/client.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../support/factories.ts";
import { espeakWav } from "../support/loudspeakers-factories.ts";
import { buildHousehold, buildRegistryVillage } from "../support/registry-factories.ts";
import { type TestApp, useTestApp } from "../support/test-app.ts";
import { describeDb } from "../support/test-db.ts";
import { startZaloStub, type ZaloStub } from "../support/zalo-stub.ts";
import type { Role } from "../../src/platform/auth/roles.ts";
import { CSRF_HEADER } from "../../src/platform/http/csrf.ts";
import { createOutboxWorker, type OutboxWorker } from "../../src/platform/jobs/outbox.ts";
import { createDevEmailSink, createDevSmsSink, type DevEmailSink, type DevSmsSink } from "../../src/modules/notifications/index.ts";
import { notificationHandlers } from "../../src/modules/notifications/notify.ts";
import type { AudiencePreview, DeliveryReport } from "../../src/modules/notices/audiences/audiences.contract.ts";
import { smsSignature } from "../../src/modules/notices/channels/delivery-reports.ts";
import { createChannelTransports, noticeOutboxHandlers } from "../../src/modules/notices/index.ts";
import { noticeApiPaths, noticePaths } from "../../src/modules/notices/notice-paths.ts";
import { signSmsBody } from "../../src/modules/notices/preferences/sms-command.ts";
import { fanOutNotice } from "../../src/modules/notices/use-cases/audiences-fan-out.ts";

const SECRET = "journey-sms-webhook-secret-0123";
const APP_ID = "4291763606161179100";
const OA_ID = "579745863508352884";
const OA_SECRET = "journey-oa-secret-key";
const TITLE = "Lịch tiêm chủng mở rộng tháng 12";

type Notice = { id: string; status: string; version: number };
type Delivery = { id: string; channel: string; address: string; status: string; provider_id: string | null };

describeDb("notice journey: written once, reaching two villages on every channel", () => {
  const app = useTestApp({ env: { SMS_WEBHOOK_SECRET: SECRET, PUBLIC_URL: "https://xaso.example.vn" } });
  let x: TestApp;
  let stub: ZaloStub;
  let author: TestClient;
  let leader: TestClient;
  let admin: TestClient;
  let v1: string;
  let v2: string;
  let v3: string;
  let noticeSms: DevSmsSink;
  let replySms: DevSmsSink;
  let email: DevEmailSink;
  let worker: OutboxWorker;

  const signedIn = async (roles: [Role, string][]) => {
    const u = await buildUser(x.deps, { roles });
    const client = new TestClient(x.app);
    await client.signIn(u.username, PASSWORD);
    return client;
  };
  const send = (client: TestClient, path: string, body: unknown, method = "POST") =>
    client.request(path, { ...json(body, { [CSRF_HEADER]: client.csrfToken }), method });
  const signedPost = (path: string, body: unknown, sign: (raw: string) => string) => {
    const raw = JSON.stringify(body);
    return x.app.request(path, { method: "POST", body: raw, headers: { "content-type": "application/json", "X-Signature": sign(raw) } });
  };
  const deliveries = async (noticeId: string) =>
    (await x.db.query<Delivery>("SELECT id::text, channel, address, status, provider_id FROM notice_deliveries WHERE notice_id = $1 ORDER BY id", [noticeId]))
      .rows;
  const addresses = (rows: Delivery[], channel: string) =>
    rows
      .filter((d) => d.channel === channel)
      .map((d) => d.address)
      .sort();
  // Runs the worker until nothing is due; returns how many messages it sent.
  const drain = async () => {
    let sent = 0;
    for (let i = 0; i < 20; i++) {
      const r = await worker.runOnce();
      sent += r.sent;
      if (r.sent + r.failed + r.dead === 0) return sent;
    }
    throw new Error("the outbox did not drain");
  };

  beforeAll(async () => {
    x = app();
    stub = await startZaloStub({ accessToken: "journey-access-token", refreshToken: "journey-refresh-token", appSecret: "journey-app-secret" });
    // No network: Zalo's base URLs point at the stub.
    x.deps.config.notices.zaloApiUrl = stub.url;
    x.deps.config.notices.zaloOauthUrl = stub.url;
    noticeSms = createDevSmsSink(x.deps.log);
    replySms = createDevSmsSink(x.deps.log);
    email = createDevEmailSink(x.deps.log);
    worker = createOutboxWorker({
      db: x.db,
      log: x.deps.log,
      // The app's clock is fixed in the past while enqueue stamps messages with the database's now(): the worker
      // looks a day ahead of the real time so that everything queued is due.
      clock: { now: () => new Date(Date.now() + 86_400_000) },
      handlers: {
        ...notificationHandlers({ sms: replySms, email }),
        ...noticeOutboxHandlers(x.deps, createChannelTransports(x.deps, { sms: noticeSms, email })),
      },
    });

    author = await signedIn([["specialist", GIA_PHU]]);
    leader = await signedIn([["leader", GIA_PHU]]);
    admin = await signedIn([["commune_admin", GIA_PHU]]);
    v1 = await buildRegistryVillage(x.deps);
    v2 = await buildRegistryVillage(x.deps);
    v3 = await buildRegistryVillage(x.deps);

    // C has no phone in the registry: their linked account carries a verified phone and an e-mail.
    const citizen = await buildUser(x.deps, { kind: "citizen" });
    await x.db.query("INSERT INTO citizen_profiles (user_id, full_name, verified_phone, email) VALUES ($1, 'Lò Thị C', '0912000010', 'c@example.vn')", [
      citizen.id,
    ]);
    // v1: A (elderly, alone in the registry's flags) and B share one phone; C is the linked account.
    await buildHousehold(x.deps, {
      villageCode: v1,
      members: [{ phone: "0912000001", flags: ["elderly_alone"] }, { phone: "0912000001", flags: ["no_smartphone"] }, { userId: citizen.id }],
    });
    // v2: D turns Zalo on at the desk, E replies STOP by SMS, F refuses health notices at the desk.
    const h2 = await buildHousehold(x.deps, { villageCode: v2, members: [{ phone: "0912000002" }, { phone: "0912000003" }, { phone: "0912000004" }] });
    // v3 is outside the notice's scope.
    await buildHousehold(x.deps, { villageCode: v3, members: [{ phone: "0912000005" }] });
    const [d, , f] = h2.residentIds as [string, string, string];

    const stop = await signedPost(noticeApiPaths.smsInbound, { from: "0912000003", text: "STOP", id: "gw-in-1" }, (raw) => signSmsBody(SECRET, raw));
    expect(stop.status).toBe(200);
    expect(await stop.json()).toMatchObject({ outcome: "stop" });
    const desk = { sms: true, email: true, method: "desk", note: "Đồng ý trực tiếp tại bộ phận một cửa" };
    expect((await send(admin, noticeApiPaths.preferences, { ...desk, residentId: d, zalo: true, categoriesOff: [] }, "PUT")).status).toBe(200);
    expect((await send(admin, noticeApiPaths.preferences, { ...desk, residentId: f, zalo: false, categoriesOff: ["health"] }, "PUT")).status).toBe(200);

    const zalo = await send(
      admin,
      `${noticeApiPaths.zaloAccount}?unit=${GIA_PHU}`,
      {
        appId: APP_ID,
        oaId: OA_ID,
        templateId: "312345",
        templateParams: "tieu_de=title\nlien_ket=link",
        appSecret: "journey-app-secret",
        accessToken: "journey-access-token",
        refreshToken: "journey-refresh-token",
        oaSecretKey: OA_SECRET,
      },
      "PUT",
    );
    expect(zalo.status).toBe(201);
  });
  afterAll(async () => {
    await stub?.close();
  });

  it("goes from draft to every channel once, with delivery reports that add up to the preview", async () => {
    // The author drafts and sends for review.
    const created = await send(author, noticeApiPaths.notices, {
      category: "health",
      title: TITLE,
      body: "UBND xã thông báo tiêm vắc-xin cho trẻ lúc 7h30 ngày 12/12/2026 tại trạm y tế xã.\n\n- Mang sổ tiêm chủng\n- Hỏi thêm: 0912 345 678",
      scope: "villages",
      villageCodes: [v1, v2],
      validFrom: "2026-11-23",
      channels: ["web", "sms", "zalo", "email", "loudspeaker"],
    });
    expect(created.status).toBe(201);
    const draft = (await created.json()) as Notice;
    const submitted = await send(author, `/api/v1/notices/${draft.id}/submit`, { version: draft.version });
    expect(submitted.status).toBe(200);
    const inReview = (await submitted.json()) as Notice;
    expect(inReview.status).toBe("in_review");

    // What the leader sees before approving: the reach per channel.
    const previewRes = await leader.get(`/api/v1/notices/${draft.id}/audience`);
    expect(previewRes.status).toBe(200);
    const preview = (await previewRes.json()) as AudiencePreview;
    const reach = (channel: string) => preview.channels.find((c) => c.channel === channel)!;
    // SMS: A and B share one number, C's verified phone, D; E sent STOP, F refused health notices.
    expect(reach("sms").messages).toBe(3);
    expect(reach("zalo").messages).toBe(1);
    expect(reach("email").messages).toBe(1);
    expect(preview.web).toEqual({ chosen: true, villages: 2 });

    const approved = await send(leader, `/api/v1/notices/${draft.id}/approve`, { version: inReview.version });
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as Notice).status).toBe("published");

    // Web: listed for the two villages, not the third; the notice's own page is public.
    for (const v of [v1, v2]) expect(await (await x.app.request(noticePaths.villageList(GIA_PHU, v))).text()).toContain(TITLE);
    expect(await (await x.app.request(noticePaths.villageList(GIA_PHU, v3))).text()).not.toContain(TITLE);
    expect((await x.app.request(noticePaths.publicNotice(draft.id))).status).toBe(200);
    expect(await (await x.app.request(noticePaths.rss(GIA_PHU))).text()).toContain(TITLE);

    // The worker: first the fan-out, then each channel's message.
    await drain();
    const rows = await deliveries(draft.id);
    expect(addresses(rows, "sms")).toEqual(["+84912000001", "+84912000002", "+84912000010"]);
    expect(addresses(rows, "zalo")).toEqual(["+84912000002"]);
    expect(addresses(rows, "email")).toEqual(["c@example.vn"]);
    // SMS and Zalo keep the provider's id, which their delivery reports name.
    expect(rows.map((r) => [r.channel, r.status, r.provider_id !== null])).toEqual(rows.map((r) => [r.channel, "sent", r.channel !== "email"]));
    expect(
      noticeSms
        .sent()
        .map((s) => s.to)
        .sort(),
    ).toEqual(["+84912000001", "+84912000002", "+84912000010"]);
    // The only SMS E received is the reply confirming their STOP.
    expect(replySms.sent().map((s) => s.to)).toEqual(["+84912000003"]);
    expect(stub.sent.map((r) => r.body.phone)).toEqual(["84912000002"]);
    expect(email.sent().map((m) => m.to)).toEqual(["c@example.vn"]);
    expect(email.sent()[0]!.text).toContain(`https://xaso.example.vn${noticePaths.publicNotice(draft.id)}`);

    // Loudspeakers: a station of v1 with a slot for the notice; its player's feed lists it.
    const stationRes = await send(admin, noticeApiPaths.stations, { villageCode: v1, name: "Trạm loa thôn 1" });
    expect(stationRes.status).toBe(201);
    const station = (await stationRes.json()) as { id: string; key: string };
    const form = new FormData();
    for (const [k, v] of Object.entries({ noticeId: draft.id, start: "18:00", durationMinutes: "5", validFrom: "2026-11-23" })) form.append(k, v);
    for (const day of ["1", "3", "5"]) form.append("weekdays", day);
    form.append("audio", new Blob([new Uint8Array(espeakWav("Thông báo lịch tiêm chủng"))], { type: "audio/wav" }), "tiem-chung.wav");
    const slot = await admin.request(`/api/v1/radio-stations/${station.id}/slots`, { method: "POST", body: form, headers: { [CSRF_HEADER]: admin.csrfToken } });
    expect(slot.status).toBe(201);
    const feed = await x.app.request(`/api/v1/radio-stations/${station.id}/feed`, { headers: { authorization: `Bearer ${station.key}` } });
    expect(feed.status).toBe(200);
    const items = ((await feed.json()) as { items: { noticeId: string; title: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.noticeId === draft.id && i.title === TITLE)).toBe(true);

    // Delivery reports: the SMS gateway's (signed) for every message, one delivered through Zalo's callback.
    const smsRows = rows.filter((r) => r.channel === "sms");
    const reports = smsRows.map((r, i) => ({ id: r.provider_id, status: i === 0 ? "failed" : "delivered", error: i === 0 ? "absent subscriber" : undefined }));
    const reported = await signedPost(noticeApiPaths.smsDeliveryReports, reports, (raw) => smsSignature(SECRET, raw));
    expect(reported.status).toBe(200);
    expect(await reported.json()).toEqual({ processed: 3, ignored: 0 });
    const zaloRow = rows.find((r) => r.channel === "zalo")!;
    const zaloDelivered = await stub.deliver((path, init) => x.app.request(path, init), {
      path: noticeApiPaths.zaloCallbacks,
      appId: APP_ID,
      oaId: OA_ID,
      oaSecretKey: OA_SECRET,
      msgId: zaloRow.provider_id!,
      at: new Date("2026-11-23T04:00:00Z"),
    });
    expect(zaloDelivered.status).toBe(200);

    const reportRes = await admin.get(`/api/v1/notices/${draft.id}/deliveries`);
    expect(reportRes.status).toBe(200);
    const report = ((await reportRes.json()) as { report: DeliveryReport }).report;
    expect(report.total).toBe(rows.length);
    expect(report.totals).toEqual({ queued: 0, sent: 1, delivered: 3, failed: 1, skipped: 0 });
    const sumOf = (s: DeliveryReport["totals"]) => s.queued + s.sent + s.delivered + s.failed + s.skipped;
    expect(sumOf(report.totals)).toBe(report.total);
    for (const c of report.channels) {
      expect(sumOf(c)).toBe(c.total);
      expect(c.total).toBe(reach(c.channel).messages);
    }
    expect(report.channels.find((c) => c.channel === "sms")).toMatchObject({ delivered: 2, failed: 1 });
    expect(report.channels.find((c) => c.channel === "zalo")).toMatchObject({ delivered: 1 });
    expect(report.channels.find((c) => c.channel === "email")).toMatchObject({ sent: 1 });
    expect(report.villages.reduce((s, v) => s + v.total, 0)).toBe(report.total);
    expect(report.villages.find((v) => v.villageCode === v3)).toBeUndefined();

    // Nothing is sent twice: the worker again, the fan-out again, the worker once more.
    expect(await drain()).toBe(0);
    expect(await fanOutNotice(x.deps, draft.id)).toBeDefined();
    await drain();
    expect(await deliveries(draft.id)).toHaveLength(rows.length);
    expect(noticeSms.sent()).toHaveLength(3);
    expect(stub.sent).toHaveLength(1);
    expect(email.sent()).toHaveLength(1);
    const after = ((await (await admin.get(`/api/v1/notices/${draft.id}/deliveries`)).json()) as { report: DeliveryReport }).report;
    expect(after.totals).toEqual(report.totals);

    // Another commune's officer sees neither the preview nor the report.
    const stranger = await signedIn([["commune_admin", BAO_THANG]]);
    expect((await stranger.get(`/api/v1/notices/${draft.id}/deliveries`)).status).toBe(404);
  });
});
