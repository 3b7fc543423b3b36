import { beforeAll, expect, it } from "vitest";
import { fromAddress, json, TestClient } from "../../../test/support/client.ts";
import { type TestApp, useTestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { CSRF_FIELD, CSRF_HEADER, csrfCookieName } from "../../platform/http/csrf.ts";
import { PHONE_CODE } from "./index.ts";

const ascii = (s: string) => new TextEncoder().encode(s);
const pdf = ascii("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

describeDb("citizens over HTTP", () => {
  const app = useTestApp();
  let t: TestApp;
  beforeAll(() => {
    t = app();
  });

  const codeFor = async (national: string) => {
    const { rows } = await t.db.query<{ payload: { text: string } }>(
      "SELECT payload FROM outbox WHERE topic = 'sms' AND payload->>'to' = $1 ORDER BY id DESC LIMIT 1",
      [`+84${national.slice(1)}`],
    );
    return /\b(\d{6})\b/.exec(rows[0]?.payload.text ?? "")?.[1] ?? "";
  };
  const signedInCitizen = async (national: string) => {
    const client = new TestClient(t.app);
    expect((await client.post("/sign-in/phone", { phone: national })).status).toBe(303);
    const res = await client.post("/sign-in/phone/verify", { code: await codeFor(national) });
    expect(res.status).toBe(303);
    return client;
  };
  const upload = (client: TestClient, fields: Record<string, string>, file: { bytes: Uint8Array; name: string; type: string } | null) => {
    const form = new FormData();
    form.set(CSRF_FIELD, client.csrfToken);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    if (file) form.set("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    return client.request("/me/vault", { method: "POST", body: form });
  };

  it("signs a citizen in with a phone number and an SMS code, with errors beside the field", async () => {
    const client = new TestClient(t.app);
    const form = await client.get("/sign-in/phone");
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('name="_csrf"');
    expect(html).toContain('autocomplete="tel"');

    const foreign = await client.post("/sign-in/phone", { phone: "+33 6 12 34 56 78" });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain("Trường “Số điện thoại di động”: chỉ nhận số di động Việt Nam (+84)");

    const sent = await client.post("/sign-in/phone", { phone: "0912 555 001", next: "/me/vault" });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe("/sign-in/phone/verify");
    const verify = await client.get("/sign-in/phone/verify");
    expect(await verify.text()).toContain("091****001");

    const code = await codeFor("0912555001");
    const wrong = await client.post("/sign-in/phone/verify", { code: code === "000000" ? "111111" : "000000" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/class="error-message" id="f-code-error">.*mã không đúng/s);
    const ok = await client.post("/sign-in/phone/verify", { code });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/me/vault");
    expect(client.cookies.has("xaso_session")).toBe(true);
    const audit = await t.db.query("SELECT details->>'method' AS method FROM audit_log WHERE action = 'session.started' ORDER BY seq DESC LIMIT 1");
    expect(audit.rows[0]).toEqual({ method: "phone" });

    const profile = await client.get("/me/profile");
    expect(profile.status).toBe(200);
    expect(await profile.text()).toContain('value="0912555001"');
  });

  it("saves the profile through the form (POST, redirect, GET) and names the bad field", async () => {
    const client = await signedInCitizen("0912555002");
    const bad = await client.post("/me/profile", {
      fullName: "Lò Văn Páo",
      birthDate: "01/02/1990",
      citizenIdNumber: "000190012345",
      address: "Bản Nà Hẩu",
      phone: "0912555002",
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Trường “Số định danh cá nhân”: 3 chữ số đầu không phải mã tỉnh");
    expect(badHtml).toContain('value="Lò Văn Páo"');
    const good = await client.post("/me/profile", {
      fullName: "Lò Văn Páo",
      birthDate: "01/02/1990",
      citizenIdNumber: "010090012345",
      address: "Bản Nà Hẩu",
      phone: "0912555002",
    });
    expect(good.status).toBe(303);
    const page = await client.get("/me/profile");
    const html = await page.text();
    expect(html).toContain('value="01/02/1990"');
    expect(html).toContain('value="010090012345"');
    expect(new TextEncoder().encode(html).byteLength).toBeLessThan(10_240);
  });

  it("answers the API in English with problem+json naming the field, and signs in by phone with 204 and a cookie", async () => {
    const api = new TestClient(t.app, { "accept-language": "en" });
    const foreign = await api.request("/api/v1/auth/phone/code", json({ phone: "+33612345678" }));
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).errors).toEqual([
      { field: "phone", code: "notVietnamese", message: "Field “phone”: only Vietnamese mobile numbers (+84) are accepted" },
    ]);

    expect((await api.request("/api/v1/auth/phone/code", json({ phone: "0912555003" }))).status).toBe(202);
    const wrong = await api.request("/api/v1/auth/phone/verify", json({ phone: "0912555003", code: "12345" }));
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors[0]).toMatchObject({ field: "code" });
    // A client that never loaded a page has no CSRF cookie: verify gives it one, and the token in a header.
    api.cookies.delete(csrfCookieName(false));
    const ok = await api.request("/api/v1/auth/phone/verify", json({ phone: "0912555003", code: await codeFor("0912555003") }));
    expect(ok.status).toBe(204);
    expect(api.cookies.has("xaso_session")).toBe(true);
    const token = ok.headers.get(CSRF_HEADER) ?? "";
    expect(token).toBe(api.csrfToken);

    const csrf = { [CSRF_HEADER]: token };
    const forged = await api.request("/api/v1/me/profile", { ...json({ fullName: "X" }), method: "PUT" });
    expect(forged.status).toBe(403);
    const put = await api.request("/api/v1/me/profile", {
      ...json(
        { fullName: "Hoàng Thị Mai", birthDate: "1985-03-08", citizenIdNumber: "019185000321", address: "Tổ 5", phone: "0912555003", email: "mai@example.vn" },
        csrf,
      ),
      method: "PUT",
    });
    expect(put.status).toBe(200);
    const got = await api.get("/api/v1/me/profile");
    expect(await got.json()).toMatchObject({ fullName: "Hoàng Thị Mai", birthDate: "1985-03-08", phone: "0912555003", email: "mai@example.vn" });
  });

  it("takes back what GET /api/v1/me/profile gives: a GET → PUT round trip answers 200, read-only fields ignored", async () => {
    const api = await signedInCitizen("0912555007");
    const csrf = { [CSRF_HEADER]: api.csrfToken };
    const entered = { fullName: "Vàng Thị Dua", birthDate: "1992-07-01", citizenIdNumber: "010192000777", address: "Bản Sín Chải", phone: "0912555007" };
    expect((await api.request("/api/v1/me/profile", { ...json(entered, csrf), method: "PUT" })).status).toBe(200);
    const got = (await (await api.get("/api/v1/me/profile")).json()) as Record<string, unknown>;
    expect(got).toMatchObject({ ...entered, email: null, phoneVerified: true, verifiedPhone: "0912555007", citizenIdNumberVerified: false });

    const back = await api.request("/api/v1/me/profile", { ...json(got, csrf), method: "PUT" });
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject(entered);
    // An empty email is no email; read-only fields cannot verify anything.
    const forged = await api.request("/api/v1/me/profile", {
      ...json({ ...got, email: "", phone: "0912555099", phoneVerified: true, verifiedPhone: "0912555099", citizenIdNumberVerified: true }, csrf),
      method: "PUT",
    });
    expect(forged.status).toBe(200);
    expect(await forged.json()).toMatchObject({
      email: null,
      phone: "0912555099",
      phoneVerified: false,
      verifiedPhone: "0912555007",
      citizenIdNumberVerified: false,
    });
    // A typo in a field name is still refused, naming it.
    const typo = await api.request("/api/v1/me/profile", { ...json({ ...entered, fulName: "x" }, csrf), method: "PUT" });
    expect(typo.status).toBe(400);
  });

  it("verifies the profile's phone by a code, through the API and through the profile page", async () => {
    const api = await signedInCitizen("0912555008");
    const csrf = { [CSRF_HEADER]: api.csrfToken };
    expect((await api.request("/api/v1/me/phone/code", json({ phone: "0912555009" }, csrf))).status).toBe(202);
    const wrong = await api.request("/api/v1/me/phone/verify", json({ phone: "0912555009", code: "12345" }, csrf));
    expect(wrong.status).toBe(400);
    const ok = await api.request("/api/v1/me/phone/verify", json({ phone: "0912555009", code: await codeFor("0912555009") }, csrf));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ phone: "0912555009", phoneVerified: true, verifiedPhone: "0912555009" });
    expect((await new TestClient(t.app).request("/api/v1/me/phone/code", json({ phone: "0912555009" }))).status).toBe(401);

    // The page: a typed number is marked unverified, with a button that sends the code to it.
    const web = await signedInCitizen("0912555010");
    const profile = { fullName: "Lò Văn Páo", birthDate: "01/02/1990", citizenIdNumber: "010090012345", address: "Bản Nà Hẩu", phone: "0912555011" };
    expect((await web.post("/me/profile", profile)).status).toBe(303);
    const page = await (await web.get("/me/profile")).text();
    expect(page).toContain("Chưa xác minh: số này chỉ để điền sẵn");
    expect(page).toContain("Số đã xác minh của bạn là 0912555010");
    expect(page).toContain('action="/me/profile/phone/code"');
    const sent = await web.post("/me/profile/phone/code");
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe("/me/profile/phone");
    expect(await (await web.get("/me/profile/phone")).text()).toContain("091****011");
    const code = await codeFor("0912555011");
    const bad = await web.post("/me/profile/phone", { code: code === "000000" ? "111111" : "000000" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/id="f-code-error">.*mã không đúng/s);
    const done = await web.post("/me/profile/phone", { code });
    expect(done.status).toBe(303);
    const after = await (await web.get("/me/profile")).text();
    expect(after).toContain("Đã xác minh số điện thoại.");
    expect(after).toContain("Đã xác minh: số này dùng để đăng nhập");
    expect(after).not.toContain('action="/me/profile/phone/code"');
  });

  it("throttles codes for one number with 429 and a clear message", async () => {
    const api = new TestClient(t.app);
    for (let i = 0; i < PHONE_CODE.perPhone; i++) expect((await api.request("/api/v1/auth/phone/code", json({ phone: "0912555004" }))).status).toBe(202);
    const refused = await api.request("/api/v1/auth/phone/code", json({ phone: "0912555004" }));
    expect(refused.status).toBe(429);
    expect((await refused.json()).errors[0]).toMatchObject({ field: "phone", message: "Trường “phone”: đã gửi quá nhiều mã. Vui lòng thử lại sau 15 phút" });
    const page = await new TestClient(t.app).post("/sign-in/phone", { phone: "0912555004" });
    expect(page.status).toBe(429);
    expect(await page.text()).toContain("đã gửi quá nhiều mã");
  });

  it("sends at most the limit of codes when requests arrive at once, per number and per address", async () => {
    const send = (client: TestClient, phone: string) => client.request("/api/v1/auth/phone/code", json({ phone }));
    const oneNumber = await Promise.all(Array.from({ length: 12 }, () => send(new TestClient(fromAddress(t.app, "198.51.100.6")), "0912555017")));
    expect(oneNumber.filter((r) => r.status === 202)).toHaveLength(PHONE_CODE.perPhone);
    expect(oneNumber.filter((r) => r.status === 429)).toHaveLength(12 - PHONE_CODE.perPhone);

    // One address asking for 30 different numbers at once: the address's limit holds too.
    const hotspot = new TestClient(fromAddress(t.app, "198.51.100.7"));
    const many = await Promise.all(Array.from({ length: 30 }, (_, i) => send(hotspot, `09137000${String(i).padStart(2, "0")}`)));
    expect(many.filter((r) => r.status === 202)).toHaveLength(PHONE_CODE.perIp);
    const refused = many.find((r) => r.status === 429)!;
    expect(refused.headers.get("retry-after")).toBe(String(PHONE_CODE.windowMinutes * 60));
    const sent = await t.db.query("SELECT count(*)::int AS n FROM outbox WHERE topic = 'sms' AND payload->>'to' LIKE '+849137000%'");
    expect(sent.rows[0]!.n).toBe(PHONE_CODE.perIp);
  });

  it("checks at most the allowed attempts of a code sent at once, and refuses the right code afterwards", async () => {
    const api = new TestClient(fromAddress(t.app, "198.51.100.8"));
    expect((await api.request("/api/v1/auth/phone/code", json({ phone: "0912555018" }))).status).toBe(202);
    const code = await codeFor("0912555018");
    const wrong = code === "000000" ? "111111" : "000000";
    const answers = await Promise.all(Array.from({ length: 40 }, () => api.request("/api/v1/auth/phone/verify", json({ phone: "0912555018", code: wrong }))));
    // The last allowed wrong attempt already says "too many": the rest are refused unchecked.
    expect(answers.filter((r) => r.status === 400)).toHaveLength(PHONE_CODE.maxAttempts - 1);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(40 - PHONE_CODE.maxAttempts + 1);
    const { rows } = await t.db.query("SELECT attempts FROM phone_codes WHERE phone = '0912555018'");
    expect(rows).toEqual([{ attempts: PHONE_CODE.maxAttempts }]);
    expect((await api.request("/api/v1/auth/phone/verify", json({ phone: "0912555018", code }))).status).toBe(429);
  });

  it("stores uploads by their bytes, refuses other files beside the field, and downloads only to the owner", async () => {
    const owner = await signedInCitizen("0912555005");
    const otherPdf = ascii("%PDF-1.4\n% another document\n%%EOF\n");
    const stored = await upload(owner, { title: "Giấy khai sinh", documentType: "" }, { bytes: pdf, name: "scan.jpg", type: "image/jpeg" });
    expect(stored.status).toBe(303);
    const text = await upload(owner, { title: "Ghi chú" }, { bytes: ascii("không phải PDF"), name: "note.pdf", type: "application/pdf" });
    expect(text.status).toBe(400);
    expect(await text.text()).toMatch(/id="f-file-error">.*Trường “Tệp”: chỉ nhận tệp PDF, JPG, PNG/s);
    const empty = await upload(owner, { title: "Rỗng" }, { bytes: new Uint8Array(0), name: "empty.pdf", type: "application/pdf" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Trường “Tệp”: tệp rỗng");
    const none = await upload(owner, { title: "" }, null);
    expect(none.status).toBe(400);
    const noneHtml = await none.text();
    expect(noneHtml).toContain("Trường “Tệp”: hãy chọn một tệp");
    expect(noneHtml).toContain('id="f-title-error"');

    const list = await owner.get("/api/v1/me/vault");
    const { items } = (await list.json()) as { items: { id: string; fileName: string; mediaType: string }[] };
    expect(items).toEqual([expect.objectContaining({ fileName: "scan.pdf", mediaType: "application/pdf" })]);
    const id = items[0]!.id;
    const vaultHtml = await (await owner.get("/me/vault")).text();
    expect(vaultHtml).toContain(`/me/vault/${id}/file`);
    expect(vaultHtml).toContain('enctype="multipart/form-data"');
    expect(new TextEncoder().encode(vaultHtml).byteLength).toBeLessThan(10_240);

    const file = await owner.get(`/me/vault/${id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="scan.pdf"/);
    expect(file.headers.get("cache-control")).toBe("private, no-store");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);

    const intruder = await signedInCitizen("0912555006");
    expect((await intruder.get(`/me/vault/${id}/file`)).status).toBe(404);
    expect((await intruder.get(`/api/v1/me/vault/${id}/file`)).status).toBe(404);
    expect((await intruder.request(`/api/v1/me/vault/${id}`, { method: "DELETE", headers: { [CSRF_HEADER]: intruder.csrfToken } })).status).toBe(404);
    expect((await intruder.post(`/me/vault/${id}/remove`)).status).toBe(404);
    expect(await (await intruder.get("/me/vault")).text()).not.toContain(id);
    expect((await new TestClient(t.app).get("/me/vault")).headers.get("location")).toBe("/sign-in?next=%2Fme%2Fvault");

    const viaApi = await owner.request(
      "/api/v1/me/vault",
      // Other bytes: the same content would be the item the vault holds already (one item per content).
      json({ title: "Sổ hộ khẩu", name: "so.png.pdf", content: Buffer.from(otherPdf).toString("base64") }, { [CSRF_HEADER]: owner.csrfToken }),
    );
    expect(viaApi.status).toBe(201);
    const created = (await viaApi.json()) as { id: string; fileName: string };
    expect(created.fileName).toBe("so.png.pdf");
    expect((await owner.request(`/api/v1/me/vault/${created.id}`, { method: "DELETE", headers: { [CSRF_HEADER]: owner.csrfToken } })).status).toBe(204);
    expect((await owner.post(`/me/vault/${id}/remove`)).status).toBe(303);
    expect((await (await owner.get("/api/v1/me/vault")).json()).items).toEqual([]);
  });
});
