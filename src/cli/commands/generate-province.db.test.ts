// The synthetic province at a tiny size: what it writes (counts per table, as dossier_facts reads them), that a seed
// always writes the same rows and another seed other ones, and that the command refuses a production database.
import { Readable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_ENV } from "../../../test/support/test-app.ts";
import { createTestDatabase, describeDb, type TestDatabase } from "../../../test/support/test-db.ts";
import { generateSyntheticProvince, PROVINCE_DEFAULTS, ProvinceExistsError, type SyntheticProvinceOptions } from "../../demo/synthetic-province.ts";
import type { Database } from "../../platform/db/database.ts";
import { runCli } from "../cli.ts";
import type { CliStreams } from "../io.ts";

const TINY: SyntheticProvinceOptions = {
  ...PROVINCE_DEFAULTS,
  provinceCode: "98",
  seed: 7,
  communes: 2,
  households: 40,
  dossiers: 200,
  reports: 50,
  years: 1,
  lastDay: "2026-11-30",
};

/** One digest per table over every column that the generation chooses (not the database's own serials). */
async function fingerprint(db: Database): Promise<Record<string, string>> {
  const { rows } = await db.query<Record<string, string>>(
    `SELECT
       (SELECT md5(string_agg(d::text, '|' ORDER BY d.id)) FROM (SELECT id, code, commune_code, state, channel, received_at, due_at, finished_at, fee_amount, fee_status, rating FROM dossiers) d) AS dossiers,
       (SELECT md5(string_agg(e::text, '|' ORDER BY e.dossier_id, e.at, e.to_state)) FROM (SELECT dossier_id, action, to_state, at FROM dossier_events) e) AS events,
       (SELECT md5(string_agg(h::text, '|' ORDER BY h.id)) FROM (SELECT id, village_code, address FROM households) h) AS households,
       (SELECT md5(string_agg(r::text, '|' ORDER BY r.id)) FROM (SELECT id, birth_year, sex FROM residents) r) AS residents,
       (SELECT md5(string_agg(r::text, '|' ORDER BY r.id)) FROM (SELECT id, village_code, status, created_at, answered_at FROM reports) r) AS reports`,
  );
  return rows[0]!;
}

