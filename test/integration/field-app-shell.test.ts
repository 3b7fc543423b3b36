// The field app's shell as the server sends it: who gets it, in which language, without inline script, the service
// worker's scope and the manifest, the cache rules of its files, and the budget: the shell (HTML + JS + CSS + the
// service worker) at most 60 KB gzip-compressed, as served.
import { gunzipSync } from "node:zlib";
import { beforeAll, expect, it } from "vitest";
import { messagesEn, messagesVi } from "../../src/modules/outreach/field/field.messages.ts";
import { TestClient } from "../support/client.ts";
import { buildUser, GIA_PHU, PASSWORD } from "../support/factories.ts";
import { type TestApp, useTestApp } from "../support/test-app.ts";
import { describeDb } from "../support/test-db.ts";

const BUDGET = 60 * 1024;
const appKeys = Object.keys(messagesVi).filter((k) => k.startsWith("field.app."));

describeDb("the field app's shell", () => {
  const app = useTestApp();
  let t: TestApp;
  let volunteer: TestClient;

  const signedIn = async (roles: NonNullable<Parameters<typeof buildUser>[1]>["roles"], headers: Record<string, string> = {}) => {
    const u = await buildUser(t.deps, { roles });
    const client = new TestClient(t.app, headers);
    await client.signIn(u.username, PASSWORD);
    return client;
  };
  const dataBlock = (html: string, id: string) => JSON.parse(new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`, "s").exec(html)![1]!);

  beforeAll(async () => {
    t = app();
    volunteer = await signedIn([["volunteer", GIA_PHU]]);
  });

  it("sends a visitor who is not signed in to the sign-in page, and back", async () => {
    const res = await new TestClient(t.app).get("/field");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent("/field")}`);
  });

  it("tells an officer who is on no digital team that the app is for team members", async () => {
    const officer = await signedIn([["one_stop_officer", GIA_PHU]]);
    const res = await officer.get("/field");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(messagesVi["field.forbidden"]);
  });

  it("serves a volunteer the shell in Vietnamese: files by URL only, the texts as JSON, a no-JavaScript way to the office", async () => {
    const res = await volunteer.get("/field");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="vi">');
    // The CSP stays the site's: scripts from our own origin only, and every <script> is a file or a data block.
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBe(3);
    for (const attrs of scripts) expect(attrs).toMatch(/src="\/field\/app\.js\?v=[0-9a-f]{10}"|type="application\/json"/);
    const messages = dataBlock(html, "field-messages");
    expect(Object.keys(messages).sort()).toEqual([...appKeys].sort());
    expect(messages["field.app.sync.now"]).toBe(messagesVi["field.app.sync.now"]);
    const config = dataBlock(html, "field-config");
    expect(config).toMatchObject({ locale: "vi", sw: "/field/sw.js", signIn: "/sign-in?next=/field" });
    expect(html).toMatch(/<noscript><p>[^<]+<\/p><p><a href="\/office">/);
    expect(html).toContain('<link rel="manifest" href="/field/manifest.webmanifest"/>');
  });

  it("speaks English to a volunteer who chose English", async () => {
    const english = await signedIn([["volunteer", GIA_PHU]]);
    english.cookies.set("xaso_lang", "en");
    const html = await (await english.get("/field")).text();
    expect(html).toContain('<html lang="en">');
    expect(dataBlock(html, "field-messages")["field.app.sync.now"]).toBe(messagesEn["field.app.sync.now"]);
  });

  it("serves the service worker for the scope /field, never cached, with the shell's versioned URLs", async () => {
    const html = await (await volunteer.get("/field")).text();
    const js = /src="(\/field\/app\.js\?v=[0-9a-f]+)"/.exec(html)![1]!;
    const css = /href="(\/field\/app\.css\?v=[0-9a-f]+)"/.exec(html)![1]!;
    const res = await volunteer.get("/field/sw.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(res.headers.get("service-worker-allowed")).toBe("/field");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const body = await res.text();
    const shell = JSON.parse(/^const SHELL = (.*);$/m.exec(body)![1]!);
    expect(shell).toEqual(["/field", js, css, expect.stringMatching(/^\/field\/icon\.svg\?v=/)]);
  });

  it("caches a file for a year only under its current version, and sends it compressed", async () => {
    const html = await (await volunteer.get("/field")).text();
    const js = /src="(\/field\/app\.js\?v=[0-9a-f]+)"/.exec(html)![1]!;
    const current = await volunteer.get(js, { "accept-encoding": "gzip, deflate, br" });
    expect(current.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(current.headers.get("content-encoding")).toBe("br");
    const stale = await volunteer.get("/field/app.js?v=0000000000", { "accept-encoding": "gzip" });
    expect(stale.headers.get("cache-control")).toBe("no-cache");
    expect(stale.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await stale.arrayBuffer())).toString()).toContain("xaso-field");
  });

  it("describes the app for the home screen: name, start URL, standalone, icons that exist", async () => {
    const res = await volunteer.get("/field/manifest.webmanifest");
    expect(res.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    const m = await res.json();
    expect(m).toMatchObject({ name: messagesVi["field.title"], start_url: "/field", scope: "/field", display: "standalone", theme_color: "#a50e0e" });
    expect(m.icons.map((i: { sizes: string }) => i.sizes)).toEqual(["192x192", "512x512", "any"]);
    for (const icon of m.icons as { src: string; type: string }[]) {
      const r = await volunteer.get(icon.src);
      expect(r.status, icon.src).toBe(200);
      expect(r.headers.get("content-type")).toBe(icon.type);
    }
  });

  it("keeps the shell (HTML + JS + CSS + service worker) within 60 KB gzip-compressed", async () => {
    const html = await (await volunteer.get("/field")).text();
    const urls = ["/field", /src="(\/field\/app\.js\?v=[0-9a-f]+)"/.exec(html)![1]!, /href="(\/field\/app\.css\?v=[0-9a-f]+)"/.exec(html)![1]!, "/field/sw.js"];
    const sizes: Record<string, number> = {};
    const raw: Record<string, number> = {};
    for (const u of urls) {
      const res = await volunteer.get(u, { "accept-encoding": "gzip" });
      expect(res.status, u).toBe(200);
      expect(res.headers.get("content-encoding"), u).toBe("gzip");
      sizes[u.replace(/\?.*/, "")] = (await res.arrayBuffer()).byteLength;
      raw[u.replace(/\?.*/, "")] = (await (await volunteer.get(u)).arrayBuffer()).byteLength;
    }
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    console.log(
      `field shell, gzip: ${Object.entries(sizes)
        .map(([u, n]) => `${u} ${n} B (raw ${raw[u]} B)`)
        .join(", ")}; total ${total} B (${(total / 1024).toFixed(1)} KB)`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET);
  });
});
