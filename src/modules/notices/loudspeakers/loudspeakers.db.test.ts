// Loudspeakers end to end over HTTP: a station and its key, slots with real audio (espeak-ng's WAV, an MP3 made of
// silent frames), refusals (a PNG named .mp3, an overlap, audio longer than its slot), the player's feed and plays,
// the playlist zip and the public notice audio. The fake clock stands at Monday 2026-11-23 10:00 in Vietnam.
import { createHash } from "node:crypto";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { CSRF_FIELD, CSRF_HEADER } from "../../../platform/http/csrf.ts";
import { TestClient } from "../../../../test/support/client.ts";
import { acting } from "../../../../test/support/dossier-factories.ts";
import { BAO_THANG, buildUser, buildVillage, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { espeakWav, silentMp3 } from "../../../../test/support/loudspeakers-factories.ts";
import { buildNotice } from "../../../../test/support/notice-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { saveSlot } from "../use-cases/loudspeakers-slot-save.ts";
import { noticeAudioFile } from "../use-cases/loudspeakers-notice-audio.ts";

type Problem = { status: number; errors?: Array<{ field: string; code: string; message: string }> };

describeDb("notices: loudspeakers", () => {
  const app = useTestApp();
  let x: TestApp;
  let officer: TestClient;
  let officerId: string;
  let stranger: TestClient;
  let villageA: { code: string };
  let villageB: { code: string };
  let otherVillage: { code: string };
  let commune: { id: string };
  let forA: { id: string };
  let draft: { id: string };
  let station: { id: string; key: string };

  const api = (client: TestClient, method: string, path: string, body?: unknown) =>
    client.request(path, {
      method,
      headers: { [CSRF_HEADER]: client.csrfToken, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const slotForm = (fields: Record<string, string | string[]>, audio?: { bytes: Uint8Array; name: string; type?: string }) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) f.append(k, one);
    if (audio) f.append("audio", new Blob([new Uint8Array(audio.bytes)], { type: audio.type ?? "application/octet-stream" }), audio.name);
    return f;
  };
  const postSlot = (client: TestClient, stationId: string, form: FormData) =>
    client.request(`/api/v1/radio-stations/${stationId}/slots`, { method: "POST", body: form, headers: { [CSRF_HEADER]: client.csrfToken } });
  const slotCount = async (stationId: string) =>
    (await x.db.query<{ n: number }>("SELECT count(*)::int AS n FROM broadcast_slots WHERE station_id = $1", [stationId])).rows[0]!.n;
  const device = (key: string | null, extra: Record<string, string> = {}) => ({ headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...extra } });

  beforeAll(async () => {
    x = app();
    const u = await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]] });
    officerId = u.id;
    officer = new TestClient(x.app);
    await officer.signIn(u.username, PASSWORD);
    const s = await buildUser(x.deps, { roles: [["commune_admin", BAO_THANG]] });
    stranger = new TestClient(x.app);
    await stranger.signIn(s.username, PASSWORD);
    villageA = await buildVillage(x.deps, GIA_PHU, "Thôn Đông");
    villageB = await buildVillage(x.deps, GIA_PHU, "Thôn Tây");
    otherVillage = await buildVillage(x.deps, BAO_THANG, "Thôn Bắc");
    commune = await buildNotice(x.deps, {
      title: "Lịch tiêm chủng",
      speechText: "Bà con đưa trẻ đi tiêm chủng tại trạm y tế xã.",
      channels: ["web", "loudspeaker"],
    });
    forA = await buildNotice(x.deps, { title: "Họp thôn Đông", villageCodes: [villageA.code], speechText: "Họp thôn tối thứ Sáu." });
    draft = await buildNotice(x.deps, { title: "Bản nháp", status: "draft" });
  });

  describe("stations", () => {
    it("creates a station with a key shown once; only its hash is kept", async () => {
      const res = await api(officer, "POST", "/api/v1/radio-stations", { villageCode: villageA.code, name: "Trạm thôn Đông" });
      expect(res.status).toBe(201);
      const body = (await res.json()) as { id: string; key: string; villageName: string };
      expect(body.key).toMatch(/^xsr_/);
      expect(body.villageName).toBe("Thôn Đông");
      station = { id: body.id, key: body.key };
      const row = (await x.db.query<{ key_hash: string }>("SELECT key_hash FROM radio_stations WHERE id = $1", [body.id])).rows[0]!;
      expect(row.key_hash).toBe(createHash("sha256").update(body.key).digest("hex"));
      const audit = await x.db.query("SELECT 1 FROM audit_log WHERE action = 'radioStation.created' AND target_id = $1", [body.id]);
      expect(audit.rowCount).toBe(1);
    });

    it("refuses an unknown village by name, and answers 404 to another commune's village and station", async () => {
      const res = await api(officer, "POST", "/api/v1/radio-stations", { villageCode: "0000000", name: "X" });
      expect(res.status).toBe(400);
      expect(((await res.json()) as Problem).errors?.map((e) => e.field)).toEqual(["villageCode"]);
      expect((await api(officer, "POST", "/api/v1/radio-stations", { villageCode: otherVillage.code, name: "X" })).status).toBe(404);
      expect((await api(stranger, "GET", `/api/v1/radio-stations/${station.id}`)).status).toBe(404);
      expect((await stranger.get(`/office/stations/${station.id}`)).status).toBe(404);
      const list = (await (await api(stranger, "GET", "/api/v1/radio-stations")).json()) as { items: unknown[] };
      expect(list.items).toEqual([]);
    });
  });

  describe("slots", () => {
    const week = { weekdays: ["1", "2", "3", "4", "5", "6", "7"], durationMinutes: "5", validFrom: "2026-11-23" };

    it("takes a WAV made by espeak-ng and an MP3, each checked by content with its duration", async () => {
      const wav = await postSlot(
        officer,
        station.id,
        slotForm({ ...week, noticeId: commune.id, start: "18:00" }, { bytes: espeakWav("Xin chào bà con thôn Đông"), name: "loa.wav" }),
      );
      expect(wav.status).toBe(201);
      const w = (await wav.json()) as { audioSeconds: number; audioSource: string; start: string };
      expect(w.audioSource).toBe("upload");
      expect(w.start).toBe("18:00");
      expect(w.audioSeconds).toBeGreaterThan(0.5);
      const mp3 = await postSlot(officer, station.id, slotForm({ ...week, noticeId: forA.id, start: "18:10" }, { bytes: silentMp3(200), name: "hop.mp3" }));
      expect(mp3.status).toBe(201);
      expect(((await mp3.json()) as { audioSeconds: number }).audioSeconds).toBeCloseTo(5.22, 1);
    });

    it("refuses a PNG named .mp3 (415, field audio) and stores nothing", async () => {
      const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } })
        .png()
        .toBuffer();
      const before = await slotCount(station.id);
      const res = await postSlot(
        officer,
        station.id,
        slotForm({ ...week, noticeId: commune.id, start: "19:00" }, { bytes: png, name: "ban-tin.mp3", type: "audio/mpeg" }),
      );
      expect(res.status).toBe(415);
      expect(((await res.json()) as Problem).errors?.map((e) => e.field)).toEqual(["audio"]);
      expect(await slotCount(station.id)).toBe(before);
    });

    it("refuses an overlap with 409 naming the slot it collides with, in the form and in the database", async () => {
      const res = await postSlot(
        officer,
        station.id,
        slotForm({ ...week, weekdays: ["5"], noticeId: commune.id, start: "18:03" }, { bytes: silentMp3(40), name: "a.mp3" }),
      );
      expect(res.status).toBe(409);
      const problem = (await res.json()) as Problem;
      expect(problem.errors?.[0]).toMatchObject({ field: "start", code: "overlap" });
      expect(problem.errors?.[0]?.message).toContain("18:00–18:05 (Lịch tiêm chủng)");
      // The trigger holds even when a writer skips the use case.
      await expect(
        x.db.query(
          `INSERT INTO broadcast_slots (station_id, notice_id, weekdays, start_minute, duration_minutes, valid_from, audio_file_id, audio_source, audio_seconds)
           SELECT station_id, notice_id, '{3}', 18 * 60 + 4, 5, valid_from, audio_file_id, audio_source, audio_seconds FROM broadcast_slots WHERE station_id = $1 LIMIT 1`,
          [station.id],
        ),
      ).rejects.toMatchObject({ code: "23P01" });
    });

    it("refuses audio longer than its slot naming both durations, a draft notice, and bad fields", async () => {
      const long = await postSlot(
        officer,
        station.id,
        slotForm({ ...week, durationMinutes: "1", noticeId: commune.id, start: "20:00" }, { bytes: silentMp3(2400), name: "dai.mp3" }),
      );
      expect(long.status).toBe(400);
      const e = ((await long.json()) as Problem).errors?.[0];
      expect(e).toMatchObject({ field: "audio", code: "tooLong" });
      expect(e?.message).toContain("1:03");
      expect(e?.message).toContain("1 phút");
      const notPublished = await postSlot(
        officer,
        station.id,
        slotForm({ ...week, noticeId: draft.id, start: "21:00" }, { bytes: silentMp3(40), name: "a.mp3" }),
      );
      expect(((await notPublished.json()) as Problem).errors?.map((x) => x.field)).toEqual(["noticeId"]);
      const bad = await postSlot(officer, station.id, slotForm({ weekdays: [], noticeId: commune.id, start: "25:00", durationMinutes: "0", validFrom: "x" }));
      expect(bad.status).toBe(400);
      expect(new Set(((await bad.json()) as Problem).errors?.map((x) => x.field))).toEqual(new Set(["weekdays", "start", "durationMinutes", "validFrom"]));
    });

    it("generates speech with espeak-ng from the notice's spoken script", async () => {
      const officerActing = await acting(x.deps, { id: officerId, username: "officer" });
      const r = await saveSlot(
        x.deps,
        officerActing,
        station.id,
        null,
        { noticeId: commune.id, weekdays: ["6"], start: "07:00", durationMinutes: "3", validFrom: "2026-11-23", audioSource: "generate" },
        null,
      );
      const row = (
        await x.db.query<{ audio_source: string; audio_seconds: string }>("SELECT audio_source, audio_seconds FROM broadcast_slots WHERE id = $1", [r.id])
      ).rows[0]!;
      expect(row.audio_source).toBe("espeak");
      expect(Number(row.audio_seconds)).toBeGreaterThan(1);
    });

    it("shows the week as a timetable and refuses a bad form field on the page (400, no JavaScript)", async () => {
      const page = await officer.get(`/office/stations/${station.id}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("18:00–18:05");
      expect(html).toContain("Lịch tiêm chủng");
      const form = slotForm({
        [CSRF_FIELD]: officer.csrfToken,
        noticeId: commune.id,
        weekdays: "2",
        start: "sáng",
        durationMinutes: "5",
        validFrom: "23/11/2026",
        audioSource: "upload",
      });
      const res = await officer.request(`/office/stations/${station.id}/slots/new`, { method: "POST", body: form });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("giờ:phút");
    });
  });

  describe("the player's feed and plays", () => {
    it("gives the key-holder the coming week's plays with the audio's hash, size and address, and 304 when unchanged", async () => {
      const res = await x.app.request(`/api/v1/radio-stations/${station.id}/feed`, device(station.key));
      expect(res.status).toBe(200);
      const feed = (await res.json()) as {
        items: Array<{ slotId: string; title: string; start: string; audio: { url: string; sha256: string; size: number } }>;
      };
      // Today (Monday) at 18:00 and 18:10, then each day; Saturday's 07:00 bulletin too.
      expect(feed.items[0]).toMatchObject({ title: "Lịch tiêm chủng", start: "2026-11-23T18:00:00+07:00" });
      expect(feed.items[1]).toMatchObject({ title: "Họp thôn Đông", start: "2026-11-23T18:10:00+07:00" });
      expect(feed.items).toHaveLength(15);
      const etag = res.headers.get("etag")!;
      expect((await x.app.request(`/api/v1/radio-stations/${station.id}/feed`, device(station.key, { "if-none-match": etag }))).status).toBe(304);
      const audio = await x.app.request(feed.items[0]!.audio.url, device(station.key));
      expect(audio.status).toBe(200);
      expect(audio.headers.get("content-type")).toBe("audio/wav");
      const bytes = Buffer.from(await audio.arrayBuffer());
      expect(bytes.length).toBe(feed.items[0]!.audio.size);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(feed.items[0]!.audio.sha256);
    });

    it("answers 401 to no key, a wrong key and another station's key", async () => {
      const other = (await (await api(officer, "POST", "/api/v1/radio-stations", { villageCode: villageB.code, name: "Trạm thôn Tây" })).json()) as {
        key: string;
      };
      for (const key of [null, "xsr_wrong", other.key])
        expect((await x.app.request(`/api/v1/radio-stations/${station.id}/feed`, device(key))).status).toBe(401);
      expect((await x.app.request(`/api/v1/radio-stations/not-a-uuid/feed`, device(station.key))).status).toBe(401);
    });

    it("counts a play reported twice once, and shows it in the log", async () => {
      const feed = (await (await x.app.request(`/api/v1/radio-stations/${station.id}/feed`, device(station.key))).json()) as {
        items: Array<{ slotId: string; start: string }>;
      };
      const play = { slotId: feed.items[0]!.slotId, startedAt: feed.items[0]!.start, durationSeconds: 3, status: "played" };
      const send = () =>
        x.app.request(`/api/v1/radio-stations/${station.id}/plays`, {
          method: "POST",
          ...device(station.key, { "content-type": "application/json" }),
          body: JSON.stringify({ plays: [play] }),
        });
      expect(await (await send()).json()).toEqual({ recorded: 1, duplicates: 0 });
      expect(await (await send()).json()).toEqual({ recorded: 0, duplicates: 1 });
      const log = (await (await api(officer, "GET", `/api/v1/radio-stations/${station.id}/play-log`)).json()) as {
        plays: unknown[];
        playedThisWeek: number;
        scheduledThisWeek: number;
      };
      expect(log.plays).toHaveLength(1);
      expect(log.playedThisWeek).toBe(1);
      expect(log.scheduledThisWeek).toBe(15);
      const noticeLog = (await (await api(officer, "GET", `/api/v1/notices/${commune.id}/plays`)).json()) as {
        playedThisWeek: number;
        scheduledThisWeek: number;
      };
      expect(noticeLog).toMatchObject({ playedThisWeek: 1, scheduledThisWeek: 8 });
      const bad = await x.app.request(`/api/v1/radio-stations/${station.id}/plays`, {
        method: "POST",
        ...device(station.key, { "content-type": "application/json" }),
        body: JSON.stringify({ plays: [{ ...play, slotId: crypto.randomUUID() }] }),
      });
      expect(bad.status).toBe(400);
      expect((await officer.get(`/office/stations/${station.id}/plays`)).status).toBe(200);
    });
  });

  describe("playlist and public audio", () => {
    it("exports a zip with an M3U and the audio files", async () => {
      const res = await officer.get(`/office/stations/${station.id}/playlist.zip`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/zip");
      const zip = Buffer.from(await res.arrayBuffer());
      expect(zip.readUInt32LE(0)).toBe(0x04034b50);
      const text = zip.toString("latin1");
      expect(text).toContain("playlist.m3u");
      expect(text).toContain("#EXTM3U\r\n#EXTINF:");
      expect((await stranger.get(`/office/stations/${station.id}/playlist.zip`)).status).toBe(404);
    });

    it("serves a notice's audio only while it is published", async () => {
      const res = await x.app.request(`/notices/n/${commune.id}/audio`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^audio\//);
      expect(await noticeAudioFile(x.db, draft.id)).toBeNull();
      await x.db.query("UPDATE notices SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1", [forA.id]);
      expect((await x.app.request(`/notices/n/${forA.id}/audio`)).status).toBe(404);
      expect((await x.app.request(`/notices/n/${draft.id}/audio`)).status).toBe(404);
    });
  });
});
