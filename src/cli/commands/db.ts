// xaso db export --to URL | xaso db import --from URL: move all data between the current database and
// an external PostgreSQL 15+, verified table by table.
import { createDatabase } from "../../platform/db/database.ts";
import { parse } from "../args.ts";
import { type TransferReport, transferDatabase, TransferError } from "../../platform/db/db-transfer.ts";
import { type CliIO, type Command, fmtInt, redactUrl, UsageError } from "../io.ts";
import { withRuntime } from "../runtime.ts";

const URL_RE = /^postgres(ql)?:\/\//;

function printReport(io: CliIO, r: TransferReport) {
  const head = ["table", "source rows", "target rows", "source checksum", "target checksum", "check"];
  const body = r.tables.map((t) => [t.table, fmtInt(t.sourceRows), fmtInt(t.targetRows), t.sourceChecksum, t.targetChecksum, t.ok ? "ok" : "DIFFERENT"]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  io.out(`${line(head)}\n${line(widths.map((w) => "-".repeat(w)))}\n${body.map((row) => `${line(row)}\n`).join("")}`);
  for (const s of r.sequences) io.out(`sequence ${s.sequence}: source ${s.source}, target ${s.target}  ${s.ok ? "ok" : "DIFFERENT"}\n`);
  const a = r.audit;
  const audit = (v: typeof a.source) => `${v.ok ? "verifies" : `BROKEN (${v.problems.length} problems)`}, ${fmtInt(v.entries)} entries, head ${v.headHash}`;
  io.out(`audit chain: source ${audit(a.source)}\n             target ${audit(a.target)}  ${a.ok ? "ok" : "DIFFERENT"}\n`);
  if (a.ok && !a.source.ok) io.out("warning: the audit chain was already broken in the source; run `xaso audit-verify` there.\n");
}

async function transfer(io: CliIO, direction: "export" | "import", url: string): Promise<number> {
  return withRuntime(io, { loadReference: false }, async (rt) => {
    const other = createDatabase(url, { max: 2, applicationName: "xaso-db-transfer" });
    try {
      const [source, target] = direction === "export" ? [rt.db, other] : [other, rt.db];
      const current = `the current ${rt.engine} database`;
      io.err(direction === "export" ? `Copying ${current} to ${redactUrl(url)}…\n` : `Copying ${redactUrl(url)} into ${current}…\n`);
      const report = await transferDatabase(source, target, { onProgress: (m) => io.err(m) });
      printReport(io, report);
      if (!report.ok) {
        io.out("\nThe copy does NOT match the source; it was rolled back and the target is unchanged.\n");
        return 1;
      }
      const rows = report.tables.reduce((n, t) => n + t.targetRows, 0);
      io.out(`\nDone: ${fmtInt(rows)} rows in ${report.tables.length} tables copied and verified.\n`);
      if (direction === "export") io.out("To run XãSố on it: stop XãSố, set DATABASE_URL to that address and start XãSố again.\n");
      return 0;
    } catch (err) {
      if (err instanceof TransferError) {
        io.err(`xaso db ${direction}: ${err.message}\nNothing was written.\n`);
        return 1;
      }
      throw err;
    } finally {
      await other.close();
    }
  });
}

export const dbCommand: Command = {
  name: "db",
  summary: "db export --to URL | db import --from URL: move all data to/from another PostgreSQL",
  usage: `xaso db export --to postgres://USER:PASSWORD@HOST:5432/DBNAME
xaso db import --from postgres://USER:PASSWORD@HOST:5432/DBNAME

export copies every table of the current database (the embedded one in DATA_DIR, or
DATABASE_URL when set) into the given PostgreSQL 15+ database; import copies the other way,
into the current database. The receiving database is migrated first and must hold no rows.
Everything is written in one transaction, tables in foreign-key order; sequences are set to
the source's position. Before committing, each table's row count and checksum and the audit
chain are compared on both sides and printed; any difference rolls everything back (exit 1).
Stop XãSố first when it runs on the embedded database.`,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === "export") {
      const { values } = parse(rest, { to: { type: "string" } });
      if (!values.to) throw new UsageError("db export needs --to postgres://…");
      if (!URL_RE.test(values.to)) throw new UsageError("--to must start with postgres:// or postgresql://");
      return transfer(io, "export", values.to);
    }
    if (sub === "import") {
      const { values } = parse(rest, { from: { type: "string" } });
      if (!values.from) throw new UsageError("db import needs --from postgres://…");
      if (!URL_RE.test(values.from)) throw new UsageError("--from must start with postgres:// or postgresql://");
      return transfer(io, "import", values.from);
    }
    throw new UsageError(sub ? `Unknown db subcommand "${sub}".` : "db needs a subcommand: export or import.");
  },
};
