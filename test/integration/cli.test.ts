// The `xaso` command line: each command against a fresh database, mostly in-process through runCli
// (same dispatch, messages and exit codes as the real process), plus a few real processes.
import { listMigrations } from "../../src/platform/db/migrator.ts";
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wireDeps } from "../../src/bootstrap.ts";
import { runCli } from "../../src/cli/cli.ts";
import { cliLocale, type CliStreams } from "../../src/cli/io.ts";
import { loadConfig } from "../../src/config.ts";
import { countUnits, OFFICIAL_LIST } from "../../src/modules/admin-units/index.ts";
import { sealAudit, verifyAudit } from "../../src/platform/audit/index.ts";
import type { Database } from "../../src/platform/db/database.ts";
import { coreEn as en } from "../../src/platform/i18n/catalogue.en.ts";
import { coreVi as vi } from "../../src/platform/i18n/catalogue.vi.ts";
import { buildUser, buildVillage, GIA_PHU } from "../support/factories.ts";
import { TEST_ENV } from "../support/test-app.ts";
import { createTestDatabase, describeDb, type TestDatabase } from "../support/test-db.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const silent = pino({ level: "silent" });

type Run = { code: number; out: string; err: string };

/** Runs `xaso …args` in this process against the given database; in English unless opts.env sets XASO_LANG. */
async function xaso(args: string[], opts: { url: string; env?: Record<string, string>; stdin?: string }): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliStreams = {
    env: { ...TEST_ENV, XASO_LANG: "en", DATABASE_URL: opts.url, ...opts.env },
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    stdin: Readable.from(opts.stdin === undefined ? [] : [opts.stdin]),
    log: silent,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

/** Runs the real process (node --import tsx …) and collects its output and exit code; English unless env sets XASO_LANG. */
function xasoProcess(entry: string[], args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", XASO_LANG: "en", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? -1, out, err }));
  });
}

async function userTables(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ t: string }>(
    `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'schema_migrations' ORDER BY 1`,
  );
  return rows.map((r) => r.t);
}

/** Every row of every table, as sorted JSON text: two databases hold the same data iff these are equal. */
async function dump(db: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await userTables(db)) {
    const { rows } = await db.query<{ j: string }>(`SELECT to_jsonb(x)::text AS j FROM "${t}" x ORDER BY 1`);
    out[t] = rows.map((r) => r.j);
  }
  return out;
}

async function rowCounts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await userTables(db)) out[t] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0]!.n;
  return out;
}

/** A database with no tables at all (as a new external PostgreSQL would be). */
async function wipe(db: Database) {
  await db.query("DROP SCHEMA public CASCADE");
  await db.query("CREATE SCHEMA public");
}

/** Runs SQL on audit_log with its append-only trigger switched off, as someone tampering would. */
async function tamper(db: Database, sql: string) {
  await db.tx(async (q) => {
    await q.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
    await q.query(sql);
    await q.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
  });
}

/** A database with `n` extra audit entries after the template's import entry. */
async function withAuditEntries(n: number): Promise<TestDatabase> {
  const t = await createTestDatabase();
  const deps = wireDeps(loadConfig(TEST_ENV), t.db, silent);
  for (let i = 1; i <= n; i++) {
    await t.db.tx((q) =>
      deps.events.publish(q, {
        type: "test.event",
        actor: { userId: null, label: "test" },
        target: { type: "thing", id: String(i) },
        adminUnitCode: "15",
        requestId: null,
        details: { i },
      }),
    );
  }
  await sealAudit(t.db); // as the running server does every second
  return t;
}

