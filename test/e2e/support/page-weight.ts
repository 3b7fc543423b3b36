// What a first visit costs on the wire: every response's encodedDataLength (compressed body and headers)
// as Chromium reports it over CDP, with the cache empty and disabled.
import type { BrowserContext } from "playwright-core";

export type Transfer = { url: string; type: string; encoding: string; status: number; bytes: number };
export type PageWeight = { url: string; total: number; transfers: Transfer[] };

type Pending = { url: string; type: string; encoding: string; status: number; done: boolean; bytes: number };

export async function measureFirstVisit(context: BrowserContext, url: string): Promise<PageWeight> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map<string, Pending>();
  let settle: (() => void) | null = null;
  const check = () => {
    if (settle && [...requests.values()].every((r) => r.done)) settle();
  };
  cdp.on("Network.requestWillBeSent", (e) => {
    const prev = requests.get(e.requestId);
    // A redirect reuses the request id: keep what the redirect response cost.
    const carried = prev && e.redirectResponse ? prev.bytes + (e.redirectResponse.encodedDataLength ?? 0) : 0;
    requests.set(e.requestId, { url: e.request.url, type: e.type ?? "Other", encoding: "", status: 0, done: false, bytes: carried });
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    r.encoding = headers["content-encoding"] ?? "identity";
    r.status = e.response.status;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.bytes += e.encodedDataLength;
    r.done = true;
    check();
  });
  cdp.on("Network.loadingFailed", (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.done = true;
    check();
  });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

  await page.goto(url, { waitUntil: "load" });
  // A headless browser does not fetch the icon by itself; a real first visit does, so fetch what the page declares.
  const loaded = new Set([...requests.values()].map((r) => r.url));
  const icons = await page
    .locator('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')
    .evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href));
  for (const href of icons.filter((h) => !loaded.has(h))) {
    await page.evaluate(
      (h) =>
        fetch(h)
          .then((r) => r.arrayBuffer())
          .then(() => undefined),
      href,
    );
  }
  await new Promise<void>((resolve) => {
    settle = resolve;
    check();
  });
  await cdp.detach();
  await page.close();

  // One entry per URL: the browser may also have asked for the icon on its own meanwhile; count the larger transfer once.
  const byUrl = new Map<string, Transfer>();
  for (const { url: u, type, encoding, status, bytes } of requests.values()) {
    const prev = byUrl.get(u);
    if (!prev || bytes > prev.bytes) byUrl.set(u, { url: u, type: prev?.type ?? type, encoding, status, bytes });
  }
  const transfers = [...byUrl.values()];
  return { url, total: transfers.reduce((s, r) => s + r.bytes, 0), transfers };
}

export function formatWeight(name: string, w: PageWeight): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  // A data: URL (the browser's own icon of a date field) costs nothing on the wire; show its type, not its body.
  const where = (u: string) => (u.startsWith("data:") ? `${u.slice(0, u.search(/[;,]/))} (inline)` : new URL(u).pathname);
  const rows = w.transfers.map((t) => `    ${kb(t.bytes).padStart(9)}  ${t.type.padEnd(10)} ${t.encoding.padEnd(8)} ${t.status} ${where(t.url)}`);
  return [`${name}: ${kb(w.total)} (${w.total} bytes) in ${w.transfers.length} responses`, ...rows].join("\n");
}
