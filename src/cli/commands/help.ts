// xaso help [COMMAND]
import type { Command } from "../io.ts";
import { UsageError } from "../io.ts";

export function overview(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `XãSố command line

Usage: xaso <command> [options]        (from a checkout: npm run xaso -- <command> [options])

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

The database is the embedded PostgreSQL in DATA_DIR, or DATABASE_URL when set; the other
environment variables are those of the server (see .env.example and docs/operations.md).
Stop the server before running a command on the embedded database.
\`xaso help <command>\` or \`xaso <command> --help\` shows a command's details.

Exit codes: 0 success, 1 failure or verification problem, 64 bad arguments, 65 bad input,
78 bad configuration.
`;
}

export function makeHelpCommand(commands: () => Command[]): Command {
  return {
    name: "help",
    summary: "Show this list, or one command's details",
    usage: "xaso help [COMMAND]",
    async run(args, io) {
      const [name] = args;
      if (!name) {
        io.out(overview(commands()));
        return 0;
      }
      const cmd = commands().find((c) => c.name === name);
      if (!cmd) throw new UsageError(`Unknown command "${name}".`);
      io.out(`Usage: ${cmd.usage}\n`);
      return 0;
    },
  };
}
