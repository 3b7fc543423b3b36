// A station as its manager sees it: its row, its week's slots, the notices it may play, and this week's plays.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { addDays, isoWeekday, localDayOf, localInstant } from "../loudspeakers/broadcast-week.ts";
import * as repo from "../loudspeakers/loudspeakers.repository.ts";
import { managedStation } from "./loudspeakers-station-access.ts";

export type StationView = {
  station: repo.StationRow;
  slots: repo.SlotRow[];
  notices: repo.EligibleNotice[];
  plays: repo.PlayRow[];
  /** Monday of this week (Vietnam's calendar). */
  weekStart: string;
};

export async function getStation(deps: Pick<Deps, "db" | "clock">, p: Principal | null, id: string): Promise<StationView> {
  const station = await managedStation(deps.db, p, id);
  const today = localDayOf(deps.clock.now());
  const weekStart = addDays(today, 1 - isoWeekday(today));
  const [slots, notices, plays] = await Promise.all([
    repo.listSlots(deps.db, station.id),
    repo.eligibleNotices(deps.db, station),
    repo.listPlays(deps.db, { stationId: station.id }, localInstant(weekStart, 0)),
  ]);
  return { station, slots, notices, plays, weekStart };
}
