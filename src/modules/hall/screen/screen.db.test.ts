// The big screen: the page with data and its no-JavaScript refresh, 404s, and the live stream — the initial state on
// connect, an event after a committed signalHallChange, one state computation per change whatever the number of
// screens, the per-address cap, clean-up on disconnect and surviving a dropped LISTEN connection. No sleeps: every
// wait is for an event the stream sends.
import { beforeAll, expect, it } from "vitest";
import { fromAddress } from "../../../../test/support/client.ts";
import { BAO_THANG, GIA_PHU } from "../../../../test/support/factories.ts";
import { buildCounter, buildHallService, buildNotice } from "../../../../test/support/notice-factories.ts";
import { buildTicket } from "../../../../test/support/screen-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { signalHallChange } from "../hall-events.ts";
import { hallPaths } from "../hall-paths.ts";
import type { ScreenQueueState } from "../index.ts";
import { screenHubFor } from "./screen-stream.ts";

type Sse = { event: string; data: string };

/** Reads server-sent events from a response body: comments and the retry hint are kept apart from events. */
function sseReader(res: Response) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const seen: string[] = [];
  return {
    seen,
    async next(): Promise<Sse> {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          seen.push(block);
          const lines = block.split("\n");
          const event = lines.find((l) => l.startsWith("event: "))?.slice(7);
          const data = lines.filter((l) => l.startsWith("data: ")).map((l) => l.slice(6));
          if (event) return { event, data: data.join("\n") };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("stream ended");
        buffer += decoder.decode(value, { stream: true });
      }
    },
    async state(): Promise<ScreenQueueState> {
      const e = await this.next();
      expect(e.event).toBe("state");
      return JSON.parse(e.data) as ScreenQueueState;
    },
    cancel: () => reader.cancel(),
  };
}

