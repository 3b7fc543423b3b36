// The big screen's event stream with many connected screens (issue #12): SCREENS server-sent-event clients on one
// commune's stream of a running app, CHANGES hall changes (a ticket called and signalled, as the queue does); for each
// change, the time from COMMIT (the NOTIFY is delivered on commit) to the first and the last screen receiving the new
// state; state computations per change; memory per connection. Next to it, in the same run, a bare node:http SSE
// broadcaster writing the same payload to as many sockets (the floor: no database, no framework).
// Run: npx tsx bench/hall-screen/run.ts [--screens=200] [--changes=50] [--system-url=postgres://…]
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import pino from "pino";
import { createApp } from "../../src/app.ts";
import { wireDeps } from "../../src/bootstrap.ts";
import { loadConfig } from "../../src/config.ts";
import { importAdminUnits } from "../../src/modules/admin-units/index.ts";
import { signalHallChange } from "../../src/modules/hall/hall-events.ts";
import { screenHubFor } from "../../src/modules/hall/screen/screen-stream.ts";
import { screenState } from "../../src/modules/hall/use-cases/screen-state.ts";
import { toLocalDay } from "../../src/platform/calendar/vietnam-time.ts";
import { SYSTEM_ACTOR } from "../../src/platform/events/domain-events.ts";
import { withScratchDatabase } from "../lib/scratch-db.ts";
import type { BenchOptions } from "../lib/options.ts";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SCREENS = Number(arg("screens", "200"));
const CHANGES = Number(arg("changes", "50"));
const COMMUNE = "02923";

const pct = (v: number[], p: number) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** One SSE client on a plain socket: calls onState(label of the newest call) for each state event. */
function sseClient(port: number, path: string, onState: (data: string) => void): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent: false, headers: { accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split("\n").find((l) => l.startsWith("data: "));
          if (block.includes("event: state") && data) onState(data.slice(6));
          end = buffer.indexOf("\n\n");
        }
      });
      resolve(req);
    });
    req.on("error", reject);
  });
}

type Round = { first: number; last: number };
const summary = (rounds: Round[]) =>
  `first screen p50 ${ms(
    pct(
      rounds.map((r) => r.first),
      0.5,
    ),
  )}, last screen p50 ${ms(
    pct(
      rounds.map((r) => r.last),
      0.5,
    ),
  )}, p95 ${ms(
    pct(
      rounds.map((r) => r.last),
      0.95,
    ),
  )}`;

/** Waits until every screen has seen `marker` in a state event; returns first/last arrival after t0. */
function arrivals(seen: Map<number, (d: string) => void>, marker: string, t0: number): Promise<Round> {
  return new Promise((resolve) => {
    let first = Number.POSITIVE_INFINITY;
    let left = seen.size;
    for (const [i] of seen) {
      seen.set(i, (d) => {
        if (!d.includes(marker)) return;
        seen.set(i, () => undefined);
        const at = performance.now() - t0;
        first = Math.min(first, at);
        if (--left === 0) resolve({ first, last: at });
      });
    }
  });
}