describe("xaso (no database needed)", () => {
  it("prints help and exits 0; an unknown command exits 64", async () => {
    const help = await xaso(["help"], { url: "postgres://unused/x" });
    expect(help.code).toBe(0);
    for (const name of ["migrate", "seed-demo", "import-admin-units", "create-admin", "audit-verify", "db"]) expect(help.out).toContain(name);
    expect((await xaso(["help", "db"], { url: "postgres://unused/x" })).out).toContain("db export --to");
    const unknown = await xaso(["frobnicate"], { url: "postgres://unused/x" });
    expect(unknown.code).toBe(64);
    expect(unknown.err).toContain('unknown command "frobnicate"');
  });

  it("speaks Vietnamese by default and English with XASO_LANG=en", async () => {
    const url = "postgres://unused/x";
    const vietnamese = await xaso(["db", "copy"], { url, env: { XASO_LANG: "" } });
    expect(vietnamese.code).toBe(64);
    expect(vietnamese.err).toContain('Không có lệnh con db "copy".');
    expect(vietnamese.err).toContain("Cách dùng: xaso db export");
    const english = await xaso(["db", "copy"], { url });
    expect(english.code).toBe(64);
    expect(english.err).toContain('Unknown db subcommand "copy".');
    expect(english.err).toContain("Usage: xaso db export");
    // The language is chosen by XASO_LANG, then LC_ALL / LANG, else Vietnamese.
    expect(cliLocale({})).toBe("vi");
    expect(cliLocale({ LANG: "C.UTF-8" })).toBe("vi");
    expect(cliLocale({ LANG: "en_US.UTF-8" })).toBe("en");
    expect(cliLocale({ LANG: "en_US.UTF-8", LC_ALL: "vi_VN.UTF-8" })).toBe("vi");
    expect(cliLocale({ LANG: "en_US.UTF-8", XASO_LANG: "vi" })).toBe("vi");
    expect(cliLocale({ LANG: "vi_VN.UTF-8", XASO_LANG: "en" })).toBe("en");
    // Unknown option and help, both languages.
    expect((await xaso(["migrate", "--bogus"], { url, env: { XASO_LANG: "vi" } })).err).toContain("Không có tùy chọn --bogus.");
    expect((await xaso(["migrate", "--bogus"], { url })).err).toContain("Unknown option --bogus.");
    expect((await xaso(["help"], { url, env: { XASO_LANG: "vi" } })).out).toContain("Dòng lệnh XãSố");
  });

  it("has every cli. message in both catalogues, none empty", () => {
    const cliKeys = (cat: Record<string, string>) =>
      Object.keys(cat)
        .filter((k) => k.startsWith("cli."))
        .sort();
    expect(cliKeys(vi).length).toBeGreaterThan(50);
    expect(cliKeys(en)).toEqual(cliKeys(vi));
    for (const k of cliKeys(vi)) {
      expect((vi as Record<string, string>)[k]!.trim(), k).not.toBe("");
      expect(en[k as keyof typeof en].trim(), k).not.toBe("");
      // Same placeholders in both languages.
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en[k as keyof typeof en]), k).toEqual(names((vi as Record<string, string>)[k]!));
    }
  });

  it("lists every bad variable and exits 78 (real process)", async () => {
    const r = await xasoProcess(["--import", "tsx", "src/cli/main.ts"], ["migrate"], {
      PORT: "not-a-port",
      SESSION_SECRET: "short",
      DATABASE_URL: "mysql://x",
    });
    expect(r.code).toBe(78);
    expect(r.err).toContain("PORT");
    expect(r.err).toContain("SESSION_SECRET");
    expect(r.err).toContain("DATABASE_URL");
  });
});

describeDb("xaso migrate", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await wipe(t.db);
  });
  afterAll(() => t?.drop());

  it("applies the migrations once, then nothing (idempotent)", async () => {
    const first = await xaso(["migrate"], { url: t.url });
    expect(first.code).toBe(0);
    expect(first.out).toContain("0001_core.sql");
    const second = await xaso(["migrate"], { url: t.url });
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/up to date/);
    expect(second.out).not.toContain("0001_core.sql");
    const { rows } = await t.db.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
    expect(rows.map((r) => r.name)).toEqual((await listMigrations()).map((m) => m.name));
    // migrate alone loads no data.
    expect(await countUnits(t.db)).toEqual({ province: 0, district: 0, commune: 0, village: 0 });
  });
});

