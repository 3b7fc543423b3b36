import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Writable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { createLogger } from "../../src/platform/observability/logger.ts";
import { currentOpenApi } from "../../scripts/write-openapi.ts";
import { json, TestClient } from "../support/client.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../support/factories.ts";
import { buildTestApp, type TestApp } from "../support/test-app.ts";
import { describeDb } from "../support/test-db.ts";

describeDb("HTTP edge", () => {
  let t: TestApp;
  let adminToken: string;
  let adminClient: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    const admin = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    adminClient = new TestClient(t.app);
    await adminClient.signIn(admin.username, PASSWORD);
    const res = await adminClient.post("/office/tokens", { name: "test", role: "commune_admin", adminUnitCode: GIA_PHU });
    adminToken = /<code>(xaso_[^<]+)<\/code>/.exec(await res.text())![1]!;
  });
  afterAll(() => t.close());
  const bearer = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${adminToken}`, ...extra });

  it("sends security headers: a CSP without inline scripts, no framing, no sniffing", async () => {
    const res = await t.app.request("/");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("puts the security headers and the request id on every kind of answer: pages, API, assets, 404, errors, redirects", async () => {
    const asset = /href="(\/assets\/[^"]+\.css)"/.exec(await (await t.app.request("/")).text())![1]!;
    const answers = {
      page: await t.app.request("/units"),
      api: await t.app.request("/api/v1/admin-units/search?q=gia"),
      asset: await t.app.request(asset),
      notFound: await t.app.request("/no-such-page"),
      apiError: await t.app.request("/api/v1/users", { headers: bearer({ authorization: "Bearer nonsense" }) }),
      redirect: await t.app.request("/s/ABC"),
    };
    for (const [kind, res] of Object.entries(answers)) {
      expect(res.headers.get("content-security-policy"), kind).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options"), kind).toBe("DENY");
      expect(res.headers.get("x-request-id"), kind).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(answers.api.headers.get("cache-control")).toBe("no-store");
    expect(answers.apiError.status).toBe(401);
    expect(answers.redirect.status).toBe(302);
  });

  it("gives every response a request id and puts it on every log line of that request", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write: (chunk, _enc, cb) => {
        lines.push(JSON.parse(String(chunk)));
        cb();
      },
    });
    const app = createApp({ ...t.deps, log: createLogger("info", sink) });
    const mine = await app.request("/units?q=gia%20phu", { headers: { "x-request-id": "abc-123" } });
    expect(mine.headers.get("x-request-id")).toBe("abc-123");
    const generated = await app.request("/", { headers: { "x-request-id": "bad id with spaces" } });
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line.reqId).toEqual(expect.any(String));
    expect(lines.find((l) => l.path === "/units")).toMatchObject({ reqId: "abc-123", status: 200, level: "info" });
  });

  it("exposes Prometheus metrics per route template", async () => {
    await t.app.request("/api/v1/admin-units/02923");
    const text = await (await t.app.request("/metrics")).text();
    expect(text).toContain("# TYPE xaso_http_request_duration_seconds histogram");
    expect(text).toMatch(/xaso_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/admin-units\/:code",status="200"\} \d+/);
    expect(text).toContain("xaso_process_resident_memory_bytes");
  });

  it("guards /metrics with METRICS_TOKEN when one is set", async () => {
    const guarded = await buildTestApp({ database: t.database, env: { METRICS_TOKEN: "scraper-secret-0123456789" } });
    expect((await guarded.app.request("/metrics")).status).toBe(401);
    expect((await guarded.app.request("/metrics", { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await guarded.app.request("/metrics", { headers: { authorization: "Bearer scraper-secret-0123456789" } })).status).toBe(200);
  });

  it("in production serves /metrics only to the bearer of METRICS_TOKEN, and not at all without one", async () => {
    const production = { NODE_ENV: "production", SESSION_SECRET: randomBytes(32).toString("base64url"), PUBLIC_URL: "https://xa.example.vn" };
    const open = await buildTestApp({ database: t.database, env: production });
    expect((await open.app.request("/metrics")).status).toBe(404);
    expect((await open.app.request("/metrics", { headers: { authorization: "Bearer anything-at-all-0123" } })).status).toBe(404);
    const guarded = await buildTestApp({ database: t.database, env: { ...production, METRICS_TOKEN: "scraper-secret-0123456789" } });
    expect((await guarded.app.request("/metrics")).status).toBe(401);
    const scraped = await guarded.app.request("/metrics", { headers: { authorization: "Bearer scraper-secret-0123456789" } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain("xaso_process_resident_memory_bytes");
  });

  it("serves fingerprinted, long-cached, pre-compressed assets", async () => {
    const html = await (await t.app.request("/")).text();
    const href = /href="(\/assets\/app\.[0-9a-f]{10}\.css)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const br = await t.app.request(href!, { headers: { "accept-encoding": "gzip, br" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const again = await t.app.request(href!, { headers: { "if-none-match": br.headers.get("etag")! } });
    expect(again.status).toBe(304);
    expect((await t.app.request("/assets/app.0000000000.css")).status).toBe(404);
  });

  it("compresses pages for browsers that accept gzip", async () => {
    const res = await t.app.request("/units", { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
  });

  it("refuses a form post without a valid CSRF token and writes nothing", async () => {
    const before = (await t.db.query("SELECT count(*)::int AS n FROM admin_units WHERE parent_code = $1", [GIA_PHU])).rows[0]!.n;
    const none = await adminClient.post(`/units/${GIA_PHU}/villages`, { name: "Giả mạo", unitType: "Thôn" }, { csrf: false });
    expect(none.status).toBe(403);
    expect(await none.text()).toContain("Biểu mẫu đã hết hạn");
    const forged = await adminClient.request(`/units/${GIA_PHU}/villages`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "name=X&unitType=Th%C3%B4n&_csrf=forged",
    });
    expect(forged.status).toBe(403);
    expect((await t.db.query("SELECT count(*)::int AS n FROM admin_units WHERE parent_code = $1", [GIA_PHU])).rows[0]!.n).toBe(before);
  });

  it("binds CSRF tokens to the session: a token from session A is refused with session B's cookie", async () => {
    const other = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    const b = new TestClient(t.app);
    await b.signIn(other.username, PASSWORD);
    // Same seed cookie in both browsers (as a planted one would be): only the session tells the tokens apart.
    expect(b.cookies.get("xaso_csrf")).toBe(adminClient.cookies.get("xaso_csrf"));
    const withToken = (client: TestClient, token: string) =>
      client.request(`/units/${GIA_PHU}/villages`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ name: "Phiên A", unitType: "Thôn", _csrf: token }),
      });
    expect((await withToken(b, adminClient.csrfToken)).status).toBe(403);
    expect(
      (await b.request(`/api/v1/admin-units/${GIA_PHU}/villages`, json({ name: "Phiên A", unitType: "Thôn" }, { "x-csrf-token": adminClient.csrfToken })))
        .status,
    ).toBe(403);
    expect((await t.db.query("SELECT count(*)::int AS n FROM admin_units WHERE name = 'Phiên A'")).rows[0]!.n).toBe(0);
    expect((await withToken(adminClient, adminClient.csrfToken)).status).toBe(303);
    // The token of the pages before sign-in stops working once signed in.
    const anonymous = new TestClient(t.app).csrfToken;
    expect((await withToken(b, anonymous)).status).toBe(403);
  });

  it("gives the CSRF and session cookies the __Host- prefix when cookies are secure", async () => {
    const secure = await buildTestApp({ database: t.database, env: { COOKIE_SECURE: "true" } });
    const browser = new TestClient(secure.app);
    const page = await browser.get("/sign-in");
    const csrfCookie = page.headers.getSetCookie().find((c) => c.startsWith("__Host-xaso_csrf="));
    expect(csrfCookie).toMatch(/; Path=\/(;|$)/);
    expect(csrfCookie).toMatch(/; Secure/);
    expect(csrfCookie).not.toMatch(/Domain=/i);
    const user = await buildUser(secure.deps, { roles: [["commune_admin", GIA_PHU]] });
    const signedIn = await browser.signIn(user.username, PASSWORD);
    expect(signedIn.headers.getSetCookie().some((c) => c.startsWith("__Host-xaso_session=") && /; Secure/.test(c))).toBe(true);
    expect((await browser.post(`/units/${GIA_PHU}/villages`, { name: "Bảo mật", unitType: "Thôn" })).status).toBe(303);
    // The unprefixed cookie a sibling subdomain could set is not read.
    browser.cookies.delete("__Host-xaso_csrf");
    expect((await browser.post(`/units/${GIA_PHU}/villages`, { name: "Không tiền tố", unitType: "Thôn" })).status).toBe(403);
  });

  it("requires the CSRF header for API writes made with a session cookie", async () => {
    const res = await adminClient.request(`/api/v1/admin-units/${GIA_PHU}/villages`, json({ name: "Cookie", unitType: "Thôn" }));
    expect(res.status).toBe(403);
    const ok = await adminClient.request(
      `/api/v1/admin-units/${GIA_PHU}/villages`,
      json({ name: "Cookie", unitType: "Thôn" }, { "x-csrf-token": adminClient.csrfToken }),
    );
    expect(ok.status).toBe(201);
  });

  it("answers malformed JSON, wrong types and unknown fields with problem+json naming the field", async () => {
    const url = `/api/v1/admin-units/${GIA_PHU}/villages`;
    const malformed = await t.app.request(url, { method: "POST", body: "{name:", headers: bearer({ "content-type": "application/json" }) });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toContain("application/problem+json");
    expect(await malformed.json()).toMatchObject({ status: 400, type: "/docs/problems#bad_json" });

    const wrong = await t.app.request(url, json({ name: 42, unitType: "Làng xóm", colour: "red" }, bearer({ "accept-language": "en" })));
    expect(wrong.status).toBe(400);
    const body = await wrong.json();
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "name", code: "type" }),
        expect.objectContaining({ field: "unitType", code: "choice" }),
        expect.objectContaining({ field: "colour", code: "unknown_field", message: "Field “colour”: is not accepted" }),
      ]),
    );
    const vi = await (await t.app.request(url, json({}, bearer()))).json();
    expect(vi.errors).toContainEqual(expect.objectContaining({ field: "name", message: "Trường “name”: bắt buộc phải nhập" }));
  });

  it("refuses oversized bodies (413), non-JSON bodies (415), bad tokens (401) and bad codes", async () => {
    const url = `/api/v1/admin-units/${GIA_PHU}/villages`;
    const big = await t.app.request(url, json({ name: "x".repeat(2_000_000), unitType: "Thôn" }, bearer()));
    expect(big.status).toBe(413);
    const text = await t.app.request(url, { method: "POST", body: "name=x", headers: bearer({ "content-type": "text/plain" }) });
    expect(text.status).toBe(415);
    const badToken = await t.app.request("/api/v1/me", { headers: { authorization: "Bearer xaso_not-a-real-token" } });
    expect(badToken.status).toBe(401);
    expect((await badToken.json()).title).toContain("Khóa API không hợp lệ");
    const scheme = await t.app.request("/api/v1/me", { headers: { authorization: "Basic Zm9vOmJhcg==" } });
    expect(scheme.status).toBe(401);
    expect((await t.app.request("/api/v1/admin-units/99999")).status).toBe(404);
    const badCode = await t.app.request("/api/v1/admin-units/abc");
    expect(badCode.status).toBe(400);
    expect((await badCode.json()).errors[0].field).toBe("code");
    const badCursor = await t.app.request(`/api/v1/admin-units/15/children?cursor=garbage`);
    expect(badCursor.status).toBe(400);
    expect((await badCursor.json()).errors[0].field).toBe("cursor");
    const badQuery = await t.app.request(`/api/v1/admin-units/search?q=gia&limit=0&x=1`);
    expect((await badQuery.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual(["limit", "x"]);
  });

  it("shows only flash messages from the catalogue's flash keys", async () => {
    expect(await (await t.app.request("/", { headers: { cookie: "xaso_flash=flash.saved" } })).text()).toContain("Đã lưu.");
    const forged = await (await t.app.request("/", { headers: { cookie: "xaso_flash=error.internal" } })).text();
    expect(forged).not.toContain("Hệ thống đang gặp sự cố");
  });

  it("treats a garbage session cookie as signed out, and clears it", async () => {
    const res = await t.app.request("/", { headers: { cookie: "xaso_session=%%%garbage; xaso_csrf=short" } });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((c) => /^xaso_session=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
  });

  it("keeps data already saved when a request fails half-way", async () => {
    const before = await t.db.query("SELECT count(*)::int AS n FROM admin_units WHERE parent_code = $1", [BAO_THANG]);
    const res = await t.app.request(`/api/v1/admin-units/${BAO_THANG}/villages`, json({ name: "Ngoài phạm vi", unitType: "Thôn" }, bearer()));
    expect(res.status).toBe(404);
    const after = await t.db.query("SELECT count(*)::int AS n FROM admin_units WHERE parent_code = $1", [BAO_THANG]);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it("shows a calm page, not a stack, for unexpected errors and unknown pages", async () => {
    const app = createApp({ ...t.deps });
    app.get("/boom", () => {
      throw new Error("secret internals");
    });
    app.get("/api/v1/boom", () => {
      throw new Error("secret internals");
    });
    const boom = await app.request("/boom");
    expect(boom.status).toBe(500);
    const html = await boom.text();
    expect(html).toContain("Hệ thống đang gặp sự cố");
    expect(html).not.toContain("secret internals");
    const apiBoom = await app.request("/api/v1/boom");
    expect(apiBoom.status).toBe(500);
    expect(apiBoom.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    const problem = await apiBoom.json();
    expect(problem).toMatchObject({ status: 500, title: "Hệ thống đang gặp sự cố" });
    expect(JSON.stringify(problem)).not.toContain("secret internals");
    const missing = await t.app.request("/no/such/page");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Không tìm thấy");
    const missingApi = await t.app.request("/api/v1/nothing");
    expect(missingApi.status).toBe(404);
    expect(missingApi.headers.get("content-type")).toContain("application/problem+json");
  });

  it("switches language by cookie and remembers a signed-in user's choice", async () => {
    const client = new TestClient(t.app);
    const res = await client.post("/language", { lang: "en", next: "/units" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/units");
    const page = await (await client.get("/units")).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("Administrative units");
    const evil = await client.post("/language", { lang: "vi", next: "//evil.example" });
    expect(evil.headers.get("location")).toBe("/");
    expect(await (await client.get("/")).text()).toContain('<html lang="vi">');
  });

  it("keeps the anonymous home page per language, without a CSRF token, and answers a matching ETag with 304", async () => {
    const app = createApp({ ...t.deps });
    const first = await app.request("/");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    expect(first.headers.get("vary")).toMatch(/Cookie/);
    expect(first.headers.get("vary")).not.toMatch(/Accept-Language/);
    expect(await first.text()).not.toContain('name="_csrf"');
    expect(app.pageCache.size()).toBe(1);
    const kept = await app.request("/");
    expect(kept.headers.get("etag")).toBe(etag);
    expect(kept.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(kept.headers.getSetCookie()).toEqual([]);
    expect((await app.request("/", { headers: { "if-none-match": etag! } })).status).toBe(304);
    // A browser set to English still gets the Vietnamese page; the language cookie gets English.
    const browserEn = await app.request("/", { headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(await browserEn.text()).toContain('<html lang="vi">');
    expect(browserEn.headers.get("etag")).toBe(etag);
    const en = await app.request("/", { headers: { cookie: "xaso_lang=en" } });
    expect(await en.text()).toContain('<html lang="en">');
    expect(en.headers.get("etag")).not.toBe(etag);
    const gzip = await app.request("/", { headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    // A signed-in visitor is never served a kept page, and their page is not kept.
    const mine = await app.request("/", { headers: { cookie: [...adminClient.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
    const html = await mine.text();
    expect(html).toContain('name="_csrf"');
    expect(html).toContain("/sign-out");
    expect(mine.headers.get("etag")).toBeNull();
    expect(app.pageCache.size()).toBe(2);
    // Any write answered by this app may change a kept page.
    await app.request("/language", {
      method: "POST",
      body: new URLSearchParams({ lang: "en" }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(app.pageCache.size()).toBe(0);
  });

  it("switches a signed-in user's language from the API docs page, whose form carries a valid token", async () => {
    const user = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    const client = new TestClient(t.app);
    await client.signIn(user.username, PASSWORD);
    const html = await (await client.get("/api/docs", { "accept-language": "en" })).text();
    expect(html).toContain('<html lang="vi">');
    const token = /name="_csrf" value="([^"]*)"/.exec(html)?.[1];
    expect(token).toBeTruthy();
    const res = await client.request("/language", {
      method: "POST",
      body: new URLSearchParams({ _csrf: token!, lang: "en", next: "/api/docs" }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(303);
    expect(await (await client.get("/api/docs")).text()).toContain('<html lang="en">');
  });

  it("lets an anonymous visitor switch language without a token, but not a signed-in user", async () => {
    const visitor = new TestClient(t.app);
    visitor.cookies.clear();
    expect((await visitor.post("/language", { lang: "en", next: "/" }, { csrf: false })).status).toBe(303);
    expect(visitor.cookies.get("xaso_lang")).toBe("en");
    expect((await adminClient.post("/language", { lang: "en", next: "/" }, { csrf: false })).status).toBe(403);
  });

  it("renders the citizen pages with Vietnamese formats and search without diacritics", async () => {
    const search = await (await t.app.request("/units?q=gia+phu")).text();
    expect(search).toContain("Xã Gia Phú");
    const unit = await (await t.app.request(`/units/${GIA_PHU}`)).text();
    expect(unit).toContain("Tỉnh Lào Cai");
    const province = await (await t.app.request("/units/15")).text();
    expect(province).toContain("Đang hiển thị 50 đơn vị.");
  });

  it("publishes an OpenAPI 3.1 document that matches the committed one and covers every API route", async () => {
    const served = await (await t.app.request("/api/openapi.json")).json();
    expect(served.openapi).toBe("3.1.0");
    expect(`${JSON.stringify(served, null, 2)}\n`).toBe(await readFile(new URL("../../docs/openapi.json", import.meta.url), "utf8"));
    expect(currentOpenApi()).toBe(`${JSON.stringify(served, null, 2)}\n`);
    const documented = new Set(Object.keys(served.paths).map((p) => p.replace(/\{(\w+)\}/g, ":$1")));
    const routes = t.app.routes.filter((r) => r.path.startsWith("/api/v1/") && r.method !== "ALL").map((r) => r.path);
    for (const r of routes) expect(documented, r).toContain(r);
    expect((await t.app.request("/api/docs")).status).toBe(200);
  });
});
