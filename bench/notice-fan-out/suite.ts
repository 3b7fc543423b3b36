// `npm run bench -- --engine=system --suite=notice-fan-out`: one notice to 100,000 residents (SMS + e-mail) in a
// scratch database on the system server, in process. Measures (1) the time to queue, the fan-out's one transaction
// (resolve the audience, insert the deliveries, queue one outbox message each), next to a bare INSERT … SELECT
// generate_series of the same rows; (2) the outbox draining those messages with a no-op transport, next to a bare pg
// UPDATE loop claiming batches of the same size, each for DRAIN_MS; (3) this process's peak RSS. Figures in docs/performance.md.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pino from "pino";
import { wireDeps } from "../../src/bootstrap.ts";
import { loadConfig } from "../../src/config.ts";
import { importAdminUnits } from "../../src/modules/admin-units/index.ts";
import { fanOutNotice } from "../../src/modules/notices/index.ts";
import { SYSTEM_ACTOR } from "../../src/platform/events/domain-events.ts";
import { createOutboxWorker } from "../../src/platform/jobs/outbox.ts";
import { buildVillage, GIA_PHU } from "../../test/support/factories.ts";
import { buildNotice } from "../../test/support/notice-factories.ts";
import { REPO_ROOT } from "../lib/child.ts";
import type { BenchOptions } from "../lib/options.ts";
import { withScratchDatabase } from "../lib/scratch-db.ts";

const RESIDENTS = 100_000;
const ACCOUNTS = 10_000; // residents with a linked account and an e-mail
const VILLAGES = 20;
/** The outbox worker's batch as main.ts runs it (the default of createOutboxWorker). */
const BATCH = 20;
/** Each drain runs this long (the whole queue at the measured rate would take minutes): a rate, not a total. */
const DRAIN_MS = 20_000;

const log = (s: string) => process.stderr.write(`[notice-fan-out] ${s}\n`);
const mb = (kb: number) => Math.round(kb / 1024);

