// Residents' notice preferences: the SMS gateway's STOP / DK (signed, each message answered once, throttled), the
// citizen's own page and API, the desk's record with the officer and the method, the consent history, and scope.
import { beforeAll, describe, expect, it } from "vitest";
import { signedInByPhone } from "../../../../test/support/citizen-factories.ts";
import { json, TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildHousehold, buildRegistryVillage } from "../../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { CSRF_HEADER } from "../../../platform/http/csrf.ts";
import type { SmsKeywordHandler } from "../inbound-sms.ts";
import { preferencesFor } from "../index.ts";
import { noticeApiPaths, noticePaths } from "../notice-paths.ts";
import { receiveInboundSms } from "../use-cases/preferences-receive-sms.ts";
import { signSmsBody } from "./sms-command.ts";

const SECRET = "test-sms-webhook-secret";
type Person = {
  phone: string | null;
  choice: { sms: boolean; zalo: boolean; email: boolean; categoriesOff: string[] };
  chosen: boolean;
  history: { method: string; recordedBy: string | null; note: string | null; after: { sms: boolean; categoriesOff: string[] } }[];
};
type Problem = { status: number; errors?: { field: string; message: string }[] };

describeDb("notice preferences", () => {
  const app = useTestApp({ env: { SMS_WEBHOOK_SECRET: SECRET } });
  let x: TestApp;
  let desk: TestClient;
  let deskName: string;
  let stranger: TestClient;
  let residentA: string;
  let residentB: string;

  const signedIn = async (roles: [Role, string][]) => {
    const u = await buildUser(x.deps, { roles });
    const client = new TestClient(x.app);
    await client.signIn(u.username, PASSWORD);
    return { client, username: u.username };
  };
  const inbound = (body: Record<string, unknown>, sign: string | null = SECRET) => {
    const raw = JSON.stringify(body);
    return x.app.request(noticeApiPaths.smsInbound, {
      method: "POST",
      body: raw,
      headers: { "content-type": "application/json", ...(sign ? { "X-Signature": signSmsBody(sign, raw) } : {}) },
    });
  };
  const repliesTo = async (e164: string) =>
    (
      await x.db.query<{ text: string }>("SELECT payload->>'text' AS text FROM outbox WHERE topic = 'sms' AND payload->>'to' = $1 ORDER BY id", [e164])
    ).rows.map((r) => r.text);
  const consents = async (e164: string) =>
    (
      await x.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM notice_consents c JOIN notice_preferences p ON p.id = c.preference_id WHERE p.phone = $1",
        [e164],
      )
    ).rows[0]!.n;
  const put = (client: TestClient, path: string, body: unknown) => client.request(path, { ...json(body, { [CSRF_HEADER]: client.csrfToken }), method: "PUT" });
  const fieldsOf = async (res: Response) => ((await res.json()) as Problem).errors?.map((e) => e.field) ?? [];

  beforeAll(async () => {
    x = app();
    const d = await signedIn([["one_stop_officer", GIA_PHU]]);
    desk = d.client;
    deskName = `Test ${d.username}`;
    stranger = (await signedIn([["one_stop_officer", BAO_THANG]])).client;
    const villageA = await buildRegistryVillage(x.deps, GIA_PHU);
    const villageB = await buildRegistryVillage(x.deps, BAO_THANG);
    residentA = (await buildHousehold(x.deps, { villageCode: villageA, members: [{ fullName: "Hoàng Thị Lành", phone: "0971000001" }] })).residentIds[0]!;
    residentB = (await buildHousehold(x.deps, { villageCode: villageB, members: [{ fullName: "Lù Văn Páo", phone: "0971000002" }] })).residentIds[0]!;
  });

  describe("by SMS", () => {
    it("turns SMS off on a signed STOP, replies once in GSM-7 saying how to undo, and answers a retry of the same id once", async () => {
      const res = await inbound({ from: "0912000001", text: "Stop", id: "gw-1" });
      expect(res.status).toBe(200);
      const out = (await res.json()) as { outcome: string; reply: string; duplicate: boolean };
      expect(out).toMatchObject({ outcome: "stop", duplicate: false });
      expect(out.reply).toMatch(/soan DK/);
      expect(out.reply).toMatch(/^[\x20-\x7e]+$/);
      expect(await preferencesFor(x.db, { phone: "0912000001" })).toMatchObject({ sms: false, email: true, chosen: true });

      const again = await inbound({ from: "0912000001", text: "Stop", id: "gw-1" });
      expect(await again.json()).toMatchObject({ outcome: "stop", duplicate: true, reply: out.reply });
      expect(await repliesTo("+84912000001")).toEqual([out.reply]);
      expect(await consents("+84912000001")).toBe(1);
      const audit = await x.db.query("SELECT 1 FROM audit_log WHERE action = 'noticePreference.changed'");
      expect(audit.rowCount).toBeGreaterThan(0);
    });

    it("refuses a bad or missing signature with 401 and changes nothing", async () => {
      const forged = await inbound({ from: "0912000002", text: "STOP", id: "gw-2" }, "wrong-secret");
      expect(forged.status).toBe(401);
      const unsigned = await inbound({ from: "0912000002", text: "STOP", id: "gw-3" }, null);
      expect(unsigned.status).toBe(401);
      expect((await preferencesFor(x.db, { phone: "0912000002" })).chosen).toBe(false);
      expect(await repliesTo("+84912000002")).toEqual([]);
      // The signed retry of a refused message is then handled normally.
      expect((await inbound({ from: "0912000002", text: "STOP", id: "gw-2" })).status).toBe(200);
    });

    it("names bad fields with 400 and an unreadable body likewise", async () => {
      const res = await inbound({ from: "12345", text: "STOP", id: "gw-4" });
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toEqual(["from"]);
      const raw = "{not json";
      const bad = await x.app.request(noticeApiPaths.smsInbound, {
        method: "POST",
        body: raw,
        headers: { "content-type": "application/json", "X-Signature": signSmsBody(SECRET, raw) },
      });
      expect(bad.status).toBe(400);
    });

    it("DK undoes STOP, and a category can be stopped and started on its own", async () => {
      await inbound({ from: "0912000003", text: "HUY", id: "gw-5" });
      expect((await preferencesFor(x.db, { phone: "0912000003" })).sms).toBe(false);
      const dk = (await (await inbound({ from: "0912000003", text: "dk", id: "gw-6" })).json()) as { outcome: string; reply: string };
      expect(dk.outcome).toBe("start");
      expect((await preferencesFor(x.db, { phone: "+84912000003" })).sms).toBe(true);

      await inbound({ from: "0912000003", text: "STOP Sự kiện", id: "gw-7" });
      expect(await preferencesFor(x.db, { phone: "0912000003" })).toMatchObject({ sms: true, categoriesOff: ["events"] });
      await inbound({ from: "0912000003", text: "DK su kien", id: "gw-8" });
      expect((await preferencesFor(x.db, { phone: "0912000003" })).categoriesOff).toEqual([]);
      expect(await consents("+84912000003")).toBe(4);
    });

    it("cannot refuse emergency notices, and says so", async () => {
      const out = (await (await inbound({ from: "0912000004", text: "STOP khan cap", id: "gw-9" })).json()) as { outcome: string; reply: string };
      expect(out.outcome).toBe("help");
      expect(out.reply).toMatch(/khan cap/i);
      expect((await preferencesFor(x.db, { phone: "0912000004" })).chosen).toBe(false);
    });

    it("gives other first words to the keyword handlers, once per message id, and a help for the unknown", async () => {
      const seen: string[][] = [];
      const handler: SmsKeywordHandler = {
        keywords: ["SO"],
        handle: async (_deps, sms) => {
          seen.push(sms.words);
          return { reply: `So cua ban: ${sms.words[1]}01` };
        },
      };
      const raw = JSON.stringify({ from: "0912000005", text: "số a", id: "gw-10" });
      const call = () => receiveInboundSms(x.deps, [handler], { rawBody: raw, signature: signSmsBody(SECRET, raw), requestId: null });
      expect(await call()).toEqual({ outcome: "keyword", reply: "So cua ban: A01", duplicate: false });
      expect(await call()).toEqual({ outcome: "keyword", reply: "So cua ban: A01", duplicate: true });
      expect(seen).toEqual([["SO", "A"]]);
      const help = (await (await inbound({ from: "0912000005", text: "xin chào", id: "gw-11" })).json()) as { outcome: string; reply: string };
      expect(help.outcome).toBe("help");
      expect(await repliesTo("+84912000005")).toEqual(["So cua ban: A01", help.reply]);
    });

    it("throttles a flood from one number with 429, recording nothing more", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await inbound({ from: "0912000006", text: "hello", id: `flood-${i}` })).status);
      expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
      expect(statuses[10]).toBe(429);
      expect((await repliesTo("+84912000006")).length).toBe(10);
    });
  });

  describe("signed in", () => {
    it("shows the defaults with emergency always on, saves a choice as an online consent against the account and the verified phone", async () => {
      const web = await signedInByPhone(x, "0912000007");
      // An earlier STOP by SMS from the same number is part of the same person's record.
      await inbound({ from: "0912000007", text: "STOP", id: "gw-20" });
      const page = await (await web.get(noticePaths.myPreferences)).text();
      expect(page).toContain('name="zalo"');
      expect(page).toMatch(/<input type="checkbox" id="f-cat-emergency" checked="" disabled=""/);
      expect(page).toContain("0912000007");
      // A citizen page: light, with no script.
      expect(Buffer.byteLength(page)).toBeLessThan(20_000);
      expect(page).not.toContain("<script");

      const saved = await web.post(noticePaths.myPreferences, { sms: "1", zalo: "1", "cat.administrative": "1", "cat.health": "1", "cat.agriculture": "1" });
      expect(saved.status).toBe(303);
      const mine = (await (await web.get(noticeApiPaths.myPreferences)).json()) as Person;
      expect(mine.choice).toEqual({ sms: true, zalo: true, email: false, categoriesOff: ["digital_skills", "events"] });
      expect(mine.history.map((h) => h.method)).toEqual(["online", "sms"]);
      // One row now: the phone's STOP folded into the account's record.
      const rows = await x.db.query("SELECT 1 FROM notice_preferences WHERE phone = '+84912000007'");
      expect(rows.rowCount).toBe(1);
      expect(await preferencesFor(x.db, { phone: "0912000007" })).toMatchObject({ sms: true, zalo: true });

      const history = await (await web.get(noticePaths.myPreferences)).text();
      expect(history).toContain("Lịch sử đồng ý");
      expect(history).toContain("Trực tuyến");
    });

    it("refuses emergency in the API with a 400 naming the field, and asks a visitor to sign in", async () => {
      const web = await signedInByPhone(x, "0912000008");
      const res = await put(web, noticeApiPaths.myPreferences, { sms: true, zalo: false, email: true, categoriesOff: ["emergency"] });
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toEqual(["categoriesOff"]);
      expect((await preferencesFor(x.db, { phone: "0912000008" })).chosen).toBe(false);
      const anon = new TestClient(x.app);
      const page = await anon.get(noticePaths.myPreferences);
      expect(page.status).toBe(303);
      expect(page.headers.get("location")).toMatch(/^\/sign-in/);
      expect((await anon.get(noticeApiPaths.myPreferences)).status).toBe(401);
    });
  });

  describe("at the desk", () => {
    it("records a resident's choice with the officer, the method and the note, shown in the history", async () => {
      const found = await desk.get(`${noticePaths.deskPreferences}?name=hoang thi lanh`);
      expect(found.status).toBe(200);
      expect(await found.text()).toContain(`?resident=${residentA}`);
      const res = await desk.post(noticePaths.deskPreferences, {
        residentId: residentA,
        sms: "1",
        "cat.administrative": "1",
        "cat.health": "1",
        method: "field",
        note: "Đồng ý miệng, có con gái làm chứng",
      });
      expect(res.status).toBe(303);
      const view = (await (await desk.get(`${noticeApiPaths.preferences}?residentId=${residentA}`)).json()) as Person & { name: string };
      expect(view.name).toBe("Hoàng Thị Lành");
      expect(view.phone).toBe("+84971000001");
      expect(view.choice).toEqual({ sms: true, zalo: false, email: false, categoriesOff: ["agriculture", "digital_skills", "events"] });
      expect(view.history[0]).toMatchObject({ method: "field", recordedBy: deskName, note: "Đồng ý miệng, có con gái làm chứng" });
      // Every channel reads it: by resident and by the resident's phone.
      expect((await preferencesFor(x.db, { residentId: residentA })).categoriesOff).toContain("events");
      expect((await preferencesFor(x.db, { phone: "0971000001" })).email).toBe(false);
      const page = await (await desk.get(`${noticePaths.deskPreferences}?resident=${residentA}`)).text();
      expect(page).toContain("Đồng ý miệng, có con gái làm chứng");
      expect(page).toContain(deskName);
      const reads = await x.db.query("SELECT 1 FROM audit_log WHERE action = 'personalData.read' AND target_id = $1", [residentA]);
      expect(reads.rowCount).toBeGreaterThan(0);
    });

    it("records by phone through the API, and names bad fields", async () => {
      const ok = await put(desk, noticeApiPaths.preferences, { phone: "0912000009", sms: false, zalo: false, email: true, categoriesOff: [], method: "desk" });
      expect(ok.status).toBe(200);
      expect((await preferencesFor(x.db, { phone: "0912000009" })).sms).toBe(false);
      const bad = await put(desk, noticeApiPaths.preferences, {
        phone: "12",
        sms: true,
        zalo: false,
        email: true,
        categoriesOff: ["emergency"],
        method: "mail",
      });
      expect(bad.status).toBe(400);
      expect((await fieldsOf(bad)).sort()).toEqual(["categoriesOff", "method", "phone"]);
      const badPhone = await put(desk, noticeApiPaths.preferences, { phone: "12345678901", sms: true, zalo: false, email: true, method: "desk" });
      expect(badPhone.status).toBe(400);
      expect(await fieldsOf(badPhone)).toEqual(["phone"]);
      const form = await desk.post(noticePaths.deskPreferences, { phone: "0912000009", sms: "1", method: "", note: "x".repeat(501) });
      expect(form.status).toBe(400);
      expect(await form.text()).toContain("field--error");
    });

    it("treats another commune's resident as not found", async () => {
      expect((await stranger.get(`${noticeApiPaths.preferences}?residentId=${residentA}`)).status).toBe(404);
      expect((await stranger.get(`${noticePaths.deskPreferences}?resident=${residentA}`)).status).toBe(404);
      const put404 = await put(stranger, noticeApiPaths.preferences, { residentId: residentA, sms: false, zalo: false, email: false, method: "desk" });
      expect(put404.status).toBe(404);
      expect((await desk.get(`${noticeApiPaths.preferences}?residentId=${residentB}`)).status).toBe(404);
      const names = await (await stranger.get(`${noticePaths.deskPreferences}?name=hoang`)).text();
      expect(names).not.toContain(residentA);
    });
  });
});
