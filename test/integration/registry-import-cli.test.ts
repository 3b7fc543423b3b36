// `xaso registry import FILE --commune CODE [--commit]` against a fresh database, in-process through runCli, and a
// generated 5,000-person file checked and committed through it (the time it takes is printed for docs/community/import.md).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { wireDeps } from "../../src/bootstrap.ts";
import { runCli } from "../../src/cli/cli.ts";
import type { CliStreams } from "../../src/cli/io.ts";
import { loadConfig } from "../../src/config.ts";
import { REGISTRY_FILE_COLUMNS } from "../../src/modules/registry/index.ts";
import { buildVillage, GIA_PHU } from "../support/factories.ts";
import { TEST_ENV } from "../support/test-app.ts";
import { createTestDatabase, describeDb, type TestDatabase } from "../support/test-db.ts";

const silent = pino({ level: "silent" });

async function xaso(args: string[], url: string) {
  let out = "";
  let err = "";
  const io: CliStreams = {
    env: { ...TEST_ENV, XASO_LANG: "en", DATABASE_URL: url },
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    stdin: Readable.from([]),
    log: silent,
  };
  return { code: await runCli(args, io), out, err };
}

const cell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const csvOf = (rows: string[][]) => [REGISTRY_FILE_COLUMNS.map((c) => c.vi), ...rows].map((r) => r.map(cell).join(",")).join("\n");

/** A generated commune list: households of 1–5 people, heads with an ID number and a phone, in `villages`. */
function generated(people: number, villages: string[]): string[][] {
  const rows: string[][] = [];
  const surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vàng", "Lò", "Giàng"];
  for (let h = 0; rows.length < people; h++) {
    const size = Math.min(1 + (h % 5), people - rows.length);
    const village = villages[h % villages.length]!;
    for (let m = 0; m < size; m++) {
      const year = m === 0 ? 1950 + (h % 50) : 1990 + ((h + m) % 30);
      const serial = String(h * 10 + m).padStart(6, "0");
      rows.push([
        `HO${h}`,
        village,
        `Số ${h}, ${village}`,
        m === 0 ? "Chủ hộ" : m === 1 ? "Vợ/chồng" : "Con",
        `${surnames[h % surnames.length]} Văn ${h} ${m}`,
        m === 0 ? `0${1 + (h % 9)}/0${1 + (h % 9)}/${year}` : "",
        m === 0 ? "" : String(year),
        m === 1 ? "Nữ" : "Nam",
        m === 0 ? `09${String(12_000_000 + h).padStart(8, "0")}` : "",
        // G digit 0 (man, 1900s) or 2 (man, 2000s) so the number agrees with the year and sex.
        m === 1 ? "" : `010${year >= 2000 ? 2 : 0}${String(year % 100).padStart(2, "0")}${serial}`,
        "Kinh",
        "",
        m === 0 && h % 7 === 0 ? "Có" : "",
        "",
        h % 3 === 0 ? "Có" : "",
        "",
        h % 11 === 0 ? "Nghèo" : "",
      ]);
    }
  }
  return rows;
}

describeDb("xaso registry import", () => {
  let t: TestDatabase;
  let dir: string;
  let villages: string[];
  beforeAll(async () => {
    t = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "xaso-registry-"));
    const deps = wireDeps(loadConfig({ ...TEST_ENV }), t.db, silent);
    villages = [];
    for (let i = 0; i < 5; i++) villages.push((await buildVillage(deps, GIA_PHU)).name);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await t?.drop();
  });
  const residents = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM residents WHERE commune_code = $1", [GIA_PHU])).rows[0]!.n;

  it("prints each problem with its row and column, exits 65 and writes nothing", async () => {
    const file = path.join(dir, "bad.csv");
    const rows = generated(3, villages);
    rows[1]![5] = "31/02/1980";
    rows[2]![9] = "0100";
    await writeFile(file, csvOf(rows));
    const r = await xaso(["registry", "import", file, "--commune", GIA_PHU, "--commit"], t.url);
    expect(r.code).toBe(65);
    expect(r.err).toContain("csv, row 3, column F: The birth date does not exist");
    expect(r.err).toContain("csv, row 4, column J: A personal ID number has exactly 12 digits");
    expect(r.out).toContain("Problems left: nothing written.");
    expect(await residents()).toBe(0);
  });

  it("checks without --commit and writes nothing; asks for the commune; refuses a missing file", async () => {
    const file = path.join(dir, "ok.csv");
    await writeFile(file, csvOf(generated(4, villages)));
    const r = await xaso(["registry", "import", file, "--commune", GIA_PHU], t.url);
    expect([r.code, r.out]).toEqual([0, expect.stringContaining("Nothing written (add --commit to write).")]);
    expect(await residents()).toBe(0);
    expect((await xaso(["registry", "import", file], t.url)).code).toBe(64);
    expect((await xaso(["registry", "import", path.join(dir, "none.csv"), "--commune", GIA_PHU], t.url)).code).toBe(65);
  });

  it("commits a generated file of 5,000 people with a progress bar on stderr", async () => {
    const file = path.join(dir, "5000.csv");
    const rows = generated(5000, villages);
    const households = new Set(rows.map((r) => r[0])).size;
    await writeFile(file, csvOf(rows));
    const started = performance.now();
    const r = await xaso(["registry", "import", file, "--commune", GIA_PHU, "--commit"], t.url);
    const ms = performance.now() - started;
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Wrote ${households.toLocaleString("en")} households, 5,000 people to the registry`);
    expect(r.err).toContain("\r[##############################] 5,000/5,000");
    expect(r.err.match(/\r\[/g)!.length).toBeGreaterThan(3);
    expect(await residents()).toBe(5000);
    const heads = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM households h JOIN residents r ON r.id = h.head_id AND r.relation_to_head = 'head' WHERE h.commune_code = $1",
      [GIA_PHU],
    );
    expect(heads.rows[0]!.n).toBe(households);
    console.info(`registry import of 5,000 people (check + commit through the CLI): ${Math.round(ms)} ms`);
  });
});
