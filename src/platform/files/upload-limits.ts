// How many files, and how many megabytes, one account (and, for citizens, one address) may store per window
// (UPLOAD_MAX_* settings): without them one account could fill the database. A citizen is counted per account and
// per address; an officer or volunteer scans at the desk for many people from one office, so only their account
// is counted, with a much higher ceiling. Every upload counts: the API, the vault, forms, supplements, results.
import type { Config } from "../../config.ts";
import type { Principal } from "../auth/authorise.ts";
import type { Queryable } from "../db/database.ts";
import { tooManyRequests } from "../http/app-error.ts";
import { actorKeys, reserve, type ThrottleLimit } from "../throttle/throttle.ts";

const BUCKET = "upload";
const MEGABYTE = 1_048_576;

/** Who stores the file, from where and when, with the limits in force: storeFile counts the file against it. */
export type UploadQuota = { userId: string; citizen: boolean; clientIp: string | null; now: Date; limits: Config["uploads"] };

export function uploadQuota(config: Pick<Config, "uploads">, p: Principal, clientIp: string | null, now: Date): UploadQuota {
  return { userId: p.userId, citizen: p.kind === "citizen", clientIp, now, limits: config.uploads };
}

/**
 * Two counts per key in one bucket: files (one hit each) and megabytes (one hit per started MB, so no migration
 * was needed: the reservation is weighted, see reserve()). All four keys are reserved together or not at all.
 */
function limitsFor(quota: UploadQuota, sizeBytes: number): ThrottleLimit[] {
  const windowMs = quota.limits.windowMinutes * 60_000;
  const megabytes = Math.max(1, Math.ceil(sizeBytes / MEGABYTE));
  const both = (key: string, ceiling: { files: number; megabytes: number }): ThrottleLimit[] => [
    { key, limit: ceiling.files, windowMs },
    { key: `${key}:mb`, limit: ceiling.megabytes, windowMs, weight: megabytes },
  ];
  return actorKeys(quota, quota.limits).flatMap(({ key, ceiling }) => both(key, ceiling));
}

/**
 * Counts one file of sizeBytes, in q's transaction (a file that is not stored in the end is not counted).
 * Over a limit: 429 with Retry-After, naming the form or API field that carried the file.
 */
export async function reserveUpload(q: Queryable, quota: UploadQuota, sizeBytes: number, field: string): Promise<void> {
  const r = await reserve(q, BUCKET, limitsFor(quota, sizeBytes), quota.now);
  if (!r.allowed) throw tooManyRequests("upload.throttled", r.retryAfterSeconds, [{ field, code: "throttled", message: "upload.throttledField" }]);
}