describeDb("hall big screen", () => {
  const app = useTestApp();
  let x: TestApp;
  let today: string;
  let service: { id: string; letter: string };
  let counter: { id: string; number: number };
  let next = 1;

  const callTicket = async (n: number, signal = true) => {
    const now = x.deps.clock.now();
    return x.db.tx(async (q) => {
      const t = await buildTicket(q, {
        serviceId: service.id,
        day: today,
        number: n,
        status: "called",
        counterId: counter.id,
        takenAt: now,
        calledAt: new Date(now.getTime() + n * 1000),
      });
      if (signal) await signalHallChange(q, GIA_PHU);
      return t;
    });
  };

  beforeAll(async () => {
    x = app();
    today = toLocalDay(x.deps.clock.now());
    service = await buildHallService(x.deps, { letter: "A", nameVi: "Hộ tịch", nameEn: "Civil status" });
    const other = await buildHallService(x.deps, { letter: "B", nameVi: "Đất đai", nameEn: "Land" });
    counter = await buildCounter(x.deps, { number: 3, serviceIds: [service.id, other.id] });
    const now = x.deps.clock.now();
    for (let i = 0; i < 4; i++) await callTicket(next++, false);
    for (let i = 0; i < 3; i++) await buildTicket(x.db, { serviceId: other.id, letter: "B", day: today, number: i + 1, takenAt: now });
    await buildNotice(x.deps, { category: "emergency", title: "Cảnh báo lũ quét tại thôn Nậm Lúc" });
    await buildNotice(x.deps, { title: "Lịch tiêm chủng tháng 12" });
  });

  it("renders the screen with the called numbers, waiting counts and notices, and refreshes itself without JavaScript", async () => {
    const res = await x.app.request(hallPaths.screen(GIA_PHU));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toMatch(/<noscript><meta http-equiv="refresh" content="1[0-5]"\/?><\/noscript>/);
    // The newest call large, with its counter; the others below, newest first.
    expect(html).toMatch(/class="hs-now__label">A004<\/p>\s*<p class="hs-now__counter">đến quầy 3</);
    const previous = html.slice(html.indexOf('id="hall-previous"'));
    expect(previous.indexOf("A003")).toBeLessThan(previous.indexOf("A001"));
    expect(html).toMatch(/data-letter="B"[\s\S]*?3 người chờ/);
    expect(html).toMatch(/hs-notice--emergency[\s\S]*?Khẩn cấp[\s\S]*?Cảnh báo lũ quét/);
    expect(html).toContain("Lịch tiêm chủng tháng 12");
    expect(html).toContain(`data-events="${hallPaths.screenEvents(GIA_PHU)}"`);
    expect(html).toContain('data-voice="0"');
    expect(await (await x.app.request(`${hallPaths.screen(GIA_PHU)}?voice=1`)).text()).toContain('data-voice="1"');
  });

  it("stays within the citizen page budget (30 KB transferred, HTML + CSS + JS, compressed)", async () => {
    const gz = { "accept-encoding": "gzip, br" };
    const page = await x.app.request(hallPaths.screen(GIA_PHU), { headers: gz });
    const html = Buffer.from(await page.arrayBuffer());
    const text = (await x.app.request(hallPaths.screen(GIA_PHU))).text();
    const assets = [...(await text).matchAll(/(?:href|src)="(\/assets\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!);
    expect(assets).toHaveLength(2);
    let total = html.length;
    for (const a of assets) total += (await (await x.app.request(a, { headers: gz })).arrayBuffer()).byteLength;
    expect(total).toBeLessThanOrEqual(30 * 1024);
  });

  it("answers 404 for a commune that is not served, on the page and the stream", async () => {
    expect((await x.app.request(hallPaths.screen("99999"))).status).toBe(404);
    expect((await x.app.request(hallPaths.screenEvents("99999"))).status).toBe(404);
    expect((await x.app.request("/hall/0292/screen")).status).toBe(404);
  });

  it("streams the state on connect and again after a committed hall change; one computation serves every screen", async () => {
    const hub = screenHubFor(x.deps);
    const first = await x.app.request(hallPaths.screenEvents(GIA_PHU));
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/event-stream");
    const a = sseReader(first);
    const initial = await a.state();
    expect(a.seen[0]).toMatch(/^retry: \d+$/);
    expect(initial.called[0]).toMatchObject({ label: "A004", counter: 3 });
    expect(initial.services.find((s) => s.letter === "B")?.waiting).toBe(3);
    await hub.listening();

    // Nineteen more screens: served from the state already computed.
    const before = hub.computations;
    const others = await Promise.all(Array.from({ length: 19 }, () => Promise.resolve(x.app.request(hallPaths.screenEvents(GIA_PHU))).then(sseReader)));
    for (const s of others) expect((await s.state()).called[0]?.label).toBe("A004");
    expect(hub.computations).toBe(before);
    expect(hub.connections).toBe(20);

    // Two changes in one burst: debounced into one computation, written to all twenty.
    const n = next++;
    await callTicket(n);
    await x.db.tx((q) => signalHallChange(q, GIA_PHU));
    const label = `A${String(n).padStart(3, "0")}`;
    for (const s of [a, ...others]) expect((await s.state()).called[0]?.label).toBe(label);
    expect(hub.computations).toBe(before + 1);

    // Another commune's change reaches none of these screens and computes nothing.
    await x.db.tx((q) => signalHallChange(q, BAO_THANG));
    const n2 = next++;
    await callTicket(n2);
    expect((await a.state()).called[0]?.label).toBe(`A${String(n2).padStart(3, "0")}`);
    expect(hub.computations).toBe(before + 2);

    await Promise.all([a, ...others].map((s) => s.cancel()));
    expect(hub.connections).toBe(0);
  });

  it("caps the streams per address with a 429, and frees a place when a screen disconnects", async () => {
    const hub = screenHubFor(x.deps);
    const from = fromAddress(x.app, "203.0.113.7");
    const open = await Promise.all(
      Array.from({ length: hub.maxPerAddress }, () => Promise.resolve(from.request(hallPaths.screenEvents(GIA_PHU))).then(sseReader)),
    );
    for (const s of open) await s.state();
    const refused = await from.request(hallPaths.screenEvents(GIA_PHU));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    // Another address is not held up.
    const elsewhere = sseReader(await fromAddress(x.app, "203.0.113.8").request(hallPaths.screenEvents(GIA_PHU)));
    await elsewhere.state();
    await open[0]!.cancel();
    const again = sseReader(await from.request(hallPaths.screenEvents(GIA_PHU)));
    await again.state();
    await Promise.all([...open.slice(1), elsewhere, again].map((s) => s.cancel()));
    expect(hub.connections).toBe(0);
  });

  it("survives the LISTEN connection dropping: it reconnects and sends the state again", async () => {
    const hub = screenHubFor(x.deps);
    const s = sseReader(await x.app.request(hallPaths.screenEvents(GIA_PHU)));
    await s.state();
    await hub.listening();
    const { rows } = await x.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'xaso-hall-screen' AND datname = current_database()) k",
    );
    expect(rows[0]!.n).toBe(1);
    // A change made while the connection is down is not lost: after reconnecting the hub computes the state again.
    const n = next++;
    await callTicket(n);
    for (;;) {
      const st = await s.state();
      if (st.called[0]?.label === `A${String(n).padStart(3, "0")}`) break;
    }
    const after = await x.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'xaso-hall-screen' AND datname = current_database()",
    );
    expect(after.rows[0]!.n).toBe(1);
    await s.cancel();
  });
});
