// xaso seed-demo: loads the demo commune and accounts (once).
import { DEMO_PASSWORD, seedDemo } from "../../demo/seed-demo.ts";
import { parse } from "../args.ts";
import type { Command } from "../io.ts";
import { withRuntime } from "../runtime.ts";

export const seedDemoCommand: Command = {
  name: "seed-demo",
  summary: "Load the demo commune (Xã Gia Phú) and one account per role",
  usage: `xaso seed-demo

Creates villages in Xã Gia Phú (Tỉnh Lào Cai) and one demo account per role, all with the
password "${DEMO_PASSWORD}". Does nothing when the "admin" account already exists.
Needs province 15 in SERVED_PROVINCES. Never run it on a production database.`,
  async run(args, io) {
    parse(args, {});
    return withRuntime(io, {}, async (rt) => {
      const result = await seedDemo(rt);
      if (!result.created) {
        io.out('Demo data is already there (the "admin" account exists); nothing changed.\n');
      } else {
        io.out(`Demo data loaded. Accounts (password "${DEMO_PASSWORD}"):\n${result.users.map((u) => `  ${u}\n`).join("")}`);
      }
      return 0;
    });
  },
};
