// Dispatches `xaso <command> …` and turns every expected failure into a message and an exit code.
import { ConfigError } from "../config.ts";
import { ImportFileError } from "../modules/admin-units/index.ts";
import { AppError, localizeField } from "../platform/http/app-error.ts";
import { translator } from "../platform/i18n/i18n.ts";
import { auditVerifyCommand } from "./commands/audit-verify.ts";
import { createAdminCommand } from "./commands/create-admin.ts";
import { dbCommand } from "./commands/db.ts";
import { makeHelpCommand, overview } from "./commands/help.ts";
import { importAdminUnitsCommand } from "./commands/import-admin-units.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { seedDemoCommand } from "./commands/seed-demo.ts";
import { type CliIO, type Command, EXIT, InputError, UsageError } from "./io.ts";

export const COMMANDS: Command[] = [
  migrateCommand,
  seedDemoCommand,
  importAdminUnitsCommand,
  createAdminCommand,
  auditVerifyCommand,
  dbCommand,
  makeHelpCommand(() => COMMANDS),
];

function describeAppError(err: AppError): string {
  const t = translator("en");
  return err.fields.length ? err.fields.map((f) => localizeField(f, t)).join("\n  ") : t(err.messageKey, err.params);
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    io.out(overview(COMMANDS));
    return name ? EXIT.ok : EXIT.usage;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`xaso: unknown command "${name}".\n\n${overview(COMMANDS)}`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`Usage: ${cmd.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(`${err.message}\nSee .env.example for every variable.\n`);
      return EXIT.config;
    }
    if (err instanceof UsageError) {
      io.err(`xaso ${name}: ${err.message}\n\nUsage: ${cmd.usage}\n`);
      return EXIT.usage;
    }
    if (err instanceof InputError || err instanceof ImportFileError) {
      io.err(`xaso ${name}: ${err.message}\n`);
      return EXIT.dataError;
    }
    if (err instanceof AppError) {
      io.err(`xaso ${name}: ${describeAppError(err)}\nNothing changed.\n`);
      return err.code === "validation" ? EXIT.dataError : EXIT.failed;
    }
    const e = err as Error;
    io.err(`xaso ${name} failed: ${e?.message ?? String(err)}\n`);
    if (io.env.LOG_LEVEL === "debug" || io.env.LOG_LEVEL === "trace") io.err(`${e?.stack ?? ""}\n`);
    return EXIT.failed;
  }
}