describeDb("xaso seed-demo", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());
  const production = { NODE_ENV: "production", SESSION_SECRET: "q7Vd0xK3mZ9pL2sR8tY4wB6nH1cF5gJ0aE3uI7oP9kM", PUBLIC_URL: "https://xa.example.vn" };
  const accounts = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users")).rows[0]!.n;

  it("refuses in production mode, and on a database a production start has marked, whatever the command's mode", async () => {
    const prod = await xaso(["seed-demo"], { url: t.url, env: production });
    expect(prod.code).toBe(1);
    expect(prod.err).toContain("xaso seed-demo: refused: NODE_ENV=production");
    const vietnamese = await xaso(["seed-demo"], { url: t.url, env: { ...production, XASO_LANG: "vi" } });
    expect(vietnamese.err).toContain("từ chối: NODE_ENV=production");
    const seedFlag = await xaso(["seed-demo"], { url: t.url, env: { ...production, SEED_DEMO: "true" } });
    expect(seedFlag.code).toBe(78);
    expect(seedFlag.err).toContain("SEED_DEMO: must not be true in production");
    expect(await accounts()).toBe(0);

    // Any start in production mode (here `xaso migrate`) marks the database; a development-mode seed-demo then refuses.
    expect((await xaso(["migrate"], { url: t.url, env: production })).code).toBe(0);
    const dev = await xaso(["seed-demo"], { url: t.url });
    expect(dev.code).toBe(1);
    expect(dev.err).toContain("marked as a production database");
    // So does a development-mode server that would load the demo (real process): it names SEED_DEMO and exits 78.
    const server = await xasoProcess(["--import", "tsx", "src/main.ts"], [], { DATABASE_URL: t.url, SEED_DEMO: "true", PORT: "0", LOG_LEVEL: "silent" });
    expect(server.code).toBe(78);
    expect(server.err).toContain("SEED_DEMO: the database is marked as a production database");
    expect(await accounts()).toBe(0);

    // A copy meant for testing: clearing the mark (docs/operations.md) lets the demo in.
    await t.db.query("COMMENT ON TABLE schema_migrations IS NULL");
    const loaded = await xaso(["seed-demo"], { url: t.url });
    expect(loaded.err).toBe("");
    expect(loaded.code).toBe(0);
    expect(await accounts()).toBeGreaterThan(0);
  });
});

describeDb("xaso import-admin-units", () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    await wipe(t.db);
    dir = await mkdtemp(path.join(tmpdir(), "xaso-cli-import-"));
  });
  afterAll(async () => {
    await t?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("loads the official list: 34 provinces, 3,321 communes", async () => {
    const r = await xaso(["import-admin-units", OFFICIAL_LIST], { url: t.url });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("34 provinces and 3,321 communes");
    expect(await countUnits(t.db)).toEqual({ province: 34, district: 0, commune: 3321, village: 0 });
    // Running it again changes no unit.
    expect((await xaso(["import-admin-units"], { url: t.url })).code).toBe(0);
    expect(await countUnits(t.db)).toEqual({ province: 34, district: 0, commune: 3321, village: 0 });
  });

  it("rejects a missing or malformed file with a clear message, exit ≠ 0, and changes no row", async () => {
    const official = JSON.parse(await readFile(OFFICIAL_LIST, "utf8")) as { Code: string; Name: string; Wards: { Code: string; ProvinceCode: string }[] }[];
    const file = async (name: string, content: string) => {
      const p = path.join(dir, name);
      await writeFile(p, content);
      return p;
    };
    // Passes the shape check but fails inside the transaction, after the provinces were written (one is
    // renamed): one commune code twice, with two different names. Everything must be rolled back.
    const renamedThenDuplicate = structuredClone(official) as unknown as { Name: string; Wards: { Name: string }[] }[];
    renamedThenDuplicate[0]!.Name = "Renamed by a bad file";
    renamedThenDuplicate[0]!.Wards[0]!.Name = "First name";
    renamedThenDuplicate[0]!.Wards.push({ ...renamedThenDuplicate[0]!.Wards[0]!, Name: "Second name" });
    const wrongProvince = structuredClone(official);
    wrongProvince[1]!.Wards[0]!.ProvinceCode = wrongProvince[0]!.Code;

    const cases: [string, string, RegExp][] = [
      ["missing file", path.join(dir, "does-not-exist.json"), /File not found: .*does-not-exist\.json/],
      ["not JSON", await file("broken.json", '[{"Code": "01",'), /broken\.json is not valid JSON/],
      ["wrong shape", await file("shape.json", JSON.stringify([{ Code: "1", Name: "" }])), /not an admin-unit list:[\s\S]*Code/],
      ["empty list", await file("empty.json", "[]"), /not an admin-unit list/],
      ["commune under the wrong province", await file("wrong-province.json", JSON.stringify(wrongProvince)), /says province/],
      ["duplicate commune", await file("duplicate.json", JSON.stringify(renamedThenDuplicate)), /nothing was written/],
    ];
    const before = await dump(t.db);
    for (const [label, p, message] of cases) {
      const r = await xaso(["import-admin-units", p], { url: t.url });
      expect(r.code, label).not.toBe(0);
      expect(r.err, label).toMatch(message);
      expect(r.out, label).toBe("");
    }
    expect(await dump(t.db)).toEqual(before);
  });
});

