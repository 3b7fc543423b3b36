// Who sees which photo, and which copy. The public copy (or its thumbnail) goes to anyone while the photo is not
// hidden and its report is public, not hidden and not rejected; to the reporter through their private follow link
// and to officers who see the report even when hidden; the original as received (it may carry the GPS position)
// only to officers who see the report, each read audited as a read of personal data.
import { timingSafeEqual } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { readFileMeta, readStoredFile, type StoredFileContent, type StoredFileMeta } from "../../../platform/files/file-store.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import { visibleReport } from "../report-access.ts";
import { findPhotoWithReport, followTokenHash, type PhotoWithReport } from "../photos/photos.repository.ts";
import { hashFollowToken } from "../reporting/report-code.ts";

export type PhotoVariant = "full" | "thumb";
/** The file to send, loaded only when the caller's copy (its ETag) is not already the same. */
export type PhotoFile = { meta: StoredFileMeta; load: () => Promise<StoredFileContent> };

/** Shown on the public page: the photo and its report both visible to everyone. */
export const isPublicPhoto = (p: PhotoWithReport): boolean =>
  p.hiddenAt === null && p.report.public && p.report.hiddenAt === null && p.report.status !== "rejected";

async function fileOf(deps: Pick<Deps, "db">, photo: PhotoWithReport, variant: PhotoVariant): Promise<PhotoFile> {
  const id = variant === "thumb" && photo.thumbFileId ? photo.thumbFileId : photo.fileId;
  const meta = await readFileMeta(deps.db, id);
  if (!meta) throw notFound();
  return {
    meta,
    load: async () => {
      const file = await readStoredFile(deps.db, id);
      if (!file) throw notFound();
      return file;
    },
  };
}

async function photoById(deps: Pick<Deps, "db">, photoId: string): Promise<PhotoWithReport> {
  const photo = isUuid(photoId) ? await findPhotoWithReport(deps.db, photoId) : null;
  if (!photo) throw notFound();
  return photo;
}

/** Anyone: 404 unless the photo is on the public page (a hidden photo is not even confirmed to exist). */
export async function getPublicPhoto(deps: Pick<Deps, "db">, photoId: string, variant: PhotoVariant): Promise<PhotoFile> {
  const photo = await photoById(deps, photoId);
  if (!isPublicPhoto(photo)) throw notFound();
  return fileOf(deps, photo, variant);
}

/** The follow link's secret, hashed as the reporting part stores it, compared in constant time with the stored hash. */
export function followTokenMatches(token: string, storedHash: string | null): boolean {
  if (!storedHash || !/^[A-Za-z0-9_-]{16,128}$/.test(token)) return false;
  const given = Buffer.from(hashFollowToken(token));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The reporter, through their private link (report code + secret): their photos even when hidden from the public. */
export async function getFollowPhoto(
  deps: Pick<Deps, "db">,
  input: { code: string; token: string; photoId: string; variant: PhotoVariant },
): Promise<PhotoFile> {
  const photo = await photoById(deps, input.photoId);
  if (photo.report.code !== input.code.trim().toUpperCase()) throw notFound();
  if (!followTokenMatches(input.token, await followTokenHash(deps.db, photo.reportId))) throw notFound();
  return fileOf(deps, photo, input.variant);
}

/** Officers who see the report (report-access.ts): the public copy even when hidden. */
export async function getOfficePhoto(deps: Pick<Deps, "db">, principal: Principal | null, photoId: string, variant: PhotoVariant): Promise<PhotoFile> {
  const photo = await photoById(deps, photoId);
  await visibleReport(deps.db, principal, photo.reportId);
  return fileOf(deps, photo, variant);
}

/** The original as received, for officers who see the report; audited (it may carry where and when it was taken). */
export async function getOriginalPhoto(
  deps: Pick<Deps, "db" | "events">,
  ctx: Context & { principal: Principal | null },
  photoId: string,
): Promise<StoredFileContent> {
  const photo = await photoById(deps, photoId);
  const report = await visibleReport(deps.db, ctx.principal, photo.reportId);
  const file = await readStoredFile(deps.db, photo.originalFileId ?? photo.fileId);
  if (!file) throw notFound();
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "reportPhoto", id: photo.id },
    adminUnitCode: report.villageCode ?? report.communeCode,
    details: { part: "original", reportId: report.id, reportCode: report.code },
  });
  return file;
}
