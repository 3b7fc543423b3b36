// xaso db export --to URL | xaso db import --from URL: move all data between the current database and
// an external PostgreSQL 15+, verified table by table.
import { createDatabase } from "../../platform/db/database.ts";
import { parse } from "../args.ts";
import { type TransferReport, transferDatabase, TransferError } from "../../platform/db/db-transfer.ts";
import { type CliIO, type Command, fmtInt, redactUrl, UsageError } from "../io.ts";
import { withRuntime } from "../runtime.ts";

const URL_RE = /^postgres(ql)?:\/\//;

function printReport(io: CliIO, r: TransferReport) {
  const { t } = io;
  const n = (x: number) => fmtInt(x, io.locale);
  const check = (ok: boolean) => t(ok ? "cli.db.same" : "cli.db.different");
  const head = (["table", "sourceRows", "targetRows", "sourceChecksum", "targetChecksum", "check"] as const).map((c) => t(`cli.db.column.${c}`));
  const body = r.tables.map((x) => [x.table, n(x.sourceRows), n(x.targetRows), x.sourceChecksum, x.targetChecksum, check(x.ok)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  io.out(`${line(head)}\n${line(widths.map((w) => "-".repeat(w)))}\n${body.map((row) => `${line(row)}\n`).join("")}`);
  for (const s of r.sequences) io.out(`${t("cli.db.sequence", { sequence: s.sequence, source: s.source, target: s.target, check: check(s.ok) })}\n`);
  const a = r.audit;
  const audit = (v: typeof a.source) =>
    t("cli.db.auditSide", {
      state: v.ok ? t("cli.db.auditVerifies") : t("cli.db.auditBroken", { problems: n(v.problems.length) }),
      entries: n(v.entries),
      head: v.headHash,
    });
  // "audit chain: source …" with "target …" aligned under "source" on the next line.
  const label = t("cli.db.auditChain");
  const [src, tgt] = [t("cli.transfer.source"), t("cli.transfer.target")];
  const w = Math.max(src.length, tgt.length);
  io.out(`${label} ${src.padEnd(w)} ${audit(a.source)}\n${" ".repeat(label.length)} ${tgt.padEnd(w)} ${audit(a.target)}  ${check(a.ok)}\n`);
  if (a.ok && !a.source.ok) io.out(`${t("cli.db.auditWarning")}\n`);
}

async function transfer(io: CliIO, direction: "export" | "import", url: string): Promise<number> {
  const { t } = io;
  return withRuntime(io, { loadReference: false }, async (rt) => {
    const other = createDatabase(url, { max: 2, applicationName: "xaso-db-transfer" });
    try {
      const [source, target] = direction === "export" ? [rt.db, other] : [other, rt.db];
      const params = { engine: t(`cli.engine.${rt.engine}`), url: redactUrl(url, t) };
      io.err(`${t(direction === "export" ? "cli.db.exporting" : "cli.db.importing", params)}\n`);
      const report = await transferDatabase(source, target, { onProgress: (m) => io.err(m), locale: io.locale });
      printReport(io, report);
      if (!report.ok) {
        io.out(`\n${t("cli.db.mismatch")}\n`);
        return 1;
      }
      const rows = report.tables.reduce((n, x) => n + x.targetRows, 0);
      io.out(`\n${t("cli.db.done", { rows: fmtInt(rows, io.locale), tables: fmtInt(report.tables.length, io.locale) })}\n`);
      if (direction === "export") io.out(`${t("cli.db.nextSteps")}\n`);
      return 0;
    } catch (err) {
      if (err instanceof TransferError) {
        io.err(`xaso db ${direction}: ${err.message}\n${t("cli.db.nothingWritten")}\n`);
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
  summary: "cli.db.summary",
  usage: (t) => t("cli.db.usage"),
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === "export") {
      const { values } = parse(rest, { to: { type: "string" } });
      if (!values.to) throw new UsageError("cli.db.needsTo");
      if (!URL_RE.test(values.to)) throw new UsageError("cli.db.badUrl", { option: "--to" });
      return transfer(io, "export", values.to);
    }
    if (sub === "import") {
      const { values } = parse(rest, { from: { type: "string" } });
      if (!values.from) throw new UsageError("cli.db.needsFrom");
      if (!URL_RE.test(values.from)) throw new UsageError("cli.db.badUrl", { option: "--from" });
      return transfer(io, "import", values.from);
    }
    throw sub ? new UsageError("cli.db.unknownSubcommand", { name: sub }) : new UsageError("cli.db.needsSubcommand");
  },
};
