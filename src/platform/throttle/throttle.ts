// Counting failed guesses per client and purpose (public look-ups, one-time codes) in the database, so
// every app process sees the same counts.
import type { Queryable } from "../db/database.ts";

export async function countThrottleHits(q: Queryable, bucket: string, key: string, since: Date): Promise<number> {
  const { rows } = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM throttle_hits WHERE bucket = $1 AND key = $2 AND at > $3", [
    bucket,
    key,
    since,
  ]);
  return rows[0]?.n ?? 0;
}

export async function recordThrottleHits(q: Queryable, bucket: string, keys: string[], now: Date): Promise<void> {
  await q.query("INSERT INTO throttle_hits (bucket, key, at) SELECT $1, k, $3 FROM unnest($2::text[]) k", [bucket, keys, now]);
}

/** Housekeeping: hits older than the longest window are no longer needed. */
export async function purgeThrottleHits(q: Queryable, before: Date): Promise<number> {
  const res = await q.query("DELETE FROM throttle_hits WHERE at < $1", [before]);
  return res.rowCount ?? 0;
}

/** The largest count among several keys (a client and a target), in one statement. */
export async function maxThrottleHits(q: Queryable, bucket: string, keys: string[], since: Date): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    "SELECT coalesce(max(n), 0)::int AS n FROM (SELECT count(*) AS n FROM throttle_hits WHERE bucket = $1 AND key = ANY($2) AND at > $3 GROUP BY key) x",
    [bucket, keys, since],
  );
  return rows[0]?.n ?? 0;
}
