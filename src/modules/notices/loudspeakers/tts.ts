// Text to speech behind one small interface: `espeak` (Debian's espeak-ng, development and tests), `http` (a
// provider in production), `none`. The text goes to espeak-ng on stdin, never through a shell; time and size are
// bounded so a stuck engine or a runaway answer cannot hold a request.
import { spawn } from "node:child_process";
import type { Config } from "../../../config.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { AUDIO_MAX_BYTES } from "./audio-check.ts";

export type SpeechEngine = { name: "espeak" | "http"; speak(text: string): Promise<Uint8Array> };
const TIMEOUT_MS = 30_000;

const unavailable = () =>
  new AppError("unavailable", "error.validation", [{ field: "generate", code: "tts", message: "notices.loudspeakers.error.ttsFailed" }]);

export function espeakEngine(voice: string, command = "espeak-ng"): SpeechEngine {
  return {
    name: "espeak",
    speak: (text) =>
      new Promise((resolve, reject) => {
        const child = spawn(command, ["-v", voice, "--stdin", "--stdout"], { stdio: ["pipe", "pipe", "ignore"], timeout: TIMEOUT_MS });
        const chunks: Buffer[] = [];
        let size = 0;
        child.stdout.on("data", (c: Buffer) => {
          size += c.length;
          if (size > AUDIO_MAX_BYTES) child.kill("SIGKILL");
          else chunks.push(c);
        });
        child.on("error", () => reject(unavailable()));
        child.on("close", (code) => {
          if (code === 0 && size <= AUDIO_MAX_BYTES && size > 0) resolve(Buffer.concat(chunks));
          else reject(unavailable());
        });
        child.stdin.on("error", () => undefined);
        child.stdin.end(text, "utf8");
      }),
  };
}

/** POST {text, voice} as JSON with the token as Bearer; the answer's body is the audio (checked by the caller). */
export function httpEngine(url: string, token: string | undefined, voice: string, fetchImpl: typeof fetch = fetch): SpeechEngine {
  return {
    name: "http",
    async speak(text) {
      let res: Response;
      try {
        res = await fetchImpl(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ text, voice }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch {
        throw unavailable();
      }
      const length = Number(res.headers.get("content-length") ?? 0);
      if (!res.ok || length > AUDIO_MAX_BYTES) throw unavailable();
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.byteLength > AUDIO_MAX_BYTES) throw unavailable();
      return bytes;
    },
  };
}

/** The configured engine, or null when speech generation is off (`none`, or `http` without a URL). */
export function speechEngine(tts: Config["notices"]["tts"]): SpeechEngine | null {
  if (tts.engine === "espeak") return espeakEngine(tts.voice);
  if (tts.engine === "http" && tts.url) return httpEngine(tts.url, tts.token, tts.voice);
  return null;
}