describeDb("xaso create-admin", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  const grantsOf = async (username: string) =>
    (
      await t.db.query<{ role: string; admin_unit_code: string }>(
        "SELECT g.role, g.admin_unit_code FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.username = $1 ORDER BY 2",
        [username],
      )
    ).rows;
  const hashOf = async (username: string) =>
    (await t.db.query<{ h: string }>("SELECT password_hash AS h FROM users WHERE username = $1", [username])).rows[0]?.h;

  it("creates a system administrator with the password from XASO_ADMIN_PASSWORD", async () => {
    const r = await xaso(["create-admin", "--username", "quantri"], { url: t.url, env: { XASO_ADMIN_PASSWORD: "a-long-password-1" } });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain('Created system administrator "quantri"');
    expect(await grantsOf("quantri")).toEqual([
      { role: "system_admin", admin_unit_code: "15" },
      { role: "system_admin", admin_unit_code: "19" },
    ]);
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'user.created' AND actor_label = 'cli:create-admin'");
    expect(audit.rowCount).toBe(1);
  });

  it("reads the password from stdin, and resets an existing account's password", async () => {
    const before = await hashOf("quantri");
    const r = await xaso(["create-admin", "--username", "quantri"], { url: t.url, stdin: "another-long-password\n" });
    expect(r.code).toBe(0);
    expect(r.out).toContain("already existed");
    expect(await hashOf("quantri")).not.toBe(before);
  });

  it("refuses a short password, a password argument, a missing username or no password at all", async () => {
    const short = await xaso(["create-admin", "--username", "ngan"], { url: t.url, env: { XASO_ADMIN_PASSWORD: "123456789" } });
    expect(short.code).toBe(65);
    expect(short.err).toContain("at least 10 characters");
    const argv = await xaso(["create-admin", "--username", "ngan", "--password", "a-long-password-1"], { url: t.url });
    expect(argv.code).toBe(64);
    expect(argv.err).toContain("--password is not accepted");
    const noName = await xaso(["create-admin"], { url: t.url, env: { XASO_ADMIN_PASSWORD: "a-long-password-1" } });
    expect(noName.code).toBe(64);
    expect(noName.err).toContain("--username is required");
    const none = await xaso(["create-admin", "--username", "ngan"], { url: t.url, stdin: "" });
    expect(none.code).toBe(65);
    expect(none.err).toContain("XASO_ADMIN_PASSWORD");
    const badName = await xaso(["create-admin", "--username", "có dấu"], { url: t.url, env: { XASO_ADMIN_PASSWORD: "a-long-password-1" } });
    expect(badName.code).toBe(65);
    expect(badName.err).toContain("username");
    expect(await hashOf("ngan")).toBeUndefined();
  });
});

