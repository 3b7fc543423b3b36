// What a station's player polls: its slots of the coming 7 days, each with the audio's address, hash and size. The
// key is the station's Bearer; the ETag is the content's hash so an unchanged week answers 304.
import { createHash } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { readFilesMeta } from "../../../platform/files/file-store.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { localDayOf, occurrences } from "../loudspeakers/broadcast-week.ts";
import * as repo from "../loudspeakers/loudspeakers.repository.ts";
import { sameKeyHash, stationKeyHash } from "../loudspeakers/station-key.ts";
import { noticeApiPaths } from "../notice-paths.ts";

export const FEED_DAYS = 7;

/** The station the key opens, or 401 (no key, a wrong key, a key of another station: all alike). */
export async function stationByKey(q: Queryable, id: string, key: string | null): Promise<repo.StationRow> {
  const station = key && isUuid(id) ? await repo.findStation(q, id) : null;
  if (!station || !key || !sameKeyHash(station.keyHash, stationKeyHash(key))) throw new AppError("unauthenticated", "notices.loudspeakers.error.key");
  return station;
}

const vnIso = (d: Date) => `${new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;

export type FeedItem = {
  slotId: string;
  noticeId: string;
  title: string;
  start: string;
  end: string;
  audio: { url: string; mime: string; sha256: string; size: number; seconds: number };
};
export type StationFeed = { stationId: string; name: string; from: string; days: number; items: FeedItem[] };

export async function stationFeed(deps: Pick<Deps, "db" | "clock">, id: string, key: string | null): Promise<{ feed: StationFeed; etag: string }> {
  const station = await stationByKey(deps.db, id, key);
  const now = deps.clock.now();
  const from = localDayOf(now);
  await repo.markPolled(deps.db, station.id, now);
  const slots = station.active ? await repo.playableSlots(deps.db, station.id, from) : [];
  const files = await readFilesMeta(
    deps.db,
    slots.map((s) => s.audioFileId),
  );
  const items: FeedItem[] = [];
  for (const o of occurrences(slots, from, FEED_DAYS)) {
    if (o.end <= now) continue;
    const f = files.get(o.slot.audioFileId);
    if (!f) continue;
    items.push({
      slotId: o.slot.id,
      noticeId: o.slot.noticeId,
      title: o.slot.noticeTitle,
      start: vnIso(o.start),
      end: vnIso(o.end),
      audio: {
        url: noticeApiPaths.stationAudio.replace("{id}", station.id).replace("{slotId}", o.slot.id),
        mime: f.mediaType,
        sha256: f.sha256,
        size: f.sizeBytes,
        seconds: o.slot.audioSeconds,
      },
    });
  }
  const feed = { stationId: station.id, name: station.name, from, days: FEED_DAYS, items };
  const etag = `"${createHash("sha256").update(JSON.stringify(feed)).digest("base64url").slice(0, 27)}"`;
  return { feed, etag };
}
