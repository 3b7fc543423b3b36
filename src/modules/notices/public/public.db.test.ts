// The public face of notices through the app: the commune choice, the commune's and a village's lists (in force
// first, emergencies on top, the province's notices, never a draft), one notice's page (withdrawal banner and
// correction links, attachments, audio with ranges), the RSS and Atom feeds, the public API, cache headers and
// the 30 KB budget.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, buildVillage, GIA_PHU, LAO_CAI } from "../../../../test/support/factories.ts";
import { buildNotice } from "../../../../test/support/notice-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { storeFile } from "../../../platform/files/file-store.ts";
import { noticeApiPaths, noticePaths } from "../notice-paths.ts";

// The loudspeakers part decides which file is a notice's audio; here a test decides.
const audioOf = new Map<string, { fileId: string; mime: string }>();
vi.mock("../use-cases/loudspeakers-notice-audio.ts", () => ({
  noticeAudioFile: async (_q: unknown, id: string) => audioOf.get(id) ?? null,
}));

const PNG = readFileSync(new URL("../../../../public/field/icon-192.png", import.meta.url));
const BUDGET = 30 * 1024;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

describeDb("the public pages and feeds of notices", () => {
  const app = useTestApp();
  let x: TestApp;
  const anon = () => new TestClient(x.app);
  type Key = "emergency" | "commune" | "v1" | "v2" | "province" | "expired" | "draft" | "review" | "scheduled" | "other" | "withdrawn" | "correction" | "long";
  const n = {} as Record<Key, string>;
  let v1 = "";
  let v2 = "";
  let otherVillage = "";
  let fileId = "";
  let audioFileId = "";

  beforeAll(async () => {
    x = app();
    v1 = (await buildVillage(x.deps, GIA_PHU, "Thôn Nà Mò")).code;
    v2 = (await buildVillage(x.deps, GIA_PHU, "Thôn Cốc Sâm")).code;
    otherVillage = (await buildVillage(x.deps, BAO_THANG)).code;
    const at = (iso: string) => new Date(iso);
    n.emergency = (
      await buildNotice(x.deps, { category: "emergency", title: "Cảnh báo lũ quét đêm nay", publishedAt: at("2026-11-20T01:00:00Z"), validUntil: "2026-11-30" })
    ).id;
    n.commune = (
      await buildNotice(x.deps, {
        title: "Lịch tiếp công dân tháng 12",
        body: "Tiếp công dân **thứ Năm** hằng tuần.\n\n- Tại hội trường xã\n- Xem https://dichvucong.gov.vn/tiep-dan.",
        publishedAt: at("2026-11-22T01:00:00Z"),
      })
    ).id;
    n.v1 = (
      await buildNotice(x.deps, { category: "health", title: "Tiêm chủng ở thôn Nà Mò", villageCodes: [v1], publishedAt: at("2026-11-21T01:00:00Z") })
    ).id;
    n.v2 = (
      await buildNotice(x.deps, { category: "agriculture", title: "Phun thuốc lúa ở Cốc Sâm", villageCodes: [v2], publishedAt: at("2026-11-21T02:00:00Z") })
    ).id;
    n.province = (await buildNotice(x.deps, { unitCode: LAO_CAI, title: "Tỉnh: rét đậm rét hại", publishedAt: at("2026-11-19T01:00:00Z") })).id;
    n.expired = (
      await buildNotice(x.deps, {
        category: "events",
        title: "Hội chợ nông sản đã qua",
        validFrom: "2026-10-01",
        validUntil: "2026-10-05",
        publishedAt: at("2026-09-30T01:00:00Z"),
      })
    ).id;
    n.draft = (await buildNotice(x.deps, { title: "Bản nháp chưa duyệt", status: "draft" })).id;
    n.review = (await buildNotice(x.deps, { title: "Đang chờ duyệt", status: "in_review" })).id;
    n.scheduled = (await buildNotice(x.deps, { title: "Hẹn giờ gửi", status: "scheduled", scheduledAt: at("2026-11-30T01:00:00Z") })).id;
    n.other = (await buildNotice(x.deps, { unitCode: BAO_THANG, title: "Thông báo của xã Bảo Thắng" })).id;
    n.withdrawn = (await buildNotice(x.deps, { title: "Họp thôn ngày 25 (sai ngày)", publishedAt: at("2026-11-18T01:00:00Z") })).id;
    n.correction = (await buildNotice(x.deps, { title: "Họp thôn ngày 26 (đính chính)", publishedAt: at("2026-11-22T02:00:00Z") })).id;
    await x.db.query(`UPDATE notices SET status = 'withdrawn', withdrawn_at = $2, withdrawal_reason = 'Sai ngày họp' WHERE id = $1`, [
      n.withdrawn,
      at("2026-11-22T02:00:00Z"),
    ]);
    await x.db.query(`UPDATE notices SET corrects_id = $2 WHERE id = $1`, [n.correction, n.withdrawn]);
    n.long = (
      await buildNotice(x.deps, {
        category: "digital_skills",
        title: "Bản tin kỹ năng số số 12: an toàn khi dùng điện thoại thông minh và dịch vụ công trực tuyến",
        body: Array.from({ length: 40 }, (_, i) => `Mục ${i + 1}: Không chia sẻ mã OTP cho bất kỳ ai, kể cả người tự xưng cán bộ xã.`)
          .join("\n\n")
          .slice(0, 5000),
        publishedAt: at("2026-11-10T01:00:00Z"),
      })
    ).id;
    const file = await storeFile(x.db, {
      ownerUserId: null,
      communeCode: GIA_PHU,
      name: "so-do-hop.png",
      bytes: PNG,
      maxBytes: 1_000_000,
      field: "file",
      quota: null,
    });
    fileId = file.id;
    await x.db.query(`INSERT INTO notice_attachments (notice_id, file_id, name) VALUES ($1, $2, 'Sơ đồ hội trường.png'), ($3, $2, 'Nháp.png')`, [
      n.commune,
      fileId,
      n.draft,
    ]);
    audioFileId = (
      await storeFile(x.db, { ownerUserId: null, communeCode: GIA_PHU, name: "ban-tin.png", bytes: PNG, maxBytes: 1_000_000, field: "file", quota: null })
    ).id;
    audioOf.set(n.commune, { fileId: audioFileId, mime: "audio/wav" });
    audioOf.set(n.draft, { fileId: audioFileId, mime: "audio/wav" });
  });

  const titlesIn = (html: string) => [...html.matchAll(/<h3><a href="\/notices\/n\/([0-9a-f-]{36})">/g)].map((m) => m[1]);

  describe("the commune's list", () => {
    it("shows the notices in force first, the emergency on top and highlighted, then earlier ones; never drafts or other communes'", async () => {
      const res = await anon().get(noticePaths.publicList(GIA_PHU));
      expect(res.status).toBe(200);
      const html = await res.text();
      const ids = titlesIn(html);
      expect(ids[0]).toBe(n.emergency);
      expect(html).toContain("notice-item notice-item--emergency");
      // In force, newest first after the emergency; then the expired and the withdrawn ones.
      expect(ids).toEqual([n.emergency, n.correction, n.commune, n.v2, n.v1, n.province, n.long, n.withdrawn, n.expired]);
      for (const hidden of [n.draft, n.review, n.scheduled, n.other]) expect(html).not.toContain(hidden);
      expect(html.indexOf("Đang có hiệu lực")).toBeLessThan(html.indexOf("Thông báo trước đây"));
      expect(html).toContain("Đã thu hồi");
    });

    it("links its feeds in the head, and filters by category", async () => {
      const html = await (await anon().get(noticePaths.publicList(GIA_PHU))).text();
      const head = html.slice(0, html.indexOf("</head>"));
      expect(head).toContain(`<link rel="alternate" type="application/rss+xml" title="Nguồn tin RSS" href="${noticePaths.rss(GIA_PHU)}"/>`);
      expect(head).toContain(`type="application/atom+xml"`);
      const health = await (await anon().get(`${noticePaths.publicList(GIA_PHU)}?category=health`)).text();
      expect(titlesIn(health)).toEqual([n.v1]);
      expect(health).toContain(`${noticePaths.rss(GIA_PHU)}?category=health`);
    });

    it("a village's list has its own notices, the commune's and the province's, not another village's", async () => {
      const res = await anon().get(noticePaths.villageList(GIA_PHU, v1));
      expect(res.status).toBe(200);
      const ids = titlesIn(await res.text());
      expect(ids).toContain(n.v1);
      expect(ids).toContain(n.province);
      expect(ids).toContain(n.commune);
      expect(ids).not.toContain(n.v2);
      // The filter form's village choice lands on the village's own address.
      const chosen = await anon().get(`${noticePaths.publicList(GIA_PHU)}?village=${v2}&category=agriculture`);
      expect(chosen.status).toBe(303);
      expect(chosen.headers.get("location")).toBe(`${noticePaths.villageList(GIA_PHU, v2)}?category=agriculture`);
    });

    it("pages 20 at a time", async () => {
      for (let i = 0; i < 15; i++) await buildNotice(x.deps, { unitCode: BAO_THANG, title: `Bảo Thắng ${i}` });
      for (let i = 0; i < 12; i++) await buildNotice(x.deps, { unitCode: BAO_THANG, title: `Bảo Thắng thêm ${i}` });
      const first = await (await anon().get(noticePaths.publicList(BAO_THANG))).text();
      expect(titlesIn(first)).toHaveLength(20);
      expect(first).toContain(`href="${noticePaths.publicList(BAO_THANG)}?page=2" rel="next"`);
      const second = await (await anon().get(`${noticePaths.publicList(BAO_THANG)}?page=2`)).text();
      // 27 more and the one already there.
      expect(titlesIn(second)).toHaveLength(9);
      expect(second).toContain(`href="${noticePaths.publicList(BAO_THANG)}" rel="prev"`);
      expect(new Set([...titlesIn(first), ...titlesIn(second)]).size).toBe(29);
    });

    it("bad filters are a 400 naming the field; unknown communes and other communes' villages are 404", async () => {
      const bad = await anon().get(`${noticePaths.publicList(GIA_PHU)}?category=gossip&page=0`);
      expect(bad.status).toBe(400);
      const html = await bad.text();
      expect(html).toContain("Lĩnh vực");
      expect(html).toContain('href="#f-category"');
      const wrongVillage = await anon().get(`${noticePaths.publicList(GIA_PHU)}?village=${otherVillage.replace(BAO_THANG, "02924")}`);
      expect(wrongVillage.status).toBe(400);
      expect(await wrongVillage.text()).toContain("Thôn này không thuộc xã.");
      expect((await anon().get(noticePaths.villageList(GIA_PHU, otherVillage))).status).toBe(404);
      expect((await anon().get(noticePaths.publicList("99999"))).status).toBe(404);
      expect((await anon().get(noticePaths.publicList(LAO_CAI.padEnd(5, "0")))).status).toBe(404);
    });

    it("is cacheable by anyone for a minute with an ETag, answering 304 for the same copy", async () => {
      const res = await anon().get(noticePaths.publicList(GIA_PHU));
      expect(res.headers.get("cache-control")).toBe("public, max-age=60");
      expect(res.headers.get("vary")).toMatch(/Cookie/);
      const etag = res.headers.get("etag") as string;
      expect(etag).toMatch(/^".+"$/);
      expect((await anon().get(noticePaths.publicList(GIA_PHU), { "if-none-match": etag })).status).toBe(304);
    });

    it("the commune choice lists the communes with notices in force and sends the form to the commune's page", async () => {
      const html = await (await anon().get(noticePaths.index)).text();
      expect(html).toContain(`<option value="${GIA_PHU}">`);
      expect(html).toMatch(new RegExp(`href="${noticePaths.publicList(GIA_PHU)}">[^<]+</a> \\([^)]+\\) – \\d+ thông báo đang hiệu lực`));
      const go = await anon().get(`${noticePaths.index}?commune=${GIA_PHU}`);
      expect(go.status).toBe(303);
      expect(go.headers.get("location")).toBe(noticePaths.publicList(GIA_PHU));
    });

    it("the home page links to the notices", async () => {
      expect(await (await anon().get("/")).text()).toContain(`<a href="${noticePaths.index}">Thông báo của xã</a>`);
    });
  });

  describe("one notice's page", () => {
    it("shows the title, category, unit, reach, dates, the body as rich text and the attachments", async () => {
      const res = await anon().get(noticePaths.publicNotice(n.commune));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("<h1>Lịch tiếp công dân tháng 12</h1>");
      expect(html).toContain("Hành chính");
      expect(html).toContain("Toàn xã");
      expect(html).toContain("23/11/2026 – đến khi có thông báo khác");
      expect(html).toContain("<strong>thứ Năm</strong>");
      expect(html).toContain('<a href="https://dichvucong.gov.vn/tiep-dan" rel="noopener nofollow">');
      expect(html).toContain(`href="${noticePaths.attachment(n.commune, fileId)}"`);
      expect(html).toContain("Sơ đồ hội trường.png");
      expect(html).toContain(`<audio controls="" preload="none" src="${noticePaths.audio(n.commune)}">`);
    });

    it("names the villages a village notice reaches", async () => {
      expect(await (await anon().get(noticePaths.publicNotice(n.v1))).text()).toContain("Các thôn: Thôn Nà Mò");
    });

    it("a withdrawn notice shows the banner with the reason and its correction; the correction links back", async () => {
      const html = await (await anon().get(noticePaths.publicNotice(n.withdrawn))).text();
      expect(html).toContain("Thông báo này đã bị thu hồi");
      expect(html).toContain("Lý do: Sai ngày họp");
      expect(html).toContain(`<a href="${noticePaths.publicNotice(n.correction)}">Xem thông báo đính chính: Họp thôn ngày 26 (đính chính)</a>`);
      const back = await (await anon().get(noticePaths.publicNotice(n.correction))).text();
      expect(back).toContain("Đây là thông báo đính chính");
      expect(back).toContain(`<a href="${noticePaths.publicNotice(n.withdrawn)}">`);
    });

    it("a draft, one in review or one scheduled is a 404 like an unknown id; so are its files", async () => {
      for (const id of [n.draft, n.review, n.scheduled, "00000000-0000-4000-8000-000000000000"]) {
        expect((await anon().get(noticePaths.publicNotice(id))).status).toBe(404);
      }
      expect((await anon().get(noticePaths.publicNotice("not-a-uuid"))).status).toBe(404);
      expect((await anon().get(noticePaths.attachment(n.draft, fileId))).status).toBe(404);
      expect((await anon().get(noticePaths.audio(n.draft))).status).toBe(404);
      // A file of another notice is not reachable through this one.
      expect((await anon().get(noticePaths.attachment(n.v1, fileId))).status).toBe(404);
      expect((await anon().get(noticePaths.audio(n.v1))).status).toBe(404);
    });

    it("serves an attachment as a download with its type, never sniffed, with an ETag", async () => {
      const res = await anon().get(noticePaths.attachment(n.commune, fileId));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("content-disposition")).toBe(
        `attachment; filename="So do hoi truong.png"; filename*=UTF-8''${encodeURIComponent("Sơ đồ hội trường.png")}`,
      );
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
      const again = await anon().get(noticePaths.attachment(n.commune, fileId), { "if-none-match": res.headers.get("etag") as string });
      expect(again.status).toBe(304);
    });

    it("serves the audio inline with byte ranges, so that players can seek", async () => {
      const whole = await anon().get(noticePaths.audio(n.commune));
      expect(whole.status).toBe(200);
      expect(whole.headers.get("content-type")).toBe("audio/wav");
      expect(whole.headers.get("accept-ranges")).toBe("bytes");
      const part = await anon().get(noticePaths.audio(n.commune), { range: "bytes=100-199" });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe(`bytes 100-199/${PNG.length}`);
      expect(Buffer.from(await part.arrayBuffer()).equals(PNG.subarray(100, 200))).toBe(true);
      const beyond = await anon().get(noticePaths.audio(n.commune), { range: `bytes=${PNG.length + 5}-` });
      expect(beyond.status).toBe(416);
      expect(beyond.headers.get("content-range")).toBe(`bytes */${PNG.length}`);
    });
  });

  describe("feeds", () => {
    it("RSS 2.0: the commune's notices with absolute links, categories, dates and the body as HTML", async () => {
      const res = await anon().get(noticePaths.rss(GIA_PHU));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
      const doc = xml.parse(await res.text());
      expect(doc.rss["@version"]).toBe("2.0");
      const channel = doc.rss.channel;
      expect(channel.title).toMatch(/^Thông báo – /);
      expect(channel.link).toBe(`http://localhost${noticePaths.publicList(GIA_PHU)}`);
      const items = channel.item as { title: string; link: string; pubDate: string; category: unknown; "content:encoded": string }[];
      expect(items.map((i) => i.link)).toContain(`http://localhost${noticePaths.publicNotice(n.commune)}`);
      expect(items.some((i) => i.link.includes(n.draft))).toBe(false);
      const commune = items.find((i) => i.link.endsWith(n.commune));
      expect(commune?.["content:encoded"]).toContain("<strong>thứ Năm</strong>");
      expect(Number.isNaN(Date.parse(commune?.pubDate ?? ""))).toBe(false);
      expect(items.find((i) => i.link.endsWith(n.withdrawn))?.title).toBe("[Đã thu hồi] Họp thôn ngày 25 (sai ngày)");
    });

    it("Atom 1.0 of one village and one category, with the installation's public URL", async () => {
      const res = await anon().get(`${noticePaths.atom(GIA_PHU)}?village=${v1}&category=health`);
      expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      const feed = xml.parse(await res.text()).feed;
      expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
      expect(feed.title).toContain("Thôn Nà Mò");
      expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
      const entries = [feed.entry].flat() as { id: string; updated: string; content: { "#text": string; "@type": string } }[];
      expect(entries.map((e) => e.id)).toEqual([`http://localhost${noticePaths.publicNotice(n.v1)}`]);
      expect(entries[0]?.content["@type"]).toBe("html");
    });

    it("a bad filter is a 400 naming the field", async () => {
      const res = await anon().get(`${noticePaths.rss(GIA_PHU)}?category=gossip`);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("category");
    });
  });

  describe("the public API", () => {
    it("lists a commune's notices without personal data, and one notice with its links", async () => {
      const res = await anon().get(`${noticeApiPaths.publicNotices}?commune=${GIA_PHU}&village=${v1}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { id: string; inForce: boolean; url: string }[]; nextPage: number | null };
      expect(body.items[0]?.id).toBe(n.emergency);
      expect(body.items.map((i) => i.id)).not.toContain(n.v2);
      expect(JSON.stringify(body)).not.toMatch(/author|approved|audience|smsText/);
      const one = await anon().get(noticeApiPaths.publicNotice.replace("{id}", n.withdrawn));
      const detail = (await one.json()) as { status: string; correctedBy: string; withdrawalReason: string };
      expect(detail).toMatchObject({ status: "withdrawn", correctedBy: n.correction, withdrawalReason: "Sai ngày họp" });
      const withFiles = (await (await anon().get(noticeApiPaths.publicNotice.replace("{id}", n.commune))).json()) as {
        attachments: { url: string }[];
        audioUrl: string;
      };
      expect(withFiles.attachments[0]?.url).toBe(`http://localhost${noticePaths.attachment(n.commune, fileId)}`);
      expect(withFiles.audioUrl).toBe(`http://localhost${noticePaths.audio(n.commune)}`);
    });

    it("answers bad input with problem+json and hidden notices with 404", async () => {
      const bad = await anon().get(`${noticeApiPaths.publicNotices}?commune=12&category=gossip`);
      expect(bad.status).toBe(400);
      expect(bad.headers.get("content-type")).toContain("application/problem+json");
      const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(["commune", "category"]));
      expect((await anon().get(noticeApiPaths.publicNotice.replace("{id}", n.draft))).status).toBe(404);
      expect((await anon().get(noticeApiPaths.publicNotice.replace("{id}", "nope"))).status).toBe(400);
      expect((await anon().get(`${noticeApiPaths.publicNotices}?commune=99999`)).status).toBe(404);
    });
  });

  describe("weight", () => {
    const gz = async (res: Response) => gzipSync(Buffer.from(await res.arrayBuffer())).length;
    /** The page and what it loads (its stylesheets and icon), gzip-compressed as sent. */
    async function weigh(path: string): Promise<number> {
      const res = await anon().get(path);
      expect(res.status).toBe(200);
      const html = await res.text();
      let total = gzipSync(html).length;
      const assets = [...html.matchAll(/<link rel="(?:stylesheet|icon)" href="([^"]+)"/g)].map((m) => m[1] as string);
      expect(assets.length).toBeGreaterThanOrEqual(3);
      for (const a of assets) total += await gz(await anon().get(a));
      expect(html).not.toContain("<script");
      return total;
    }

    it("the list and a long notice stay within 30 KB compressed with everything they load, and need no JavaScript", async () => {
      const list = await weigh(noticePaths.publicList(GIA_PHU));
      const long = await weigh(noticePaths.publicNotice(n.long));
      console.log(`notices weight (gzip, with CSS and icon): list ${(list / 1024).toFixed(1)} KB, long notice ${(long / 1024).toFixed(1)} KB`);
      expect(list).toBeLessThanOrEqual(BUDGET);
      expect(long).toBeLessThanOrEqual(BUDGET);
    });
  });
});
