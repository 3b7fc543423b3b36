// The audio of a notice as played on the loudspeakers (its newest bulletin's file), for the public notice page's
// player, or null. Filled by the loudspeakers part.
import type { Queryable } from "../../../platform/db/database.ts";

export async function noticeAudioFile(_q: Queryable, _noticeId: string): Promise<{ fileId: string; mime: string } | null> {
  return null;
}
