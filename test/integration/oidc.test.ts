// OpenID Connect sign-in against a real identity provider (oidc-provider) started inside the test.
// No browser: the provider's redirects and its development login and consent forms are driven with fetch.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type RequestListener, type Server } from "node:http";
// @ts-expect-error -- oidc-provider ships no type declarations (and @types/oidc-provider is not installed)
import Provider from "oidc-provider";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createOidcClient } from "../../src/modules/identity/index.ts";
import { json, TestClient } from "../support/client.ts";
import { lastSmsCode } from "../support/citizen-factories.ts";
import { acting, APPLICANT, buildDossier, withCatalogue } from "../support/dossier-factories.ts";
import { buildUser, GIA_PHU } from "../support/factories.ts";
import { CSRF_HEADER } from "../../src/platform/http/csrf.ts";
import { freePort } from "../support/engines.ts";
import { buildTestApp, TEST_ENV, type TestApp } from "../support/test-app.ts";
import { describeDb } from "../support/test-db.ts";

// What the test needs of oidc-provider's (untyped) API.
type OidcProvider = { callback(): RequestListener; on(event: string, fn: (...args: unknown[]) => void): void };
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

const PUBLIC_URL = "http://xaso.test";
const CALLBACK = `${PUBLIC_URL}/auth/oidc/callback`;
const CLIENT_ID = "xaso";
const CLIENT_SECRET = randomBytes(24).toString("hex");
const ACR = "urn:vn:vneid:loa:2";
const SESSION_COOKIE = "xaso_session";
const OIDC_COOKIE = "xaso_oidc";

// The provider's people: the dev login form's "login" becomes the subject.
const ACCOUNTS: Record<string, { name: string; citizen_id: string; phone_number: string }> = {
  "vneid-hoa": { name: "Nguyễn Thị Hoa", citizen_id: "010199001234", phone_number: "+84912345678" },
  "vneid-minh": { name: "Trần Văn Minh", citizen_id: "015087004321", phone_number: "+84987654321" },
  "vneid-lan": { name: "Hà Thị Lan", citizen_id: "010190005678", phone_number: "+84912888001" },
};

async function startProvider() {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const signingKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" });
  const provider = new (Provider as ProviderClass)(issuer, {
    clients: [
      // A confidential web client with the default registration (client_secret_basic, for which oidc-provider
      // also accepts the client_secret_post that openid-client sends).
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [CALLBACK],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        id_token_signed_response_alg: "ES256",
      },
    ],
    jwks: { keys: [{ ...signingKey, alg: "ES256", use: "sig", kid: "test-es256" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    // Scopes and the claims they release; citizen_id is custom, as VNeID's would be.
    claims: { openid: ["sub"], profile: ["name"], phone: ["phone_number"], citizen: ["citizen_id"] },
    acrValues: [ACR],
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx: unknown, sub: string) => {
      const person = ACCOUNTS[sub];
      return person && { accountId: sub, claims: () => ({ sub, ...person }) };
    },
  });
  const errors: unknown[] = [];
  for (const event of ["server_error", "grant.error", "userinfo.error", "authorization.error"]) provider.on(event, (_ctx, err) => errors.push(err));
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    issuer,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The browser's cookies at the identity provider (one host, so paths can be ignored). */
class ProviderBrowser {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /**
   * Follows the provider from the authorization URL until it redirects back to the app's callback,
   * signing in as `login` and consenting whenever the provider asks (or pressing its Cancel link when `cancel`).
   * Returns the callback's path and query, and the forms submitted on the way.
   */
  async authorize(authorizationUrl: string, login: string, opts: { cancel?: boolean } = {}): Promise<{ path: string; forms: string[] }> {
    let url = authorizationUrl;
    const forms: string[] = [];
    for (let step = 0; step < 12; step++) {
      if (url.startsWith(`${CALLBACK}?`)) return { path: url.slice(PUBLIC_URL.length), forms };
      const res = await this.fetch(url);
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get("location")!, url).href;
        continue;
      }
      const html = await res.text();
      if (res.status !== 200) throw new Error(`provider answered ${res.status} at ${url}: ${html.slice(0, 500)}`);
      if (opts.cancel) {
        const cancel = /<a href="([^"]+)">\[ Cancel \]<\/a>/.exec(html);
        if (!cancel) throw new Error(`no Cancel link on the provider's page at ${url}`);
        url = new URL(cancel[1]!.replaceAll("&amp;", "&"), url).href;
        continue;
      }
      const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
      if (!form) throw new Error(`no form on the provider's page at ${url}`);
      const fields = new URLSearchParams();
      for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields.set(m[1]!, m[2]!);
      if (/name="login"/.test(form[2]!)) {
        fields.set("login", login);
        fields.set("password", "any password: the dev login checks none");
      }
      forms.push(fields.get("prompt") ?? "?");
      const posted = await this.fetch(new URL(form[1]!.replaceAll("&amp;", "&"), url).href, {
        method: "POST",
        body: fields,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      if (posted.status < 300 || posted.status >= 400)
        throw new Error(`provider answered ${posted.status} to the ${fields.get("prompt")} form: ${(await posted.text()).slice(0, 500)}`);
      url = new URL(posted.headers.get("location")!, url).href;
    }
    throw new Error(`the provider never redirected back to ${CALLBACK}`);
  }
}

