// The authoring workflow through /api/v1 and the office pages: who may do what, 404 across communes, optimistic
// concurrency, the emergency skip flagged in the audit, withdrawal creating and queueing its correction, bad input.
import { beforeAll, expect, it } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { CSRF_HEADER } from "../../../platform/http/csrf.ts";
import { BAO_THANG, buildUser, buildVillage, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import type { Role } from "../../../platform/auth/roles.ts";

type Notice = { id: string; status: string; version: number; smsText: string | null; speechText: string | null; reviewSkipped: boolean; smsEdited: boolean };
type Problem = { status: number; errors?: { field: string; message: string }[] };

// The API with a browser session: the CSRF token goes in its header.
const send = (client: TestClient, path: string, body: unknown, method = "POST") =>
  client.request(path, { method, body: JSON.stringify(body), headers: { "content-type": "application/json", [CSRF_HEADER]: client.csrfToken } });

describeDb("notices authoring", () => {
  const app = useTestApp();
  let x: TestApp;
  let author: TestClient;
  let leader: TestClient;
  let stranger: TestClient;
  let village: string;

  const signedIn = async (roles: [Role, string][]) => {
    const u = await buildUser(x.deps, { roles });
    const client = new TestClient(x.app);
    await client.signIn(u.username, PASSWORD);
    return client;
  };
  const draft = (over: Record<string, unknown> = {}) => ({
    category: "health",
    title: "Lịch tiêm chủng tháng 2",
    body: "UBND xã thông báo tiêm vắc-xin cho trẻ lúc 7h30 ngày 12/02/2026 tại trạm y tế.\n\n- Mang thẻ BHYT\n- Hỏi thêm: 0912 345 678",
    scope: "villages",
    villageCodes: [village],
    validFrom: "2026-02-01",
    channels: ["sms", "loudspeaker"],
    ...over,
  });
  const create = async (client: TestClient, over: Record<string, unknown> = {}) => {
    const res = await send(client, "/api/v1/notices", draft(over));
    expect(res.status).toBe(201);
    return (await res.json()) as Notice;
  };
  const act = (client: TestClient, n: Notice, step: string, body: Record<string, unknown> = {}) =>
    send(client, `/api/v1/notices/${n.id}/${step}`, { version: n.version, ...body });
  const auditCount = async (id: string, action: string) =>
    (await x.deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1 AND action = $2`, [id, action])).rows[0]!.n;
  const fanOuts = async (id: string) =>
    (await x.deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'notices.fan-out' AND payload->>'noticeId' = $1`, [id])).rows[0]!
      .n;

  beforeAll(async () => {
    x = app();
    author = await signedIn([["specialist", GIA_PHU]]);
    leader = await signedIn([["leader", GIA_PHU]]);
    stranger = await signedIn([["leader", BAO_THANG]]);
    village = (await buildVillage(x.deps, GIA_PHU, "Thôn Nà Mò")).code;
  });

  it("derives the SMS text and the spoken script, and walks draft → review → published with the fan-out queued once", async () => {
    const n = await create(author);
    expect(n.status).toBe("draft");
    expect(n.smsText).toContain("0912 345 678");
    expect(n.smsText).not.toMatch(/[ịạ]/);
    expect(n.speechText).toContain("bảy giờ ba mươi");
    expect(n.speechText).toContain("Ủy ban nhân dân");

    // The author may not approve; the leader may not approve a draft.
    expect((await act(leader, n, "approve")).status).toBe(409);
    const submitted = (await (await act(author, n, "submit")).json()) as Notice;
    expect(submitted.status).toBe("in_review");
    expect((await act(author, submitted, "approve")).status).toBe(403);
    // A stale version is a 409 naming version.
    const stale = await act(leader, n, "approve");
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as Problem).errors?.[0]?.field).toBe("version");

    const approved = (await (await act(leader, submitted, "approve")).json()) as Notice;
    expect(approved.status).toBe("published");
    expect(await fanOuts(n.id)).toBe(1);
    expect(await auditCount(n.id, "notice.approved")).toBe(1);

    const page = await leader.get(`/office/notices/${n.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Lịch tiêm chủng tháng 2");
    expect(html).toContain("Duyệt, phát hành");
  });

  it("sends back with a note and schedules for a future time", async () => {
    const n = await create(author);
    const s = (await (await act(author, n, "submit")).json()) as Notice;
    const back = (await (await act(leader, s, "send-back", { note: "Thêm địa điểm cụ thể" })).json()) as Notice & { reviewNote: string };
    expect(back.status).toBe("draft");
    expect(back.reviewNote).toBe("Thêm địa điểm cụ thể");
    const again = (await (await act(author, back, "submit")).json()) as Notice;
    const at = new Date(x.deps.clock.now().getTime() + 2 * 86_400_000).toISOString();
    const scheduled = (await (await act(leader, again, "approve", { scheduledAt: at })).json()) as Notice & { scheduledAt: string };
    expect(scheduled.status).toBe("scheduled");
    expect(new Date(scheduled.scheduledAt).toISOString()).toBe(at);
    // Withdrawn before its time: never sent, no correction.
    const w = await act(leader, scheduled, "withdraw", { reason: "Hoãn lịch" });
    expect(w.status).toBe(200);
    const body = (await w.json()) as { notice: Notice; correction: Notice | null };
    expect(body.notice.status).toBe("withdrawn");
    expect(body.correction).toBeNull();
  });

  it("publishes an emergency without review, flagged in the audit", async () => {
    const n = await create(author, { category: "emergency", title: "Cảnh báo lũ quét", scope: "commune", villageCodes: undefined });
    // The specialist drafts but holds no notice.emergency.
    expect((await act(author, n, "publish")).status).toBe(403);
    const res = await act(leader, n, "publish");
    expect(res.status).toBe(200);
    const p = (await res.json()) as Notice;
    expect(p.status).toBe("published");
    expect(p.reviewSkipped).toBe(true);
    expect(await auditCount(n.id, "notice.publishedWithoutReview")).toBe(1);
    expect(await fanOuts(n.id)).toBe(1);
    // A non-emergency notice cannot skip review.
    const plain = await create(leader);
    expect((await act(leader, plain, "publish")).status).toBe(409);
  });

  it("withdraws a published notice with a correction to the same people on the same channels, queued at once", async () => {
    const n = await create(author, { category: "emergency", audience: { flags: ["elderly_alone"], list: ["0987 654 321"] } });
    const p = (await (await act(leader, n, "publish")).json()) as Notice;
    expect((await act(leader, p, "withdraw", { reason: "Sai ngày" })).status).toBe(400);
    const res = await act(leader, p, "withdraw", { reason: "Sai ngày", correction: "Lịch tiêm chuyển sang ngày 14/02/2026." });
    expect(res.status).toBe(200);
    const { notice, correction } = (await res.json()) as {
      notice: Notice;
      correction: Notice & { title: string; correctsId: string; channels: string[]; villageCodes: string[]; audience: { list?: string[] } };
    };
    expect(notice.status).toBe("withdrawn");
    expect(correction.status).toBe("published");
    expect(correction.title).toBe("Đính chính: Lịch tiêm chủng tháng 2");
    expect(correction.correctsId).toBe(n.id);
    expect(correction.channels).toEqual(["web", "sms", "loudspeaker"]);
    expect(correction.villageCodes).toEqual([village]);
    expect(correction.audience.list).toEqual(["+84987654321"]);
    expect(await fanOuts(correction.id)).toBe(1);
    expect(await auditCount(n.id, "notice.withdrawn")).toBe(1);
  });

  it("keeps another commune's notices out of sight (404) and out of the list", async () => {
    const n = await create(author);
    expect((await stranger.get(`/api/v1/notices/${n.id}`)).status).toBe(404);
    expect((await act(stranger, n, "submit")).status).toBe(404);
    expect((await stranger.get(`/office/notices/${n.id}`)).status).toBe(404);
    const list = (await (await stranger.get("/api/v1/notices?tab=drafts")).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(n.id);
    const mine = (await (await author.get("/api/v1/notices?tab=drafts")).json()) as { items: { id: string }[]; counts: { drafts: number } };
    expect(mine.items.map((i) => i.id)).toContain(n.id);
    expect(mine.counts.drafts).toBeGreaterThan(0);
  });

  it("refuses bad input with 400s naming the fields", async () => {
    const bad = async (over: Record<string, unknown>) => {
      const res = await send(author, "/api/v1/notices", draft(over));
      expect(res.status).toBe(400);
      return ((await res.json()) as Problem).errors ?? [];
    };
    const long = Array.from({ length: 40 }, (_, i) => `Hộ số ${i + 1} gọi 09${String(10_000_000 + i * 7919).slice(0, 8)} ngày ${(i % 28) + 1}/03/2026.`).join(
      " ",
    );
    const sms = await bad({ body: long });
    expect(sms[0]?.field).toBe("smsText");
    expect(sms[0]?.message).toMatch(/còn \d+ ký tự, tối đa 306 sau khi bỏ dấu/);
    expect((await bad({ body: "<b>Khẩn</b>" }))[0]?.field).toBe("body");
    expect((await bad({ audience: { list: ["0912345678", "12345"] } }))[0]).toMatchObject({ field: "audience.list" });
    expect((await bad({ audience: { list: ["0912345678", "12345"] } }))[0]?.message).toContain("dòng 2");
    expect((await bad({ villageCodes: [] }))[0]?.field).toBe("villageCodes");
    expect((await bad({ scope: "province" }))[0]?.field).toBe("scope");
    expect((await bad({ validUntil: "2026-01-01" }))[0]?.field).toBe("validUntil");
    expect((await bad({ smsText: "x".repeat(400) }))[0]?.field).toBe("smsText");
    // Without sms, a long body is fine (no SMS will be sent).
    const ok = await send(author, "/api/v1/notices", draft({ body: long, channels: ["loudspeaker"] }));
    expect(ok.status).toBe(201);
  });

  it("keeps an officer's own SMS text when the body changes, and returns to the derived text on null", async () => {
    const n = await create(author, { smsText: "Tiem chung 7h30 12/02 tai tram y te." });
    expect(n.smsEdited).toBe(true);
    const edited = await send(author, `/api/v1/notices/${n.id}`, { ...draft({ body: "Nội dung mới." }), version: n.version }, "PUT");
    expect(edited.status).toBe(200);
    const e = (await edited.json()) as Notice;
    expect(e.smsText).toBe("Tiem chung 7h30 12/02 tai tram y te.");
    const reset = await send(author, `/api/v1/notices/${n.id}`, { ...draft({ body: "Nội dung mới." }), version: e.version, smsText: null }, "PUT");
    const r = (await reset.json()) as Notice;
    expect(r.smsEdited).toBe(false);
    expect(r.smsText).toContain("Noi dung moi.");
  });

  it("writes a notice through the office form without JavaScript: errors beside fields with values kept, then saved with its attachment", async () => {
    const form = (fields: Record<string, string | string[]>, file?: { name: string; bytes: Uint8Array<ArrayBuffer> }) => {
      const fd = new FormData();
      fd.set("_csrf", author.csrfToken);
      for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
      if (file) fd.append("attachments", new Blob([file.bytes]), file.name);
      return author.request("/office/notices/new", { method: "POST", body: fd });
    };
    const page = await author.get("/office/notices/new");
    expect(page.status).toBe(200);
    const fields = {
      unitCode: GIA_PHU,
      category: "agriculture",
      title: "Phòng trừ sâu cuốn lá",
      body: "Bà con phun thuốc trước ngày 20/03/2026.",
      scope: "villages",
      villageCodes: [village],
      validFrom: "15/03/2026",
      channels: ["sms", "loudspeaker"],
      "audience.flags": ["no_smartphone"],
      "audience.list": "0912 345 678\n12345",
    };
    const badDay = await form({ ...fields, validUntil: "31/02/2026" });
    expect(badDay.status).toBe(400);
    expect(await badDay.text()).toContain('href="#f-validUntil"');
    const bad = await form(fields);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("dòng 2");
    expect(html).toContain("Phòng trừ sâu cuốn lá");
    expect(html).toMatch(/value="no_smartphone" checked/);

    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const ok = await form({ ...fields, "audience.list": "0912 345 678" }, { name: "huong-dan.pdf", bytes: pdf });
    expect(ok.status).toBe(303);
    const at = ok.headers.get("location")!;
    const shown = await (await author.get(at)).text();
    expect(shown).toContain("huong-dan.pdf");
    expect(shown).toContain("Phong tru sau cuon la");
    const id = at.split("/").pop()!;
    const file = await author.get(`/office/notices/${id}/files/${/files\/([0-9a-f-]{36})/.exec(shown)![1]}`);
    expect(file.status).toBe(200);
    // A step from the page: sent for review, then the stale form is refused with 409 on the same page.
    const version = /name="version" value="(\d+)"/.exec(shown)![1]!;
    expect((await author.post(`/office/notices/${id}/submit`, { version })).status).toBe(303);
    const again = await author.post(`/office/notices/${id}/submit`, { version });
    expect(again.status).toBe(409);
  });
});
