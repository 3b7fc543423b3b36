// Dispatches `xaso <command> …` and turns every expected failure into a message and an exit code.
import { ConfigError } from "../config.ts";
import { ImportFileError } from "../modules/admin-units/index.ts";
import { AppError, localizeField } from "../platform/http/app-error.ts";
import type { Translate } from "../platform/i18n/i18n.ts";
import { auditVerifyCommand } from "./commands/audit-verify.ts";
import { createAdminCommand } from "./commands/create-admin.ts";
import { dbCommand } from "./commands/db.ts";
import { generateProvinceCommand } from "./commands/generate-province.ts";
import { makeHelpCommand, overview } from "./commands/help.ts";
import { importAdminUnitsCommand } from "./commands/import-admin-units.ts";
import { indicatorsRefreshCommand } from "./commands/indicators-refresh.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { registryCommand } from "./commands/registry.ts";
import { seedDemoCommand } from "./commands/seed-demo.ts";
import { type CliStreams, type Command, EXIT, InputError, UsageError, withLanguage } from "./io.ts";

export const COMMANDS: Command[] = [
  migrateCommand,
  seedDemoCommand,
  importAdminUnitsCommand,
  createAdminCommand,
  auditVerifyCommand,
  dbCommand,
  registryCommand,
  indicatorsRefreshCommand,
  generateProvinceCommand,
  makeHelpCommand(() => COMMANDS),
];

function describeAppError(err: AppError, t: Translate): string {
  return err.fields.length ? err.fields.map((f) => localizeField(f, t)).join("\n  ") : t(err.messageKey, err.params);
}

export async function runCli(argv: string[], streams: CliStreams): Promise<number> {
  const io = withLanguage(streams);
  const { t } = io;
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    io.out(overview(COMMANDS, t));
    return name ? EXIT.ok : EXIT.usage;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`${t("cli.unknownCommand", { name })}\n\n${overview(COMMANDS, t)}`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${t("cli.usage", { usage: cmd.usage(t) })}\n`);
    return EXIT.ok;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(`${err.message}\n${t("cli.seeEnvExample")}\n`);
      return EXIT.config;
    }
    if (err instanceof UsageError) {
      io.err(`xaso ${name}: ${t(err.key, err.params)}\n\n${t("cli.usage", { usage: cmd.usage(t) })}\n`);
      return EXIT.usage;
    }
    if (err instanceof InputError) {
      io.err(`xaso ${name}: ${t(err.key, err.params)}\n`);
      return EXIT.dataError;
    }
    if (err instanceof ImportFileError) {
      io.err(`xaso ${name}: ${err.message}\n`);
      return EXIT.dataError;
    }
    if (err instanceof AppError) {
      io.err(`xaso ${name}: ${describeAppError(err, t)}\n${t("cli.nothingChanged")}\n`);
      return err.code === "validation" ? EXIT.dataError : EXIT.failed;
    }
    const e = err as Error;
    io.err(`${t("cli.failed", { command: name, message: e?.message ?? String(err) })}\n`);
    if (io.env.LOG_LEVEL === "debug" || io.env.LOG_LEVEL === "trace") io.err(`${e?.stack ?? ""}\n`);
    return EXIT.failed;
  }
}
