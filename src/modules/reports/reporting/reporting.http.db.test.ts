// The reporting pages through the app, as a browser without JavaScript uses them: the place step, the full form with
// similar reports, a multipart POST with a photo, the private page, confirm and reopen, the look-up by code and phone,
// "tôi cũng gặp", the assisted form; bad input is a 400 naming each field with nothing written.
import { createHash } from "node:crypto";
import sharp from "sharp";
import { beforeAll, expect, it } from "vitest";
import { fromAddress, TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, buildUser, buildVillage, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildReport, buildReportCategory } from "../../../../test/support/report-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { CSRF_FIELD } from "../../../platform/http/csrf.ts";

const jpeg = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: "#886644" } })
    .jpeg()
    .toBuffer();

function multipart(client: TestClient, path: string, fields: Record<string, string>, photos: { name: string; type: string; bytes: Uint8Array }[] = []) {
  const body = new FormData();
  body.set(CSRF_FIELD, client.csrfToken);
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  for (const p of photos) body.append("photos", new File([new Uint8Array(p.bytes)], p.name, { type: p.type }));
  return client.request(path, { method: "POST", body });
}

const count = async (x: TestApp, sql: string, params: unknown[] = []) => Number((await x.db.query<{ n: string }>(sql, params)).rows[0]!.n);

