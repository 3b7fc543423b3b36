// The play log: one station's plays, or one notice's plays on the stations an officer manages, with this week's
// count against what was scheduled ("phát 3/3 lần tuần này").
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { addDays, isoWeekday, localDayOf, localInstant, occurrences } from "../loudspeakers/broadcast-week.ts";
import * as repo from "../loudspeakers/loudspeakers.repository.ts";
import { visibleNotice } from "../notice-access.ts";
import { managedStation, stationPaths } from "./loudspeakers-station-access.ts";

export type PlayLog = { plays: repo.PlayRow[]; playedThisWeek: number; scheduledThisWeek: number; weekStart: string };

function weekOf(now: Date) {
  const today = localDayOf(now);
  return addDays(today, 1 - isoWeekday(today));
}

export async function stationPlayLog(deps: Pick<Deps, "db" | "clock">, p: Principal | null, stationId: string, days = 30): Promise<PlayLog> {
  const station = await managedStation(deps.db, p, stationId);
  const now = deps.clock.now();
  const weekStart = weekOf(now);
  const since = new Date(Math.min(now.getTime() - days * 86_400_000, localInstant(weekStart, 0).getTime()));
  const [plays, slots] = await Promise.all([repo.listPlays(deps.db, { stationId: station.id }, since), repo.listSlots(deps.db, station.id)]);
  return summarise(plays, slots, weekStart);
}

export async function noticePlayLog(deps: Pick<Deps, "db" | "clock">, p: Principal | null, noticeId: string): Promise<PlayLog> {
  const notice = await visibleNotice(deps.db, p, noticeId);
  const weekStart = weekOf(deps.clock.now());
  const paths = stationPaths(p);
  const plays = await repo.listPlays(deps.db, { noticeId: notice.id, paths }, new Date(deps.clock.now().getTime() - 90 * 86_400_000));
  const stations = await repo.listStations(deps.db, paths);
  const slots = (await Promise.all(stations.map((s) => repo.listSlots(deps.db, s.id)))).flat().filter((s) => s.noticeId === notice.id);
  return summarise(plays, slots, weekStart);
}

function summarise(plays: repo.PlayRow[], slots: repo.SlotRow[], weekStart: string): PlayLog {
  const from = localInstant(weekStart, 0).getTime();
  const slotIds = new Set(slots.map((s) => s.id));
  return {
    plays,
    playedThisWeek: plays.filter((x) => x.status === "played" && x.startedAt.getTime() >= from && slotIds.has(x.slotId)).length,
    scheduledThisWeek: occurrences(slots, weekStart, 7).length,
    weekStart,
  };
}
