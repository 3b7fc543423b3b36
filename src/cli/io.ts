// What a command may touch of the outside world: its environment, its output streams and stdin.
// main.ts passes the real process; tests pass strings and buffers.
import type { Readable } from "node:stream";
import type { Logger } from "pino";

export type CliIO = {
  env: Record<string, string | undefined>;
  /** Normal output (results, tables). */
  out(text: string): void;
  /** Problems and prompts. */
  err(text: string): void;
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  /** Overrides the logger built from LOG_LEVEL (logs go to stderr so stdout stays clean). */
  log?: Logger;
};

export type Command = {
  name: string;
  /** One line for `xaso help`. */
  summary: string;
  /** Full usage text for `xaso help <command>`. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
};

/** Exit codes (sysexits.h where one fits). */
export const EXIT = {
  ok: 0,
  failed: 1, // the command ran and found a problem (broken audit chain, checksum mismatch, unexpected error)
  usage: 64, // EX_USAGE: bad arguments
  dataError: 65, // EX_DATAERR: bad input file or value
  config: 78, // EX_CONFIG: bad environment variables
} as const;

/** Bad arguments: printed with the command's usage, exit 64. */
export class UsageError extends Error {}
/** Bad input (file, password, username): printed as is, exit 65. */
export class InputError extends Error {}

/** A connection string without its password, safe to print. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid URL)";
  }
}

export const fmtInt = (n: number) => n.toLocaleString("en-US");