describeDb("reporting pages", () => {
  const app = useTestApp();
  let x: TestApp;
  let village: string;
  let otherVillage: string;
  let category: { id: string; code: string };

  beforeAll(async () => {
    x = app();
    village = (await buildVillage(x.deps, GIA_PHU)).code;
    otherVillage = (await buildVillage(x.deps, BAO_THANG)).code;
    category = await buildReportCategory(x.deps, { code: "road", nameVi: "Đường hỏng", timeLimitDays: 5 });
  });

  it("walks the two steps without JavaScript, sends a report with a photo and lands on the private page", async () => {
    const resident = new TestClient(x.app);
    const place = await resident.get(`/reports/${GIA_PHU}/new`);
    expect(place.status).toBe(200);
    const placeHtml = await place.text();
    expect(placeHtml).toContain('<option value="road">Đường hỏng</option>');
    expect(placeHtml).toContain(`value="${village}"`);
    expect(placeHtml).toContain("data-map-picker");
    expect(placeHtml).toMatch(/<form method="get"/);

    const missing = await resident.get(`/reports/${GIA_PHU}/new?step=full&categoryCode=`);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Loại việc");

    const full = await resident.get(`/reports/${GIA_PHU}/new?step=full&categoryCode=road&villageCode=${village}&landmark=C%E1%BA%A7u+tr%C3%A0n`);
    expect(full.status).toBe(200);
    const fullHtml = await full.text();
    expect(fullHtml).toContain('enctype="multipart/form-data"');
    expect(fullHtml).toContain("Không thấy phản ánh đang xử lý nào giống vậy.");

    const res = await multipart(
      resident,
      `/reports/${GIA_PHU}/new`,
      {
        categoryCode: "road",
        villageCode: village,
        landmark: "Cầu tràn",
        description: "Ổ gà lớn giữa đường, xe máy dễ ngã",
        "contact.name": "Lò Thị Mai",
        "contact.phone": "0912 345 678",
      },
      [{ name: "o-ga.jpg", type: "image/jpeg", bytes: await jpeg() }],
    );
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    const m = /^\/reports\/follow\/(PA-[A-Z0-9]{6})\/([A-Za-z0-9_-]{24})\?sent=1$/.exec(location);
    expect(m).not.toBeNull();
    const [, code, token] = m!;

    const row = (
      await x.db.query<{
        status: string;
        due_at: Date | null;
        follow_token_hash: string;
        reporter_phone: string;
        notify_sms: boolean;
        public: boolean;
        id: string;
      }>("SELECT id, status, due_at, follow_token_hash, reporter_phone, notify_sms, public FROM reports WHERE code = $1", [code])
    ).rows[0]!;
    expect(row.status).toBe("received");
    expect(row.due_at!.getTime()).toBeGreaterThan(x.clock.now().getTime());
    expect(row.follow_token_hash).toBe(createHash("sha256").update(`report-follow:${token}`).digest("hex"));
    expect(row.follow_token_hash).not.toContain(token!);
    expect(row.reporter_phone).toBe("0912345678");
    expect(row.notify_sms).toBe(true);
    expect(await count(x, "SELECT count(*) AS n FROM report_events WHERE report_id = $1 AND kind = 'submitted'", [row.id])).toBe(1);
    expect(await count(x, "SELECT count(*) AS n FROM report_photos WHERE report_id = $1", [row.id])).toBe(1);
    const sms = (
      await x.db.query<{ payload: { to: string; text: string } }>("SELECT payload FROM outbox WHERE dedupe_key = $1", [`report:${row.id}:received:sms`])
    ).rows[0]!;
    expect(sms.payload.to).toBe("+84912345678");
    expect(sms.payload.text).toContain(code);
    expect(sms.payload.text).toContain(token);

    const page = await resident.get(location);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toContain("no-store");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await page.text();
    expect(html).toContain("Đã gửi phản ánh");
    expect(html).toContain(code);
    expect(html).toContain(`/reports/follow/${code}/${token}`);
    expect(html).toContain("Lò Thị Mai");

    // A wrong secret and an unknown code look the same.
    expect((await resident.get(`/reports/follow/${code}/${"A".repeat(24)}`)).status).toBe(404);
    expect((await resident.get(`/reports/follow/PA-XXXXXX/${token}`)).status).toBe(404);
  });

  it("refuses bad input with a 400 naming every field, keeps what was typed and writes nothing", async () => {
    const resident = new TestClient(x.app);
    const before = await count(x, "SELECT count(*) AS n FROM reports");
    const res = await multipart(resident, `/reports/${GIA_PHU}/new`, {
      categoryCode: "",
      villageCode: otherVillage,
      landmark: "x".repeat(301),
      description: "",
      "contact.phone": "12345",
      "contact.email": "not-an-email",
      lat: "95",
      lon: "105.8",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const field of ["f-categoryCode", "f-villageCode", "f-landmark", "f-description", "f-contact-phone", "f-contact-email", "f-lat"]) {
      expect(html).toContain(`href="#${field}"`);
    }
    expect(html).toContain("x".repeat(301));
    const outside = await multipart(resident, `/reports/${GIA_PHU}/new`, { categoryCode: "road", description: "Cống tắc", lat: "13.7", lon: "100.5" });
    expect(outside.status).toBe(400);
    expect(await outside.text()).toContain("ngoài lãnh thổ Việt Nam");
    const notImage = await multipart(resident, `/reports/${GIA_PHU}/new`, { categoryCode: "road", description: "Cống tắc" }, [
      { name: "a.jpg", type: "image/jpeg", bytes: new TextEncoder().encode("not an image at all") },
    ]);
    expect(notImage.status).toBeGreaterThanOrEqual(400);
    expect(notImage.status).toBeLessThan(500);
    expect(await count(x, "SELECT count(*) AS n FROM reports")).toBe(before);
    expect((await resident.get(`/reports/99999/new`)).status).toBe(404);
  });

  it("shows similar open reports before sending, and counts one 'tôi cũng gặp' per browser", async () => {
    const open = await buildReport(x.deps, { categoryId: category.id, villageCode: village, status: "accepted", description: "Đường sạt lở sau mưa" });
    await buildReport(x.deps, { categoryId: category.id, villageCode: village, status: "accepted", public: false, description: "Riêng tư không hiện" });
    const neighbour = new TestClient(x.app);
    const url = `/reports/${GIA_PHU}/new?step=full&categoryCode=road&villageCode=${village}`;
    const html = await (await neighbour.get(url)).text();
    expect(html).toContain("Đường sạt lở sau mưa");
    expect(html).not.toContain("Riêng tư không hiện");
    expect(html).toContain(`/reports/r/${open.code}/support`);
    expect(html).toContain("Vẫn gửi phản ánh của tôi");
    const first = await neighbour.post(`/reports/r/${open.code}/support`, { next: url });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(url);
    await neighbour.post(`/reports/r/${open.code}/support`, { next: url });
    const other = new TestClient(x.app);
    await other.post(`/reports/r/${open.code}/support`, {});
    expect(await count(x, "SELECT support_count AS n FROM reports WHERE id = $1", [open.id])).toBe(2);
    expect(await count(x, "SELECT count(*) AS n FROM report_events WHERE report_id = $1 AND kind = 'supported' AND actor_user_id IS NULL", [open.id])).toBe(2);
  });

  it("lets the reporter reopen, then confirm, an answer by the private link, within the window only", async () => {
    const resident = new TestClient(x.app);
    const res = await multipart(resident, `/reports/${GIA_PHU}/new`, {
      categoryCode: "road",
      description: "Cống tắc trước chợ",
      "contact.phone": "0987654321",
    });
    const follow = res.headers.get("location")!.replace("?sent=1", "");
    const code = follow.split("/")[3]!;
    const resolve = () =>
      x.db.query("UPDATE reports SET status = 'resolved', answer = 'Đã thông cống', confirm_until = $2 WHERE code = $1", [
        code,
        new Date(x.clock.now().getTime() + 7 * 86_400_000),
      ]);
    expect((await resident.post(`${follow}/confirm`, {})).status).toBe(409);
    await resolve();
    const page = await (await resident.get(follow)).text();
    expect(page).toContain("Đã khắc phục, cảm ơn");
    expect(page).toContain("Đã thông cống");
    expect((await resident.post(`${follow}/reopen`, { reason: "" })).status).toBe(400);
    expect((await resident.post(`${follow}/reopen`, { reason: "Vẫn còn ngập" })).status).toBe(303);
    let row = (await x.db.query<{ status: string; reopen_count: number }>("SELECT status, reopen_count FROM reports WHERE code = $1", [code])).rows[0]!;
    expect(row).toEqual({ status: "reopened", reopen_count: 1 });
    await resolve();
    expect((await resident.post(`${follow}/confirm`, { satisfaction: "9" })).status).toBe(400);
    expect((await resident.post(`${follow}/confirm`, { satisfaction: "4" })).status).toBe(303);
    row = (await x.db.query<{ status: string; satisfaction: number }>("SELECT status, satisfaction FROM reports WHERE code = $1", [code])).rows[0] as never;
    expect(row).toMatchObject({ status: "closed", satisfaction: 4 });
    const kinds = (
      await x.db.query<{ kind: string }>("SELECT e.kind FROM report_events e JOIN reports r ON r.id = e.report_id WHERE r.code = $1 ORDER BY e.id", [code])
    ).rows;
    expect(kinds.map((k) => k.kind)).toEqual(["submitted", "reopened", "confirmed"]);
  });

  it("finds the private page again from the code and the phone, issuing a new link", async () => {
    const resident = new TestClient(x.app);
    const res = await multipart(resident, `/reports/${GIA_PHU}/new`, { categoryCode: "road", description: "Đèn đường hỏng", "contact.phone": "0977000111" });
    const old = res.headers.get("location")!.replace("?sent=1", "");
    const code = old.split("/")[3]!;
    const wrong = await resident.post("/reports/follow", { code, phone: "0977000112" });
    expect(wrong.status).toBe(404);
    const found = await resident.post("/reports/follow", { code: code.toLowerCase().replace("-", " "), phone: "+84 977 000 111" });
    expect(found.status).toBe(303);
    const fresh = found.headers.get("location")!;
    expect(fresh).toMatch(new RegExp(`^/reports/follow/${code}/`));
    expect((await resident.get(fresh)).status).toBe(200);
    expect((await resident.get(old)).status).toBe(404);
  });

  it("lists a signed-in reporter's reports at /me/reports and lets them confirm there", async () => {
    const citizen = await buildUser(x.deps, { kind: "citizen", roles: [["citizen", GIA_PHU]] });
    const client = new TestClient(x.app);
    await client.signIn(citizen.username, PASSWORD);
    // The full form starts from the citizen's own contact; they may clear it or report anonymously.
    const prefilled = await (await client.get(`/reports/${GIA_PHU}/new?step=full&categoryCode=road`)).text();
    expect(prefilled).toContain(`value="Test ${citizen.username}"`);
    const res = await multipart(client, `/reports/${GIA_PHU}/new`, { categoryCode: "road", description: "Cây đổ chắn đường" });
    expect(res.status).toBe(303);
    const code = res.headers.get("location")!.split("/")[3]!;
    expect(await count(x, "SELECT count(*) AS n FROM reports WHERE code = $1 AND reporter_user_id = $2", [code, citizen.id])).toBe(1);
    await x.db.query("UPDATE reports SET status = 'resolved', answer = 'Đã dọn', confirm_until = $2 WHERE code = $1", [
      code,
      new Date(x.clock.now().getTime() + 86_400_000),
    ]);
    const mine = await client.get("/me/reports");
    expect(mine.status).toBe(200);
    const html = await mine.text();
    expect(html).toContain(code);
    expect(html).toContain(`/me/reports/${code}/confirm`);
    expect((await client.post(`/me/reports/${code}/confirm`, {})).status).toBe(303);
    // Someone else's account does not reach it.
    const stranger = await buildUser(x.deps, { kind: "citizen", roles: [["citizen", GIA_PHU]] });
    const other = new TestClient(x.app);
    await other.signIn(stranger.username, PASSWORD);
    expect((await other.post(`/me/reports/${code}/reopen`, { reason: "x" })).status).toBe(404);
  });

  it("records a report for a resident with their consent; the SMS goes to the resident", async () => {
    const volunteer = await buildUser(x.deps, { kind: "volunteer", roles: [["volunteer", village]] });
    const client = new TestClient(x.app);
    await client.signIn(volunteer.username, PASSWORD);
    const form = await client.get("/office/reports/new");
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="consent.method"');
    const fields = {
      communeCode: GIA_PHU,
      categoryCode: "road",
      villageCode: village,
      description: "Bà Hoa báo: cống tắc",
      channel: "meeting",
      "contact.name": "Đinh Thị Hoa",
      "contact.phone": "0355111222",
    };
    const refused = await multipart(client, "/office/reports/new", fields);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('href="#f-consent-method"');
    const ok = await multipart(client, "/office/reports/new", { ...fields, "consent.method": "verbal", "consent.note": "Đồng ý tại họp thôn" });
    expect(ok.status).toBe(200);
    const row = (
      await x.db.query<{ id: string; channel: string; assisted_by: string; reporter_user_id: string | null; assisted_consent: { method: string } }>(
        "SELECT id, channel, assisted_by, reporter_user_id, assisted_consent FROM reports WHERE description = $1",
        ["Bà Hoa báo: cống tắc"],
      )
    ).rows[0]!;
    expect(row).toMatchObject({ channel: "meeting", assisted_by: volunteer.id, reporter_user_id: null, assisted_consent: { method: "verbal" } });
    const sms = (await x.db.query<{ payload: { to: string } }>("SELECT payload FROM outbox WHERE dedupe_key = $1", [`report:${row.id}:received:sms`])).rows[0]!;
    expect(sms.payload.to).toBe("+84355111222");
    // Another commune's volunteer is not let in.
    const outsider = await buildUser(x.deps, { kind: "volunteer", roles: [["volunteer", otherVillage]] });
    const o = new TestClient(x.app);
    await o.signIn(outsider.username, PASSWORD);
    expect((await multipart(o, "/office/reports/new", { ...fields, "consent.method": "verbal" })).status).toBe(404);
  });
});

describeDb("reporting flood limit", () => {
  const app = useTestApp({ env: { FILING_MAX_PER_ADDRESS: "2", SMS_MAX_PER_RECIPIENT: "1" } });
  it("answers 429 with a clear message once an address has sent its share, and writes nothing more", async () => {
    const x = app();
    await buildReportCategory(x.deps, { code: "trash" });
    const client = new TestClient(fromAddress(x.app, "203.0.113.7"));
    for (let i = 0; i < 2; i++)
      expect((await multipart(client, `/reports/${GIA_PHU}/new`, { categoryCode: "trash", description: `Rác ${i}` })).status).toBe(303);
    const third = await multipart(client, `/reports/${GIA_PHU}/new`, { categoryCode: "trash", description: "Rác 3" });
    expect(third.status).toBe(429);
    expect(await third.text()).toContain("quá nhiều phản ánh");
    expect(await count(x, "SELECT count(*) AS n FROM reports")).toBe(2);
    // Another address is not held back.
    const elsewhere = new TestClient(fromAddress(x.app, "203.0.113.8"));
    expect((await multipart(elsewhere, `/reports/${GIA_PHU}/new`, { categoryCode: "trash", description: "Rác 4" })).status).toBe(303);
  });

  it("skips the SMS over the SMS limits, keeps the report, and says so on the sent page", async () => {
    const x = app();
    await buildReportCategory(x.deps, { code: "smoke" });
    const sent: string[] = [];
    for (const ip of ["198.51.100.1", "198.51.100.2"]) {
      const res = await multipart(new TestClient(fromAddress(x.app, ip)), `/reports/${GIA_PHU}/new`, {
        categoryCode: "smoke",
        description: "Đốt rác gây khói",
        "contact.phone": "0912000333",
      });
      expect(res.status).toBe(303);
      sent.push(await (await new TestClient(x.app).get(res.headers.get("location")!)).text());
    }
    expect(sent[0]).toContain("qua tin nhắn đến số 0912000333");
    expect(sent[1]).toContain("chưa gửi SMS");
    expect(await count(x, "SELECT count(*) AS n FROM outbox WHERE topic = 'sms' AND payload->>'to' = '+84912000333'")).toBe(1);
    expect(await count(x, "SELECT count(*) AS n FROM reports WHERE category_id IN (SELECT id FROM report_categories WHERE code = 'smoke')")).toBe(2);
  });
});
