// Audiences and fan-out: who a notice reaches (villages, flags, roles, a list, shared phones, opt-outs per channel and
// per category, Zalo's opt-in), that the preview and the fan-out agree, the SMS daily cap (emergencies over it), a
// withdrawn or not-yet-due notice, a second fan-out adding nothing, skipped messages, and the delivery report adding up.
import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { json, TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildNotice, type NoticeSeed } from "../../../../test/support/notice-factories.ts";
import { buildHousehold, buildRegistryVillage, buildTeam } from "../../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { fanOutNotice } from "../use-cases/audiences-fan-out.ts";
import { FAN_OUT_TOPIC } from "../use-cases/audiences-queue-fan-out.ts";
import type { AudiencePreview } from "./audiences.contract.ts";
import { fanOutHandlers } from "./fan-out-handler.ts";

type Delivery = { id: string; channel: string; address: string; status: string; village_code: string | null; due_at: Date; skip_reason: string | null };

describeDb("notice audiences and fan-out", () => {
  // A cap of 5 SMS a day per issuing unit, so that the cap is reached with a few residents.
  const app = useTestApp({ env: { NOTICE_SMS_DAILY_CAP: "5" } });
  let x: TestApp;
  let officer: TestClient;
  let stranger: TestClient;
  let v1: string;
  let v2: string;
  let v3: string;

  const signedIn = async (roles: [Role, string][]) => {
    const u = await buildUser(x.deps, { roles });
    const client = new TestClient(x.app);
    await client.signIn(u.username, PASSWORD);
    return client;
  };
  const deliveries = async (noticeId: string) =>
    (
      await x.db.query<Delivery>(
        "SELECT id::text, channel, address, status, village_code, due_at, skip_reason FROM notice_deliveries WHERE notice_id = $1 ORDER BY id",
        [noticeId],
      )
    ).rows;
  const addresses = (rows: Delivery[], channel: string) =>
    rows
      .filter((d) => d.channel === channel)
      .map((d) => d.address)
      .sort();
  const outboxOf = async (ids: string[]) =>
    (
      await x.db.query<{ topic: string; payload: { deliveryId: string; to: string }; dedupe_key: string; next_attempt_at: Date }>(
        "SELECT topic, payload, dedupe_key, next_attempt_at FROM outbox WHERE dedupe_key = ANY($1::text[]) ORDER BY id",
        [ids.map((id) => `notice-delivery:${id}`)],
      )
    ).rows;
  const preview = async (id: string) => {
    const res = await officer.get(`/api/v1/notices/${id}/audience`);
    expect(res.status).toBe(200);
    return (await res.json()) as AudiencePreview;
  };
  const reach = (p: AudiencePreview, channel: string) => p.channels.find((c) => c.channel === channel);
  const twoVillages = (seed: NoticeSeed = {}) =>
    buildNotice(x.deps, { scope: "villages", villageCodes: [v1, v2], channels: ["web", "sms", "zalo", "email", "loudspeaker"], ...seed });

  beforeAll(async () => {
    x = app();
    officer = await signedIn([["commune_admin", GIA_PHU]]);
    stranger = await signedIn([["commune_admin", BAO_THANG]]);
    v1 = await buildRegistryVillage(x.deps);
    v2 = await buildRegistryVillage(x.deps);
    v3 = await buildRegistryVillage(x.deps);
    // c has no phone of their own in the registry, but a linked account with a verified phone and an e-mail.
    const citizen = await buildUser(x.deps, { kind: "citizen" });
    await x.db.query("INSERT INTO citizen_profiles (user_id, full_name, verified_phone, email) VALUES ($1, 'Lò Thị C', '0912000010', 'c@example.vn')", [
      citizen.id,
    ]);
    const h1 = await buildHousehold(x.deps, {
      villageCode: v1,
      members: [{ phone: "0912000001", flags: ["elderly_alone"] }, { phone: "0912000001" }, { userId: citizen.id }],
    });
    const h2 = await buildHousehold(x.deps, {
      villageCode: v2,
      poverty: "poor",
      members: [{ phone: "0912000002" }, { phone: "0912000003" }, { phone: "0912000004" }],
    });
    const archived = await buildHousehold(x.deps, { villageCode: v1, members: [{ phone: "0912000006" }] });
    await x.db.query("UPDATE residents SET archived_at = now() WHERE id = $1", [archived.residentIds[0]]);
    await buildHousehold(x.deps, { villageCode: v3, members: [{ phone: "0912000005" }] });
    expect(h1.residentIds).toHaveLength(3);
    const [d, , f] = h2.residentIds as [string, string, string];
    // e replied STOP (by phone), f refused health notices (at the desk), d turned Zalo on.
    await x.db.query(
      `INSERT INTO notice_preferences (phone, resident_id, channels_off, channels_on, categories_off) VALUES
         ('+84912000003', NULL, '{sms}', '{}', '{}'), (NULL, $1, '{}', '{}', '{health}'), (NULL, $2, '{}', '{zalo}', '{}')`,
      [f, d],
    );
    const member = await buildUser(x.deps, { roles: [["volunteer", GIA_PHU]], phone: "0987000001", email: "member@example.vn" });
    await buildTeam(x.deps, { villageCode: v1, memberUserIds: [member.id] });
  });

  it("reaches the residents of two villages once per address on each channel, as the preview said", async () => {
    const n = await twoVillages({ audience: { roles: ["team_members"], list: ["+84912000007", "+84912000002"] } });
    const p = await preview(n.id);
    const sms = ["+84912000001", "+84912000002", "+84912000004", "+84912000007", "+84912000010", "+84987000001"];
    // Recipients: 6 residents (not the archived one, not v3's), the team member, two listed numbers.
    expect(reach(p, "sms")).toMatchObject({
      recipients: 9,
      noAddress: 0,
      leftOut: 1,
      reached: 8,
      messages: sms.length,
      costVnd: sms.length * reach(p, "sms")!.unitCostVnd,
    });
    expect(reach(p, "zalo")).toMatchObject({ reached: 1, messages: 1, leftOut: 8 });
    expect(reach(p, "email")).toMatchObject({ reached: 2, messages: 2, noAddress: 7 });
    expect(p.web).toEqual({ chosen: true, villages: 2 });
    expect(p.loudspeaker).toMatchObject({ chosen: true, villages: 2 });
    expect(p.totalCostVnd).toBe(p.channels.reduce((s, c) => s + c.costVnd, 0));

    expect(await fanOutNotice(x.deps, n.id)).toMatchObject({ outcome: "done" });
    const rows = await deliveries(n.id);
    expect(addresses(rows, "sms")).toEqual(sms);
    expect(addresses(rows, "zalo")).toEqual(["+84912000002"]);
    expect(addresses(rows, "email")).toEqual(["c@example.vn", "member@example.vn"]);
    // The shared phone's delivery belongs to a resident of v1; the listed number to no village.
    expect(rows.find((d) => d.address === "+84912000001")?.village_code).toBe(v1);
    expect(rows.find((d) => d.address === "+84912000007")?.village_code).toBeNull();
    // One outbox message per delivery, on the adapter's topic, with the delivery's id and address.
    const queued = await outboxOf(rows.map((d) => d.id));
    expect(queued).toHaveLength(rows.length);
    for (const d of rows) {
      const m = queued.find((q) => q.dedupe_key === `notice-delivery:${d.id}`);
      expect(m).toMatchObject({ topic: `notices.${d.channel}`, payload: { deliveryId: d.id, to: d.address } });
    }
    const notice = await x.db.query<{ status: string; fanned_out_at: Date | null }>("SELECT status, fanned_out_at FROM notices WHERE id = $1", [n.id]);
    expect(notice.rows[0]?.fanned_out_at).not.toBeNull();
    const event = await x.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'notice.fannedOut' AND target_id = $1", [n.id]);
    expect(event.rows[0]?.n).toBe(1);
  });

  it("narrows by flags (the resident's, or the household's poverty) and honours a category refused", async () => {
    const elderly = await twoVillages({ channels: ["sms"], audience: { flags: ["elderly_alone"] } });
    await fanOutNotice(x.deps, elderly.id);
    expect(addresses(await deliveries(elderly.id), "sms")).toEqual(["+84912000001"]);

    const poor = await twoVillages({ channels: ["sms"], audience: { flags: ["poor"] } });
    await fanOutNotice(x.deps, poor.id);
    expect(addresses(await deliveries(poor.id), "sms")).toEqual(["+84912000002", "+84912000004"]);

    // f refused health notices: left out of every channel of a health notice.
    const health = await twoVillages({ category: "health", channels: ["sms"], audience: { flags: ["poor"] } });
    expect(reach(await preview(health.id), "sms")).toMatchObject({ recipients: 3, leftOut: 2, messages: 1 });
    await fanOutNotice(x.deps, health.id);
    expect(addresses(await deliveries(health.id), "sms")).toEqual(["+84912000002"]);
  });

  it("refuses nothing of an emergency and queues it all at once over the daily cap; other SMS wait for 07:00 of the next days", async () => {
    // BAO_THANG: its own cap; residents with 7 phones.
    const village = await buildRegistryVillage(x.deps, BAO_THANG);
    await buildHousehold(x.deps, {
      villageCode: village,
      members: Array.from({ length: 7 }, (_, i) => ({ phone: `09130000${String(i).padStart(2, "0")}` })),
    });
    const first = await buildNotice(x.deps, { unitCode: BAO_THANG, scope: "villages", villageCodes: [village], channels: ["sms"] });
    const before = await (await stranger.get(`/api/v1/notices/${first.id}/audience`)).json();
    expect(before.smsCap).toEqual({ cap: 5, dueToday: 0, thisNotice: 7, remainingToday: 5, deferred: 2, emergency: false });
    await fanOutNotice(x.deps, first.id);
    const rows = await deliveries(first.id);
    const now = x.deps.clock.now();
    const tomorrow7 = new Date("2026-11-24T00:00:00Z"); // 07:00 in Vietnam
    expect(rows.filter((d) => d.due_at.getTime() === now.getTime())).toHaveLength(5);
    expect(rows.filter((d) => d.due_at.getTime() === tomorrow7.getTime())).toHaveLength(2);
    const queued = await outboxOf(rows.map((d) => d.id));
    expect(queued.filter((m) => m.next_attempt_at.getTime() === tomorrow7.getTime())).toHaveLength(2);

    // A second notice the same day: nothing left today, 3 left tomorrow, the rest the day after.
    const second = await buildNotice(x.deps, { unitCode: BAO_THANG, scope: "villages", villageCodes: [village], channels: ["sms"] });
    await fanOutNotice(x.deps, second.id);
    const days = (await deliveries(second.id)).map((d) => d.due_at.toISOString());
    expect(days.filter((d) => d === tomorrow7.toISOString())).toHaveLength(3);
    expect(days.filter((d) => d === "2026-11-25T00:00:00.000Z")).toHaveLength(4);

    // An emergency ignores the cap: all 7 now.
    const urgent = await buildNotice(x.deps, { unitCode: BAO_THANG, category: "emergency", scope: "villages", villageCodes: [village], channels: ["sms"] });
    const p = await (await stranger.get(`/api/v1/notices/${urgent.id}/audience`)).json();
    expect(p.smsCap).toMatchObject({ emergency: true, deferred: 0, dueToday: 5 });
    await fanOutNotice(x.deps, urgent.id);
    expect((await deliveries(urgent.id)).every((d) => d.due_at.getTime() === now.getTime())).toBe(true);
  });

  it("does nothing for a withdrawn notice, a draft, or twice; waits for a scheduled one's time and then publishes it", async () => {
    const withdrawn = await twoVillages({ status: "withdrawn" });
    expect(await fanOutNotice(x.deps, withdrawn.id)).toEqual({ outcome: "withdrawn" });
    const draft = await twoVillages({ status: "draft" });
    expect(await fanOutNotice(x.deps, draft.id)).toEqual({ outcome: "not_approved" });
    expect(await deliveries(withdrawn.id)).toEqual([]);
    expect(await deliveries(draft.id)).toEqual([]);
    expect(await fanOutNotice(x.deps, randomUUID())).toEqual({ outcome: "missing" });

    const later = new Date(x.deps.clock.now().getTime() + 3_600_000);
    const scheduled = await twoVillages({ status: "scheduled", scheduledAt: later, channels: ["email"] });
    expect(await fanOutNotice(x.deps, scheduled.id)).toEqual({ outcome: "not_due" });
    const again = await x.db.query("SELECT next_attempt_at FROM outbox WHERE dedupe_key = $1", [`notice:${scheduled.id}:fan-out:${later.toISOString()}`]);
    expect(again.rows[0]?.next_attempt_at.getTime()).toBe(later.getTime());

    x.clock.set(later);
    try {
      // Through the outbox handler, as the worker runs it.
      await fanOutHandlers(x.deps)[FAN_OUT_TOPIC]!({ noticeId: scheduled.id }, { attempt: 1, final: false });
      const row = await x.db.query("SELECT status, published_at FROM notices WHERE id = $1", [scheduled.id]);
      expect(row.rows[0]).toMatchObject({ status: "published", published_at: later });
      const first = await deliveries(scheduled.id);
      expect(addresses(first, "email")).toEqual(["c@example.vn"]);
      // A second run (the outbox at least once): nothing added, nothing queued again.
      expect(await fanOutNotice(x.deps, scheduled.id)).toEqual({ outcome: "already_done" });
      await x.db.query("UPDATE notices SET fanned_out_at = NULL WHERE id = $1", [scheduled.id]);
      expect(await fanOutNotice(x.deps, scheduled.id)).toMatchObject({ outcome: "done", channels: { email: { queued: 0 } } });
      expect(await deliveries(scheduled.id)).toEqual(first);
      expect(await outboxOf(first.map((d) => d.id))).toHaveLength(1);
      // A payload without a notice id is dropped, not retried.
      await expect(fanOutHandlers(x.deps)[FAN_OUT_TOPIC]!({ noticeId: "x" }, { attempt: 1, final: false })).resolves.toBeUndefined();
    } finally {
      x.clock.set(new Date("2026-11-23T03:00:00Z"));
    }
  });

  it("marks a delivery the adapter refuses as skipped, with the reason, and queues nothing for it", async () => {
    const n = await twoVillages({ channels: ["sms", "email"], smsText: null });
    const r = await fanOutNotice(x.deps, n.id);
    expect(r).toMatchObject({ outcome: "done", channels: { sms: { queued: 0, skipped: 4 }, email: { queued: 1, skipped: 0 } } });
    const rows = await deliveries(n.id);
    const sms = rows.filter((d) => d.channel === "sms");
    expect(sms.every((d) => d.status === "skipped" && d.skip_reason === "smsText:required")).toBe(true);
    expect(await outboxOf(sms.map((d) => d.id))).toEqual([]);
  });

  it("reports deliveries per channel and village that add up, and lists the failed ones to the issuing unit's officers only", async () => {
    const n = await twoVillages({ channels: ["sms", "email"] });
    await fanOutNotice(x.deps, n.id);
    const rows = await deliveries(n.id);
    const sms = rows.filter((d) => d.channel === "sms");
    await x.db.query("UPDATE notice_deliveries SET status = 'delivered' WHERE id = $1", [sms[0]!.id]);
    await x.db.query("UPDATE notice_deliveries SET status = 'sent' WHERE id = $1", [sms[1]!.id]);
    await x.db.query("UPDATE notice_deliveries SET status = 'failed', last_error = 'timeout', attempts = 8, failed_at = now() WHERE id = ANY($1::bigint[])", [
      [sms[2]!.id, sms[3]!.id],
    ]);

    const res = await officer.get(`/api/v1/notices/${n.id}/deliveries`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const { report } = body;
    expect(report.total).toBe(rows.length);
    expect(report.totals).toEqual({ queued: rows.length - 4, sent: 1, delivered: 1, failed: 2, skipped: 0 });
    expect(report.channels.reduce((s: number, c: { total: number }) => s + c.total, 0)).toBe(report.total);
    expect(report.villages.reduce((s: number, v: { total: number }) => s + v.total, 0)).toBe(report.total);
    const smsRow = report.channels.find((c: { channel: string }) => c.channel === "sms");
    expect(smsRow.queued + smsRow.sent + smsRow.delivered + smsRow.failed + smsRow.skipped).toBe(smsRow.total);
    expect(body.items.map((i: { address: string }) => i.address).sort()).toEqual([sms[2]!.address, sms[3]!.address].sort());
    expect(body.items[0]).toMatchObject({ status: "failed", lastError: "timeout", attempts: 8 });
    const audit = await x.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'personalData.read' AND target_id = $1", [n.id]);
    expect(audit.rows[0]?.n).toBe(1);

    // The page, without JavaScript: the counts and the failed numbers.
    const page = await officer.get(`/office/notices/${n.id}/deliveries`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(sms[2]!.address);
    expect(html).toContain("Báo cáo gửi tin");
    // Another commune's officer: 404 on the report, the page and the reach.
    expect((await stranger.get(`/api/v1/notices/${n.id}/deliveries`)).status).toBe(404);
    expect((await stranger.get(`/office/notices/${n.id}/deliveries`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/notices/${n.id}/audience`)).status).toBe(404);
    expect((await stranger.get(`/office/notices/${n.id}/audience`)).status).toBe(404);
    // Bad query: a 400 naming the field.
    const bad = await officer.get(`/api/v1/notices/${n.id}/deliveries?status=lost`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("status");
  });

  it("previews a draft's audience through the API, and refuses bad input naming the field", async () => {
    const post = (client: TestClient, body: unknown) => client.request("/api/v1/notices/audience-preview", json(body, { "x-csrf-token": client.csrfToken }));
    const body = { unitCode: GIA_PHU, category: "administrative", scope: "villages", villageCodes: [v1, v2], channels: ["web", "sms", "zalo"] };
    const ok = await post(officer, body);
    expect(ok.status).toBe(200);
    const p = (await ok.json()) as AudiencePreview;
    expect(p.noticeId).toBeNull();
    expect(reach(p, "sms")).toMatchObject({ recipients: 6, messages: 4 });
    expect(reach(p, "zalo")).toMatchObject({ messages: 1 });

    const noVillages = await post(officer, { ...body, villageCodes: [] });
    expect(noVillages.status).toBe(400);
    expect(JSON.stringify(await noVillages.json())).toContain("villageCodes");
    const badList = await post(officer, { ...body, audience: { list: ["0912"] } });
    expect(badList.status).toBe(400);
    expect(JSON.stringify(await badList.json())).toContain("audience");
    const foreignVillage = await post(stranger, { ...body, unitCode: BAO_THANG });
    expect(foreignVillage.status).toBe(400);
    expect(JSON.stringify(await foreignVillage.json())).toContain("villageCodes");
    // Another commune's unit: 404, as every office resource of another commune.
    expect((await post(stranger, body)).status).toBe(404);
    expect((await post(officer, { ...body, scope: "province" })).status).toBe(400);
    expect((await new TestClient(x.app).request("/api/v1/notices/audience-preview", json(body))).status).toBeGreaterThanOrEqual(400);
  });

  it("shows the reach on the audience page and the panel of the notice page", async () => {
    const n = await twoVillages({ channels: ["web", "sms"] });
    const page = await officer.get(`/office/notices/${n.id}/audience`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Người nhận được");
    expect(html).toContain("Giới hạn tin nhắn SMS mỗi ngày");
    // No personal data on this page: counts only, so no audited read.
    expect(html).not.toContain("0912000001");
  });
});
