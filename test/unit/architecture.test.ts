// The walls of docs/architecture.md, checked: the dependency rules (dependency-cruiser) hold on src/ and catch
// each deliberate violation in test/fixtures/boundaries; every table has one owner, and only its owner's SQL
// names it.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

type Violation = { rule: { name: string }; from: string; to: string };

/** Runs the real checker with the project's config; it exits non-zero when it finds violations. */
async function cruise(cwd: string): Promise<Violation[]> {
  const bin = path.join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
  const args = [bin, "src", "--config", path.join(ROOT, ".dependency-cruiser.cjs"), "--output-type", "json"];
  const out = await run(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? "" }));
  return (JSON.parse(out.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const RULES = (() => {
  const text = readFileSync(path.join(ROOT, ".dependency-cruiser.cjs"), "utf8");
  return [...text.matchAll(/name: "([a-z-]+)"/g)].map((m) => m[1]!);
})();

describe("dependency rules", () => {
  it("hold on the product code", async () => {
    const violations = await cruise(ROOT);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it("catch a deliberate violation of every rule", async () => {
    const violations = await cruise(path.join(ROOT, "test/fixtures/boundaries"));
    const fired = new Set(violations.map((v) => v.rule.name));
    expect(RULES.length).toBeGreaterThanOrEqual(10);
    for (const rule of RULES) expect(fired.has(rule), `rule ${rule} fired on the fixture`).toBe(true);
    expect(violations).toContainEqual(expect.objectContaining({ from: "src/platform/p/uses-module.ts", to: "src/modules/alpha/index.ts" }));
  });
});

// ---- table ownership -------------------------------------------------------------------------------

/** The "Table ownership" table of docs/architecture.md: table or view → owner ("platform/db", "dossiers"). */
function ownership(): Map<string, string> {
  const doc = readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");
  const section = doc.split("### Table ownership")[1]?.split("\n## ")[0] ?? "";
  const owners = new Map<string, string>();
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 4 || !cells[1]?.includes("`")) continue;
    for (const m of cells[1].matchAll(/`([a-z_][a-z0-9_]*)`/g)) owners.set(m[1]!, cells[2]!);
  }
  return owners;
}

/** Views published for other modules to read (marked "published view" in the ownership table). */
function publishedViews(): Set<string> {
  const doc = readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");
  const section = doc.split("### Table ownership")[1]?.split("\n## ")[0] ?? "";
  const out = new Set<string>();
  for (const line of section.split("\n")) if (/published view/.test(line)) for (const m of line.matchAll(/`([a-z_][a-z0-9_]*)`/g)) out.add(m[1]!);
  return out;
}

function migratedRelations(): Set<string> {
  const dir = path.join(ROOT, "migrations");
  const sql = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .map((f) => readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
  const names = [...sql.matchAll(/create\s+(?:or\s+replace\s+)?(?:table|view|materialized\s+view)\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/gi)].map((m) =>
    m[1]!.toLowerCase(),
  );
  return new Set([...names, "schema_migrations"]);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** "src/modules/dossiers/x.ts" → "dossiers"; "src/platform/db/x.ts" → "platform/db"; else the file itself. */
function areaOf(file: string): string {
  const [, layer, name] = file.split("/");
  if (layer === "modules") return name!;
  if (layer === "platform") return `platform/${name}`;
  return file;
}

/** Relations named after a SQL keyword, comments stripped (so "from users" in prose does not count). */
function relationsIn(text: string, known: Set<string>): Set<string> {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|\s)\/\/.*$/gm, "$1");
  const found = new Set<string>();
  for (const m of code.matchAll(/\b(?:from|join|into|update|table|exists|truncate)\s+(?:only\s+)?([a-z_][a-z0-9_]*)\b/gi)) {
    const name = m[1]!.toLowerCase();
    if (known.has(name)) found.add(name);
  }
  return found;
}

describe("table ownership", () => {
  const owners = ownership();
  const relations = migratedRelations();

  it("gives every table and view of the migrations exactly one owner in docs/architecture.md", () => {
    expect(relations.size).toBeGreaterThan(20);
    expect([...relations].filter((r) => !owners.has(r))).toEqual([]);
    expect([...owners.keys()].filter((r) => !relations.has(r))).toEqual([]);
  });

  it("lets no SQL in src/ name a table its module does not own", () => {
    const foreign: string[] = [];
    const published = publishedViews();
    for (const file of sourceFiles(path.join(ROOT, "src"))) {
      // The synthetic province's bulk loader writes every module's tables as a restore would (docs/architecture.md).
      if (file === "src/demo/synthetic-province.ts") continue;
      const area = areaOf(file);
      for (const rel of relationsIn(readFileSync(path.join(ROOT, file), "utf8"), relations)) {
        const owner = owners.get(rel);
        if (owner === area) continue;
        // A published view is read by modules (never by the platform, which knows no module).
        if (published.has(rel) && file.startsWith("src/modules/")) continue;
        foreign.push(`${file} names ${rel} (owned by ${owner})`);
      }
    }
    expect(foreign).toEqual([]);
  });

  it("finds a foreign table when there is one (the scanner itself)", () => {
    const sql = "const q = `SELECT d.id FROM dossiers d JOIN procedures p ON p.id = d.procedure_id`; // from users";
    expect([...relationsIn(sql, relations)].sort()).toEqual(["dossiers", "procedures"]);
  });
});
