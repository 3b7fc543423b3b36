// Adds or edits a weekly slot of a station: a notice's spoken bulletin at fixed times. Its audio is an upload
// (checked by content), speech generated from the notice's spoken script, or (on edit) the audio it has. Refused,
// naming the field: a notice the station's village is not in, audio that is not audio, audio longer than the slot,
// and a time that collides with another slot of the station (409; the database's trigger holds the same rule when
// two officers save at once).
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { storeFile } from "../../../platform/files/file-store.ts";
import { uploadQuota } from "../../../platform/files/upload-limits.ts";
import { AppError, type ErrorCode, validationError } from "../../../platform/http/app-error.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { NOTICE_LIMITS } from "../notices.model.ts";
import { noticeBodyPlain } from "../notice-text.ts";
import { AUDIO_MAX_BYTES, AUDIO_TYPES, checkAudio } from "../loudspeakers/audio-check.ts";
import { formatClock, parseClock } from "../loudspeakers/broadcast-week.ts";
import { SlotInput } from "../loudspeakers/loudspeakers.contract.ts";
import * as repo from "../loudspeakers/loudspeakers.repository.ts";
import { speechEngine } from "../loudspeakers/tts.ts";
import { managedStation } from "./loudspeakers-station-access.ts";

type Ctx = Context & { principal: Principal | null };
export type SlotAudioUpload = { bytes: Uint8Array; name: string } | null;

const fieldError = (code: ErrorCode, field: string, reason: string, message: MessageKey, params?: Record<string, string | number>) =>
  new AppError(code, "error.validation", [{ field, code: reason, message, ...(params ? { params } : {}) }]);

