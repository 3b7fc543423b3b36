// A thin wrapper over node:util parseArgs that turns its errors into UsageError.
// (--help never gets here: cli.ts answers it before running a command.)
import { parseArgs } from "node:util";
import { UsageError } from "./io.ts";

type Options = Record<string, { type: "string" | "boolean"; short?: string }>;
type Values<O extends Options> = { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean };

export function parse<O extends Options>(args: string[], options: O, opts: { positionals?: [min: number, max: number] } = {}): { values: Values<O>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, "."));
  }
  const [min, max] = opts.positionals ?? [0, 0];
  if (parsed.positionals.length < min) throw new UsageError("Missing argument.");
  if (parsed.positionals.length > max) throw new UsageError(`Unexpected argument: ${parsed.positionals[max]}`);
  return { values: parsed.values as Values<O>, positionals: parsed.positionals };
}