export async function runNoticeFanOutBench(opts: BenchOptions): Promise<void> {
  if (opts.engine !== "system") throw new Error("--suite=notice-fan-out runs on the system server: add --engine=system");
  await withScratchDatabase(opts, "fanout", async (db) => {
    // No daily cap: every message is due now, so the drain measures the whole queue.
    const config = loadConfig({ NODE_ENV: "test", SERVED_PROVINCES: "15,19", LOG_LEVEL: "silent", NOTICE_SMS_DAILY_CAP: "0" });
    const deps = wireDeps(config, db, pino({ level: "silent" }));
    await importAdminUnits(deps, { actor: SYSTEM_ACTOR, requestId: null });
    const villages: string[] = [];
    for (let i = 0; i < VILLAGES; i++) villages.push((await buildVillage(deps, GIA_PHU, `Thôn Đo ${i + 1}`)).code);
    const t0 = performance.now();
    // Seeded in one transaction without triggers (migration 0024's coverage rollups fire per row and would take
    // minutes here; the fan-out does not read them). A scratch database, so nothing else depends on them.
    await db.tx(async (q) => {
      await q.query("SET LOCAL session_replication_role = replica");
      await q.query(
        `INSERT INTO households (commune_code, village_code, unit_path, address)
       SELECT $1, v.code, v.path, 'Số ' || g FROM generate_series(1, $2::int) g
       JOIN admin_unit_refs v ON v.code = ($3::text[])[1 + g % $4::int]`,
        [GIA_PHU, RESIDENTS / 4, villages, VILLAGES],
      );
      await q.query(
        `INSERT INTO residents (household_id, commune_code, village_code, unit_path, full_name, search_name, birth_year, phone)
       SELECT h.id, h.commune_code, h.village_code, h.unit_path, 'Cư dân ' || g, 'cu dan ' || g, 1950 + g % 60, '09' || lpad(((h.n - 1) * 4 + g)::text, 8, '0')
         FROM (SELECT id, commune_code, village_code, unit_path, row_number() OVER (ORDER BY id) AS n FROM households) h, generate_series(1, 4) g`,
      );
      await q.query(
        `WITH u AS (INSERT INTO users (username, display_name, kind, email) SELECT 'c' || g, 'Công dân ' || g, 'citizen', 'c' || g || '@example.vn'
                    FROM generate_series(1, $1::int) g RETURNING id, email),
            p AS (INSERT INTO citizen_profiles (user_id, full_name, email) SELECT id, 'Công dân', email FROM u RETURNING user_id)
       UPDATE residents r SET user_id = x.user_id
         FROM (SELECT p.user_id, row_number() OVER () AS n FROM p) x,
              (SELECT id, row_number() OVER (ORDER BY id) AS n FROM residents) rr
        WHERE rr.n = x.n AND r.id = rr.id`,
        [ACCOUNTS],
      );
    });
    await db.query("VACUUM ANALYZE");
    log(`seeded ${RESIDENTS} residents (${ACCOUNTS} with an e-mail) in ${VILLAGES} villages in ${Math.round(performance.now() - t0)} ms`);

    const notice = await buildNotice(deps, { scope: "commune", channels: ["web", "sms", "email"], status: "published" });
    const rssBefore = process.memoryUsage().rss;
    const q0 = performance.now();
    const result = await fanOutNotice(deps, notice.id);
    const queueMs = performance.now() - q0;
    const peakRssKb = process.resourceUsage().maxRSS;
    if (result.outcome !== "done") throw new Error(`fan-out: ${result.outcome}`);
    const deliveries = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM notice_deliveries")).rows[0]!.n);
    const queued = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM outbox WHERE topic LIKE 'notices.%'")).rows[0]!.n);
    log(`fan-out: ${deliveries} deliveries, ${queued} outbox messages in ${Math.round(queueMs)} ms`);

    // Baseline (1): the same rows written bare, in one transaction: deliveries-like and outbox-like tables.
    await db.query("CREATE TABLE bench_deliveries (id bigserial PRIMARY KEY, notice_id uuid, channel text, address text, status text DEFAULT 'queued')");
    await db.query("CREATE TABLE bench_outbox (id bigserial PRIMARY KEY, payload jsonb, dedupe_key text UNIQUE, status text DEFAULT 'pending')");
    const b0 = performance.now();
    await db.tx(async (q) => {
      await q.query(
        "INSERT INTO bench_deliveries (notice_id, channel, address) SELECT $1, 'sms', '+849' || lpad(g::text, 8, '0') FROM generate_series(1, $2::int) g",
        [notice.id, deliveries],
      );
      await q.query(
        `INSERT INTO bench_outbox (payload, dedupe_key) SELECT jsonb_build_object('deliveryId', g, 'to', '+849' || lpad(g::text, 8, '0'), 'text', 'Lich tiem chung'), 'd:' || g
           FROM generate_series(1, $1::int) g`,
        [deliveries],
      );
    });
    const bareQueueMs = performance.now() - b0;

    // (2) Draining: the real worker with no-op handlers, then a bare UPDATE loop of the same batch size.
    const noop = async () => undefined;
    const worker = createOutboxWorker({
      db,
      log: pino({ level: "silent" }),
      clock: deps.clock,
      handlers: { "notices.sms": noop, "notices.email": noop },
      batchSize: BATCH,
    });
    const d0 = performance.now();
    let sent = 0;
    while (performance.now() - d0 < DRAIN_MS) {
      const r = await worker.runOnce();
      sent += r.sent;
      if (r.sent + r.failed + r.dead === 0) break;
    }
    const drainMs = performance.now() - d0;
    const e0 = performance.now();
    let bareSent = 0;
    while (performance.now() - e0 < DRAIN_MS) {
      const r = await db.query(
        `UPDATE bench_outbox SET status = 'sent' WHERE id IN (SELECT id FROM bench_outbox WHERE status = 'pending' ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)`,
        [BATCH],
      );
      if (!r.rowCount) break;
      bareSent += r.rowCount;
    }
    const bareDrainMs = performance.now() - e0;

    const summary = {
      suite: "notice-fan-out",
      at: new Date().toISOString(),
      residents: RESIDENTS,
      accountsWithEmail: ACCOUNTS,
      deliveries,
      outboxMessages: queued,
      channels: result.channels,
      queue: {
        xasoFanOutMs: Math.round(queueMs),
        bareInsertSelectMs: Math.round(bareQueueMs),
        ratio: Number((queueMs / bareQueueMs).toFixed(2)),
      },
      drain: {
        batch: BATCH,
        xasoOutboxPerSecond: Math.round(sent / (drainMs / 1000)),
        bareUpdateLoopPerSecond: Math.round(bareSent / (bareDrainMs / 1000)),
        xasoSent: sent,
        bareSent,
      },
      memory: { rssBeforeFanOutMb: mb(rssBefore / 1024), peakRssMb: mb(peakRssKb) },
      pool: opts.poolSize,
    };
    console.log(JSON.stringify(summary, null, 2));
    const dir = path.join(REPO_ROOT, "bench", "results");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "notice-fan-out-system.json"), `${JSON.stringify(summary, null, 2)}\n`);
  });
}
