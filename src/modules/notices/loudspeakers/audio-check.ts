// An audio file is what its bytes say: file-type sniffs the container (MP3, Ogg, WAV) and music-metadata must then
// parse it and find a duration. Anything else is refused naming the field, so "audio that is not audio" never
// reaches a station.
import { AppError } from "../../../platform/http/app-error.ts";
import { lazyImport } from "../../../platform/lazy-import.ts";

export const AUDIO_TYPES = ["audio/mpeg", "audio/ogg", "audio/wav"] as const;
export type AudioType = (typeof AUDIO_TYPES)[number];
export const AUDIO_MAX_BYTES = 20 * 1024 * 1024;

export type CheckedAudio = { mime: AudioType; seconds: number };

// Loaded on the first bulletin, not with the app (lazy-import.ts).
const loadFileType = lazyImport(() => import("file-type"));
const loadMusicMetadata = lazyImport(() => import("music-metadata"));

/** The audio's type and duration, or a 415 (not MP3/OGG/WAV) / 400 (unreadable, empty, too large) naming `field`. */
export async function checkAudio(bytes: Uint8Array, field = "audio"): Promise<CheckedAudio> {
  if (bytes.byteLength === 0)
    throw new AppError("validation", "error.validation", [{ field, code: "empty", message: "notices.loudspeakers.error.audioEmpty" }]);
  if (bytes.byteLength > AUDIO_MAX_BYTES)
    throw new AppError("payload_too_large", "error.validation", [
      { field, code: "tooLarge", message: "notices.loudspeakers.error.audioTooLarge", params: { max: "20 MB" } },
    ]);
  const { fileTypeFromBuffer } = await loadFileType();
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime.split(";")[0];
  if (!mime || !(AUDIO_TYPES as readonly string[]).includes(mime))
    throw new AppError("unsupported_media_type", "error.validation", [{ field, code: "type", message: "notices.loudspeakers.error.audioType" }]);
  const { parseBuffer } = await loadMusicMetadata();
  let seconds: number | undefined;
  try {
    const meta = await parseBuffer(bytes, { mimeType: mime }, { duration: true, skipCovers: true });
    seconds = meta.format.duration;
  } catch {
    seconds = undefined;
  }
  if (!seconds || !Number.isFinite(seconds) || seconds <= 0)
    throw new AppError("validation", "error.validation", [{ field, code: "unreadable", message: "notices.loudspeakers.error.audioUnreadable" }]);
  return { mime: mime as AudioType, seconds: Math.round(seconds * 100) / 100 };
}