describeDb("xaso audit-verify", () => {
  const dbs: TestDatabase[] = [];
  const fresh = async () => {
    const t = await withAuditEntries(5); // seq 1 = the template's import, 2…6 = test events
    dbs.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of dbs) await t.drop();
  });

  it("passes on an intact chain, printing the entries checked and the head hash", async () => {
    const t = await fresh();
    const expected = await verifyAudit(t.db);
    expect(expected.entries).toBe(6);
    const r = await xaso(["audit-verify"], { url: t.url });
    expect(r.code).toBe(0);
    expect(r.out).toContain("Audit chain OK: 6 entries checked");
    expect(r.out).toContain(expected.headHash);
  });

  it("exits 1 naming an entry whose content was changed", async () => {
    const t = await fresh();
    await tamper(t.db, "UPDATE audit_log SET actor_label = 'someone else' WHERE chain_seq = 3");
    const r = await xaso(["audit-verify"], { url: t.url });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/entry #3: changed/);
    expect(r.out).not.toMatch(/entry #[^3]/);
  });

  it("exits 1 naming an entry deleted from the middle", async () => {
    const t = await fresh();
    await tamper(t.db, "DELETE FROM audit_log WHERE chain_seq = 4");
    const r = await xaso(["audit-verify"], { url: t.url });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/entry #4: missing/);
  });

  it("exits 1 naming the newest entry when it was deleted", async () => {
    const t = await fresh();
    await tamper(t.db, "DELETE FROM audit_log WHERE chain_seq = 6");
    const r = await xaso(["audit-verify"], { url: t.url });
    expect(r.code).toBe(1);
    expect(r.out).toContain("5 entries checked");
    expect(r.out).toMatch(/entry #6: missing or changed newest entry/);
  });

  it("prints its report in Vietnamese by default and in English with XASO_LANG=en", async () => {
    const t = await fresh();
    await tamper(t.db, "DELETE FROM audit_log WHERE chain_seq = 4");
    const vietnamese = await xaso(["audit-verify"], { url: t.url, env: { XASO_LANG: "" } });
    expect(vietnamese.code).toBe(1);
    expect(vietnamese.out).toContain("Chuỗi nhật ký BỊ HỎNG: đã kiểm tra 5 mục");
    expect(vietnamese.out).toMatch(/mục #4: bị mất/);
    const english = await xaso(["audit-verify"], { url: t.url, env: { XASO_LANG: "en" } });
    expect(english.code).toBe(1);
    expect(english.out).toContain("Audit chain BROKEN: 5 entries checked");
    expect(english.out).toMatch(/entry #4: missing/);
    // A real process without XASO_LANG or LANG speaks Vietnamese.
    const ok = await fresh();
    const real = await xasoProcess(["bin/xaso.mjs"], ["audit-verify"], { ...TEST_ENV, DATABASE_URL: ok.url, XASO_LANG: "" });
    expect(real.code).toBe(0);
    expect(real.out).toContain("Chuỗi nhật ký nguyên vẹn: đã kiểm tra 6 mục.");
  });

  it("works the same as a real process through bin/xaso.mjs", async () => {
    const t = await fresh();
    const ok = await xasoProcess(["bin/xaso.mjs"], ["audit-verify"], { ...TEST_ENV, DATABASE_URL: t.url });
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("6 entries checked");
    await tamper(t.db, "UPDATE audit_log SET details = '{\"i\": 99}' WHERE seq = 2");
    const broken = await xasoProcess(["--import", "tsx", "src/cli/main.ts"], ["audit-verify"], { ...TEST_ENV, DATABASE_URL: t.url });
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/entry #2: changed/);
  });
});

describeDb("xaso db export / db import", () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    // Data in every table, including the one without a primary key and the identity sequence.
    const deps = wireDeps(loadConfig(TEST_ENV), a.db, silent);
    await buildVillage(deps, GIA_PHU, "Thôn Phú Hà");
    const communeAdmin = await buildUser(deps, { roles: [["commune_admin", GIA_PHU]] });
    await buildUser(deps, { kind: "citizen", phone: "0912345678" });
    await a.db.query(`INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent)
      SELECT 'hash-' || username, id, now() + interval '1 hour', '10.0.0.1', 'Tiếng Việt "quoted" \\ agent' FROM users`);
    await a.db.query(
      `INSERT INTO api_tokens (user_id, name, token_hash, prefix, role, admin_unit_code)
      SELECT id, 'máy chủ {1}', 'tok-hash', 'xs_abc', 'commune_admin', '02923' FROM users WHERE id = $1`,
      [communeAdmin.id],
    );
    await a.db.query(
      "INSERT INTO throttle_hits (bucket, key, at) VALUES ('signIn', 'u:admin', '2026-01-02 03:04:05.123456+07'), ('signIn', 'u:admin', now()), ('signIn', 'ip:1.2.3.4', now())",
    );
    // More rows than one copy batch (5,000), duplicates included.
    await a.db.query(
      "INSERT INTO throttle_hits (bucket, key, at) SELECT 'signIn', 'ip:10.0.' || (i % 300), timestamptz '2026-03-01' + i * interval '1 second' FROM generate_series(1, 12345) i",
    );
    // Whole rows twice, id included (the table has no key).
    await a.db.query("INSERT INTO throttle_hits (id, bucket, key, at) SELECT id, bucket, key, at FROM throttle_hits LIMIT 10");
    await a.db.query(
      "INSERT INTO users (username, display_name, kind, email, locale) VALUES ('null.fields', E'Tab\\there, newline\\nthere', 'citizen', NULL, 'en')",
    );
  }, 120_000);
  afterAll(async () => {
    await a?.drop();
    await b?.drop();
  });

  /** table → checksum, as printed in the report. */
  type Line = { source: string; target: string; rows: number; targetRows: number; check: string };
  const checksums = (out: string): Record<string, Line> =>
    Object.fromEntries(
      [...out.matchAll(/^(\w+)\s+([\d,]+)\s+([\d,]+)\s+([0-9a-f]{32})\s+([0-9a-f]{32})\s+(ok|DIFFERENT)$/gm)].map((m) => [
        m[1],
        { source: m[4], target: m[5], rows: Number(m[2]!.replace(/,/g, "")), targetRows: Number(m[3]!.replace(/,/g, "")), check: m[6] },
      ]),
    );

  it("refuses a target that already has rows, and leaves it untouched", async () => {
    const before = await dump(b.db);
    const r = await xaso(["db", "export", "--to", b.url], { url: a.url });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not empty/);
    expect(r.err).toContain("admin_units");
    expect(await dump(b.db)).toEqual(before);
  });

  it("exports everything to an empty database: counts and checksums match, the audit chain verifies", async () => {
    await wipe(b.db);
    const r = await xaso(["db", "export", "--to", b.url], { url: a.url });
    expect(r.err).not.toMatch(/failed/);
    expect(r.code).toBe(0);
    const sums = checksums(r.out);
    const counts = await rowCounts(a.db);
    expect(Object.keys(sums).sort()).toEqual(Object.keys(counts).sort());
    for (const [table, s] of Object.entries(sums)) {
      expect(s.check, table).toBe("ok");
      expect(s.source, table).toBe(s.target);
      expect(s.rows, table).toBe(counts[table]);
      expect(s.targetRows, table).toBe(counts[table]);
    }
    expect(counts.throttle_hits).toBe(3 + 12345 + 10);
    expect(await dump(b.db)).toEqual(await dump(a.db));

    const [va, vb] = [await verifyAudit(a.db), await verifyAudit(b.db)];
    expect(vb.ok).toBe(true);
    expect(vb.entries).toBe(va.entries);
    expect(vb.headHash).toBe(va.headHash);
    expect(r.out).toMatch(/audit chain: source verifies[\s\S]*target verifies.*ok/);
    // The identity sequence continues where the source's stood.
    const seq = async (db: Database) => (await db.query("SELECT last_value, is_called FROM role_grants_id_seq")).rows[0];
    expect(await seq(b.db)).toEqual(await seq(a.db));
    expect((await xaso(["audit-verify"], { url: b.url })).code).toBe(0);
  }, 60_000);

  it("imports it back into an empty database identically, and refuses to import into a non-empty one", async () => {
    const original = await dump(a.db);
    await wipe(a.db);
    const r = await xaso(["db", "import", "--from", b.url], { url: a.url });
    expect(r.code).toBe(0);
    const sums = checksums(r.out);
    expect(Object.values(sums).every((s) => s.check === "ok" && s.source === s.target)).toBe(true);
    expect(await dump(a.db)).toEqual(original);
    expect((await verifyAudit(a.db)).ok).toBe(true);

    const again = await xaso(["db", "import", "--from", b.url], { url: a.url });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/not empty/);
    expect(await dump(a.db)).toEqual(original);
  }, 60_000);

  it("refuses a source that is not an XãSố database", async () => {
    const empty = await createTestDatabase();
    try {
      await wipe(empty.db);
      const before = await dump(a.db);
      const r = await xaso(["db", "import", "--from", empty.url], { url: a.url });
      expect(r.code).toBe(1);
      expect(r.err).toContain("not an XãSố database");
      expect(await dump(a.db)).toEqual(before);
    } finally {
      await empty.drop();
    }
  });

  it("rejects bad arguments with exit 64", async () => {
    expect((await xaso(["db", "export"], { url: a.url })).code).toBe(64);
    expect((await xaso(["db", "export", "--to", "mysql://x"], { url: a.url })).code).toBe(64);
    expect((await xaso(["db", "copy"], { url: a.url })).code).toBe(64);
  });
});