async function xaso(args: string[], url: string, env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const io: CliStreams = {
    env: { ...TEST_ENV, XASO_LANG: "en", DATABASE_URL: url, ...env },
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    stdin: Readable.from([]),
    log: pino({ level: "silent" }),
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

describeDb("synthetic province", () => {
  const dbs: TestDatabase[] = [];
  let a: TestDatabase;
  beforeAll(async () => {
    a = await createTestDatabase();
    dbs.push(a);
    await a.db.session((s) => generateSyntheticProvince(s, TINY));
  });
  afterAll(async () => {
    for (const t of dbs) await t.drop();
  });

  it("writes the asked-for communes, villages, households of four, dossiers over the span and reports", async () => {
    const { rows } = await a.db.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM admin_units WHERE parent_code = '98')::int AS communes,
              (SELECT count(*) FROM admin_units WHERE level = 'village' AND path LIKE '/98/%')::int AS villages,
              (SELECT count(*) FROM households WHERE unit_path LIKE '/98/%')::int AS households,
              (SELECT count(*) FROM residents WHERE unit_path LIKE '/98/%')::int AS residents,
              (SELECT count(*) FROM dossiers WHERE unit_path LIKE '/98/%')::int AS dossiers,
              (SELECT count(*) FROM dossier_facts WHERE unit_path LIKE '/98/%')::int AS facts,
              (SELECT count(*) FROM reports WHERE unit_path LIKE '/98/%')::int AS reports,
              (SELECT count(*) FROM household_coverage WHERE unit_path LIKE '/98/%')::int AS rollups,
              (SELECT count(DISTINCT commune_code) FROM dossiers WHERE unit_path LIKE '/98/%')::int AS dossier_communes,
              (SELECT count(*) FROM dossier_facts WHERE unit_path LIKE '/98/%' AND timing = 'late')::int AS late,
              (SELECT count(*) FROM dossier_facts WHERE unit_path LIKE '/98/%' AND channel = 'online')::int AS online,
              (SELECT count(*) FROM dossier_facts WHERE unit_path LIKE '/98/%' AND digitised)::int AS digitised,
              (SELECT count(*) FROM dossier_facts WHERE unit_path LIKE '/98/%' AND fee_cashless)::int AS cashless,
              (SELECT min(received_at) >= '2025-11-29' AND max(received_at) < '2026-12-01' FROM dossiers WHERE unit_path LIKE '/98/%')::int AS in_span`,
    );
    const r = rows[0]!;
    expect(r).toMatchObject({ communes: 2, villages: 20, households: 40, residents: 160, dossiers: 200, facts: 200, reports: 50, rollups: 40 });
    expect(r.dossier_communes).toBe(2);
    expect(r.in_span).toBe(1);
    // Some of each thing an indicator counts, never all of them.
    for (const k of ["late", "online", "digitised", "cashless"] as const) {
      expect(r[k]).toBeGreaterThan(0);
      expect(r[k]).toBeLessThan(200);
    }
  });

  it("writes the same rows for the same seed and other rows for another seed", async () => {
    const b = await createTestDatabase();
    const c = await createTestDatabase();
    dbs.push(b, c);
    await b.db.session((s) => generateSyntheticProvince(s, TINY));
    await c.db.session((s) => generateSyntheticProvince(s, { ...TINY, seed: 8 }));
    const [fa, fb, fc] = await Promise.all([fingerprint(a.db), fingerprint(b.db), fingerprint(c.db)]);
    expect(fb).toEqual(fa);
    for (const table of ["dossiers", "events", "households", "residents", "reports"]) expect(fc[table]).not.toBe(fa[table]);
  });

  it("refuses to generate a province that is already there, adding nothing", async () => {
    const before = (await a.db.query<{ n: number }>("SELECT count(*)::int AS n FROM dossiers")).rows[0]!.n;
    await expect(a.db.session((s) => generateSyntheticProvince(s, TINY))).rejects.toBeInstanceOf(ProvinceExistsError);
    expect((await a.db.query<{ n: number }>("SELECT count(*)::int AS n FROM dossiers")).rows[0]!.n).toBe(before);
  });

  it("the command prints what it wrote, and refuses a production database, writing nothing", async () => {
    const t = await createTestDatabase();
    dbs.push(t);
    const args = ["generate-province", "--province", "97", "--communes", "2", "--households", "20", "--dossiers", "30", "--reports", "10", "--years", "1"];
    const prod = await xaso(args, t.url, {
      NODE_ENV: "production",
      SESSION_SECRET: "q7Vd0xK3mZ9pL2sR8tY4wB6nH1cF5gJ0aE3uI7oP9kM",
      PUBLIC_URL: "https://xa.example.vn",
    });
    expect(prod.code).toBe(1);
    expect(prod.err).toContain("refused: NODE_ENV=production");
    await t.db.query("COMMENT ON TABLE schema_migrations IS 'xaso:production'");
    const marked = await xaso(args, t.url);
    expect(marked.code).toBe(1);
    expect(marked.err).toContain("marked as a production database");
    expect((await t.db.query("SELECT 1 FROM admin_units WHERE code = '97'")).rowCount).toBe(0);

    await t.db.query("COMMENT ON TABLE schema_migrations IS NULL");
    const ok = await xaso(args, t.url);
    expect(ok.err).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("dossiers: 30 rows");
    expect(ok.out).toContain("reports: 10 rows");
    const bad = await xaso(["generate-province", "--dossiers", "-5"], t.url);
    expect(bad.code).toBe(64);
  });
});
