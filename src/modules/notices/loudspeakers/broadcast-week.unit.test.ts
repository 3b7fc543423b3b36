// The schedule's pure rules: what collides, when slots play in Vietnam's local time, the M3U and the stored zip.
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildM3u, isoWeekday, localDayOf, occurrences, parseClock, type SlotTimes, slotsOverlap } from "./broadcast-week.ts";
import { storedZip } from "./stored-zip.ts";
import { isStationDevicePath } from "./station-key.ts";

const slot = (over: Partial<SlotTimes> = {}): SlotTimes => ({
  weekdays: [1, 3, 5],
  startMinute: 6 * 60,
  durationMinutes: 15,
  validFrom: "2026-11-01",
  validUntil: null,
  ...over,
});

describe("slotsOverlap", () => {
  it("collides on a shared weekday with intersecting minutes and validity", () => {
    expect(slotsOverlap(slot(), slot({ weekdays: [5, 6], startMinute: 6 * 60 + 14 }))).toBe(true);
  });
  it("lets slots touch end to start, and leaves other days and other periods apart", () => {
    expect(slotsOverlap(slot(), slot({ startMinute: 6 * 60 + 15 }))).toBe(false);
    expect(slotsOverlap(slot(), slot({ weekdays: [2, 4] }))).toBe(false);
    expect(slotsOverlap(slot({ validUntil: "2026-11-30" }), slot({ validFrom: "2026-12-01" }))).toBe(false);
    expect(slotsOverlap(slot({ validUntil: "2026-12-01" }), slot({ validFrom: "2026-12-01" }))).toBe(true);
  });
});

describe("times", () => {
  it("reads hh:mm and refuses what is not a time of day", () => {
    expect(parseClock("06:30")).toBe(390);
    expect(parseClock("6h05")).toBe(365);
    expect(parseClock("24:00")).toBeNull();
    expect(parseClock("7")).toBeNull();
  });
  it("plays a Monday-Wednesday-Friday slot three times in a week, at 06:00 Vietnam time", () => {
    expect(isoWeekday("2026-11-23")).toBe(1);
    const plays = occurrences([slot()], "2026-11-23", 7);
    expect(plays.map((p) => p.day)).toEqual(["2026-11-23", "2026-11-25", "2026-11-27"]);
    expect(plays[0]!.start.toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(plays[0]!.end.toISOString()).toBe("2026-11-22T23:15:00.000Z");
    expect(localDayOf(new Date("2026-11-22T23:30:00Z"))).toBe("2026-11-23");
  });
  it("leaves out days outside the slot's validity", () => {
    expect(occurrences([slot({ validFrom: "2026-11-25", validUntil: "2026-11-25" })], "2026-11-23", 7).map((p) => p.day)).toEqual(["2026-11-25"]);
  });
});

describe("buildM3u", () => {
  it("writes #EXTM3U, then #EXTINF with whole seconds and a one-line title before each path", () => {
    const m3u = buildM3u([
      { seconds: 62.4, title: "Lịch tiêm chủng\nthôn Đông", path: "audio/06h00-a.wav" },
      { seconds: 0.2, title: "Ngắn", path: "audio/b.mp3" },
    ]);
    expect(m3u.split("\r\n")).toEqual(["#EXTM3U", "#EXTINF:62,Lịch tiêm chủng thôn Đông", "audio/06h00-a.wav", "#EXTINF:1,Ngắn", "audio/b.mp3", ""]);
  });
});

describe("storedZip", () => {
  it("writes entries a reader finds through the central directory, with their CRC-32 and UTF-8 names", () => {
    const entries = [
      { name: "playlist.m3u", data: Buffer.from("#EXTM3U\r\n") },
      { name: "audio/thông-báo.wav", data: Buffer.from([1, 2, 3, 4, 5]) },
    ];
    const zip = storedZip(entries);
    const end = zip.length - 22;
    expect(zip.readUInt32LE(end)).toBe(0x06054b50);
    expect(zip.readUInt16LE(end + 10)).toBe(2);
    let at = zip.readUInt32LE(end + 16);
    for (const e of entries) {
      expect(zip.readUInt32LE(at)).toBe(0x02014b50);
      const nameLength = zip.readUInt16LE(at + 28);
      expect(zip.subarray(at + 46, at + 46 + nameLength).toString("utf8")).toBe(e.name);
      const local = zip.readUInt32LE(at + 42);
      expect(zip.readUInt32LE(local)).toBe(0x04034b50);
      const size = zip.readUInt32LE(local + 18);
      const data = zip.subarray(local + 30 + zip.readUInt16LE(local + 26), local + 30 + zip.readUInt16LE(local + 26) + size);
      expect(Buffer.compare(data, e.data)).toBe(0);
      expect(zip.readUInt32LE(local + 14)).toBe(crc32(e.data));
      at += 46 + nameLength;
    }
  });
});

describe("isStationDevicePath", () => {
  it("exempts only the player's three routes from API-token Bearer", () => {
    expect(isStationDevicePath("/api/v1/radio-stations/abc/feed")).toBe(true);
    expect(isStationDevicePath("/api/v1/radio-stations/abc/plays")).toBe(true);
    expect(isStationDevicePath("/api/v1/radio-stations/abc/audio/def")).toBe(true);
    expect(isStationDevicePath("/api/v1/radio-stations/abc/slots")).toBe(false);
    expect(isStationDevicePath("/api/v1/radio-stations")).toBe(false);
    expect(isStationDevicePath("/api/v1/radio-stations/abc/feed/x")).toBe(false);
  });
});
