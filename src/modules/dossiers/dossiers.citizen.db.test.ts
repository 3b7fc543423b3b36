// The citizen's pages as a browser without JavaScript uses them: multipart posts with files, redirects, errors beside fields.
import { gzipSync } from "node:zlib";
import { beforeAll, expect, it } from "vitest";
import { fromAddress, json, TestClient } from "../../../test/support/client.ts";
import { act, acting, APPLICANT, buildDossier, deskTeam, ONLINE_PROCEDURE } from "../../../test/support/dossier-factories.ts";
import { signedInByPhone } from "../../../test/support/citizen-factories.ts";
import { storeFile } from "../../platform/files/file-store.ts";
import { CSRF_HEADER } from "../../platform/http/csrf.ts";
import { buildUser, GIA_PHU, PASSWORD } from "../../../test/support/factories.ts";
import { useTestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { aPdf } from "../../../test/support/procedure-factories.ts";
import { confirmPayment } from "../payments/index.ts";
import { CSRF_FIELD } from "../../platform/http/csrf.ts";
import { LOOKUP_MAX_FAILURES, LOOKUP_MAX_PER_ADDRESS, LOOKUP_WINDOW_MINUTES } from "./index.ts";

const PROCEDURE = ONLINE_PROCEDURE.code; // required "declaration" and "identityDocument", a "maritalStatus" choice and a "purpose" text

const pdf = (title: string) => new File([new Uint8Array(aPdf(title))], `${title}.pdf`, { type: "application/pdf" });

/** The application as the form sends it: text fields and chosen files, multipart. */
function application(client: TestClient, key: string, files: Record<string, File>, over: Record<string, string> = {}) {
  const fields: Record<string, string> = {
    [CSRF_FIELD]: client.csrfToken,
    procedure: PROCEDURE,
    idempotencyKey: key,
    intent: "submit",
    communeCode: GIA_PHU,
    "applicant.fullName": APPLICANT.fullName,
    "applicant.birthDate": APPLICANT.birthDate,
    "applicant.citizenIdNumber": APPLICANT.citizenIdNumber,
    "applicant.address": APPLICANT.address,
    "applicant.phone": APPLICANT.phone,
    "applicant.email": "",
    "form.applicantName": APPLICANT.fullName,
    "form.applicantBirthDate": APPLICANT.birthDate,
    "form.applicantIdNumber": APPLICANT.citizenIdNumber,
    "form.applicantAddress": APPLICANT.address,
    "form.applicantPhone": "",
    "form.maritalStatus": "single",
    "form.purpose": "Để đăng ký kết hôn",
    "delivery.method": "desk",
    "delivery.address": "",
    ...over,
  };
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const [k, f] of Object.entries(files)) body.append(k, f);
  // An input left empty still sends a nameless, empty part, as browsers do.
  if (!("doc.authorisation" in files)) body.append("doc.authorisation", new File([], ""));
  return body;
}

const post = (client: TestClient, path: string, body: FormData) => client.request(path, { method: "POST", body });
const keyOf = async (res: Response) => /name="idempotencyKey" value="([^"]+)"/.exec(await res.text())?.[1] ?? "";

