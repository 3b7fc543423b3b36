import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Hono } from "hono";
import pino from "pino";
import sharp from "sharp";
import { createApp } from "../../src/app.ts";
import { wireDeps } from "../../src/bootstrap.ts";
import { loadConfig } from "../../src/config.ts";
import { importAdminUnits } from "../../src/modules/admin-units/index.ts";
import { SYSTEM_ACTOR } from "../../src/platform/events/domain-events.ts";
import { buildVillage, GIA_PHU } from "../../test/support/factories.ts";
import { buildReportCategory } from "../../test/support/report-factories.ts";
import { processImage } from "../../src/platform/files/image-pipeline.ts";
import { REPO_ROOT } from "../lib/child.ts";
import type { BenchOptions } from "../lib/options.ts";
import { withScratchDatabase } from "../lib/scratch-db.ts";

const REQUESTS = 300;
const CONCURRENCY = 8;
const ROUNDS = 3;
const TARGET_PHOTO_BYTES = 200 * 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const log = (s: string) => process.stderr.write(`[reports-submit] ${s}\n`);

/** A JPEG of about 200 KB: noise compresses badly, like a phone photo of a road. */
async function photoOf(target: number): Promise<Buffer> {
  let best: Buffer | null = null;
  for (const size of [400, 500, 600, 700, 800, 900, 1000, 1200]) {
    const img = await sharp({
      create: { width: size, height: Math.round(size * 0.75), channels: 3, background: "#777", noise: { type: "gaussian", mean: 120, sigma: 40 } },
    })
      .jpeg({ quality: 80 })
      .toBuffer();
    if (!best || Math.abs(img.length - target) < Math.abs(best.length - target)) best = img;
    if (img.length > target) break;
  }
  return best!;
}

/** `n` calls of fn, at most `c` at a time; answers per second. */
async function drive(n: number, c: number, fn: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (next < n) await fn(next++);
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

export async function runReportsSubmitBench(opts: BenchOptions): Promise<void> {
  if (opts.engine !== "system") throw new Error("--suite=reports-submit runs on the system server: add --engine=system");
  await withScratchDatabase(opts, "reports", async (db) => {
    // The flood limit is per address and every request here comes from this process: lifted for the measurement.
    const config = loadConfig({ NODE_ENV: "test", SERVED_PROVINCES: "15,19", LOG_LEVEL: "silent", FILING_MAX_PER_ADDRESS: "1000000" });
    const deps = wireDeps(config, db, pino({ level: "silent" }));
    await importAdminUnits(deps, { actor: SYSTEM_ACTOR, requestId: null });
    const app = createApp({ ...deps, oidc: null });
    const village = await buildVillage(deps, GIA_PHU, "Thôn Đo Lường");
    await buildReportCategory(deps, { code: "road", communeCode: GIA_PHU });
    const photo = await photoOf(TARGET_PHOTO_BYTES);
    const body = JSON.stringify({
      communeCode: GIA_PHU,
      categoryCode: "road",
      description: "Ổ gà lớn giữa đường liên thôn, xe máy dễ ngã, nhất là buổi tối khi trời mưa.",
      villageCode: village.code,
      landmark: "Cạnh cầu tràn",
      lat: 22.35,
      lon: 104.1,
      contact: { name: "Lò Thị Mai", phone: "0912345678" },
      photos: [{ name: "o-ga.jpg", contentType: "image/jpeg", contentBase64: photo.toString("base64") }],
    });
    log(
      `photo ${Math.round(photo.length / 1024)} KB, body ${Math.round(body.length / 1024)} KB; ${REQUESTS} requests × ${ROUNDS} rounds, ${CONCURRENCY} at a time`,
    );

    const xaso = async () => {
      const res = await app.request("/api/v1/reports", { method: "POST", body, headers: { "content-type": "application/json" } });
      if (res.status !== 201) throw new Error(`POST /api/v1/reports answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    };
    const bare = new Hono();
    bare.post("/r", async (c) => {
      const b = (await c.req.json()) as { photos: { contentBase64: string }[] };
      const bytes = Buffer.from(b.photos[0]!.contentBase64, "base64");
      return c.json({ ok: bytes.length }, 201);
    });
    const bareHono = async () => {
      const res = await bare.request("/r", { method: "POST", body, headers: { "content-type": "application/json" } });
      if (res.status !== 201) throw new Error("bare Hono failed");
      await res.arrayBuffer();
    };
    await db.query(
      "CREATE TABLE bench_bare_photos (id bigserial PRIMARY KEY, description text NOT NULL, bytes bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())",
    );
    const barePg = async () => {
      await db.query("INSERT INTO bench_bare_photos (description, bytes) VALUES ($1, $2)", ["Ổ gà", photo]);
    };

    // The photo alone through the platform's image pipeline (check, upright, 1600 px and 320 px JPEGs, no metadata):
    // what a report costs beyond the bare baselines is mostly this.
    const bareImage = async () => {
      await processImage(photo, { name: "o-ga.jpg", contentType: "image/jpeg" });
    };

    const results: Record<string, number[]> = { xaso: [], bareHono: [], barePg: [], bareImage: [] };
    for (const fn of [xaso, bareHono, barePg, bareImage]) for (let i = 0; i < 5; i++) await fn(); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      results.xaso!.push(await drive(REQUESTS, CONCURRENCY, xaso));
      results.bareHono!.push(await drive(REQUESTS, CONCURRENCY, bareHono));
      results.barePg!.push(await drive(REQUESTS, CONCURRENCY, barePg));
      results.bareImage!.push(await drive(REQUESTS, CONCURRENCY, bareImage));
    }
    const stored = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM reports")).rows[0]!.n);
    const summary = {
      suite: "reports-submit",
      at: new Date().toISOString(),
      photoBytes: photo.length,
      bodyBytes: body.length,
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      pool: opts.poolSize,
      reportsStored: stored,
      perSecond: {
        xasoReports: Math.round(median(results.xaso!)),
        bareHonoParse: Math.round(median(results.bareHono!)),
        barePgInsert: Math.round(median(results.barePg!)),
        bareImagePipeline: Math.round(median(results.bareImage!)),
      },
      rounds_perSecond: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.map((x) => Math.round(x))])),
    };
    console.log(JSON.stringify(summary, null, 2));
    const dir = path.join(REPO_ROOT, "bench", "results");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "reports-submit-system.json"), `${JSON.stringify(summary, null, 2)}\n`);
  });
}
