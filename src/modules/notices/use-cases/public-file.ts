// The files of a public notice: an attachment (noticePaths.attachment) and the loudspeaker audio (noticePaths.audio).
// Only a notice the public may read gives out its files; anything else is a 404 that confirms nothing. The bytes are
// loaded only when the caller's copy (its ETag) is not already the same.
import type { Deps } from "../../../deps.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { readFileMeta, readStoredFile, type StoredFileContent, type StoredFileMeta } from "../../../platform/files/file-store.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import * as repo from "../public/public.repository.ts";
import { noticeAudioFile } from "./loudspeakers-notice-audio.ts";

type D = Pick<Deps, "db">;

export type PublicFile = { name: string; meta: StoredFileMeta; load: () => Promise<StoredFileContent> };

async function fileOf(deps: D, fileId: string, name: string): Promise<PublicFile> {
  const meta = await readFileMeta(deps.db, fileId);
  if (!meta) throw notFound();
  return {
    name,
    meta,
    load: async () => {
      const file = await readStoredFile(deps.db, fileId);
      if (!file) throw notFound();
      return file;
    },
  };
}

export async function getPublicAttachment(deps: D, noticeId: string, fileId: string): Promise<PublicFile> {
  if (!isUuid(noticeId) || !isUuid(fileId)) throw notFound();
  const ref = await repo.publicAttachment(deps.db, noticeId, fileId);
  if (!ref) throw notFound();
  return fileOf(deps, ref.fileId, ref.name);
}

/** The audio the loudspeakers play for the notice (the loudspeakers part chooses which), when the notice is public. */
export async function getPublicNoticeAudio(deps: D, noticeId: string): Promise<PublicFile & { mime: string }> {
  if (!isUuid(noticeId) || !(await repo.publicNoticeLink(deps.db, noticeId))) throw notFound();
  const audio = await noticeAudioFile(deps.db, noticeId);
  if (!audio) throw notFound();
  const file = await fileOf(deps, audio.fileId, "");
  return { ...file, name: file.meta.name, mime: audio.mime };
}
