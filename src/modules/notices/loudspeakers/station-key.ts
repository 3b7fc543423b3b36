// A station's player proves itself with a key: 32 random bytes, shown once; only the sha256 is stored, and the
// lookup compares hashes in constant time.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const newStationKey = (): string => `xsr_${randomBytes(32).toString("base64url")}`;
export const stationKeyHash = (key: string): string => createHash("sha256").update(key, "utf8").digest("hex");

export function sameKeyHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** The Bearer of a request's Authorization header, or null. */
export function bearerOf(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return m?.[1] ?? null;
}

/** The station paths whose Bearer is the station's key, not an API token (the composition root exempts them). */
export const isStationDevicePath = (path: string): boolean => /^\/api\/v1\/radio-stations\/[^/]+\/(feed|plays|audio\/[^/]+)$/.test(path);
