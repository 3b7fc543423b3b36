// The live part of the big screen (called numbers, waiting counts): one query, run once per hall change for all
// of a commune's screens by the screen hub. Public data (ticket labels and counters only, no phone numbers).
import type { Deps } from "../../../deps.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { type ScreenQueueState, screenQueueState } from "../screen/screen.repository.ts";

export type { CalledTicket, ScreenQueueState, ServiceWaiting } from "../screen/screen.repository.ts";

export function screenState(deps: Pick<Deps, "db" | "clock">, communeCode: string): Promise<ScreenQueueState> {
  return screenQueueState(deps.db, communeCode, toLocalDay(deps.clock.now()));
}
