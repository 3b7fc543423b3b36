// Zip files built byte by byte for the tests of the zip limits: honest ones, bombs, and directories that lie.
import { once } from "node:events";
import { createDeflateRaw, deflateRawSync } from "node:zlib";

export type ZipPart = {
  name: string;
  /** The part's bytes, deflated here; or `deflated`, already deflated (large ones are streamed). */
  data?: Uint8Array;
  deflated?: { bytes: Buffer; size: number };
  /** What the central directory claims the inflated size is (default: the truth). */
  declaredSize?: number;
};

/** `size` zero bytes, deflated a megabyte at a time (never all in memory): a 200 MB part is ~200 KB. */
export async function deflatedZeros(size: number): Promise<{ bytes: Buffer; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on("data", (c: Buffer) => chunks.push(c));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let left = size; left > 0; left -= chunk.length) {
    if (!deflate.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await once(deflate, "drain");
  }
  deflate.end();
  await once(deflate, "end");
  return { bytes: Buffer.concat(chunks), size };
}

/** A zip of the parts, deflated, one disk, no ZIP64 (the CRCs are left at zero: nothing here checks them). */
export function buildZip(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const deflated = part.deflated ?? { bytes: deflateRawSync(part.data ?? new Uint8Array()), size: part.data?.length ?? 0 };
    const name = Buffer.from(part.name, "utf8");
    const size = part.declaredSize ?? deflated.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(deflated.bytes.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(deflated.bytes.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated.bytes);
    centrals.push(central, name);
    offset += local.length + name.length + deflated.bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
