import { describe, expect, it } from "vitest";
import { translator } from "../../../platform/i18n/i18n.ts";
import type { ReportPhotoRow } from "../reports.repository.ts";
import { ReportHiddenNotice, ReportPhotos } from "./photo-view.tsx";

const t = translator("vi");
const photo = (id: string, hidden: string | null): ReportPhotoRow => ({
  id,
  reportId: "r",
  stage: "report",
  fileId: "f",
  originalFileId: null,
  width: 1600,
  height: 1200,
  hiddenAt: hidden ? new Date() : null,
  hiddenReason: hidden,
  createdAt: new Date(),
});
const html = (node: unknown) => String(node);

describe("ReportPhotos", () => {
  const photos = [photo("11111111-1111-4111-8111-111111111111", null), photo("22222222-2222-4222-8222-222222222222", "Có khuôn mặt")];

  it("shows the public only what is not hidden, as thumbnails sized without CSS", () => {
    const out = html(ReportPhotos({ t, viewer: { kind: "public" }, photos }));
    expect(out).toContain('src="/reports/photos/11111111-1111-4111-8111-111111111111.jpg?w=320"');
    expect(out).toContain('width="160" height="120"');
    expect(out).not.toContain("22222222");
    expect(out).not.toContain("Có khuôn mặt");
  });

  it("tells the reporter a photo was hidden, and why, and still shows it through their link", () => {
    const out = html(ReportPhotos({ t, viewer: { kind: "follow", code: "PA-1", token: "secret-secret-secret" }, photos }));
    expect(out).toContain("Một ảnh đã được ẩn khỏi trang công khai. Lý do: Có khuôn mặt");
    expect(out).toContain("/reports/follow/PA-1/secret-secret-secret/photos/22222222-2222-4222-8222-222222222222.jpg?w=320");
  });

  it("says nothing when there is nothing to show", () => {
    expect(ReportPhotos({ t, viewer: { kind: "public" }, photos: [photos[1]!] })).toBeNull();
    expect(ReportHiddenNotice({ t, report: { hiddenAt: null, hiddenReason: null } })).toBeNull();
    expect(html(ReportHiddenNotice({ t, report: { hiddenAt: new Date(), hiddenReason: "Nêu tên người khác" } }))).toContain("Lý do: Nêu tên người khác");
  });
});
