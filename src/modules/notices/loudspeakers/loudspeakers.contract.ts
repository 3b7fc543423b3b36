// The contract of loudspeaker stations, slots, the station feed and plays: the office forms and the API validate with
// it; OpenAPI is generated from it.
import { z } from "@hono/zod-openapi";
import { WEEKDAYS } from "./broadcast-week.ts";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const StationInput = z
  .strictObject({
    villageCode: z.string().trim().min(1).max(20).openapi({ description: "The village (admin unit code) the station serves", example: "0292301" }),
    name: z.string().trim().min(1).max(120).openapi({ example: "Trạm truyền thanh thôn Đông" }),
  })
  .openapi("RadioStationInput");

export const StationUpdate = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    active: z.preprocess((v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v), z.boolean()).optional(),
  })
  .openapi("RadioStationUpdate");

export const AUDIO_SOURCES = ["upload", "generate", "keep"] as const;

/** A slot as the form and the API (multipart/form-data) send it; the audio file comes in the part named `audio`. */
export const SlotInput = z
  .object({
    noticeId: z.uuid(),
    weekdays: z.preprocess(
      (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
      z
        .array(
          z.coerce
            .number()
            .int()
            .refine((d) => (WEEKDAYS as readonly number[]).includes(d)),
        )
        .min(1),
    ),
    start: z
      .string()
      .trim()
      .regex(/^([01]?\d|2[0-3])[:h.][0-5]\d$/),
    durationMinutes: z.coerce.number().int().min(1).max(180),
    validFrom: day,
    validUntil: z.preprocess(emptyToUndefined, day.optional()),
    audioSource: z.enum(AUDIO_SOURCES).default("upload"),
    version: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).optional()),
  })
  .openapi("BroadcastSlotInput", {
    description:
      "weekdays: ISO 1 (Monday) … 7 (Sunday), repeated. start: HH:MM local time. audioSource: upload (the `audio` part: MP3/OGG/WAV), generate (speech from the notice's spoken script), keep (edit only).",
  });
export type SlotInput = z.infer<typeof SlotInput>;

export const PLAY_STATUSES = ["played", "failed", "skipped"] as const;
export const PlayReport = z
  .strictObject({
    slotId: z.uuid(),
    startedAt: z.iso.datetime({ offset: true }).openapi({ description: "When it started (the slot's start from the feed, or the real start)" }),
    durationSeconds: z.number().int().min(0).max(86400).optional(),
    endedAt: z.iso.datetime({ offset: true }).optional(),
    status: z.enum(PLAY_STATUSES),
  })
  .openapi("StationPlayReport");
export const PlaysInput = z.strictObject({ plays: z.array(PlayReport).min(1).max(500) }).openapi("StationPlaysInput");

export const Station = z
  .object({
    id: z.uuid(),
    communeCode: z.string(),
    villageCode: z.string(),
    villageName: z.string(),
    name: z.string(),
    active: z.boolean(),
    keyRotatedAt: z.string(),
    lastPolledAt: z.string().nullable(),
    slots: z.number().int(),
  })
  .openapi("RadioStation");
export const StationWithKey = Station.extend({ key: z.string().openapi({ description: "The player's key: shown this once, store it in the player" }) }).openapi(
  "RadioStationWithKey",
);

export const Slot = z
  .object({
    id: z.uuid(),
    stationId: z.uuid(),
    noticeId: z.uuid(),
    noticeTitle: z.string(),
    weekdays: z.array(z.number().int()),
    start: z.string(),
    durationMinutes: z.number().int(),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    audioSource: z.string(),
    audioSeconds: z.number(),
    version: z.number().int(),
  })
  .openapi("BroadcastSlot");

export const FeedItem = z
  .object({
    slotId: z.uuid(),
    noticeId: z.uuid(),
    title: z.string(),
    start: z.string().openapi({ description: "ISO 8601 with offset +07:00" }),
    end: z.string(),
    audio: z.object({ url: z.string(), mime: z.string(), sha256: z.string(), size: z.number().int(), seconds: z.number() }),
  })
  .openapi("StationFeedItem");
export const Feed = z
  .object({ stationId: z.uuid(), name: z.string(), from: z.string(), days: z.number().int(), items: z.array(FeedItem) })
  .openapi("StationFeed");

export const Play = z
  .object({
    slotId: z.uuid(),
    noticeId: z.uuid(),
    noticeTitle: z.string(),
    startedAt: z.string(),
    durationSeconds: z.number().int().nullable(),
    status: z.enum(PLAY_STATUSES),
    reportedAt: z.string(),
  })
  .openapi("StationPlay");
