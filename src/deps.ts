// What every use case may receive. Wired with functions in main.ts and in tests (no container).
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import type { Database } from "./platform/db/database.ts";
import type { EventBus } from "./platform/events/domain-events.ts";

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

export type Deps = {
  config: Config;
  db: Database;
  events: EventBus;
  clock: Clock;
  log: Logger;
};
