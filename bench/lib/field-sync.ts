// `npm run bench -- --suite=field-sync --engine=system`: the field sync's server side (docs/community/field-sync.md).
// One batch of 500 queued visits sent to POST /api/v1/field/sync, and the snapshot of 200 households, through the
// real app in this process (app.request: routing, middleware, validation, use cases, PostgreSQL; no sockets), next
// to a bare baseline in the same run: the same 500 visit rows inserted with plain SQL (one INSERT of 500 rows, and
// 500 INSERTs in one transaction). Times are medians of several rounds, each with fresh ids.
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import pg from "pg";
import pino from "pino";
import { createApp } from "../../src/app.ts";
import { wireDeps } from "../../src/bootstrap.ts";
import { loadConfig } from "../../src/config.ts";
import { importAdminUnits } from "../../src/modules/admin-units/index.ts";
import { SYSTEM_ACTOR } from "../../src/platform/events/domain-events.ts";
import { searchKey } from "../../src/platform/text/search-key.ts";
import { CSRF_FIELD, csrfCookieName, csrfTokenFor } from "../../src/platform/http/csrf.ts";
import { sessionCookieName } from "../../src/platform/http/middleware.ts";
import { buildUser, buildVillage, GIA_PHU, PASSWORD } from "../../test/support/factories.ts";
import { REPO_ROOT } from "./child.ts";
import type { BenchOptions } from "./options.ts";
import { withScratchDatabase } from "./scratch-db.ts";

const HOUSEHOLDS = 200;
const MEMBERS = 4;
const VISITS = 500;
const ROUNDS = 5;
const SNAPSHOT_READS = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => Math.round(x * 10) / 10;
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const log = (s: string) => process.stderr.write(`[field-sync] ${s}\n`);

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", ...headers },
});

