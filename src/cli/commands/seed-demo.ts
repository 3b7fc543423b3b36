// xaso seed-demo: loads the demo commune and accounts (once).
import { DEMO_PASSWORD, seedDemo } from "../../demo/seed-demo.ts";
import { seedPublicServicesDemo } from "../../demo/seed-public-services.ts";
import { parse } from "../args.ts";
import type { Command } from "../io.ts";
import { withRuntime } from "../runtime.ts";

export const seedDemoCommand: Command = {
  name: "seed-demo",
  summary: "cli.seedDemo.summary",
  usage: (t) => t("cli.seedDemo.usage", { password: DEMO_PASSWORD }),
  async run(args, io) {
    parse(args, {});
    return withRuntime(io, {}, async (rt) => {
      const result = await seedDemo(rt);
      await seedPublicServicesDemo(rt);
      if (!result.created) {
        io.out(`${io.t("cli.seedDemo.exists")}\n`);
      } else {
        io.out(`${io.t("cli.seedDemo.loaded", { password: DEMO_PASSWORD })}\n${result.users.map((u) => `  ${u}\n`).join("")}`);
      }
      return 0;
    });
  },
};
