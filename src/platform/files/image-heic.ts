// HEIC/HEIF (iPhone photos) to raw RGBA pixels. Sharp's prebuilt libvips reads HEIF only with AV1 inside (AVIF):
// it has no HEVC decoder, so HEIC goes through heic-decode (libheif compiled to WebAssembly). That decoder works
// synchronously, so it runs in a worker thread of its own: the server keeps answering meanwhile, and a file that
// takes too long (or claims too many pixels) is stopped by ending the worker, not by waiting for it.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

export type RawImage = { width: number; height: number; data: Uint8Array };
export type HeicFailure = "tooManyPixels" | "corrupt" | "timeout";
export class HeicDecodeError extends Error {
  constructor(readonly reason: HeicFailure) {
    super(`HEIC decode: ${reason}`);
    this.name = "HeicDecodeError";
  }
}

// CommonJS run by the worker: reads the image's size from its header before decoding a single pixel.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const decode = require(workerData.modulePath);
(async () => {
  let images;
  try {
    images = await decode.all({ buffer: workerData.bytes });
  } catch {
    parentPort.postMessage({ error: "corrupt" });
    return;
  }
  try {
    const first = images[0];
    if (!first || first.width < 1 || first.height < 1) return parentPort.postMessage({ error: "corrupt" });
    if (first.width * first.height > workerData.maxPixels) return parentPort.postMessage({ error: "tooManyPixels" });
    const { width, height, data } = await first.decode();
    const out = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    parentPort.postMessage({ width, height, data: out }, [out.buffer]);
  } catch {
    parentPort.postMessage({ error: "corrupt" });
  } finally {
    images.dispose();
  }
})();
`;

/** libheif applies the file's own rotation and mirror (irot/imir) while decoding: the pixels come upright. */
export function decodeHeic(bytes: Uint8Array, opts: { maxPixels: number; timeoutMs: number }): Promise<RawImage> {
  const modulePath = createRequire(import.meta.url).resolve("heic-decode");
  return new Promise<RawImage>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { modulePath, bytes: Buffer.from(bytes), maxPixels: opts.maxPixels },
      // 4 bytes a pixel plus libheif's own buffers; a file beyond this is refused rather than swapping.
      resourceLimits: { maxOldGenerationSizeMb: 128 },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new HeicDecodeError("timeout"))), opts.timeoutMs);
    worker.once("message", (m: { error?: HeicFailure; width?: number; height?: number; data?: Uint8Array }) =>
      finish(() => (m.error || !m.data ? reject(new HeicDecodeError(m.error ?? "corrupt")) : resolve({ width: m.width!, height: m.height!, data: m.data }))),
    );
    worker.once("error", () => finish(() => reject(new HeicDecodeError("corrupt"))));
    worker.once("exit", () => finish(() => reject(new HeicDecodeError("corrupt"))));
  });
}
