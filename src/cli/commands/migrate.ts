// xaso migrate: applies pending migrations; safe to run again.
import { migrate } from "../../platform/db/migrator.ts";
import { markIfProduction } from "../../platform/db/production-mark.ts";
import { parse } from "../args.ts";
import type { Command } from "../io.ts";
import { withRuntime } from "../runtime.ts";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "cli.migrate.summary",
  usage: (t) => t("cli.migrate.usage"),
  async run(args, io) {
    parse(args, {});
    return withRuntime(io, { migrate: false, loadReference: false }, async (rt) => {
      const result = await migrate(rt.db);
      await markIfProduction(rt.config.env, rt.db, rt.log);
      const engine = io.t(`cli.engine.${rt.engine}`);
      if (result.applied.length === 0) {
        io.out(`${io.t("cli.migrate.upToDate", { count: result.alreadyApplied, engine })}\n`);
      } else {
        io.out(`${io.t("cli.migrate.applied", { count: result.applied.length, engine })}\n${result.applied.map((m) => `  ${m}\n`).join("")}`);
      }
      return 0;
    });
  },
};
