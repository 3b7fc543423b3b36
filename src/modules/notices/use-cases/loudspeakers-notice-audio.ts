// The audio of a notice as played on the loudspeakers (its newest bulletin's file), for the public notice page's
// player, or null. Only a PUBLISHED notice's: a draft's, a scheduled one's or a withdrawn one's is never public.
import type { Queryable } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { readFileMeta } from "../../../platform/files/file-store.ts";
import { newestNoticeAudio } from "../loudspeakers/loudspeakers.repository.ts";
import { findNotice } from "../notices.repository.ts";

export async function noticeAudioFile(q: Queryable, noticeId: string): Promise<{ fileId: string; mime: string } | null> {
  if (!isUuid(noticeId)) return null;
  const notice = await findNotice(q, noticeId);
  if (notice?.status !== "published") return null;
  const fileId = await newestNoticeAudio(q, noticeId);
  const meta = fileId ? await readFileMeta(q, fileId) : null;
  return meta ? { fileId: meta.id, mime: meta.mediaType } : null;
}
