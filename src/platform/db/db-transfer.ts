// Moves every row of one XãSố database into another, empty one, and proves the copy is identical.
//
// 1. The target is migrated, must be on PostgreSQL 15+, have the same migrations and columns as the
//    source, and hold no rows (checked under a lock, inside the copy transaction).
// 2. The source is read in one REPEATABLE READ snapshot (consistent even while XãSố writes to it);
//    the target is written in one transaction, tables in foreign-key order, each streamed with COPY
//    (source COPY TO piped into target COPY FROM, so memory stays flat whatever the row sizes). One COPY
//    is one statement, so a self-referencing table needs no particular row order.
// 3. Sequences get the source's position.
// 4. Before COMMIT, every table's row count and checksum (md5 over the sorted md5 of each row's text,
//    computed by PostgreSQL with pinned output settings) and the audit chain are compared on both
//    sides. Any difference rolls the target back: it is either a verified copy or untouched.
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import type { AuditVerification } from "../audit/index.ts";
import { verifyAudit } from "../audit/index.ts";
import { formatNumber } from "../i18n/format.ts";
import { type Locale, type Translate, translator } from "../i18n/i18n.ts";
import type { Database, Queryable } from "./database.ts";
import { migrate } from "./migrator.ts";

/** The transfer was refused before anything was written (or rolled back); the message is in the caller's language. */
export class TransferError extends Error {}

const MIN_SERVER_VERSION = 150000;
/** Not copied: the target's own migrations run first; the lists are compared instead. */
const SKIPPED = new Set(["schema_migrations"]);

/** Text output that is identical on every server, whatever its configuration. */
const PIN_OUTPUT = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL extra_float_digits = 1",
  "SET LOCAL bytea_output = 'hex'",
].join("; ");

type Column = { name: string; type: string; generated: boolean; identityAlways: boolean };
type Table = { name: string; columns: Column[]; references: Set<string> };
type Schema = { schema: string; tables: Map<string, Table>; sequences: string[] };

export type TableReport = { table: string; sourceRows: number; targetRows: number; sourceChecksum: string; targetChecksum: string; ok: boolean };
export type SequenceReport = { sequence: string; source: string; target: string; ok: boolean };
export type TransferReport = {
  ok: boolean;
  committed: boolean;
  tables: TableReport[];
  sequences: SequenceReport[];
  audit: { source: AuditVerification; target: AuditVerification; ok: boolean };
};

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function serverVersion(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ server_version_num: string }>("SHOW server_version_num");
  return Number(rows[0]?.server_version_num ?? 0);
}

async function readSchema(q: Queryable, t: Translate): Promise<Schema> {
  const schema = (await q.query<{ s: string }>("SELECT current_schema() AS s")).rows[0]?.s;
  if (!schema) throw new TransferError(t("cli.transfer.noSchema"));
  const cols = await q.query<{ table: string; column: string; type: string; generated: boolean; identity_always: boolean }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            a.attgenerated <> '' AS generated, a.attidentity = 'a' AS identity_always
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY c.relname, a.attnum`,
    [schema],
  );
  const tables = new Map<string, Table>();
  for (const r of cols.rows) {
    if (SKIPPED.has(r.table)) continue;
    const t = tables.get(r.table) ?? { name: r.table, columns: [], references: new Set<string>() };
    t.columns.push({ name: r.column, type: r.type, generated: r.generated, identityAlways: r.identity_always });
    tables.set(r.table, t);
  }
  const fks = await q.query<{ table: string; references: string }>(
    `SELECT c.relname AS table, r.relname AS references
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid
     JOIN pg_class r ON r.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_namespace rn ON rn.oid = r.relnamespace
     WHERE k.contype = 'f' AND NOT k.condeferrable AND n.nspname = $1 AND rn.nspname = $1`,
    [schema],
  );
  for (const fk of fks.rows) tables.get(fk.table)?.references.add(fk.references);
  const seqs = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'S' AND n.nspname = $1 ORDER BY c.relname`,
    [schema],
  );
  return { schema, tables, sequences: seqs.rows.map((r) => r.name) };
}

/** Tables whose referenced tables come first; a table's references to itself are handled by staging. */
export function foreignKeyOrder(tables: Map<string, Table>, t: Translate = translator("vi")): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  const pending = new Set([...tables.keys()].sort());
  while (pending.size > 0) {
    const ready = [...pending].filter((name) => [...tables.get(name)!.references].every((r) => r === name || done.has(r) || !tables.has(r)));
    if (ready.length === 0) throw new TransferError(t("cli.transfer.foreignKeyCycle", { tables: [...pending].join(", ") }));
    for (const name of ready) {
      order.push(name);
      done.add(name);
      pending.delete(name);
    }
  }
  return order;
}

async function migrationList(q: Queryable): Promise<Map<string, string>> {
  const exists = await q.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists.rows[0]?.t) return new Map();
  const { rows } = await q.query<{ name: string; checksum: string }>("SELECT name, checksum FROM schema_migrations ORDER BY name");
  return new Map(rows.map((r) => [r.name, r.checksum]));
}

