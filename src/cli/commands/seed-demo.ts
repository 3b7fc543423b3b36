// xaso seed-demo: loads the demo commune and accounts (once); never on a production database.
import { loadConfig } from "../../config.ts";
import { DEMO_PASSWORD, seedDemo } from "../../demo/seed-demo.ts";
import { seedCommunityDemo } from "../../demo/seed-community.ts";
import { seedPublicServicesDemo } from "../../demo/seed-public-services.ts";
import { seedNoticesDemo } from "../../demo/seed-notices.ts";
import { seedIndicatorsEntryDemo } from "../../demo/seed-indicators-entry.ts";
import { seedReportsDemo } from "../../demo/seed-reports.ts";
import { refreshFacts } from "../../modules/indicators/index.ts";
import { isProductionDatabase } from "../../platform/db/production-mark.ts";
import { parse } from "../args.ts";
import { type Command, EXIT } from "../io.ts";
import { withRuntime } from "../runtime.ts";

export const seedDemoCommand: Command = {
  name: "seed-demo",
  summary: "cli.seedDemo.summary",
  usage: (t) => t("cli.seedDemo.usage", { password: DEMO_PASSWORD }),
  async run(args, io) {
    parse(args, {});
    // Refused before the database is opened: the demo's known-password administrator must never reach production.
    if (loadConfig(io.env).env === "production") {
      io.err(`xaso seed-demo: ${io.t("cli.seedDemo.refusedProduction")}\n`);
      return EXIT.failed;
    }
    return withRuntime(io, {}, async (rt) => {
      // A development-mode command pointed at a production DATABASE_URL: the database's own mark says so.
      if (await isProductionDatabase(rt.db)) {
        io.err(`xaso seed-demo: ${io.t("cli.seedDemo.refusedMarked")}\n`);
        return EXIT.failed;
      }
      const result = await seedDemo(rt);
      await seedPublicServicesDemo(rt);
      await seedCommunityDemo(rt);
      await seedReportsDemo(rt);
      await seedNoticesDemo(rt);
      await seedIndicatorsEntryDemo(rt);
      // The indicators read daily facts: compute them once so the demo dashboards show figures at once.
      await refreshFacts(rt);
      if (!result.created) {
        io.out(`${io.t("cli.seedDemo.exists")}\n`);
      } else {
        io.out(`${io.t("cli.seedDemo.loaded", { password: DEMO_PASSWORD })}\n${result.users.map((u) => `  ${u}\n`).join("")}`);
      }
      return 0;
    });
  },
};
