// What a command may touch of the outside world: its environment, its output streams and stdin.
// main.ts passes the real process; tests pass strings and buffers.
import type { Readable } from "node:stream";
import type { Logger } from "pino";
import { formatNumber } from "../platform/i18n/format.ts";
import { type Locale, type MessageKey, type Translate, translator } from "../platform/i18n/i18n.ts";

type Params = Record<string, string | number>;

/** What main.ts and tests hand to runCli; runCli adds the language (see withLanguage). */
export type CliStreams = {
  env: Record<string, string | undefined>;
  /** Normal output (results, tables). */
  out(text: string): void;
  /** Problems and prompts. */
  err(text: string): void;
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  /** Overrides the logger built from LOG_LEVEL (logs go to stderr so stdout stays clean). */
  log?: Logger;
};

export type CliIO = CliStreams & {
  /** The CLI's language (see cliLocale). */
  locale: Locale;
  /** Message in the CLI's language. */
  t: Translate;
};

/** XASO_LANG (vi|en) if set, else LC_ALL, else LANG starting with vi or en, else Vietnamese. */
export function cliLocale(env: Record<string, string | undefined>): Locale {
  for (const v of [env.XASO_LANG, env.LC_ALL, env.LANG]) {
    const lang = v?.trim().toLowerCase().slice(0, 2);
    if (lang === "vi" || lang === "en") return lang;
  }
  return "vi";
}

export function withLanguage(io: CliStreams): CliIO {
  const locale = cliLocale(io.env);
  return { ...io, locale, t: translator(locale) };
}

export type Command = {
  name: string;
  /** One line for `xaso help`. */
  summary: MessageKey;
  /** Full usage text for `xaso help <command>`. */
  usage: (t: Translate) => string;
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

/** An error whose text comes from the catalogue; `message` is the English text (for logs). */
class CliMessageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(translator("en")(key, params));
  }
}
/** Bad arguments: printed with the command's usage, exit 64. */
export class UsageError extends CliMessageError {}
/** Bad input (file, password, username): printed as is, exit 65. */
export class InputError extends CliMessageError {}

/** A connection string without its password, safe to print. */
export function redactUrl(url: string, t: Translate): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return t("cli.invalidUrl");
  }
}

export const fmtInt = (n: number, locale: Locale = "en") => formatNumber(n, locale);