function compareMigrations(source: Map<string, string>, target: Map<string, string>, t: Translate) {
  if (source.size === 0) throw new TransferError(t("cli.transfer.notXaso"));
  const onlySource = [...source.keys()].filter((m) => !target.has(m));
  const onlyTarget = [...target.keys()].filter((m) => !source.has(m));
  const changed = [...source.keys()].filter((m) => target.has(m) && target.get(m) !== source.get(m));
  if (onlySource.length || onlyTarget.length || changed.length) {
    const parts = [
      onlySource.length ? t("cli.transfer.onlySource", { migrations: onlySource.join(", ") }) : "",
      onlyTarget.length ? t("cli.transfer.onlyTarget", { migrations: onlyTarget.join(", ") }) : "",
      changed.length ? t("cli.transfer.changedMigrations", { migrations: changed.join(", ") }) : "",
    ].filter(Boolean);
    throw new TransferError(t("cli.transfer.schemaVersions", { details: parts.join("; ") }));
  }
}

function compareSchemas(source: Schema, target: Schema, t: Translate): string[] {
  const problems: string[] = [];
  for (const [name, table] of source.tables) {
    const other = target.tables.get(name);
    if (!other) {
      problems.push(t("cli.transfer.tableMissing", { table: name }));
      continue;
    }
    const a = table.columns
      .map((c) => `${c.name} ${c.type}`)
      .sort()
      .join(", ");
    const b = other.columns
      .map((c) => `${c.name} ${c.type}`)
      .sort()
      .join(", ");
    if (a !== b) problems.push(t("cli.transfer.columnsDiffer", { table: name, source: a, target: b }));
  }
  for (const s of source.sequences) if (!target.sequences.includes(s)) problems.push(t("cli.transfer.sequenceMissing", { sequence: s }));
  return problems;
}

/** Row count and a checksum that depends only on the rows' contents (not on their physical order). */
async function tableChecksum(q: Queryable, schema: string, table: Table): Promise<{ rows: number; checksum: string }> {
  const row = `ROW(${table.columns.map((c) => ident(c.name)).join(", ")})::text`;
  const { rows } = await q.query<{ n: string; sum: string }>(
    `SELECT count(*)::text AS n, md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS sum
     FROM (SELECT md5(${row}) AS h FROM ${ident(schema)}.${ident(table.name)}) s`,
  );
  return { rows: Number(rows[0]!.n), checksum: rows[0]!.sum };
}

async function sequenceState(q: Queryable, schema: string, name: string): Promise<{ lastValue: string; isCalled: boolean }> {
  const { rows } = await q.query<{ last_value: string; is_called: boolean }>(
    `SELECT last_value::text AS last_value, is_called FROM ${ident(schema)}.${ident(name)}`,
  );
  return { lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called };
}

/**
 * Streams one table with COPY, in PostgreSQL's text format: the source's COPY TO feeds the target's COPY
 * FROM through a pipe with back-pressure, so memory holds a few chunks, never a batch of rows (a stored
 * file is up to 10 MB, twice that as hex text). One COPY statement is one statement for the foreign keys,
 * so a self-referencing table's child may arrive before its parent. COPY FROM writes identity columns as
 * given (as OVERRIDING SYSTEM VALUE would).
 */
async function copyTable(src: pg.PoolClient, dst: pg.PoolClient, source: Schema, target: Schema, table: Table): Promise<number> {
  const names = table.columns
    .filter((c) => !c.generated)
    .map((c) => ident(c.name))
    .join(", ");
  const reader = src.query(copyTo(`COPY ${ident(source.schema)}.${ident(table.name)} (${names}) TO STDOUT`));
  const writer = dst.query(copyFrom(`COPY ${ident(target.schema)}.${ident(table.name)} (${names}) FROM STDIN`));
  await pipeline(reader, writer);
  return writer.rowCount;
}

/** `locale` is the language of progress and error messages (default Vietnamese). */
export type TransferOptions = { onProgress?: (message: string) => void; locale?: Locale };