describeDb("dossiers: citizen pages", () => {
  const app = useTestApp();
  let team: Awaited<ReturnType<typeof deskTeam>>;
  let citizen: TestClient;
  let desk: TestClient;

  beforeAll(async () => {
    team = await deskTeam(app().deps);
    citizen = new TestClient(app().app);
    await citizen.signIn(team.citizen.principal.username, PASSWORD);
    desk = new TestClient(app().app);
    await desk.signIn(team.desk.principal.username, PASSWORD);
  });

  const countByKey = async (key: string) =>
    (await app().db.query("SELECT count(*)::int AS n FROM dossiers WHERE idempotency_key = $1", [key])).rows[0]!.n as number;

  it("sends an anonymous visitor to sign in and back to the same form", async () => {
    const res = await new TestClient(app().app).get(`/dossiers/new?procedure=${PROCEDURE}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent(`/dossiers/new?procedure=${PROCEDURE}`)}`);
    expect((await new TestClient(app().app).get("/me/dossiers")).headers.get("location")).toBe("/sign-in?next=%2Fme%2Fdossiers");
  });

  it("renders an accessible form: radios in a fieldset, date and ID inputs, one file input per document, two buttons", async () => {
    const res = await citizen.get(`/dossiers/new?procedure=${PROCEDURE}&commune=${GIA_PHU}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toMatch(/<fieldset[^>]*><legend>Tình trạng hôn nhân hiện tại<\/legend>/);
    expect(html).toMatch(/type="radio" id="f-form-maritalStatus" name="form.maritalStatus" value="single"/);
    // A date is typed as dd/mm/yyyy in a text input, not the browser's locale-formatted date picker.
    expect(html).toMatch(/name="applicant.birthDate"[^>]*type="text"[^>]*inputmode="numeric"[^>]*placeholder="dd\/mm\/yyyy"/);
    expect(html).not.toContain('type="date"');
    expect(html).toMatch(/name="applicant.citizenIdNumber"[^>]*autocomplete="off"/);
    // Entered once: the declaration's copies of the applicant's details are not asked again.
    expect(html).not.toContain('name="form.applicantBirthDate"');
    expect(html).not.toContain('name="form.applicantIdNumber"');
    expect(html).toContain('inputmode="numeric"');
    expect(html).toMatch(/type="file" id="f-documents-declaration" name="doc.declaration" accept="\.pdf,\.jpg,\.jpeg,\.png/);
    expect(html).toMatch(/<option value="02923" selected="">Xã Gia Phú<\/option>/);
    expect(html).toContain('name="intent" value="draft"');
    expect(html).toContain('name="intent" value="submit"');
    expect(await keyOf(new Response(html))).toMatch(/^[0-9a-f-]{36}$/);
    // The budget: the application form and the status page together stay under 30 KB compressed.
    const status = await (await citizen.get("/status")).text();
    expect(gzipSync(html).length + gzipSync(status).length).toBeLessThan(30 * 1024);
  });

  it("files a dossier from a multipart post, shows its code, and a retried post lands on the same dossier", async () => {
    const key = await keyOf(await citizen.get(`/dossiers/new?procedure=${PROCEDURE}`));
    const files = { "doc.declaration": pdf("to khai"), "doc.identityDocument": pdf("can cuoc") };
    const first = await post(citizen, "/dossiers/new", application(citizen, key, files));
    expect(first.status).toBe(303);
    const location = first.headers.get("location")!;
    expect(location).toMatch(/^\/me\/dossiers\/[0-9a-f-]{36}\?submitted=1$/);
    const retry = await post(citizen, "/dossiers/new", application(citizen, key, files));
    expect(retry.headers.get("location")).toBe(location);
    expect(await countByKey(key)).toBe(1);

    const html = await (await citizen.get(location)).text();
    const code = /Mã hồ sơ của bạn: <strong class="code-value">([^<]+)<\/strong>/.exec(html)?.[1];
    expect(code).toMatch(/^XS\.02923-\d{6}-\d{4}$/);
    expect(html).toContain("091****678");
    expect(html).toContain(`/status?code=${encodeURIComponent(code!)}`);
    expect(html).toContain("Mới nộp, chờ tiếp nhận");
    const docs = await app().db.query(
      "SELECT requirement_key FROM dossier_documents d JOIN dossiers x ON x.id = d.dossier_id WHERE x.idempotency_key = $1 ORDER BY 1",
      [key],
    );
    expect(docs.rows.map((r) => r.requirement_key)).toEqual(["declaration", "identityDocument"]);
    // The list shows it, and its documents download.
    const list = await (await citizen.get("/me/dossiers")).text();
    expect(list).toContain(code);
    const docLink = /href="(\/me\/dossiers\/[^"]+\/files\/[^"]+)"/.exec(html)?.[1];
    const file = await citizen.get(docLink!);
    expect(file.headers.get("content-type")).toBe("application/pdf");
  });

  it("lands ten concurrent posts of one form (one key) on the same dossier, using one number", async () => {
    const key = await keyOf(await citizen.get(`/dossiers/new?procedure=${PROCEDURE}`));
    const files = { "doc.declaration": pdf("to khai"), "doc.identityDocument": pdf("can cuoc") };
    const counter = async () => (await app().db.query("SELECT coalesce(sum(last_value), 0)::int AS n FROM dossier_code_counters")).rows[0]!.n as number;
    const before = await counter();
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(citizen, "/dossiers/new", application(citizen, key, files))));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(303));
    expect(new Set(answers.map((r) => r.headers.get("location"))).size).toBe(1);
    expect(answers[0]!.headers.get("location")).toMatch(/^\/me\/dossiers\/[0-9a-f-]{36}\?submitted=1$/);
    expect(await countByKey(key)).toBe(1);
    expect(await counter()).toBe(before + 1);
  });

  it("says so when the day's dossier numbers are used up, and keeps the submission as a draft with its uploads", async () => {
    const filed = await buildDossier(app().deps, team.citizen);
    const [agency, day] = filed.code!.split("-");
    const date = `20${day!.slice(0, 2)}-${day!.slice(2, 4)}-${day!.slice(4, 6)}`;
    const counter = "UPDATE dossier_code_counters SET last_value = $3 WHERE agency_code = $1 AND day = $2";
    await app().db.query(counter, [agency, date, 9999]);
    try {
      const key = await keyOf(await citizen.get(`/dossiers/new?procedure=${PROCEDURE}`));
      const res = await post(
        citizen,
        "/dossiers/new",
        application(citizen, key, { "doc.declaration": pdf("to khai"), "doc.identityDocument": pdf("can cuoc") }),
      );
      expect(res.status).toBe(503);
      const html = await res.text();
      expect(html).toContain("Hôm nay cơ quan đã cấp hết 9999 số hồ sơ");
      const draft = (await app().db.query("SELECT id, state, code FROM dossiers WHERE idempotency_key = $1", [key])).rows[0]!;
      expect(draft).toMatchObject({ state: "draft", code: null });
      expect(html).toContain(`action="/dossiers/${draft.id}/edit"`);
      expect(html).toContain('value="Để đăng ký kết hôn"');
      const kept = await app().db.query("SELECT requirement_key FROM dossier_documents WHERE dossier_id = $1 ORDER BY 1", [draft.id]);
      expect(kept.rows.map((r) => r.requirement_key)).toEqual(["declaration", "identityDocument"]);
    } finally {
      await app().db.query(counter, [agency, date, Number(filed.code!.slice(-4))]);
    }
  });

  it("keeps the draft with its uploads when a required document is missing, shows the error beside it, and completes it later", async () => {
    const key = await keyOf(await citizen.get(`/dossiers/new?procedure=${PROCEDURE}`));
    const res = await post(citizen, "/dossiers/new", application(citizen, key, { "doc.declaration": pdf("to khai") }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#f-documents-identityDocument"');
    expect(html).toMatch(
      /id="f-documents-identityDocument-error"><span class="visually-hidden">Lỗi:<\/span> Trường “Thẻ căn cước[^”]*”: còn thiếu giấy tờ bắt buộc/,
    );
    const draft = (await app().db.query("SELECT id, state FROM dossiers WHERE idempotency_key = $1", [key])).rows[0]!;
    expect(draft.state).toBe("draft");
    expect(html).toContain(`action="/dossiers/${draft.id}/edit"`);
    expect(html).toContain("Đã đính kèm:");
    const kept = await app().db.query("SELECT requirement_key FROM dossier_documents WHERE dossier_id = $1", [draft.id]);
    expect(kept.rows.map((r) => r.requirement_key)).toEqual(["declaration"]);
    // What was typed is still there.
    expect(html).toContain('value="Để đăng ký kết hôn"');

    const done = await post(citizen, `/dossiers/${draft.id}/edit`, application(citizen, key, { "doc.identityDocument": pdf("can cuoc") }));
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/me/dossiers/${draft.id}?submitted=1`);
    expect((await app().db.query("SELECT state, code FROM dossiers WHERE id = $1", [draft.id])).rows[0]).toMatchObject({
      state: "submitted",
      code: expect.stringMatching(/^XS\./),
    });
    expect(await countByKey(key)).toBe(1);
  });

  it("saves a draft on request and reopens it with its values", async () => {
    const key = await keyOf(await citizen.get(`/dossiers/new?procedure=${PROCEDURE}`));
    const res = await post(citizen, "/dossiers/new", application(citizen, key, {}, { intent: "draft", "form.purpose": "Vay vốn" }));
    expect(res.status).toBe(303);
    const edit = res.headers.get("location")!;
    expect(edit).toMatch(/^\/dossiers\/[0-9a-f-]{36}\/edit$/);
    const html = await (await citizen.get(edit)).text();
    expect(html).toContain("Đã lưu.");
    expect(html).toContain('value="Vay vốn"');
    expect(html).toMatch(/id="f-form-maritalStatus" name="form.maritalStatus" value="single" checked=""/);
    expect(html).toContain(`name="idempotencyKey" value="${key}"`);
  });

  it("refuses a file that is not a PDF, JPG or PNG, beside its field, and files nothing", async () => {
    const key = await keyOf(await citizen.get(`/dossiers/new?procedure=${PROCEDURE}`));
    const fake = new File(["<script>alert(1)</script>"], "to-khai.pdf", { type: "application/pdf" });
    const res = await post(citizen, "/dossiers/new", application(citizen, key, { "doc.declaration": fake, "doc.identityDocument": pdf("can cuoc") }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="f-documents-declaration-error">[\s\S]*?chỉ nhận tệp PDF, JPG, PNG/);
    expect(await countByKey(key)).toBe(0);
  });

  it("shows field errors beside the fields with the values kept", async () => {
    const key = await keyOf(await citizen.get(`/dossiers/new?procedure=${PROCEDURE}`));
    const res = await post(
      citizen,
      "/dossiers/new",
      application(citizen, key, {}, { "applicant.phone": "12345", "delivery.method": "post", "applicant.birthDate": "31/02/1990" }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    // The summary lists the errors in the order of the fields on the form: applicant, documents, then delivery.
    const summary = html.slice(html.indexOf('class="error-summary"'), html.indexOf("</ul>", html.indexOf('class="error-summary"')));
    const links = ["f-applicant-birthDate", "f-applicant-phone", "f-documents-declaration", "f-delivery-address"].map((id) => summary.indexOf(`href="#${id}"`));
    expect(links.every((i) => i >= 0)).toBe(true);
    expect(links).toEqual([...links].sort((a, b) => a - b));
    expect(summary).toContain("Ngày sinh”: không có ngày này trong lịch");
    // The hidden copy of the birth date is never shown: the form keeps its shape.
    expect(html).not.toContain('name="form.applicantBirthDate"');
    expect(html).toContain('value="12345"');
    expect(html).toContain('value="31/02/1990"');
    expect(await countByKey(key)).toBe(0);
  });

  it("finds the dossier on the public status page with the right last 4 digits only, then throttles guesses", async () => {
    const key = await keyOf(await citizen.get(`/dossiers/new?procedure=${PROCEDURE}`));
    const res = await post(citizen, "/dossiers/new", application(citizen, key, { "doc.declaration": pdf("a"), "doc.identityDocument": pdf("b") }));
    const id = /\/me\/dossiers\/([0-9a-f-]{36})/.exec(res.headers.get("location")!)![1]!;
    const code = (await app().db.query("SELECT code FROM dossiers WHERE id = $1", [id])).rows[0]!.code as string;
    const visitor = new TestClient(app().app);

    const form = await (await visitor.get(`/status?code=${encodeURIComponent(code)}`)).text();
    expect(form).toContain(`value="${code}"`);
    const found = await visitor.post("/status", { code, last4: "5678" });
    expect(found.status).toBe(200);
    const html = await found.text();
    expect(html).toContain("Đ*** V*** Nam");
    expect(html).toContain("Mới nộp, chờ tiếp nhận");
    expect(html).toContain("(mã trạng thái 1)");
    expect(html).toContain("Nộp hồ sơ trực tuyến");
    expect((await visitor.post("/status", { code, last4: "1234" })).status).toBe(200); // the ID number's last 4

    const wrong = await visitor.post("/status", { code, last4: "0000" });
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toMatch(/id="f-code-error">[\s\S]*?không tìm thấy hồ sơ với mã và 4 số cuối này/);
    expect((await visitor.post("/status", { code, last4: "12" })).status).toBe(400);
    for (let i = 1; i < LOOKUP_MAX_FAILURES; i++) expect((await visitor.post("/status", { code, last4: "0000" })).status).toBe(404);
    const throttled = await visitor.post("/status", { code, last4: "5678" });
    expect(throttled.status).toBe(429);
    expect(await throttled.text()).toContain("Bạn đã tra cứu sai quá nhiều lần");
  });

  it("checks at most the limit of status guesses sent at once, per address and code, without locking the address out of other codes", async () => {
    const [a, b] = await Promise.all([buildDossier(app().deps, team.citizen), buildDossier(app().deps, team.citizen)]);
    const office = new TestClient(fromAddress(app().app, "192.0.2.20"));
    const guesses = await Promise.all(Array.from({ length: 40 }, () => office.post("/status", { code: a.code!, last4: "0000" })));
    expect(guesses.filter((r) => r.status === 404)).toHaveLength(LOOKUP_MAX_FAILURES);
    expect(guesses.filter((r) => r.status === 429)).toHaveLength(40 - LOOKUP_MAX_FAILURES);
    const locked = await office.post("/status", { code: a.code!, last4: "5678" });
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe(String(LOOKUP_WINDOW_MINUTES * 60));
    // The same office looks up another code; another address looks up the first one.
    expect((await office.post("/status", { code: b.code!, last4: "5678" })).status).toBe(200);
    expect((await new TestClient(fromAddress(app().app, "192.0.2.21")).post("/status", { code: a.code!, last4: "5678" })).status).toBe(200);
    // Until the address's own ceiling: wrong guesses over many codes, at once.
    const spread = await Promise.all(
      Array.from({ length: LOOKUP_MAX_PER_ADDRESS }, (_, i) =>
        office.post("/status", { code: `000.00.00.H00-261123-${String(i).padStart(4, "0")}`, last4: "0000" }),
      ),
    );
    expect(spread.filter((r) => r.status === 404)).toHaveLength(LOOKUP_MAX_PER_ADDRESS - LOOKUP_MAX_FAILURES);
    expect((await office.post("/status", { code: b.code!, last4: "5678" })).status).toBe(429);
  });

  it("lets the applicant answer a supplement request through the page, and says so when the page was stale", async () => {
    const key = await keyOf(await citizen.get(`/dossiers/new?procedure=${PROCEDURE}`));
    const res = await post(citizen, "/dossiers/new", application(citizen, key, { "doc.declaration": pdf("a"), "doc.identityDocument": pdf("b") }));
    const id = /\/me\/dossiers\/([0-9a-f-]{36})/.exec(res.headers.get("location")!)![1]!;
    await act(app().deps, team.desk, id, "requestSupplement", { items: [{ label: "Bản sao giấy chứng nhận ly hôn", reason: "Chưa có trong hồ sơ" }] });

    const pageHtml = await (await citizen.get(`/me/dossiers/${id}`)).text();
    // Each item of the request with the desk's reason for it.
    expect(pageHtml).toContain("<li>Bản sao giấy chứng nhận ly hôn – lý do: Chưa có trong hồ sơ</li>");
    const version = /name="version" value="(\d+)"/.exec(pageHtml)![1]!;
    const supplement = (files: Record<string, File>, v = version) => {
      const body = new FormData();
      body.append(CSRF_FIELD, citizen.csrfToken);
      body.append("version", v);
      body.append("note", "");
      for (const [k, f] of Object.entries(files)) body.append(k, f);
      return post(citizen, `/me/dossiers/${id}/supplement`, body);
    };
    const empty = await supplement({ "doc.item1": new File([], "") });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toMatch(/id="f-documents-item1-error">[\s\S]*?hãy tải lên giấy tờ được yêu cầu/);
    const stale = await supplement({ "doc.item1": pdf("ly hon") }, String(Number(version) - 1));
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Hồ sơ vừa được người khác thay đổi");

    const ok = await supplement({ "doc.item1": pdf("ly hon") });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`/me/dossiers/${id}`);
    const after = (await app().db.query("SELECT state FROM dossiers WHERE id = $1", [id])).rows[0]!;
    expect(after.state).toBe("submitted");
    const docs = await app().db.query("SELECT requirement_key, round FROM dossier_documents WHERE dossier_id = $1 AND round > 0", [id]);
    expect(docs.rows).toEqual([{ requirement_key: "item1", round: 1 }]);
    const html = await (await citizen.get(`/me/dossiers/${id}`)).text();
    expect(html).toContain("Bản sao giấy chứng nhận ly hôn: <a");
    expect(html).not.toContain(`action="/me/dossiers/${id}/supplement"`);

    // Withdrawing needs a reason; then the dossier is cancelled.
    const v2 = /name="version" value="(\d+)"/.exec(html)![1]!;
    const noReason = await citizen.post(`/me/dossiers/${id}/cancel`, { version: v2, reason: "" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('href="#f-reason"');
    expect((await citizen.post(`/me/dossiers/${id}/cancel`, { version: v2, reason: "Không cần nữa" })).status).toBe(303);
    expect((await app().db.query("SELECT state FROM dossiers WHERE id = $1", [id])).rows[0]!.state).toBe("cancelled");
  });

  it("shows the applicant the documents whose original the desk saw at the counter, with no file to download", async () => {
    const d = await buildDossier(app().deps, team.citizen);
    await act(app().deps, team.desk, d.id, "receive", { originalsSeen: ["identityDocument"] });
    const html = await (await citizen.get(`/me/dossiers/${d.id}`)).text();
    expect(html).toContain("<h2>Đã xem bản chính tại quầy, không có bản điện tử</h2>");
    expect(html).toMatch(/<li>Thẻ căn cước của người yêu cầu: đã xem bản chính lúc \d\d:\d\d \d\d\/\d\d\/\d{4}<\/li>/);
  });

  it("offers the rating once the result is returned, as five radios in a fieldset, and takes it once", async () => {
    const { deps } = app();
    const d = await buildDossier(deps, team.citizen);
    await act(deps, team.desk, d.id, "receive");
    await act(deps, team.leader, d.id, "assign", { assigneeId: team.specialist.principal.userId });
    await act(deps, team.specialist, d.id, "propose", { note: "Đủ điều kiện" });
    await act(deps, team.leader, d.id, "approve");
    await confirmPayment(deps, team.desk, d.id, { method: "cash" });
    await act(deps, team.desk, d.id, "returnResult", { method: "desk", collectedBy: APPLICANT.fullName });
    const html = await (await citizen.get(`/me/dossiers/${d.id}`)).text();
    expect(html).toContain("Đã trả kết quả");
    expect(html).toMatch(/<fieldset[^>]*><legend>Bạn đánh giá thế nào\?<\/legend>/);
    expect(html.match(/type="radio"[^>]*name="rating"/g)).toHaveLength(5);
    expect(html).not.toContain(`action="/me/dossiers/${d.id}/cancel"`);
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    const noChoice = await citizen.post(`/me/dossiers/${d.id}/rate`, { version, comment: "" });
    expect(noChoice.status).toBe(400);
    expect(await noChoice.text()).toContain('href="#f-rating"');
    expect((await citizen.post(`/me/dossiers/${d.id}/rate`, { version, rating: "5", comment: "Nhanh" })).status).toBe(303);
    expect((await app().db.query("SELECT rating, rating_comment FROM dossiers WHERE id = $1", [d.id])).rows[0]).toEqual({ rating: 5, rating_comment: "Nhanh" });
    expect(await (await citizen.get(`/me/dossiers/${d.id}`)).text()).not.toContain(`action="/me/dossiers/${d.id}/rate"`);
  });

  it("does not show another person's dossier or draft", async () => {
    const key = await keyOf(await citizen.get(`/dossiers/new?procedure=${PROCEDURE}`));
    const res = await post(citizen, "/dossiers/new", application(citizen, key, {}, { intent: "draft" }));
    const edit = res.headers.get("location")!;
    const id = edit.split("/")[2]!;
    expect((await desk.get(edit)).status).toBe(404);
    const other = new TestClient(app().app);
    const stranger = await buildUser(app().deps, { kind: "citizen" });
    await other.signIn(stranger.username, PASSWORD);
    expect((await other.get(`/me/dossiers/${id}`)).status).toBe(404);
    expect((await other.get(edit)).status).toBe(404);
  });

  it("lets a volunteer file for a citizen only with the citizen's consent recorded, without the volunteer's own details", async () => {
    const volunteerUser = await buildUser(app().deps, { kind: "volunteer", roles: [["volunteer", GIA_PHU]] });
    const volunteer = new TestClient(app().app);
    await volunteer.signIn(volunteerUser.username, PASSWORD);
    const form = await (await volunteer.get(`/dossiers/new?procedure=${PROCEDURE}`)).text();
    expect(form).toContain('name="assistedConsent.method"');
    expect(form).toMatch(/id="f-applicant-fullName" name="applicant.fullName"[^>]*autocomplete="off"/);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form)![1]!;
    const files = { "doc.declaration": pdf("to khai"), "doc.identityDocument": pdf("can cuoc") };

    expect(form).toContain(`Người nộp hộ và ghi nhận sự đồng ý: ${`Test ${volunteerUser.username}`}`);
    // Optional means optional: only the e-mail (and the note, the photo) say so; phone and ID say one of them is needed.
    expect(form).not.toMatch(/Số điện thoại di động \(không bắt buộc\)|Số định danh cá nhân \(không bắt buộc\)/);

    const refused = await post(volunteer, "/dossiers/new", application(volunteer, key, files, { "applicant.email": "cu.nam@example.vn" }));
    expect(refused.status).toBe(400);
    const errorPage = await refused.text();
    expect(errorPage).toContain('href="#f-assistedConsent-method"');
    expect(errorPage).toContain("người dân ký, đồng ý bằng lời có người làm chứng hoặc điểm chỉ");
    // The same form, same fields in the same order, values kept; no draft was made behind the volunteer's back.
    const fieldNames = (html: string) => [...html.matchAll(/ name="((?:applicant|form|doc|delivery|assistedConsent)\.[^"]+)"/g)].map((m) => m[1]);
    expect(fieldNames(errorPage)).toEqual(fieldNames(form));
    expect(errorPage).toContain('action="/dossiers/new"');
    expect(errorPage).toContain('value="cu.nam@example.vn"');
    expect(errorPage).toContain("Các tệp đã chọn không được giữ lại");
    expect(await countByKey(key)).toBe(0);

    const filed = await post(
      volunteer,
      "/dossiers/new",
      application(
        volunteer,
        key,
        { ...files, "assistedConsent.photo": pdf("giay dong y da ky") },
        { "assistedConsent.method": "verbal", "assistedConsent.note": "Cụ Nam nhờ tổ công nghệ số nộp hộ" },
      ),
    );
    expect(filed.status).toBe(303);
    const row = (
      await app().db.query(
        "SELECT state, channel, owner_user_id, filed_by_user_id, assisted_consent FROM dossiers WHERE idempotency_key = $1 AND filed_by_user_id = $2",
        [key, volunteerUser.id],
      )
    ).rows[0]!;
    expect(row).toMatchObject({ state: "submitted", channel: "online", filed_by_user_id: volunteerUser.id });
    expect(row.assisted_consent).toMatchObject({
      given: true,
      method: "verbal",
      recordedBy: volunteerUser.username,
      recordedByName: `Test ${volunteerUser.username}`,
      photo: true,
    });
    // The photo of the signed paper is kept with the dossier's documents.
    const photo = await app().db.query(
      "SELECT d.requirement_key FROM dossier_documents d JOIN dossiers x ON x.id = d.dossier_id WHERE x.idempotency_key = $1",
      [key],
    );
    expect(photo.rows.map((r) => r.requirement_key)).toContain("assistedConsent");
    // The volunteer follows what they filed.
    expect(await (await volunteer.get("/me/dossiers")).text()).toContain("Mới nộp, chờ tiếp nhận");
  });

  it("gives nothing to citizens who typed a neighbour's phone and ID number: not the dossier filed for her, its result, nor her phone sign-in", async () => {
    const { deps, db } = app();
    const neighbour = { ...APPLICANT, fullName: "Lò Thị Hiên", birthDate: "1985-03-08", citizenIdNumber: "010185004321", phone: "0912666001" };
    const typed = {
      fullName: "Kẻ Mạo Danh",
      birthDate: "1985-03-08",
      citizenIdNumber: neighbour.citizenIdNumber,
      address: "Thôn Phú Hà",
      phone: neighbour.phone,
    };
    // One types her details through the API, the other through the profile page; both signed in with their own numbers.
    const viaApi = await signedInByPhone(app(), "0912666002");
    const put = await viaApi.request("/api/v1/me/profile", { ...json(typed, { [CSRF_HEADER]: viaApi.csrfToken }), method: "PUT" });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ phone: neighbour.phone, phoneVerified: false, verifiedPhone: "0912666002", citizenIdNumberVerified: false });
    const viaWeb = await signedInByPhone(app(), "0912666003");
    expect((await viaWeb.post("/me/profile", { ...typed, birthDate: "08/03/1985" })).status).toBe(303);

    // A volunteer files for the neighbour (she gave her phone and showed her card); the desk takes it through to a result.
    const volunteer = await acting(deps, await buildUser(deps, { kind: "volunteer", roles: [["volunteer", GIA_PHU]] }));
    const d = await buildDossier(deps, volunteer, { applicant: neighbour });
    expect(d.ownerUserId).toBeNull();
    await act(deps, team.desk, d.id, "receive");
    await act(deps, team.leader, d.id, "assign", { assigneeId: team.specialist.principal.userId });
    await act(deps, team.specialist, d.id, "propose", { note: "Đủ điều kiện" });
    const result = await db.tx((q) =>
      storeFile(q, {
        ownerUserId: team.leader.principal.userId,
        communeCode: GIA_PHU,
        name: "ket-qua.pdf",
        bytes: aPdf("ket qua"),
        maxBytes: 1_000_000,
        field: "f",
        quota: null,
      }),
    );
    await act(deps, team.leader, d.id, "approve", { resultFileId: result.id });

    for (const attacker of [viaApi, viaWeb]) {
      expect((await attacker.get(`/api/v1/dossiers/${d.id}`)).status).toBe(404);
      expect((await attacker.get(`/me/dossiers/${d.id}`)).status).toBe(404);
      expect((await attacker.post(`/me/dossiers/${d.id}/cancel`, { version: String(d.version), reason: "x" })).status).toBe(404);
      expect(await (await attacker.get("/me/dossiers")).text()).not.toContain(d.code!);
      expect(await (await attacker.get("/api/v1/me/dossiers")).text()).not.toContain(d.id);
      expect((await (await attacker.get("/api/v1/me/vault")).json()).items).toEqual([]);
    }
    // Filed for her by someone who saw her: the SMS goes to the phone the volunteer recorded.
    const sms = await db.query("SELECT 1 FROM outbox WHERE topic = 'sms' AND payload->>'to' = '+84912666001' AND dedupe_key LIKE $1", [`dossier:${d.id}:%`]);
    expect(sms.rowCount).toBeGreaterThan(0);

    // Her own phone sign-in opens a new account of hers, not either of theirs.
    const her = await signedInByPhone(app(), neighbour.phone);
    const herId = ((await (await her.get("/api/v1/me")).json()) as { id: string }).id;
    const theirIds = await Promise.all([viaApi, viaWeb].map(async (c) => ((await (await c.get("/api/v1/me")).json()) as { id: string }).id));
    expect(theirIds).not.toContain(herId);
    expect((await db.query("SELECT 1 FROM audit_log WHERE action = 'user.createdFromPhone' AND target_id = $1", [herId])).rowCount).toBe(1);
  });

  it("starts a first application from what the account knows when there is no profile yet (as after a VNeID sign-in)", async () => {
    const fresh = await buildUser(app().deps, { kind: "citizen", phone: "0987654321" });
    const client = new TestClient(app().app);
    await client.signIn(fresh.username, PASSWORD);
    const form = await (await client.get(`/dossiers/new?procedure=${PROCEDURE}`)).text();
    expect(form).toMatch(new RegExp(`name="applicant.fullName"[^>]*value="Test ${fresh.username}"`));
    expect(form).toMatch(/name="applicant.phone"[^>]*value="0987654321"/);
  });
});
