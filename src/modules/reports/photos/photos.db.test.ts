// Report photos end to end on the database: what is stored (public copy, thumbnail, original), who gets which copy
// (public, the reporter's private link, officers, the audited original), and moderation by form and API (404 when
// hidden, report_events not public, audit entries).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import sharp from "sharp";
import { beforeAll, expect, it } from "vitest";
import { json, TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildReport, buildReportCategory } from "../../../../test/support/report-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { principalOfUser } from "../../identity/index.ts";
import { uploadQuota } from "../../../platform/files/upload-limits.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { CSRF_HEADER } from "../../../platform/http/csrf.ts";
import { reportPaths } from "../report-paths.ts";
import { hashFollowToken } from "../reporting/report-code.ts";
import { preparePhotos, saveReportPhotos } from "../use-cases/photo-store.ts";

const HEIC = new Uint8Array(readFileSync(new URL("../../../../test/fixtures/images/red-blue-64x48.heic", import.meta.url)));
const GPS_EXIF = {
  IFD0: { Make: "XaSo test", Model: "phone" },
  IFD3: { GPSLatitudeRef: "N", GPSLatitude: "22/1 20/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "104/1 0/1 0/1" },
};
const aJpeg = async (w = 800, h = 600) =>
  new Uint8Array(
    await sharp({ create: { width: w, height: h, channels: 3, background: { r: 90, g: 140, b: 60 } } })
      .jpeg()
      .withExif(GPS_EXIF)
      .toBuffer(),
  );
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describeDb("report photos: storage, serving and moderation", () => {
  const app = useTestApp();
  let x: TestApp;
  let categoryId: string;
  let moderator: TestClient;
  let reader: TestClient;
  let stranger: TestClient;
  let anonymous: TestClient;
  let moderatorId: string;

  const api = (client: TestClient, path: string, body: unknown) =>
    client.request(path, { ...json(body), headers: { "content-type": "application/json", [CSRF_HEADER]: client.csrfToken } });

  /** A report with photos as the reporting part stores them: prepared before, saved inside the transaction. */
  async function reportWithPhotos(
    seed: { public?: boolean; status?: "received" | "accepted" | "rejected" } = {},
    files = [{ name: "IMG_0001.JPG", type: "image/jpeg" as string | null, bytes: null as Uint8Array | null }],
  ) {
    // The factory cannot write a rejection (it needs a reason): rejected as the handling part would leave it.
    const report = await buildReport(x.deps, {
      categoryId,
      status: seed.status === "rejected" ? "received" : (seed.status ?? "accepted"),
      public: seed.public ?? true,
    });
    if (seed.status === "rejected") await x.deps.db.query("UPDATE reports SET status = 'rejected', reject_reason = 'abusive' WHERE id = $1", [report.id]);
    const prepared = await preparePhotos(await Promise.all(files.map(async (f) => ({ name: f.name, claimedType: f.type, bytes: f.bytes ?? (await aJpeg()) }))));
    const photos = await x.deps.db.tx((q) =>
      saveReportPhotos(q, { reportId: report.id, communeCode: GIA_PHU, stage: "report", photos: prepared, actorUserId: null, quota: null }),
    );
    return { ...report, photos };
  }

  beforeAll(async () => {
    x = app();
    categoryId = (await buildReportCategory(x.deps)).id;
    const admin = await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]] });
    moderatorId = admin.id;
    moderator = new TestClient(x.app);
    await moderator.signIn(admin.username, PASSWORD);
    const desk = await buildUser(x.deps, { roles: [["one_stop_officer", GIA_PHU]] });
    reader = new TestClient(x.app);
    await reader.signIn(desk.username, PASSWORD);
    const other = await buildUser(x.deps, { roles: [["commune_admin", BAO_THANG]] });
    stranger = new TestClient(x.app);
    await stranger.signIn(other.username, PASSWORD);
    anonymous = new TestClient(x.app);
  });

  it("stores a public copy and a thumbnail without metadata, and the original as received (HEIC too)", async () => {
    const jpeg = await aJpeg(2400, 1800);
    const r = await reportWithPhotos({}, [
      { name: "IMG_0001.JPG", type: "image/jpeg", bytes: jpeg },
      { name: "IMG_0002.HEIC", type: "image/heic", bytes: HEIC },
    ]);
    expect(r.photos).toHaveLength(2);
    const files = await x.deps.db.query<{ id: string; stage: string; pub: string; thumb: string; orig: string; width: number; height: number }>(
      `SELECT p.id, p.stage, f.media_type AS pub, t.media_type AS thumb, o.media_type AS orig, p.width, p.height
       FROM report_photos p JOIN stored_files f ON f.id = p.file_id JOIN stored_files t ON t.id = p.thumb_file_id
       JOIN stored_files o ON o.id = p.original_file_id WHERE p.report_id = $1 ORDER BY p.created_at, p.id`,
      [r.id],
    );
    expect(files.rows.map((f) => [f.pub, f.thumb, f.orig, f.width, f.height])).toEqual([
      ["image/jpeg", "image/jpeg", "image/jpeg", 1600, 1200],
      ["image/jpeg", "image/jpeg", "image/heic", 64, 48],
    ]);
    const original = await x.deps.db.query<{ content: Buffer }>(
      "SELECT o.content FROM report_photos p JOIN stored_files o ON o.id = p.original_file_id WHERE p.id = $1",
      [r.photos[1]!.id],
    );
    expect(new Uint8Array(original.rows[0]!.content)).toEqual(HEIC);
  });

  it("counts only the original against the uploader's quota, in the caller's transaction", async () => {
    const citizen = await buildUser(x.deps, { kind: "citizen", roles: [] });
    const p = (await principalOfUser(x.deps, citizen.id))!;
    const report = await buildReport(x.deps, { categoryId, reporterUserId: citizen.id });
    const prepared = await preparePhotos([{ name: "a.jpg", claimedType: "image/jpeg", bytes: await aJpeg() }]);
    const quota = { ...uploadQuota(x.deps.config, p, "203.0.113.9", new Date()), limits: { ...x.deps.config.uploads } };
    await x.deps.db.tx((q) =>
      saveReportPhotos(q, { reportId: report.id, communeCode: GIA_PHU, stage: "report", photos: prepared, actorUserId: citizen.id, quota }),
    );
    const hits = await x.deps.db.query<{ n: string }>("SELECT count(*)::text AS n FROM throttle_hits WHERE bucket = 'upload' AND key = $1", [
      `user:${citizen.id}`,
    ]);
    expect(Number(hits.rows[0]!.n)).toBe(1);
  });

  it("refuses what is not a photo with a 4xx naming the field, before anything is stored", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    const jpeg = await aJpeg(40, 30);
    const cases: [string, string | null, Uint8Array, number, string][] = [
      ["scan.pdf", "application/pdf", pdf, 415, "type"],
      ["anh.png", "image/png", jpeg, 415, "mismatch"],
      ["empty.jpg", "image/jpeg", new Uint8Array(), 400, "empty"],
      ["huge.jpg", "image/jpeg", new Uint8Array(11 * 1024 * 1024).fill(0xff), 413, "tooLarge"],
    ];
    for (const [name, type, bytes, status, code] of cases) {
      const err = await preparePhotos([{ name, claimedType: type, bytes }], "photos").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect([(err as AppError).status, (err as AppError).fields[0]]).toMatchObject([status, { field: "photos", code }]);
    }
    const four = await preparePhotos(Array.from({ length: 4 }, () => ({ name: "a.jpg", claimedType: "image/jpeg", bytes: jpeg }))).catch((e: unknown) => e);
    expect((four as AppError).fields[0]).toMatchObject({ field: "photos", code: "tooMany" });
    // A form's file input left empty is no photo at all.
    expect(await preparePhotos([{ name: "", claimedType: "application/octet-stream", bytes: new Uint8Array() }])).toEqual([]);
  });

  it("serves the public copy with an ETag and cache headers, its thumbnail, and 304 when unchanged", async () => {
    const r = await reportWithPhotos();
    const photoId = r.photos[0]!.id;
    const res = await anonymous.get(reportPaths.photo(photoId));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("cache-control")).toBe("public, max-age=86400, s-maxage=600");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const full = await bytesOf(res);
    const meta = await sharp(full).metadata();
    expect([meta.width, meta.exif, Buffer.from(full).includes("XaSo test")]).toEqual([800, undefined, false]);
    const thumb = await anonymous.get(reportPaths.photoThumb(photoId));
    expect((await sharp(await bytesOf(thumb)).metadata()).width).toBe(320);
    const again = await anonymous.get(reportPaths.photo(photoId), { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    for (const bad of ["/reports/photos/not-a-photo.jpg", `/reports/photos/${photoId}`, `/reports/photos/${crypto.randomUUID()}.jpg`]) {
      expect((await anonymous.get(bad)).status).toBe(404);
    }
  });

  it("answers 404 to the public for a photo of a report that is not public, rejected or hidden", async () => {
    const notPublic = await reportWithPhotos({ public: false });
    const rejected = await reportWithPhotos({ status: "rejected" });
    for (const r of [notPublic, rejected]) {
      expect((await anonymous.get(reportPaths.photo(r.photos[0]!.id))).status).toBe(404);
      // Officers who see the report still see it.
      expect((await reader.get(reportPaths.officePhoto(r.photos[0]!.id))).status).toBe(200);
    }
  });

  it("hides a photo by the office form, with a reason: 404 to the public, still there for the reporter and officers", async () => {
    const r = await reportWithPhotos();
    const photoId = r.photos[0]!.id;
    const token = randomBytes(24).toString("base64url");
    await x.deps.db.query("UPDATE reports SET follow_token_hash = $2 WHERE id = $1", [r.id, hashFollowToken(token)]);
    const hideUrl = `${reportPaths.moderation(r.id)}/photos/${photoId}/hide`;

    // No reason: the moderation page again, naming the field; nothing changed.
    const noReason = await moderator.post(hideUrl, { reason: "   " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("cần ghi lý do");
    // Who sees the report without report.moderate: 403; another commune: 404.
    expect((await reader.post(hideUrl, { reason: "Có khuôn mặt" })).status).toBe(403);
    expect((await stranger.post(hideUrl, { reason: "Có khuôn mặt" })).status).toBe(404);
    expect((await anonymous.get(reportPaths.photo(photoId))).status).toBe(200);

    const done = await moderator.post(hideUrl, { reason: "Có khuôn mặt trẻ em", returnTo: reportPaths.moderation(r.id) });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(reportPaths.moderation(r.id));
    expect((await anonymous.get(reportPaths.photo(photoId))).status).toBe(404);
    expect((await anonymous.get(reportPaths.photoThumb(photoId))).status).toBe(404);
    expect((await reader.get(reportPaths.officePhoto(photoId))).status).toBe(200);
    const follow = await anonymous.get(reportPaths.followPhoto(r.code, token, photoId));
    expect([follow.status, follow.headers.get("cache-control"), follow.headers.get("cross-origin-resource-policy")]).toEqual([
      200,
      "private, no-store",
      "same-origin",
    ]);
    expect((await anonymous.get(reportPaths.followPhoto(r.code, `${token.slice(0, -2)}xx`, photoId))).status).toBe(404);
    expect((await stranger.get(reportPaths.officePhoto(photoId))).status).toBe(404);

    const events = await x.deps.db.query("SELECT kind, public, reason, actor_user_id FROM report_events WHERE report_id = $1 AND kind LIKE 'photo_%'", [r.id]);
    expect(events.rows).toEqual([{ kind: "photo_hidden", public: false, reason: "Có khuôn mặt trẻ em", actor_user_id: moderatorId }]);
    const audit = await x.deps.db.query("SELECT action, actor_id, target_type, details FROM audit_log WHERE target_id = $1", [photoId]);
    expect(audit.rows).toMatchObject([
      { action: "report.photoHidden", actor_id: moderatorId, target_type: "reportPhoto", details: { reason: "Có khuôn mặt trẻ em" } },
    ]);

    // Who sees the report without report.moderate sees the states, not the forms.
    const readOnly = await (await reader.get(reportPaths.moderation(r.id))).text();
    expect(readOnly).toContain("Đã ẩn. Lý do: Có khuôn mặt trẻ em");
    expect(readOnly).not.toContain("/unhide");
    // The moderation page says so and offers to show it again; showing it again is recorded too.
    const page = await moderator.get(reportPaths.moderation(r.id));
    expect(await page.text()).toContain("Đã ẩn. Lý do: Có khuôn mặt trẻ em");
    expect((await moderator.post(`${reportPaths.moderation(r.id)}/photos/${photoId}/unhide`, {})).status).toBe(303);
    expect((await anonymous.get(reportPaths.photo(photoId))).status).toBe(200);
    const after = await x.deps.db.query("SELECT action FROM audit_log WHERE target_id = $1 ORDER BY seq", [photoId]);
    expect(after.rows.map((a) => a.action)).toEqual(["report.photoHidden", "report.photoUnhidden"]);
  });

  it("hides a whole report by the API with a reason, and shows it again; a second hide changes nothing", async () => {
    const r = await reportWithPhotos();
    const missing = await api(moderator, `/api/v1/reports/${r.id}/hide`, {});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["reason"]);
    const hidden = await api(moderator, `/api/v1/reports/${r.id}/hide`, { reason: "Nêu số điện thoại của hàng xóm" });
    expect(hidden.status).toBe(200);
    expect(await hidden.json()).toMatchObject({ id: r.id, hidden: true, hiddenReason: "Nêu số điện thoại của hàng xóm", changed: true });
    expect((await anonymous.get(reportPaths.photo(r.photos[0]!.id))).status).toBe(404);
    expect(await (await api(moderator, `/api/v1/reports/${r.id}/hide`, { reason: "again" })).json()).toMatchObject({ changed: false });
    expect((await api(reader, `/api/v1/reports/${r.id}/unhide`, {})).status).toBe(403);
    expect((await api(stranger, `/api/v1/reports/${r.id}/unhide`, {})).status).toBe(404);
    expect(await (await api(moderator, `/api/v1/reports/${r.id}/unhide`, {})).json()).toMatchObject({ hidden: false, changed: true });
    const audit = await x.deps.db.query("SELECT action FROM audit_log WHERE target_id = $1 ORDER BY seq", [r.id]);
    expect(audit.rows.map((a) => a.action)).toEqual(["report.hidden", "report.unhidden"]);
    const events = await x.deps.db.query("SELECT kind, public FROM report_events WHERE report_id = $1 AND kind IN ('hidden', 'unhidden') ORDER BY id", [r.id]);
    expect(events.rows).toEqual([
      { kind: "hidden", public: false },
      { kind: "unhidden", public: false },
    ]);
    const photoApi = await api(moderator, `/api/v1/report-photos/${r.photos[0]!.id}/hide`, { reason: "Biển số xe" });
    expect(await photoApi.json()).toMatchObject({ id: r.photos[0]!.id, reportId: r.id, hidden: true, changed: true });
  });

  it("gives the original to officers who see the report, as a download, audited as a read of personal data", async () => {
    const r = await reportWithPhotos();
    const photoId = r.photos[0]!.id;
    const res = await reader.get(reportPaths.photoOriginal(photoId));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    // As received: its GPS position is still there.
    expect(Buffer.from(await bytesOf(res)).includes("XaSo test")).toBe(true);
    const reads = await x.deps.db.query("SELECT action, target_type, details FROM audit_log WHERE target_id = $1", [photoId]);
    expect(reads.rows).toMatchObject([{ action: "personalData.read", target_type: "reportPhoto", details: { part: "original", reportId: r.id } }]);
    expect((await stranger.get(reportPaths.photoOriginal(photoId))).status).toBe(404);
    // Signed out: the sign-in page, never the file.
    expect((await anonymous.get(reportPaths.photoOriginal(photoId))).status).toBe(303);
  });
});