describeDb("xaso db export / db import of large stored files", () => {
  // Files of 10 MB (the upload limit), twice that as hex text. Rows fetched in batches held every file of a
  // batch in memory several times over and exhausted a small heap; COPY streams them through in chunks.
  const FILES = 8;
  const FILE_BYTES = 10 * 1024 * 1024;
  let a: TestDatabase;
  let b: TestDatabase;
  let c: TestDatabase;
  const files: Array<{ id: string; sha256: string }> = [];
  beforeAll(async () => {
    [a, b, c] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
    await Promise.all([wipe(b.db), wipe(c.db)]);
    for (let i = 0; i < FILES; i++) {
      const bytes = randomBytes(FILE_BYTES);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const { rows } = await a.db.query<{ id: string }>(
        `INSERT INTO stored_files (name, media_type, size_bytes, sha256, content) VALUES ($1, 'application/pdf', $2, $3, $4) RETURNING id`,
        [`tep-${i}.pdf`, FILE_BYTES, sha256, bytes],
      );
      files.push({ id: rows[0]!.id, sha256 });
    }
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.drop(), b?.drop(), c?.drop()]);
  });

  it("exports in a real process with a 192 MB heap and imports back, every byte the same", async () => {
    const out = await xasoProcess(["--max-old-space-size=192", "--import", "tsx", "src/cli/main.ts"], ["db", "export", "--to", b.url], {
      ...TEST_ENV,
      DATABASE_URL: a.url,
    });
    expect(out.err).not.toMatch(/heap|memory/i);
    expect(out.code).toBe(0);
    const back = await xaso(["db", "import", "--from", b.url], { url: c.url });
    expect(back.code).toBe(0);
    const { rows } = await c.db.query<{ id: string; n: number; sha256: string }>(
      "SELECT id, length(content) AS n, encode(sha256(content), 'hex') AS sha256 FROM stored_files",
    );
    const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
    expect(rows.sort(byId)).toEqual(files.map((f) => ({ id: f.id, n: FILE_BYTES, sha256: f.sha256 })).sort(byId));
  }, 180_000);
});
