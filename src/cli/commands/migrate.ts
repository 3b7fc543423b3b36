// xaso migrate: applies pending migrations; safe to run again.
import { migrate } from "../../platform/db/migrator.ts";
import { parse } from "../args.ts";
import type { Command } from "../io.ts";
import { withRuntime } from "../runtime.ts";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "Apply pending database migrations (safe to run again)",
  usage: `xaso migrate

Applies every migration in migrations/ that the database has not seen yet, each in its own
transaction, and prints what it did. Running it again applies nothing.`,
  async run(args, io) {
    parse(args, {});
    return withRuntime(io, { migrate: false, loadReference: false }, async (rt) => {
      const result = await migrate(rt.db);
      if (result.applied.length === 0) {
        io.out(`Database is up to date (${result.alreadyApplied} migrations applied earlier, ${rt.engine} database).\n`);
      } else {
        io.out(`Applied ${result.applied.length} migration(s) to the ${rt.engine} database:\n${result.applied.map((m) => `  ${m}\n`).join("")}`);
      }
      return 0;
    });
  },
};
