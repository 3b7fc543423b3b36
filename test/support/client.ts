// An in-process browser stand-in: keeps cookies, adds the CSRF token to forms, follows nothing by itself.
import type { Hono } from "hono";
import { CSRF_FIELD, csrfCookieName, csrfTokenFor } from "../../src/platform/http/csrf.ts";
import { sessionCookieName } from "../../src/platform/http/middleware.ts";
import { TEST_ENV } from "./test-app.ts";
import { loadConfig } from "../../src/config.ts";

const secret = loadConfig(TEST_ENV).sessionSecret;

export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: { request: Hono["request"] },
    private readonly headers: Record<string, string> = {},
  ) {
    this.cookies.set(csrfCookieName(false), "test-csrf-seed-0123456789");
  }

  /** The token the app would put in a form for this client: its seed, bound to its session (if any). */
  get csrfToken() {
    const pick = (name: (secure: boolean) => string) => this.cookies.get(name(true)) ?? this.cookies.get(name(false));
    return csrfTokenFor(pick(csrfCookieName)!, secret, pick(sessionCookieName) ?? null);
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (!value || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.headers)) if (!headers.has(k)) headers.set(k, v);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    return this.remember(await this.app.request(path, { ...init, headers }));
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  /** Posts a form as a browser would, with the CSRF token unless told otherwise. */
  post(path: string, form: Record<string, string> = {}, opts: { csrf?: boolean } = {}) {
    const body = new URLSearchParams(form);
    if (opts.csrf !== false) body.set(CSRF_FIELD, this.csrfToken);
    return this.request(path, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  }

  async signIn(username: string, password: string) {
    const res = await this.post("/sign-in", { username, password });
    if (res.status !== 303) throw new Error(`sign-in failed for ${username}: ${res.status}`);
    return res;
  }
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", ...headers },
});

/** The app as reached from one client address (the peer of the socket), for the per-address limits. */
export const fromAddress = (app: { request: Hono["request"] }, remoteAddress: string): { request: Hono["request"] } => ({
  request: (input, init) => app.request(input, init, { incoming: { socket: { remoteAddress } } }),
});