const minutesSeconds = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, "0")}`;

function overlapError(other: repo.SlotRow): AppError {
  return new AppError(
    "conflict",
    "notices.loudspeakers.error.overlap",
    [
      {
        field: "start",
        code: "overlap",
        message: "notices.loudspeakers.error.overlapField",
        params: {
          start: formatClock(other.startMinute),
          end: formatClock(other.startMinute + other.durationMinutes),
          notice: other.noticeTitle,
          slotId: other.id,
        },
      },
    ],
    { slotId: other.id },
  );
}

const isOverlapViolation = (e: unknown): e is { code: string; detail?: string } =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23P01";

export async function saveSlot(
  deps: Pick<Deps, "db" | "events" | "config" | "clock">,
  ctx: Ctx,
  stationId: string,
  slotId: string | null,
  raw: unknown,
  upload: SlotAudioUpload,
): Promise<{ id: string; created: boolean }> {
  const station = await managedStation(deps.db, ctx.principal, stationId);
  const principal = ctx.principal as Principal;
  const parsed = SlotInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const existing = slotId ? await repo.findSlot(deps.db, station.id, slotId) : null;
  if (slotId && !existing) throw new AppError("not_found", "error.notFound");
  if (existing && input.version !== undefined && input.version !== existing.version)
    throw new AppError("conflict", "notices.loudspeakers.error.stale", [{ field: "version", code: "stale", message: "notices.loudspeakers.error.stale" }]);
  if (input.validUntil && input.validUntil < input.validFrom) throw fieldError("validation", "validUntil", "order", "notices.loudspeakers.error.validUntil");
  const notice = (await repo.eligibleNotices(deps.db, station, input.noticeId))[0];
  if (!notice) throw fieldError("validation", "noticeId", "notice", "notices.loudspeakers.error.notice");
  const startMinute = parseClock(input.start) as number;
  if (startMinute + input.durationMinutes > 1440) throw fieldError("validation", "durationMinutes", "midnight", "notices.loudspeakers.error.midnight");
  const times = {
    weekdays: [...new Set(input.weekdays)].sort(),
    startMinute,
    durationMinutes: input.durationMinutes,
    validFrom: input.validFrom,
    validUntil: input.validUntil ?? null,
  };
  // Asked before any speech is generated: a collision costs nothing.
  const early = await repo.collidingSlot(deps.db, station.id, existing?.id ?? null, times);
  if (early) throw overlapError(early);

  let audio: { bytes: Uint8Array; name: string; source: repo.SlotWrite["audioSource"]; seconds: number } | null = null;
  let kept: { fileId: string; source: repo.SlotWrite["audioSource"]; seconds: number } | null = null;
  if (input.audioSource === "keep") {
    if (!existing) throw fieldError("validation", "audioSource", "keep", "notices.loudspeakers.error.keep");
    kept = { fileId: existing.audioFileId, source: existing.audioSource, seconds: existing.audioSeconds };
  } else if (input.audioSource === "upload") {
    if (!upload || upload.bytes.byteLength === 0) throw fieldError("validation", "audio", "required", "notices.loudspeakers.error.audioRequired");
    const checked = await checkAudio(upload.bytes);
    audio = { bytes: upload.bytes, name: upload.name, source: "upload", seconds: checked.seconds };
  } else {
    const engine = speechEngine(deps.config.notices.tts);
    if (!engine) throw fieldError("validation", "audioSource", "tts_off", "notices.loudspeakers.error.ttsOff");
    const text = (notice.speechText?.trim() || noticeBodyPlain(notice.body)).slice(0, NOTICE_LIMITS.speechChars);
    if (!text) throw fieldError("validation", "noticeId", "no_speech", "notices.loudspeakers.error.noSpeech");
    const bytes = await engine.speak(`${notice.title}. ${text}`);
    const checked = await checkAudio(bytes).catch(() => {
      throw fieldError("unavailable", "audioSource", "tts", "notices.loudspeakers.error.ttsFailed");
    });
    audio = {
      bytes,
      name: `ban-tin.${checked.mime === "audio/mpeg" ? "mp3" : checked.mime === "audio/ogg" ? "ogg" : "wav"}`,
      source: engine.name,
      seconds: checked.seconds,
    };
  }
  const seconds = audio?.seconds ?? kept?.seconds ?? 0;
  if (seconds > input.durationMinutes * 60)
    throw fieldError("validation", "audio", "tooLong", "notices.loudspeakers.error.audioLonger", {
      audio: minutesSeconds(seconds),
      slot: input.durationMinutes,
    });

  try {
    return await deps.db.tx(async (q) => {
      await managedStation(q, principal, station.id, true);
      const collision = await repo.collidingSlot(q, station.id, existing?.id ?? null, times);
      if (collision) throw overlapError(collision);
      let fileId = kept?.fileId;
      if (audio) {
        const stored = await storeFile(q, {
          ownerUserId: principal.userId,
          communeCode: station.communeCode,
          name: audio.name,
          bytes: audio.bytes,
          maxBytes: AUDIO_MAX_BYTES,
          field: "audio",
          allowed: AUDIO_TYPES,
          quota: audio.source === "upload" ? uploadQuota(deps.config, principal, null, deps.clock.now()) : null,
        });
        fileId = stored.id;
      }
      const write: repo.SlotWrite = {
        ...times,
        noticeId: notice.id,
        audioFileId: fileId as string,
        audioSource: audio?.source ?? kept?.source ?? "upload",
        audioSeconds: seconds,
      };
      const id = existing ? existing.id : await repo.insertSlot(q, station.id, write, principal.userId);
      if (existing) await repo.updateSlot(q, existing.id, write);
      await deps.events.publish(q, {
        type: existing ? "broadcastSlot.changed" : "broadcastSlot.created",
        actor: ctx.actor,
        target: { type: "broadcast_slot", id },
        adminUnitCode: station.communeCode,
        requestId: ctx.requestId,
        details: { stationId: station.id, noticeId: notice.id, ...times, audioSource: write.audioSource, audioSeconds: seconds },
      });
      return { id, created: !existing };
    });
  } catch (e) {
    if (isOverlapViolation(e)) {
      const other = e.detail ? await repo.findSlot(deps.db, station.id, e.detail) : null;
      if (other) throw overlapError(other);
      throw new AppError("conflict", "notices.loudspeakers.error.overlap");
    }
    throw e;
  }
}
