// How a report's photos are shown, for every face: thumbnails linking to the 1600-px copy, with width and height
// set (no layout shift, no CSS needed) and, where the viewer may know it, a line saying a photo was hidden and why.
// The public page passes only the photos listReportPhotos(…, { includeHidden: false }) returns.
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { reportPaths } from "../report-paths.ts";
import type { ReportPhotoRow } from "../reports.repository.ts";

export const THUMB_DISPLAY_WIDTH = 160;

/** Whose addresses: the public copy, the reporter's private link, or an officer's. */
export type PhotoViewer = { kind: "public" } | { kind: "follow"; code: string; token: string } | { kind: "office" };

export function photoUrl(viewer: PhotoViewer, photoId: string, thumb: boolean): string {
  const full =
    viewer.kind === "public"
      ? reportPaths.photo(photoId)
      : viewer.kind === "follow"
        ? reportPaths.followPhoto(viewer.code, viewer.token, photoId)
        : reportPaths.officePhoto(photoId);
  return thumb ? `${full}?w=320` : full;
}

const displayHeight = (p: Pick<ReportPhotoRow, "width" | "height">) =>
  p.width && p.height ? Math.max(1, Math.round((THUMB_DISPLAY_WIDTH * p.height) / p.width)) : undefined;

/** One photo as a linked thumbnail; the alt text says whose photo it is (the report's or the answer's) and its number. */
export function PhotoThumb(props: { t: Translate; viewer: PhotoViewer; photo: ReportPhotoRow; n: number }) {
  const { t, photo } = props;
  const alt = t(photo.stage === "answer" ? "reports.photos.moderation.answerPhotoAlt" : "reports.photos.moderation.photoAlt", { n: String(props.n) });
  return (
    <a href={photoUrl(props.viewer, photo.id, false)}>
      <img src={photoUrl(props.viewer, photo.id, true)} alt={alt} width={THUMB_DISPLAY_WIDTH} height={displayHeight(photo)} loading="lazy" decoding="async" />
    </a>
  );
}

/**
 * The photos of one stage for the reporter's private page (or the public page): hidden ones are not shown to the
 * public at all, and to the reporter as a line with the reason ("the reporter's page says a photo was hidden").
 */
export function ReportPhotos(props: { t: Translate; viewer: PhotoViewer; photos: readonly ReportPhotoRow[]; stage?: "report" | "answer" }) {
  const { t, viewer } = props;
  const photos = props.photos.filter((p) => !props.stage || p.stage === props.stage);
  const shown = viewer.kind === "public" ? photos.filter((p) => p.hiddenAt === null) : photos;
  if (shown.length === 0) return null;
  return (
    <ul class="report-photos">
      {shown.map((p, i) => (
        <li>
          {p.hiddenAt !== null && viewer.kind !== "office" && (
            <p class="notice">{p.hiddenReason ? t("reports.photos.hiddenNotice", { reason: p.hiddenReason }) : t("reports.photos.hiddenNoticeGeneric")}</p>
          )}
          <PhotoThumb t={t} viewer={viewer} photo={p} n={i + 1} />
        </li>
      ))}
    </ul>
  );
}

/** For the reporter's private page: their report was withdrawn from the public page, and why (null when it was not). */
export function ReportHiddenNotice(props: { t: Translate; report: { hiddenAt: Date | null; hiddenReason: string | null } }) {
  if (!props.report.hiddenAt) return null;
  return <p class="notice">{props.t("reports.photos.reportHiddenNotice", { reason: props.report.hiddenReason ?? "" })}</p>;
}
