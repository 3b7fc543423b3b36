// Audio for the loudspeaker tests, made on the spot: WAV from Debian's espeak-ng, and an MP3 of silent MPEG-1
// Layer III frames (128 kbit/s, 44.1 kHz: 417 bytes, 26.12 ms each), so no binary fixture is checked in.
import { execFileSync } from "node:child_process";

export function espeakWav(text: string, voice = "vi"): Buffer {
  return execFileSync("espeak-ng", ["-v", voice, "--stdin", "--stdout"], { input: text, maxBuffer: 20 * 1024 * 1024 });
}

/** `frames` frames of silence: 0xFFFB9064 (MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no CRC, joint stereo) + zeros. */
export function silentMp3(frames: number): Buffer {
  const frame = Buffer.alloc(417);
  frame.writeUInt32BE(0xfffb9064, 0);
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}