async function bareBaseline(payload: string): Promise<Round[]> {
  const sockets: http.ServerResponse[] = [];
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write("retry: 5000\n\n");
    sockets.push(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const handlers = new Map<number, (d: string) => void>();
  const reqs = await Promise.all(Array.from({ length: SCREENS }, (_, i) => sseClient(port, "/", (d) => handlers.get(i)?.(d))));
  for (let i = 0; i < SCREENS; i++) handlers.set(i, () => undefined);
  while (sockets.length < SCREENS) await new Promise((r) => setImmediate(r));
  const rounds: Round[] = [];
  for (let n = 0; n < CHANGES; n++) {
    const marker = `"B${n}"`;
    const t0 = performance.now();
    const done = arrivals(handlers, marker, t0);
    const chunk = `event: state\ndata: ${payload.replace('"A000"', marker)}\n\n`;
    for (const s of sockets) s.write(chunk);
    rounds.push(await done);
  }
  for (const r of reqs) r.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  return rounds;
}

const opts = { systemUrl: arg("system-url", "postgres://postgres@127.0.0.1:5432/postgres"), poolSize: 10 } as BenchOptions;
await withScratchDatabase(opts, "hallscreen", async (db) => {
  const config = loadConfig({ NODE_ENV: "test", SERVED_PROVINCES: "15", LOG_LEVEL: "silent" });
  const deps = wireDeps(config, db, pino({ level: "silent" }));
  await importAdminUnits(deps, { actor: SYSTEM_ACTOR, requestId: null });
  const app = createApp({ ...deps, oidc: null });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const port = (server.address() as AddressInfo).port;
  const { rows: s } = await db.query<{ id: string }>(
    "INSERT INTO hall_services (commune_code, letter, name_vi, name_en) VALUES ($1, 'A', 'Hộ tịch', 'Civil status') RETURNING id",
    [COMMUNE],
  );
  const { rows: k } = await db.query<{ id: string }>(
    "INSERT INTO hall_counters (commune_code, number, name, service_ids) VALUES ($1, 1, 'Quầy 1', $2) RETURNING id",
    [COMMUNE, [s[0]!.id]],
  );
  const day = toLocalDay(new Date());
  const hub = screenHubFor(deps);

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const handlers = new Map<number, (d: string) => void>();
  const path = `/hall/${COMMUNE}/screen/events`;
  // The bench's own address holds every screen: the per-address cap is lifted for the run.
  (hub as unknown as { maxPerAddress: number }).maxPerAddress = SCREENS + 1;
  const reqs: http.ClientRequest[] = [];
  for (let i = 0; i < SCREENS; i++) {
    handlers.set(i, () => undefined);
    reqs.push(await sseClient(port, path, (d) => handlers.get(i)?.(d)));
  }
  while (hub.connections < SCREENS) await new Promise((r) => setImmediate(r));
  await hub.listening();
  global.gc?.();
  const heapPer = (process.memoryUsage().heapUsed - heapBefore) / SCREENS;
  const rssPer = (process.memoryUsage().rss - rssBefore) / SCREENS;

  const computationsBefore = hub.computations;
  const rounds: Round[] = [];
  for (let n = 1; n <= CHANGES; n++) {
    const label = `A${String(n).padStart(3, "0")}`;
    const done = arrivals(handlers, `"label":"${label}"`, 0);
    let t0 = 0;
    await db.tx(async (q) => {
      await q.query(
        "INSERT INTO queue_tickets (commune_code, service_id, day, number, label, source, status, counter_id, called_at, call_count) VALUES ($1, $2, $3, $4, $5, 'kiosk', 'called', $6, now(), 1)",
        [COMMUNE, s[0]!.id, day, n, label, k[0]!.id],
      );
      await signalHallChange(q, COMMUNE);
      t0 = performance.now();
    });
    const r = await done;
    rounds.push({ first: r.first - t0, last: r.last - t0 });
  }
  const perChange = (hub.computations - computationsBefore) / CHANGES;
  const payload = JSON.stringify(await screenState(deps, COMMUNE)).replace(/"label":"A\d{3}"/, '"label":"A000"');
  for (const r of reqs) r.destroy();
  server.close();
  await hub.close();

  const bare = await bareBaseline(payload);
  console.log(`hall screen stream: ${SCREENS} screens, ${CHANGES} changes, state ${payload.length} bytes (Node ${process.version})`);
  console.log(`  XãSố (commit → screen, incl. 200 ms debounce): ${summary(rounds)}`);
  console.log(
    `  XãSố without the debounce: last screen p50 ${ms(
      pct(
        rounds.map((r) => r.last - 200),
        0.5,
      ),
    )}`,
  );
  console.log(`  state computations per change: ${perChange.toFixed(2)} (queries per change: ${perChange.toFixed(2)})`);
  console.log(`  memory per connection: heap ${(heapPer / 1024).toFixed(1)} KB (RSS moves by whole pages: ${(rssPer / 1024).toFixed(1)} KB)`);
  console.log(`  bare node:http broadcaster (write → screen): ${summary(bare)}`);
});
