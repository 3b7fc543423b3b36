// Opens the configured database for one command and always closes it (stopping the embedded server).
import pino, { type Logger } from "pino";
import { type Runtime, startRuntime } from "../bootstrap.ts";
import { type Config, loadConfig } from "../config.ts";
import { createLogger } from "../platform/observability/logger.ts";
import type { CliIO } from "./io.ts";

/** Loads the configuration (throws ConfigError, which main turns into exit 78) and a logger on stderr. */
export function cliConfig(io: CliIO): { config: Config; log: Logger } {
  const config = loadConfig(io.env);
  const log = io.log ?? createLogger(config.logLevel, pino.destination({ dest: 2, sync: true }));
  return { config, log };
}

export async function withRuntime<T>(
  io: CliIO,
  opts: { migrate?: boolean; loadReference?: boolean },
  fn: (runtime: Runtime, config: Config) => Promise<T>,
): Promise<T> {
  const { config, log } = cliConfig(io);
  const runtime = await startRuntime(config, log, opts);
  try {
    return await fn(runtime, config);
  } finally {
    await runtime.close();
  }
}
