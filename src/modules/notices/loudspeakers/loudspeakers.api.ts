// /api/v1 routes of notices' loudspeakers part. Handlers are thin: parse → one use case → present.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { noticeApiPaths } from "../notice-paths.ts";
import { stationFeed } from "../use-cases/loudspeakers-feed.ts";
import { noticePlayLog, stationPlayLog } from "../use-cases/loudspeakers-plays-list.ts";
import { recordPlays } from "../use-cases/loudspeakers-plays-record.ts";
import { removeSlot } from "../use-cases/loudspeakers-slot-delete.ts";
import { saveSlot } from "../use-cases/loudspeakers-slot-save.ts";
import { stationSlotAudio } from "../use-cases/loudspeakers-station-audio.ts";
import { createStation } from "../use-cases/loudspeakers-station-create.ts";
import { getStation } from "../use-cases/loudspeakers-station-get.ts";
import { rotateStationKey } from "../use-cases/loudspeakers-station-rotate.ts";
import { changeStation } from "../use-cases/loudspeakers-station-update.ts";
import { listManagedStations } from "../use-cases/loudspeakers-stations-list.ts";
import { audioResponse } from "./audio-response.ts";
import { formatClock } from "./broadcast-week.ts";
import { Feed, Play, PlaysInput, Slot, SlotInput, Station, StationInput, StationUpdate, StationWithKey } from "./loudspeakers.contract.ts";
import type { PlayRow, SlotRow, StationRow } from "./loudspeakers.repository.ts";
import { bearerOf } from "./station-key.ts";

const security = [{ bearerAuth: [] }];
const stationKey = [{ stationKey: [] }];
const reads = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };
const writes = { ...reads, 409: problems[409], 413: problems[413], 415: problems[415], 429: problems[429] };
const tags = ["Loudspeaker stations"];

const idParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });
const slotParam = idParam.extend({ slotId: z.string().openapi({ param: { name: "slotId", in: "path" } }) });

export const presentStation = (s: StationRow): z.infer<typeof Station> => ({
  id: s.id,
  communeCode: s.communeCode,
  villageCode: s.villageCode,
  villageName: s.villageName,
  name: s.name,
  active: s.active,
  keyRotatedAt: s.keyRotatedAt.toISOString(),
  lastPolledAt: s.lastPolledAt?.toISOString() ?? null,
  slots: s.slots,
});
const presentSlot = (s: SlotRow): z.infer<typeof Slot> => ({
  id: s.id,
  stationId: s.stationId,
  noticeId: s.noticeId,
  noticeTitle: s.noticeTitle,
  weekdays: s.weekdays,
  start: formatClock(s.startMinute),
  durationMinutes: s.durationMinutes,
  validFrom: s.validFrom,
  validUntil: s.validUntil,
  audioSource: s.audioSource,
  audioSeconds: s.audioSeconds,
  version: s.version,
});
const presentPlay = (p: PlayRow): z.infer<typeof Play> => ({
  slotId: p.slotId,
  noticeId: p.noticeId,
  noticeTitle: p.noticeTitle,
  startedAt: p.startedAt.toISOString(),
  durationSeconds: p.durationSeconds,
  status: p.status,
  reportedAt: p.reportedAt.toISOString(),
});
const PlayLog = z
  .object({ playedThisWeek: z.number().int(), scheduledThisWeek: z.number().int(), weekStart: z.string(), plays: z.array(Play) })
  .openapi("StationPlayLog");

/** The slot's form fields and its `audio` file from a multipart body. */
async function slotBody(c: { req: { header(n: string): string | undefined; parseBody(o: { all: true }): Promise<Record<string, unknown>> } }) {
  if (!(c.req.header("content-type") ?? "").startsWith("multipart/form-data")) throw new AppError("unsupported_media_type", "error.unsupportedMediaType");
  const form = await c.req.parseBody({ all: true });
  const file = form.audio instanceof File ? form.audio : null;
  const { audio: _audio, ...fields } = form;
  return { fields, upload: file && file.size > 0 ? { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name } : null };
}

