// The XãSố server as a bench child process on a benchmark database (development mode, no demo, quiet logs), and a
// signed-in session against it: what the page suites (coverage, reports-public, indicators) share.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { CSRF_FIELD, csrfCookieName, csrfTokenFor } from "../../src/platform/http/csrf.ts";
import { freePort, type Ready, startChild } from "./child.ts";

// The server's own settings: never inherited from the shell that runs the bench.
const OWN_ENV = /^(NODE_ENV|PORT|HOST|DATABASE_URL|DATABASE_POOL_SIZE|SERVED_PROVINCES|SEED_DEMO|LOG_LEVEL|SESSION_SECRET|DATA_DIR|BENCH_.*)$/;

export type XasoServer = { server: Ready; base: string; secret: string };

/** Starts src/main.ts on `url`, serving `province`, with its logs and files in `tmp`. `dropEnv`: more variables to leave out. */
export async function startXasoServer(opts: { url: string; tmp: string; province: string; poolSize: number; dropEnv?: RegExp }): Promise<XasoServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const secret = randomBytes(32).toString("hex");
  const server = await startChild({
    name: "xaso",
    script: "src/main.ts",
    tsx: true,
    logFile: path.join(opts.tmp, "xaso.log"),
    readyText: null,
    probeUrl: `${base}/healthz`,
    timeoutMs: 240_000,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !OWN_ENV.test(k) && !opts.dropEnv?.test(k))),
      NODE_ENV: "development",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: opts.url,
      DATABASE_POOL_SIZE: String(opts.poolSize),
      SERVED_PROVINCES: opts.province,
      SEED_DEMO: "false",
      LOG_LEVEL: "warn",
      SESSION_SECRET: secret,
      DATA_DIR: path.join(opts.tmp, "data"),
    },
  });
  return { server, base, secret };
}

const CSRF_SEED = "bench-csrf-seed-0123456789";

/** Signs in through the form (with its CSRF token) and returns the Cookie header of the session. */
export async function signInCookie(x: XasoServer, username: string, password: string): Promise<string> {
  const cookies = new Map<string, string>([[csrfCookieName(false), CSRF_SEED]]);
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${x.base}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ username, password, [CSRF_FIELD]: csrfTokenFor(CSRF_SEED, x.secret, null) }),
  });
  for (const line of res.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const i = pair.indexOf("=");
    cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
  }
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  return header();
}
