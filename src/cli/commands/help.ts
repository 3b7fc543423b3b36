// xaso help [COMMAND]
import type { Translate } from "../../platform/i18n/i18n.ts";
import type { Command } from "../io.ts";
import { UsageError } from "../io.ts";

export function overview(commands: Command[], t: Translate): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return t("cli.help.overview", { commands: commands.map((c) => `  ${c.name.padEnd(width)}  ${t(c.summary)}`).join("\n") });
}

export function makeHelpCommand(commands: () => Command[]): Command {
  return {
    name: "help",
    summary: "cli.help.summary",
    usage: (t) => t("cli.help.usage"),
    async run(args, io) {
      const [name] = args;
      if (!name) {
        io.out(overview(commands(), io.t));
        return 0;
      }
      const cmd = commands().find((c) => c.name === name);
      if (!cmd) throw new UsageError("cli.help.unknownCommand", { name });
      io.out(`${io.t("cli.usage", { usage: cmd.usage(io.t) })}\n`);
      return 0;
    },
  };
}
