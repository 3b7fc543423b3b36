// A thin wrapper over node:util parseArgs that turns its errors into UsageError.
// (--help never gets here: cli.ts answers it before running a command.)
import { parseArgs } from "node:util";
import { UsageError } from "./io.ts";

type Options = Record<string, { type: "string" | "boolean"; short?: string }>;
type Values<O extends Options> = { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean };

/** node's English parseArgs error as a catalogue message (the option is quoted in node's text). */
function usageError(err: Error & { code?: string }): UsageError {
  const option = /'([^']+)'/.exec(err.message)?.[1]?.replace(/ <value>$/, "");
  if (option && err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return new UsageError("cli.args.unknownOption", { option });
  if (option && err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return new UsageError(/argument missing/.test(err.message) ? "cli.args.valueMissing" : "cli.args.noValue", { option });
  }
  return new UsageError("cli.args.invalid", { message: err.message.replace(/\. To specify a positional argument.*$/s, ".") });
}

export function parse<O extends Options>(
  args: string[],
  options: O,
  opts: { positionals?: [min: number, max: number] } = {},
): { values: Values<O>; positionals: string[] } {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError(err as Error);
  }
  const [min, max] = opts.positionals ?? [0, 0];
  if (parsed.positionals.length < min) throw new UsageError("cli.args.missing");
  if (parsed.positionals.length > max) throw new UsageError("cli.args.unexpected", { arg: parsed.positionals[max]! });
  return { values: parsed.values as Values<O>, positionals: parsed.positionals };
}
