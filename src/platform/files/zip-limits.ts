// An XLSX is a zip. A few hundred kilobytes of zip can hold gigabytes once inflated (a "zip bomb"), and the
// spreadsheet library inflates every entry into memory before it reads a cell. So the zip's central
// directory (a short list at its end: each entry's name and sizes) is read first, the entries' count and
// declared sizes are checked against limits, and each entry is then inflated once with its declared size as
// a hard ceiling, so a directory that lies about a size is caught too. Only what XLSX files use is accepted:
// one disk, no ZIP64, no encryption, stored or deflated entries. The offsets are read the way JSZip (which
// exceljs uses) reads them, so the entries checked are the entries it will inflate.
import { inflateRawSync } from "node:zlib";

export type ZipLimits = {
  maxEntries: number;
  /** Inflated size of one entry. */
  maxEntryBytes: number;
  /** Inflated size of all entries together. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed size, checked for entries inflating to more than 1 MB (XML compresses 5–40 times). */
  maxRatio: number;
};

export type ZipEntry = { name: string; method: number; compressedSize: number; uncompressedSize: number; localHeaderOffset: number };

export type ZipCheck =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; problem: "malformed" }
  | { ok: false; problem: "tooManyEntries"; entries: number }
  | { ok: false; problem: "entryTooLarge" | "ratio"; entry: string; bytes: number }
  | { ok: false; problem: "tooLarge"; bytes: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const RATIO_FROM_BYTES = 1024 * 1024;

class Malformed extends Error {}

/** The entries listed in the central directory; throws Malformed when the bytes are not a zip this accepts. */
function readDirectory(b: Buffer, maxEntries: number): ZipEntry[] | { tooMany: number } {
  // The end record is the last occurrence of its signature (a comment may follow it), as JSZip finds it.
  let eocd = -1;
  for (let i = b.length - EOCD_SIZE; i >= Math.max(0, b.length - EOCD_SIZE - 0xffff); i--) {
    if (b.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Malformed();
  const disk = b.readUInt16LE(eocd + 4);
  const cdDisk = b.readUInt16LE(eocd + 6);
  const onDisk = b.readUInt16LE(eocd + 8);
  const total = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  // 0xffff / 0xffffffff announce ZIP64 fields; an XLSX within our byte limit never needs them.
  if (disk !== 0 || cdDisk !== 0 || onDisk !== total || total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new Malformed();
  // Nothing between the directory and its end record: JSZip would otherwise shift every offset.
  if (cdOffset + cdSize !== eocd) throw new Malformed();
  if (total > maxEntries) return { tooMany: total };
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  while (p < eocd) {
    if (p + 46 > eocd || b.readUInt32LE(p) !== CENTRAL) throw new Malformed();
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    const compressedSize = b.readUInt32LE(p + 20);
    const uncompressedSize = b.readUInt32LE(p + 24);
    const nameLength = b.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    const localHeaderOffset = b.readUInt32LE(p + 42);
    if (next > eocd || flags & 1 || (method !== 0 && method !== 8)) throw new Malformed(); // encrypted, or a method XLSX does not use
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) throw new Malformed();
    entries.push({ name: b.toString("utf8", p + 46, p + 46 + nameLength), method, compressedSize, uncompressedSize, localHeaderOffset });
    if (entries.length > maxEntries) return { tooMany: entries.length };
    p = next;
  }
  if (entries.length !== total) throw new Malformed();
  return entries;
}

/** The entry's compressed bytes, found through its local header as JSZip finds them. */
function dataOf(b: Buffer, e: ZipEntry): Buffer {
  const h = e.localHeaderOffset;
  if (h + 30 > b.length || b.readUInt32LE(h) !== LOCAL) throw new Malformed();
  const start = h + 30 + b.readUInt16LE(h + 26) + b.readUInt16LE(h + 28);
  if (start + e.compressedSize > b.length) throw new Malformed();
  return b.subarray(start, start + e.compressedSize);
}

/** True when the entry inflates to no more than it declares (the declared size is the ceiling, never exceeded in memory). */
function inflatesWithin(data: Buffer, e: ZipEntry): boolean {
  if (e.method === 0) return data.length === e.uncompressedSize;
  try {
    // maxOutputLength must be at least 1; an entry declared empty may inflate to nothing.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    return out.length <= e.uncompressedSize;
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) return false;
    throw new Malformed();
  }
}

/** Checks a zip against the limits without inflating more than they allow. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits): ZipCheck {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const listed = readDirectory(b, limits.maxEntries);
    if (!Array.isArray(listed)) return { ok: false, problem: "tooManyEntries", entries: listed.tooMany };
    let total = 0;
    for (const e of listed) {
      if (e.uncompressedSize > limits.maxEntryBytes) return { ok: false, problem: "entryTooLarge", entry: e.name, bytes: e.uncompressedSize };
      if (e.uncompressedSize > RATIO_FROM_BYTES && e.uncompressedSize > limits.maxRatio * e.compressedSize) {
        return { ok: false, problem: "ratio", entry: e.name, bytes: e.uncompressedSize };
      }
      total += e.uncompressedSize;
      if (total > limits.maxTotalBytes) return { ok: false, problem: "tooLarge", bytes: total };
    }
    // A directory that understates a size is not a zip any program wrote honestly.
    for (const e of listed) if (!inflatesWithin(dataOf(b, e), e)) return { ok: false, problem: "malformed" };
    return { ok: true, entries: listed };
  } catch (err) {
    if (err instanceof Malformed || err instanceof RangeError) return { ok: false, problem: "malformed" };
    throw err;
  }
}