describeDb("OpenID Connect sign-in (national SSO)", () => {
  let idp: Awaited<ReturnType<typeof startProvider>>;
  let t: TestApp;
  let withoutSso: TestApp;

  beforeAll(async () => {
    idp = await startProvider();
    const env = {
      PUBLIC_URL,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_SCOPES: "openid profile phone citizen",
      OIDC_ACR_VALUES: ACR,
      OIDC_ALLOW_HTTP: "true",
    };
    t = await buildTestApp({ env, oidc: createOidcClient(loadConfig({ ...TEST_ENV, ...env }).oidc!) });
    // The same database, without SSO configured.
    withoutSso = await buildTestApp({ database: t.database });
  });

  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** GET /auth/oidc/start in the app, then the provider up to the redirect back to the callback. */
  async function untilCallback(client: TestClient, login: string, browser = new ProviderBrowser(), opts: { cancel?: boolean } = {}) {
    const start = await client.get("/auth/oidc/start?next=/office");
    expect(start.status).toBe(302);
    const authorizationUrl = start.headers.get("location")!;
    expect(authorizationUrl.startsWith(`${idp.issuer}/`)).toBe(true);
    expect(client.cookies.has(OIDC_COOKIE)).toBe(true);
    const { path, forms } = await browser.authorize(authorizationUrl, login, opts);
    return { authorizationUrl: new URL(authorizationUrl), callbackPath: path, forms };
  }

  const sessionCount = async () => Number((await t.db.query<{ n: string }>("SELECT count(*) AS n FROM sessions")).rows[0]!.n);
  const me = async (client: TestClient) => client.get("/api/v1/me", { accept: "application/json" });

  it("signs a citizen in through the provider's login and consent, with the name, citizen ID and phone from its claims", async () => {
    const client = new TestClient(t.app);
    const { authorizationUrl, callbackPath, forms } = await untilCallback(client, "vneid-hoa");

    // The request the provider saw: code flow with PKCE (S256), state, nonce and the requested eID level.
    const q = authorizationUrl.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("client_id")).toBe(CLIENT_ID);
    expect(q.get("redirect_uri")).toBe(CALLBACK);
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(q.get("state")).toBeTruthy();
    expect(q.get("nonce")).toBeTruthy();
    expect(q.get("acr_values")).toBe(ACR);
    expect(q.get("scope")).toBe("openid profile phone citizen");
    expect(forms).toEqual(["login", "consent"]);

    const callback = await client.get(callbackPath);
    expect(callback.status).toBe(303);
    // A citizen never lands in the office, even when the sign-in started there: their own dossiers instead.
    expect(callback.headers.get("location")).toBe("/me/dossiers");
    expect(client.cookies.has(SESSION_COOKIE)).toBe(true);
    expect(client.cookies.has(OIDC_COOKIE)).toBe(false); // used once

    const res = await me(client);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; displayName: string; kind: string; username: string; grants: unknown[] };
    expect(body).toMatchObject({ displayName: "Nguyễn Thị Hoa", kind: "citizen", grants: [] });
    expect(body.username).toMatch(/^sso-[0-9a-f]{12}$/);

    const { rows } = await t.db.query("SELECT citizen_id_number, phone, oidc_issuer, oidc_subject, password_hash FROM users WHERE id = $1", [body.id]);
    expect(rows[0]).toEqual({
      citizen_id_number: "010199001234",
      phone: "+84912345678",
      oidc_issuer: idp.issuer,
      oidc_subject: "vneid-hoa",
      password_hash: null,
    });
    const audit = await t.db.query("SELECT details FROM audit_log WHERE action = 'user.createdFromSso' AND target_id = $1", [body.id]);
    expect(audit.rows).toEqual([{ details: { issuer: idp.issuer, acr: null } }]);
    expect(idp.errors).toEqual([]);
  });

  it("signs the same subject in again as the same user, and another subject as another user", async () => {
    const first = new TestClient(t.app);
    expect((await first.get((await untilCallback(first, "vneid-minh")).callbackPath)).status).toBe(303);
    const firstMe = (await (await me(first)).json()) as { id: string; displayName: string };
    expect(firstMe.displayName).toBe("Trần Văn Minh");

    // Another browser, another provider session, the same person.
    const again = new TestClient(t.app);
    const { callbackPath, forms } = await untilCallback(again, "vneid-minh");
    expect(forms).toEqual(["login", "consent"]);
    expect((await again.get(callbackPath)).status).toBe(303);
    const againMe = (await (await me(again)).json()) as { id: string };
    expect(againMe.id).toBe(firstMe.id);

    // The same browser while still signed in at the provider: no forms at all, still the same user.
    const browser = new ProviderBrowser();
    const third = new TestClient(t.app);
    expect((await third.get((await untilCallback(third, "vneid-minh", browser)).callbackPath)).status).toBe(303);
    const fourth = new TestClient(t.app);
    const silent = await untilCallback(fourth, "vneid-minh", browser);
    expect(silent.forms).toEqual([]);
    expect((await fourth.get(silent.callbackPath)).status).toBe(303);
    expect(((await (await me(fourth)).json()) as { id: string }).id).toBe(firstMe.id);

    const { rows } = await t.db.query("SELECT count(*)::int AS n FROM users WHERE oidc_subject = 'vneid-minh'");
    expect(rows[0]).toEqual({ n: 1 });
    const hoa = await t.db.query("SELECT id FROM users WHERE oidc_subject = 'vneid-hoa'");
    expect(hoa.rows.map((r) => r.id)).not.toContain(firstMe.id);
  });

  it("links the dossiers a volunteer files for an SSO citizen once they verify their phone by code, earlier ones included: the ID number comes from the SSO", async () => {
    await withCatalogue(t.deps);
    const client = new TestClient(t.app);
    expect((await client.get((await untilCallback(client, "vneid-lan")).callbackPath)).status).toBe(303);
    const profile = await client.get("/api/v1/me/profile");
    // The SSO vouches for the ID number; the phone it gave prefills forms but was never proven by a code.
    expect(await profile.json()).toMatchObject({ citizenIdNumber: "010190005678", citizenIdNumberVerified: true, phone: "0912888001", phoneVerified: false });

    const volunteer = await acting(t.deps, await buildUser(t.deps, { kind: "volunteer", roles: [["volunteer", GIA_PHU]] }));
    const lan = { ...APPLICANT, fullName: "Hà Thị Lan", birthDate: "1990-01-15", citizenIdNumber: "010190005678", phone: "0912888001" };
    const before = await buildDossier(t.deps, volunteer, { applicant: lan });
    expect(before.ownerUserId).toBeNull();
    expect((await client.get(`/api/v1/dossiers/${before.id}`)).status).toBe(404);

    const csrf = { [CSRF_HEADER]: client.csrfToken };
    expect((await client.request("/api/v1/me/phone/code", json({ phone: "0912888001" }, csrf))).status).toBe(202);
    const verified = await client.request("/api/v1/me/phone/verify", json({ phone: "0912888001", code: await lastSmsCode(t.db, "0912888001") }, csrf));
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ phoneVerified: true, citizenIdNumberVerified: true, fullName: "Hà Thị Lan" });

    const after = await buildDossier(t.deps, volunteer, { applicant: lan });
    const mine = await client.get("/api/v1/me/dossiers");
    expect(mine.status).toBe(200);
    const text = await mine.text();
    // Linked at filing once both are verified, and the one filed before the phone was proven linked by the proof.
    expect(text).toContain(after.id);
    expect(text).toContain(before.id);
    expect((await client.get(`/api/v1/dossiers/${after.id}`)).status).toBe(200);
    expect((await client.get(`/api/v1/dossiers/${before.id}`)).status).toBe(200);
  });

  it("refuses a callback whose state was tampered with, without a session", async () => {
    const client = new TestClient(t.app);
    const { callbackPath } = await untilCallback(client, "vneid-hoa");
    const url = new URL(callbackPath, PUBLIC_URL);
    expect(url.searchParams.get("code")).toBeTruthy();
    url.searchParams.set("state", `${url.searchParams.get("state")}x`);
    const before = await sessionCount();

    const res = await client.get(`${url.pathname}${url.search}`);
    expect(res.status).toBe(401); // the sign-in page again, with the reason: not a redirect, never a 500
    expect(await res.text()).toContain("Không đăng nhập được qua tài khoản định danh");
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await sessionCount()).toBe(before);
    expect((await me(client)).status).toBe(401);
  });

  it("refuses a sign-in below the required eID level when OIDC_REQUIRE_ACR is on", async () => {
    // The provider authenticates without an acr, so a level-2 requirement cannot be met.
    const env = {
      PUBLIC_URL,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_SCOPES: "openid profile phone citizen",
      OIDC_ACR_VALUES: ACR,
      OIDC_REQUIRE_ACR: "true",
      OIDC_ALLOW_HTTP: "true",
    };
    const strict = await buildTestApp({ database: t.database, env, oidc: createOidcClient(loadConfig({ ...TEST_ENV, ...env }).oidc!) });
    const client = new TestClient(strict.app);
    const start = await client.get("/auth/oidc/start?next=/office");
    const { path } = await new ProviderBrowser().authorize(start.headers.get("location")!, "vneid-hoa");
    const before = await sessionCount();
    const res = await client.get(path);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("Cần tài khoản định danh điện tử mức độ 2");
    expect(await sessionCount()).toBe(before);
  });

  it("sends a person who cancels at the provider back to the sign-in page, without a session", async () => {
    const client = new TestClient(t.app);
    const { callbackPath } = await untilCallback(client, "vneid-hoa", new ProviderBrowser(), { cancel: true });
    expect(new URL(callbackPath, PUBLIC_URL).searchParams.get("error")).toBe("access_denied");
    const before = await sessionCount();

    const res = await client.get(callbackPath);
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain("Không đăng nhập được qua tài khoản định danh");
    expect(html).toContain("Đăng nhập bằng VNeID"); // so they can try again
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await sessionCount()).toBe(before);
  });

  it("refuses a callback without the signed state cookie, or with a forged one, without a session", async () => {
    const client = new TestClient(t.app);
    const { callbackPath } = await untilCallback(client, "vneid-hoa");
    const signed = client.cookies.get(OIDC_COOKIE)!;
    const before = await sessionCount();

    client.cookies.delete(OIDC_COOKIE);
    const missing = await client.get(callbackPath);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Phiên đăng nhập qua tài khoản định danh đã hết hạn");

    // The same content with a made-up signature is no better than none.
    const value = decodeURIComponent(signed);
    const forged = `${value.slice(0, value.lastIndexOf(".") + 1)}${Buffer.alloc(32).toString("base64")}`;
    client.cookies.set(OIDC_COOKIE, encodeURIComponent(forged));
    const bad = await client.get(callbackPath);
    expect(bad.status).toBe(400);

    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await sessionCount()).toBe(before);
    expect((await me(client)).status).toBe(401);
  });

  it("shows the VNeID button on the sign-in page only when OIDC is configured", async () => {
    const withButton = await new TestClient(t.app).get("/sign-in?next=/office");
    expect(withButton.status).toBe(200);
    const html = await withButton.text();
    expect(html).toContain("Đăng nhập bằng VNeID");
    expect(html).toContain(`href="/auth/oidc/start?next=${encodeURIComponent("/office")}"`);

    const plain = new TestClient(withoutSso.app);
    const without = await plain.get("/sign-in");
    expect(without.status).toBe(200);
    const plainHtml = await without.text();
    expect(plainHtml).toContain('action="/sign-in"');
    expect(plainHtml).not.toContain("VNeID");
    expect(plainHtml).not.toContain("/auth/oidc/start");
    expect((await plain.get("/auth/oidc/start")).status).toBe(404);
  });
});
