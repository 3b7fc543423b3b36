// One notice as the public sees it (noticePaths.publicNotice, the public API): the text, its unit and villages,
// its attachments, the loudspeaker audio when there is one, and the links between a withdrawn notice and its
// correction. A draft, one in review or one still scheduled is a 404, like an unknown id.
import type { Deps } from "../../../deps.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { readFilesMeta } from "../../../platform/files/file-store.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import * as repo from "../public/public.repository.ts";
import { noticeAudioFile } from "./loudspeakers-notice-audio.ts";

type D = Pick<Deps, "db" | "clock">;

export type PublicAttachment = { fileId: string; name: string; mediaType: string; sizeBytes: number; sha256: string };

export async function getPublicNotice(deps: D, id: string) {
  const notice = isUuid(id) ? await repo.findPublicNotice(deps.db, id, toLocalDay(deps.clock.now())) : null;
  if (!notice) throw notFound();
  const [refs, villages, correction, corrects, audio] = await Promise.all([
    repo.noticeAttachments(deps.db, id),
    repo.unitNames(deps.db, notice.scope === "villages" ? notice.villageCodes : []),
    notice.status === "withdrawn" ? repo.publicCorrectionOf(deps.db, id) : Promise.resolve(null),
    notice.correctsId ? repo.publicNoticeLink(deps.db, notice.correctsId) : Promise.resolve(null),
    noticeAudioFile(deps.db, id),
  ]);
  const metas = await readFilesMeta(
    deps.db,
    refs.map((r) => r.fileId),
  );
  const attachments: PublicAttachment[] = refs.flatMap((r) => {
    const m = metas.get(r.fileId);
    return m ? [{ fileId: r.fileId, name: r.name, mediaType: m.mediaType, sizeBytes: m.sizeBytes, sha256: m.sha256 }] : [];
  });
  return { notice, villages, attachments, correction, corrects, audio };
}
export type PublicNoticeView = Awaited<ReturnType<typeof getPublicNotice>>;