const slotForm = SlotInput.extend({ audio: z.any().optional().openapi({ type: "string", format: "binary", description: "MP3, OGG or WAV, at most 20 MB" }) });

export function registerLoudspeakersApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openAPIRegistry.registerComponent("securitySchemes", "stationKey", {
    type: "http",
    scheme: "bearer",
    description: "A loudspeaker station's own key (shown once when the station is created or its key rotated)",
  });

  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.stations,
      tags,
      security,
      summary: "The stations under the caller's units (notice.channels or broadcast.manage)",
      responses: { 200: json(z.object({ items: z.array(Station) }), "The stations"), ...reads },
    }),
    async (c) => {
      const { stations } = await listManagedStations(deps, c.get("principal"));
      return c.json({ items: stations.map(presentStation) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: noticeApiPaths.stations,
      tags,
      security,
      summary: "Create a village's station; the answer carries its player's key, shown this once",
      request: { body: { required: true, content: { "application/json": { schema: StationInput } } } },
      responses: { 201: json(StationWithKey, "The station and its key"), ...writes },
    }),
    async (c) => {
      const { id, key } = await createStation(deps, useCaseContext(c), c.req.valid("json"));
      const view = await getStation(deps, c.get("principal"), id);
      return c.json({ ...presentStation(view.station), key }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.station,
      tags,
      security,
      summary: "A station and its weekly slots",
      request: { params: idParam },
      responses: { 200: json(Station.extend({ slotList: z.array(Slot) }), "The station"), ...reads },
    }),
    async (c) => {
      const view = await getStation(deps, c.get("principal"), c.req.valid("param").id);
      return c.json({ ...presentStation(view.station), slotList: view.slots.map(presentSlot) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: noticeApiPaths.station,
      tags,
      security,
      summary: "Rename a station or turn it off (an inactive station's feed is empty)",
      request: { params: idParam, body: { required: true, content: { "application/json": { schema: StationUpdate } } } },
      responses: { 200: json(Station, "The station"), ...writes },
    }),
    async (c) => {
      const id = c.req.valid("param").id;
      await changeStation(deps, useCaseContext(c), id, c.req.valid("json"));
      return c.json(presentStation((await getStation(deps, c.get("principal"), id)).station), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: noticeApiPaths.stationKey,
      tags,
      security,
      summary: "Make a new key for the station's player; the old key stops working at once",
      request: { params: idParam },
      responses: { 200: json(z.object({ key: z.string() }), "The new key, shown this once"), ...writes },
    }),
    async (c) => c.json(await rotateStationKey(deps, useCaseContext(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: noticeApiPaths.stationSlots,
      tags,
      security,
      summary:
        "Add a weekly slot (multipart/form-data): a published or scheduled notice covering the station's village, with an uploaded MP3/OGG/WAV (`audio`, checked by content: 415 otherwise) or generated speech. 409 names the slot it overlaps; audio longer than the slot is a 400 naming both durations.",
      request: { params: idParam, body: { required: true, content: { "multipart/form-data": { schema: slotForm } } } },
      responses: { 201: json(Slot, "The slot"), ...writes, 503: problems[503] },
    }),
    async (c) => {
      const id = c.req.valid("param").id;
      const { fields, upload } = await slotBody(c);
      const r = await saveSlot(deps, useCaseContext(c), id, null, fields, upload);
      const slot = (await getStation(deps, c.get("principal"), id)).slots.find((s) => s.id === r.id) as SlotRow;
      return c.json(presentSlot(slot), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: noticeApiPaths.stationSlot,
      tags,
      security,
      summary: "Change a slot (multipart/form-data, as when adding; audioSource=keep keeps its audio; `version` guards against a concurrent edit)",
      request: { params: slotParam, body: { required: true, content: { "multipart/form-data": { schema: slotForm } } } },
      responses: { 200: json(Slot, "The slot"), ...writes, 503: problems[503] },
    }),
    async (c) => {
      const { id, slotId } = c.req.valid("param");
      const { fields, upload } = await slotBody(c);
      await saveSlot(deps, useCaseContext(c), id, slotId, fields, upload);
      const slot = (await getStation(deps, c.get("principal"), id)).slots.find((s) => s.id === slotId) as SlotRow;
      return c.json(presentSlot(slot), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: noticeApiPaths.stationSlot,
      tags,
      security,
      summary: "Delete a slot",
      request: { params: slotParam },
      responses: { 204: { description: "Deleted" }, ...reads },
    }),
    async (c) => {
      const { id, slotId } = c.req.valid("param");
      await removeSlot(deps, useCaseContext(c), id, slotId);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.stationPlayLog,
      tags,
      security,
      summary: "What the station reported playing (30 days), with this week's plays against the scheduled ones",
      request: { params: idParam },
      responses: { 200: json(PlayLog, "The play log"), ...reads },
    }),
    async (c) => {
      const log = await stationPlayLog(deps, c.get("principal"), c.req.valid("param").id);
      return c.json({ ...log, plays: log.plays.map(presentPlay) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.noticePlays,
      tags,
      security,
      summary: "A notice's plays on the caller's stations (90 days), with this week's count",
      request: { params: idParam },
      responses: { 200: json(PlayLog, "The play log"), ...reads },
    }),
    async (c) => {
      const log = await noticePlayLog(deps, c.get("principal"), c.req.valid("param").id);
      return c.json({ ...log, plays: log.plays.map(presentPlay) }, 200);
    },
  );

  // ── the station's player (its key as Bearer) ──────────────────────────────────────────────────────────────────
  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.stationFeed,
      tags,
      security: stationKey,
      summary:
        "The player's feed: the slots of the coming 7 days (start, end, title, audio address with sha256 and size). Send If-None-Match with the last ETag: 304 when nothing changed.",
      request: { params: idParam },
      responses: { 200: json(Feed, "The coming plays"), 304: { description: "Unchanged since the ETag sent" }, 401: problems[401] },
    }),
    async (c) => {
      const { feed, etag } = await stationFeed(deps, c.req.valid("param").id, bearerOf(c.req.header("authorization")));
      c.header("etag", etag);
      c.header("cache-control", "private, no-cache");
      if (c.req.header("if-none-match") === etag) return c.body(null, 304);
      return c.json(feed, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.stationAudio,
      tags,
      security: stationKey,
      summary: "A slot's audio, for the station's player (ETag is the file's sha256)",
      request: { params: slotParam },
      responses: {
        200: { description: "The audio", content: { "audio/mpeg": { schema: z.any() }, "audio/ogg": { schema: z.any() }, "audio/wav": { schema: z.any() } } },
        304: { description: "Unchanged" },
        401: problems[401],
        404: problems[404],
      },
    }),
    async (c) => {
      const { id, slotId } = c.req.valid("param");
      const file = await stationSlotAudio(deps, id, slotId, bearerOf(c.req.header("authorization")));
      return audioResponse(c, file, "private, max-age=86400, immutable");
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: noticeApiPaths.stationPlays,
      tags,
      security: stationKey,
      summary: "The station reports what it played; idempotent per (slot, startedAt): a resent report counts once",
      request: { params: idParam, body: { required: true, content: { "application/json": { schema: PlaysInput } } } },
      responses: { 200: json(z.object({ recorded: z.number().int(), duplicates: z.number().int() }), "How many were new"), ...reads },
    }),
    async (c) => c.json(await recordPlays(deps, c.req.valid("param").id, bearerOf(c.req.header("authorization")), c.req.valid("json")), 200),
  );
}