/** Copies everything from source into target (which must be empty) and verifies it; see the file comment. */
export async function transferDatabase(source: Database, target: Database, opts: TransferOptions = {}): Promise<TransferReport> {
  const progress = opts.onProgress ?? (() => undefined);
  const locale = opts.locale ?? "vi";
  const t = translator(locale);
  for (const [side, db] of [
    ["cli.transfer.source", source],
    ["cli.transfer.target", target],
  ] as const) {
    const v = await serverVersion(db);
    if (v < MIN_SERVER_VERSION) throw new TransferError(t("cli.transfer.oldServer", { side: t(side), version: Math.floor(v / 10000) }));
  }
  const applied = await migrate(target);
  if (applied.applied.length) progress(`${t("cli.transfer.migrated", { migrations: applied.applied.join(", ") })}\n`);
  compareMigrations(await migrationList(source), await migrationList(target), t);

  const [sourceSchema, targetSchema] = await Promise.all([readSchema(source, t), readSchema(target, t)]);
  const mismatch = compareSchemas(sourceSchema, targetSchema, t);
  if (mismatch.length) throw new TransferError(t("cli.transfer.tablesDiffer", { problems: mismatch.join("\n  ") }));
  const order = foreignKeyOrder(sourceSchema.tables, t);
  if (order.length === 0) throw new TransferError(t("cli.transfer.noTables"));

  const src = await source.pool.connect();
  const dst = await target.pool.connect();
  let srcOpen = false;
  let dstOpen = false;
  // A COPY cut short leaves its connection mid-protocol: such connections are closed (the server then rolls
  // back), not sent a ROLLBACK that could wait behind the unfinished COPY.
  let copyBroken = false;
  try {
    await src.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    srcOpen = true;
    await src.query(PIN_OUTPUT);
    await dst.query("BEGIN");
    dstOpen = true;
    await dst.query(PIN_OUTPUT);

    // Under a lock, so nothing can write into the target between this check and COMMIT.
    await dst.query(`LOCK TABLE ${order.map((t) => `${ident(targetSchema.schema)}.${ident(t)}`).join(", ")} IN EXCLUSIVE MODE`);
    const nonEmpty: string[] = [];
    for (const name of order) {
      const { rows } = await dst.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${ident(targetSchema.schema)}.${ident(name)}`);
      if (rows[0]!.n !== "0") nonEmpty.push(t("cli.transfer.tableRows", { table: name, rows: formatNumber(Number(rows[0]!.n), locale) }));
    }
    if (nonEmpty.length) throw new TransferError(t("cli.transfer.notEmpty", { tables: nonEmpty.join("\n  ") }));

    // Rows arrive as they were: the triggers that keep rollups (coverage) stay off while the rollups are copied too,
    // and deferrable foreign keys (a household's head, who lives in it) are checked at commit, not row by row.
    const qualified = (name: string) => `${ident(targetSchema.schema)}.${ident(name)}`;
    for (const name of order) await dst.query(`ALTER TABLE ${qualified(name)} DISABLE TRIGGER USER`);
    await dst.query("SET CONSTRAINTS ALL DEFERRED");
    for (const name of order) {
      const table = sourceSchema.tables.get(name)!;
      const n = await copyTable(src, dst, sourceSchema, targetSchema, table).catch((err: unknown) => {
        copyBroken = true;
        throw err;
      });
      progress(`${t("cli.transfer.copied", { table: name, rows: formatNumber(n, locale) })}\n`);
    }
    await dst.query("SET CONSTRAINTS ALL IMMEDIATE");
    for (const name of order) await dst.query(`ALTER TABLE ${qualified(name)} ENABLE TRIGGER USER`);

    const sequences: SequenceReport[] = [];
    for (const s of sourceSchema.sequences) {
      const state = await sequenceState(src, sourceSchema.schema, s);
      await dst.query("SELECT setval($1::regclass, $2::bigint, $3)", [`${ident(targetSchema.schema)}.${ident(s)}`, state.lastValue, state.isCalled]);
      const after = await sequenceState(dst, targetSchema.schema, s);
      const show = (x: typeof state) => `${x.lastValue}${x.isCalled ? "" : ` ${t("cli.transfer.notYetUsed")}`}`;
      sequences.push({ sequence: s, source: show(state), target: show(after), ok: state.lastValue === after.lastValue && state.isCalled === after.isCalled });
    }

    progress(`${t("cli.transfer.verifying")}\n`);
    const tables: TableReport[] = [];
    for (const name of order) {
      const a = await tableChecksum(src, sourceSchema.schema, sourceSchema.tables.get(name)!);
      const b = await tableChecksum(dst, targetSchema.schema, sourceSchema.tables.get(name)!);
      tables.push({
        table: name,
        sourceRows: a.rows,
        targetRows: b.rows,
        sourceChecksum: a.checksum,
        targetChecksum: b.checksum,
        ok: a.rows === b.rows && a.checksum === b.checksum,
      });
    }
    const auditSource = await verifyAudit(src);
    const auditTarget = await verifyAudit(dst);
    const auditOk = auditSource.ok === auditTarget.ok && auditSource.entries === auditTarget.entries && auditSource.headHash === auditTarget.headHash;

    const ok = tables.every((t) => t.ok) && sequences.every((s) => s.ok) && auditOk;
    await dst.query(ok ? "COMMIT" : "ROLLBACK");
    dstOpen = false;
    await src.query("COMMIT");
    srcOpen = false;
    return { ok, committed: ok, tables, sequences, audit: { source: auditSource, target: auditTarget, ok: auditOk } };
  } finally {
    if (dstOpen && !copyBroken) await dst.query("ROLLBACK").catch(() => undefined);
    if (srcOpen && !copyBroken) await src.query("ROLLBACK").catch(() => undefined);
    dst.release(copyBroken);
    src.release(copyBroken);
  }
}
