// Entry of the `xaso` command line: `npm run xaso -- <command>` or bin/xaso.mjs. See `xaso help`.
import { registerModuleMessages } from "../module-messages.ts";
import { runCli } from "./cli.ts";

registerModuleMessages();

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  stdin: process.stdin,
});
process.exitCode = code;
