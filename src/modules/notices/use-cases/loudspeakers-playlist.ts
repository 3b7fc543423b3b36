// The playlist for a station that takes a USB stick: a zip with playlist.m3u (the coming 7 days' plays in order,
// #EXTINF with duration and title) and each audio file once.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { readStoredFile } from "../../../platform/files/file-store.ts";
import { buildM3u, formatClock, localDayOf, occurrences } from "../loudspeakers/broadcast-week.ts";
import * as repo from "../loudspeakers/loudspeakers.repository.ts";
import { storedZip, type ZipEntry } from "../loudspeakers/stored-zip.ts";
import { managedStation } from "./loudspeakers-station-access.ts";
import { FEED_DAYS } from "./loudspeakers-feed.ts";

const EXT: Record<string, string> = { "audio/mpeg": "mp3", "audio/ogg": "ogg", "audio/wav": "wav" };

export async function stationPlaylist(deps: Pick<Deps, "db" | "clock">, p: Principal | null, id: string): Promise<{ zip: Buffer; fileName: string }> {
  const station = await managedStation(deps.db, p, id);
  const now = deps.clock.now();
  const from = localDayOf(now);
  const slots = await repo.playableSlots(deps.db, station.id, from);
  const files: ZipEntry[] = [];
  const names = new Map<string, { path: string; seconds: number }>();
  for (const s of slots) {
    if (names.has(s.id)) continue;
    const f = await readStoredFile(deps.db, s.audioFileId);
    if (!f) continue;
    const path = `audio/${formatClock(s.startMinute).replace(":", "h")}-${s.id.slice(0, 8)}.${EXT[f.mediaType] ?? "bin"}`;
    names.set(s.id, { path, seconds: s.audioSeconds });
    files.push({ name: path, data: f.content, modified: now });
  }
  const entries = occurrences(slots, from, FEED_DAYS)
    .filter((o) => names.has(o.slot.id))
    .map((o) => ({
      seconds: o.slot.audioSeconds,
      title: `${o.day} ${formatClock(o.slot.startMinute)} ${o.slot.noticeTitle}`,
      path: names.get(o.slot.id)!.path,
    }));
  const m3u = buildM3u(entries);
  const zip = storedZip([{ name: "playlist.m3u", data: Buffer.from(m3u, "utf8"), modified: now }, ...files]);
  return { zip, fileName: `tram-${station.villageCode}-${from}.zip` };
}
