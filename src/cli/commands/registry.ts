// xaso registry import FILE --commune CODE [--commit]: checks a registry file (docs/community/import.md), prints its
// problems by row and column, and with --commit writes it, all or nothing, with a progress bar on stderr.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { getAdminUnit } from "../../modules/admin-units/index.ts";
import { checkImport, commitImport, consolePrincipal, registryFileFormat } from "../../modules/registry/index.ts";
import { parse } from "../args.ts";
import { type CliIO, type Command, EXIT, fmtInt, InputError, UsageError } from "../io.ts";
import { withRuntime } from "../runtime.ts";

const BAR = 30;

/** "[#########.....................]  1.250/5.000" redrawn in place. */
export function progressBar(done: number, total: number, locale: CliIO["locale"]): string {
  const filled = total > 0 ? Math.round((done / total) * BAR) : BAR;
  return `[${"#".repeat(filled)}${".".repeat(BAR - filled)}] ${fmtInt(done, locale)}/${fmtInt(total, locale)}`;
}

async function importFile(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, { commune: { type: "string" }, commit: { type: "boolean" } }, { positionals: [1, 1] });
  if (!values.commune) throw new UsageError("registryImport.cli.commune");
  const file = path.resolve(positionals[0]!);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new InputError("registryImport.cli.notFound", { file });
  const format = registryFileFormat(undefined, file);
  if (!format) throw new InputError("registryImport.cli.badFormat", { file });
  const bytes = new Uint8Array(await readFile(file));
  const { t, locale } = io;
  const n = (x: number | undefined) => fmtInt(x ?? 0, locale);
  return withRuntime(io, {}, async (rt) => {
    const unit = await getAdminUnit(rt, values.commune!);
    const ctx = { actor: { userId: null, label: "cli:registry-import" }, requestId: null, principal: consolePrincipal(unit) };
    const imp = await checkImport(rt, ctx, { communeCode: unit.code, fileName: path.basename(file), format, bytes });
    const problemCount = imp.summary.problemCount ?? imp.problems.length;
    for (const p of imp.problems) {
      const message = t(p.message, p.params);
      io.err(
        `${p.column ? t("registryImport.problem.at", { sheet: p.sheet, row: p.row, column: p.column, message }) : t("registryImport.problem.atRow", { sheet: p.sheet, row: p.row, message })}\n`,
      );
    }
    if (problemCount > imp.problems.length) io.err(`${t("registryImport.problemsMore", { n: n(problemCount - imp.problems.length) })}\n`);
    for (const d of imp.duplicates) io.err(`${t("registryImport.cli.duplicate", { row: d.row, name: d.fullName, year: d.birthYear })}\n`);
    io.out(
      `${t("registryImport.cli.checked", {
        file: path.basename(file),
        people: n(imp.summary.people),
        households: n(imp.summary.households),
        problems: n(problemCount),
        duplicates: n(imp.duplicates.length),
        id: imp.id,
      })}\n`,
    );
    if (problemCount > 0) {
      io.out(`${t("registryImport.cli.hasProblems")}\n`);
      return EXIT.dataError;
    }
    if (!values.commit) {
      io.out(`${t("registryImport.cli.notCommitted")}\n`);
      return EXIT.ok;
    }
    // At the console there is no one to ask: a possible duplicate is skipped, the registry's copy kept.
    const decisions = imp.duplicates.map((d) => ({ row: d.row, action: "skip" as const }));
    io.err(`\r${progressBar(0, imp.totalRows - decisions.length, locale)}`);
    const done = await commitImport(rt, ctx, imp.id, { decisions }, (k, total) => io.err(`\r${progressBar(k, total, locale)}`));
    io.err("\n");
    const imported = done.summary.imported!;
    io.out(`${t("registryImport.cli.committed", { households: n(imported.households), people: n(imported.people), skipped: n(imported.skipped) })}\n`);
    return EXIT.ok;
  });
}

export const registryCommand: Command = {
  name: "registry",
  summary: "registryImport.cli.summary",
  usage: (t) => t("registryImport.cli.usage"),
  async run(args, io) {
    const [sub, ...rest] = args;
    if (!sub) throw new UsageError("cli.args.missing");
    if (sub !== "import") throw new UsageError("cli.args.unexpected", { arg: sub });
    return importFile(rest, io);
  },
};