/** A browser stand-in for app.request (the test harness's client imports vitest): cookies and the CSRF token. */
class Client {
  private readonly cookies = new Map<string, string>([[csrfCookieName(false), "bench-csrf-seed-0123456789"]]);
  constructor(
    private readonly app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
    private readonly secret: string,
  ) {}
  get csrfToken() {
    return csrfTokenFor(this.cookies.get(csrfCookieName(false))!, this.secret, this.cookies.get(sessionCookieName(false)) ?? null);
  }
  async request(p: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await this.app.request(p, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const i = pair.indexOf("=");
      if (pair.slice(i + 1)) this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    return res;
  }
  get(p: string, headers: Record<string, string> = {}) {
    return this.request(p, { headers });
  }
  async signIn(username: string, password: string) {
    const body = new URLSearchParams({ username, password, [CSRF_FIELD]: this.csrfToken });
    const res = await this.request("/sign-in", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  }
}

export async function runFieldSyncBench(opts: BenchOptions): Promise<void> {
  if (opts.engine !== "system") throw new Error("--suite=field-sync runs on the system server: add --engine=system");
  await withScratchDatabase(opts, "sync", async (db, url) => {
    const config = loadConfig({ NODE_ENV: "test", SERVED_PROVINCES: "15,19", LOG_LEVEL: "silent" });
    const deps = wireDeps(config, db, pino({ level: "silent" }));
    await importAdminUnits(deps, { actor: SYSTEM_ACTOR, requestId: null });
    const app = createApp({ ...deps, oidc: null });

    // A village, a team leader and a volunteer, 200 households of 4 people assigned to the volunteer.
    const village = await buildVillage(deps, GIA_PHU, "Thôn Đo Lường");
    const volunteer = await buildUser(deps, { kind: "volunteer", roles: [["volunteer", village.code]] });
    const leader = await buildUser(deps, { kind: "volunteer", roles: [["team_leader", village.code]] });
    const teamId = randomUUID();
    const households: { id: string; residents: string[] }[] = Array.from({ length: HOUSEHOLDS }, () => ({
      id: randomUUID(),
      residents: Array.from({ length: MEMBERS }, () => randomUUID()),
    }));
    await db.tx(async (q) => {
      await q.query("INSERT INTO digital_teams (id, commune_code, village_code, unit_path, name, leader_user_id) VALUES ($1, $2, $3, $4, 'Tổ 1', $5)", [
        teamId,
        GIA_PHU,
        village.code,
        village.path,
        leader.id,
      ]);
      await q.query("INSERT INTO team_members (team_id, user_id) VALUES ($1, $2), ($1, $3)", [teamId, leader.id, volunteer.id]);
      const given = ["Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Văn Đức", "Thị Hoa", "Văn Hùng", "Thị Lan"];
      const families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Lò", "Hà"];
      for (const [i, h] of households.entries()) {
        await q.query("INSERT INTO households (id, commune_code, village_code, unit_path, address, poverty) VALUES ($1, $2, $3, $4, $5, $6)", [
          h.id,
          GIA_PHU,
          village.code,
          village.path,
          `Số ${i + 1}, ngõ ${(i % 17) + 1}, ${village.name}`,
          i % 9 === 0 ? "poor" : null,
        ]);
        for (const [j, rid] of h.residents.entries()) {
          const fullName = `${families[i % families.length]} ${given[(i + j) % given.length]}`;
          await q.query(
            `INSERT INTO residents (id, household_id, commune_code, village_code, unit_path, relation_to_head, full_name, search_name, birth_year, sex, phone, flags)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
            [
              rid,
              h.id,
              GIA_PHU,
              village.code,
              village.path,
              ["head", "spouse", "child", "parent"][j],
              fullName,
              searchKey(fullName),
              [1968, 1971, 1995, 1942][j],
              j % 2 ? "female" : "male",
              j < 2 ? `09${String(12_000_000 + i * 4 + j).padStart(8, "0")}` : null,
              j === 3 ? ["elderly_alone"] : [],
            ],
          );
        }
        await q.query("UPDATE households SET head_id = $2 WHERE id = $1", [h.id, h.residents[0]]);
      }
      await q.query("INSERT INTO household_assignments (household_id, team_id, member_user_id) SELECT unnest($1::uuid[]), $2, $3", [
        households.map((h) => h.id),
        teamId,
        volunteer.id,
      ]);
    });
    await db.query("VACUUM ANALYZE").catch(() => undefined);
    const client = new Client(app, config.sessionSecret);
    await client.signIn(volunteer.username, PASSWORD);
    log(`${HOUSEHOLDS} households × ${MEMBERS} people assigned to one volunteer`);

    // The snapshot: raw and gzip sizes, and the server time of a gzip answer.
    const raw = await client.get("/api/v1/field/snapshot");
    if (raw.status !== 200) throw new Error(`snapshot answered ${raw.status}`);
    const rawBytes = (await raw.arrayBuffer()).byteLength;
    const snapTimes: number[] = [];
    let gzBytes = 0;
    for (let i = 0; i < SNAPSHOT_READS; i++) {
      const t0 = performance.now();
      const res = await client.get("/api/v1/field/snapshot", { "accept-encoding": "gzip" });
      gzBytes = (await res.arrayBuffer()).byteLength;
      snapTimes.push(performance.now() - t0);
      if (res.headers.get("content-encoding") !== "gzip") throw new Error("the snapshot was not gzipped");
    }
    log(`snapshot: ${kb(rawBytes)} KB raw, ${kb(gzBytes)} KB gzip, p50 ${ms(median(snapTimes))} ms`);

    // 500 visits, as a device queues them after a few days offline.
    const batchOf = () => {
      const items = Array.from({ length: VISITS }, (_, i) => {
        const h = households[i % HOUSEHOLDS]!;
        return {
          itemId: randomUUID(),
          kind: "visit" as const,
          visit: {
            id: randomUUID(),
            householdId: h.id,
            visitedOn: `2026-11-${String(10 + (i % 18)).padStart(2, "0")}`,
            present: h.residents.slice(0, 2),
            skills: [
              { residentId: h.residents[0]!, skillKey: "vneid_level2", confirmed: "seen" as const },
              { residentId: h.residents[1]!, skillKey: "cashless_payment", confirmed: i % 3 ? ("self_declared" as const) : null },
            ],
            outcome: (["helped", "not_home", "follow_up"] as const)[i % 3]!,
            nextStep: i % 3 === 2 ? "Quay lại cài VNeID mức 2 cho bà" : undefined,
            notes: "Đã hướng dẫn kích hoạt tài khoản định danh, cài ứng dụng và thanh toán không dùng tiền mặt.",
            recordedAt: "2026-11-20T09:30:00+07:00",
          },
        };
      });
      return { batchId: randomUUID(), deviceId: randomUUID(), items };
    };
    const csrf = { "x-csrf-token": client.csrfToken };
    const syncTimes: number[] = [];
    let payload = "";
    let answerBytes = 0;
    let lastBatch = batchOf();
    for (let round = 0; round < ROUNDS; round++) {
      lastBatch = batchOf();
      payload = JSON.stringify(lastBatch);
      const t0 = performance.now();
      const res = await client.request("/api/v1/field/sync", json(lastBatch, csrf));
      const body = (await res.json()) as { results: { outcome: string }[] };
      syncTimes.push(performance.now() - t0);
      answerBytes = JSON.stringify(body).length;
      const applied = body.results.filter((r) => r.outcome === "applied").length;
      if (res.status !== 200 || applied !== VISITS) throw new Error(`sync answered ${res.status} with ${applied} applied`);
      log(`sync round ${round + 1}: ${ms(syncTimes.at(-1)!)} ms`);
    }
    // Diagnostics: under `tsx --import ./bench/lib/sql-trace.ts` with BENCH_SQL_TRACE set, dump the sync's statements.
    if (process.env.BENCH_SQL_TRACE) process.kill(process.pid, "SIGUSR2");
    const t0 = performance.now();
    const replay = await client.request("/api/v1/field/sync", json(lastBatch, csrf));
    const replayed = (await replay.json()) as { results: { outcome: string }[] };
    const replayMs = performance.now() - t0;
    if (replayed.results.some((r) => r.outcome !== "duplicate")) throw new Error("the replay applied something");

    // The baseline: the same 500 rows, bare SQL.
    const rowsOf = (batch: ReturnType<typeof batchOf>) =>
      batch.items.map((it) => [
        randomUUID(),
        it.visit.householdId,
        GIA_PHU,
        village.path,
        teamId,
        volunteer.id,
        it.visit.visitedOn,
        it.visit.present,
        JSON.stringify(it.visit.skills),
        it.visit.outcome,
        it.visit.nextStep ?? null,
        it.visit.notes,
        it.visit.recordedAt,
      ]);
    const COLS =
      "id, household_id, commune_code, unit_path, team_id, volunteer_user_id, visited_on, present, skills_helped, outcome, next_step, notes, recorded_at";
    const bareOne: number[] = [];
    const bareEach: number[] = [];
    const pgc = new pg.Client({ connectionString: url });
    await pgc.connect();
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const rows = rowsOf(batchOf()).map((r) =>
          Object.fromEntries(COLS.split(", ").map((c, i) => [c, c === "skills_helped" ? JSON.parse(r[i] as string) : r[i]])),
        );
        let t = performance.now();
        await pgc.query(`INSERT INTO visits (${COLS}) SELECT ${COLS} FROM json_populate_recordset(null::visits, $1::json)`, [JSON.stringify(rows)]);
        bareOne.push(performance.now() - t);
        const each = rowsOf(batchOf());
        t = performance.now();
        await pgc.query("BEGIN");
        for (const r of each) await pgc.query(`INSERT INTO visits (${COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, r);
        await pgc.query("COMMIT");
        bareEach.push(performance.now() - t);
      }
    } finally {
      await pgc.end();
    }

    const report = {
      suite: "field-sync",
      engine: opts.engine,
      startedAt: new Date().toISOString(),
      households: HOUSEHOLDS,
      peoplePerHousehold: MEMBERS,
      snapshot: {
        rawBytes,
        gzipBytes: gzBytes,
        p50Ms: ms(median(snapTimes)),
        minMs: ms(Math.min(...snapTimes)),
        maxMs: ms(Math.max(...snapTimes)),
        reads: SNAPSHOT_READS,
      },
      sync: {
        visits: VISITS,
        payloadBytes: Buffer.byteLength(payload),
        payloadGzipBytes: gzipSync(payload).byteLength,
        answerBytes,
        answerGzipBytes: gzipSync(JSON.stringify(replayed)).byteLength,
        medianMs: ms(median(syncTimes)),
        roundsMs: syncTimes.map(ms),
        perVisitMs: ms(median(syncTimes) / VISITS),
        replayMs: ms(replayMs),
      },
      baseline: { oneInsertMedianMs: ms(median(bareOne)), insertsInOneTxMedianMs: ms(median(bareEach)) },
    };
    const out = path.join(REPO_ROOT, "bench", "results");
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, `field-sync-${opts.engine}.json`), `${JSON.stringify(report, null, 2)}\n`);
    const lines = [
      "",
      `field sync (${opts.engine}), ${ROUNDS} rounds, medians`,
      `  snapshot, ${HOUSEHOLDS} households × ${MEMBERS} people: ${kb(rawBytes)} KB raw, ${kb(gzBytes)} KB gzip; ${report.snapshot.p50Ms} ms (p50 of ${SNAPSHOT_READS})`,
      `  sync, ${VISITS} visits in one batch: ${kb(report.sync.payloadBytes)} KB raw, ${kb(report.sync.payloadGzipBytes)} KB gzip; ${report.sync.medianMs} ms (${report.sync.perVisitMs} ms a visit); replay ${report.sync.replayMs} ms`,
      `  baseline, the same 500 rows: one INSERT ${report.baseline.oneInsertMedianMs} ms; 500 INSERTs in one transaction ${report.baseline.insertsInOneTxMedianMs} ms`,
      `Written: bench/results/field-sync-${opts.engine}.json`,
      "",
    ];
    process.stdout.write(lines.join("\n"));
  });
}
