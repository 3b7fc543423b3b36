// Throttles for guessable or costly actions (sign-in, phone codes, status look-ups, filings, SMS), counted
// in the database so every app process sees the same counts.
//
// An attempt is RESERVED before it is checked: under a transaction-scoped advisory lock per (bucket, key),
// the hits inside each key's window are counted and one hit per key is recorded only when every key is
// under its limit. Parallel requests queue on the lock, and each one's count starts after the previous
// holder committed, so on READ COMMITTED no burst gets past the limit. A wrong guess keeps its
// reservation; a right one may give it back (release).
import { inTx, type Queryable } from "../db/database.ts";

/**
 * One key counted in a bucket: at most `limit` hits inside the last `windowMs`. Infinity: not counted.
 * `weight` (default 1): how many hits this attempt records (an upload's size in megabytes); a weight above the
 * limit counts as the limit, so that one attempt still fits in an empty window.
 */
export type ThrottleLimit = { key: string; limit: number; windowMs: number; weight?: number };

/**
 * Whose actions a per-person limit counts: a citizen per account and per address (many accounts behind one
 * address are one source), an officer or volunteer, who acts for many people from one office, per account only.
 * Each key comes with the ceiling that applies to it.
 */
export function actorKeys<C>(
  who: { userId: string; citizen: boolean; clientIp: string | null },
  ceilings: { perCitizen: C; perAddress: C; perStaff: C },
): { key: string; ceiling: C }[] {
  const account = `user:${who.userId}`;
  if (!who.citizen) return [{ key: account, ceiling: ceilings.perStaff }];
  return [{ key: account, ceiling: ceilings.perCitizen }, ...(who.clientIp ? [{ key: `ip:${who.clientIp}`, ceiling: ceilings.perAddress }] : [])];
}

export type Reservation =
  | { allowed: true; bucket: string; keys: string[]; at: Date; ids: number[] }
  | { allowed: false; bucket: string; key: string; retryAfterSeconds: number };

/**
 * Reserves one attempt for every key at once, or none, in one statement (the function throttle_reserve of
 * migration 0009). With the Database the reservation commits at once; with a transaction's client it commits
 * or rolls back with the caller's change, and its locks are held until that transaction ends. Keys must be
 * distinct; callers run on READ COMMITTED (the default), which the function relies on.
 *
 * A weighted key (weight w > 1) is reserved with the limit lowered by w - 1, so the function admits it only
 * when its hits plus w fit; its other w - 1 hits are inserted by a second statement in the same transaction,
 * under the locks the function took (with the Database, a transaction of its own is opened for the two).
 */
export async function reserve(q: Queryable, bucket: string, limits: ThrottleLimit[], now: Date): Promise<Reservation> {
  const counted = limits
    .filter((l) => Number.isFinite(l.limit))
    .map((l) => {
      const limit = Math.max(0, Math.floor(l.limit));
      return { ...l, limit, weight: Math.min(Math.max(1, Math.floor(l.weight ?? 1)), Math.max(1, limit)) };
    });
  if (counted.length === 0) return { allowed: true, bucket, keys: [], at: now, ids: [] };
  const heavy = counted.filter((l) => l.weight > 1);
  const run = heavy.length > 0 ? (fn: (t: Queryable) => Promise<Reservation>) => inTx(q, fn) : (fn: (t: Queryable) => Promise<Reservation>) => fn(q);
  return run(async (t) => {
    const { rows } = await t.query<{ denied_key: string | null; free_at: Date | null; hit_id: number | null }>(
      "SELECT denied_key, free_at, hit_id FROM throttle_reserve($1, $2::text[], $3::int[], $4::timestamptz[], $5, $6)",
      [
        bucket,
        counted.map((l) => l.key),
        counted.map((l) => l.limit - l.weight + 1),
        counted.map((l) => new Date(now.getTime() - l.windowMs)),
        now,
        ownCommit(q),
      ],
    );
    const denied = rows.filter((r) => r.denied_key !== null);
    if (denied.length > 0) return refusal(bucket, counted, denied, now);
    const ids = rows.map((r) => Number(r.hit_id));
    if (heavy.length > 0) {
      const extra = await t.query<{ id: number }>(
        `INSERT INTO throttle_hits (bucket, key, at)
         SELECT $1, x.k, $4 FROM unnest($2::text[], $3::int[]) AS x(k, w), generate_series(2, x.w) RETURNING id`,
        [bucket, heavy.map((l) => l.key), heavy.map((l) => l.weight), now],
      );
      ids.push(...extra.rows.map((r) => Number(r.id)));
    }
    return { allowed: true, bucket, keys: counted.map((l) => l.key), at: now, ids };
  });
}

function refusal(
  bucket: string,
  counted: { key: string; windowMs: number }[],
  denied: { denied_key: string | null; free_at: Date | null }[],
  now: Date,
): Reservation {
  // The wait until every full key has room again: its oldest hit that must leave the window.
  let waitMs = 0;
  let worst = denied[0]!.denied_key!;
  for (const r of denied) {
    const window = counted.find((l) => l.key === r.denied_key)!.windowMs;
    const ms = r.free_at ? new Date(r.free_at).getTime() + window - now.getTime() : window;
    if (ms > waitMs) [waitMs, worst] = [ms, r.denied_key!];
  }
  return { allowed: false, bucket, key: worst, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/**
 * Inside the caller's transaction: takes the keys' locks (held until it ends) and says whether every key has
 * room, recording nothing. If the attempt turns out to count, `recordHeld` records it in the same transaction,
 * still under the locks, so parallel attempts cannot pass the limit; if not, nothing was written. For checks
 * whose common outcome is not counted (a right answer), this spares the insert and the delete of reserve/release.
 */
export async function checkHeld(q: Queryable, bucket: string, limits: ThrottleLimit[], now: Date): Promise<Reservation> {
  if (ownCommit(q)) throw new Error("checkHeld needs the caller's transaction");
  const counted = limits.filter((l) => Number.isFinite(l.limit)).map((l) => ({ ...l, limit: Math.max(0, Math.floor(l.limit)) }));
  if (counted.length === 0) return { allowed: true, bucket, keys: [], at: now, ids: [] };
  const { rows } = await q.query<{ denied_key: string | null; free_at: Date | null }>(
    "SELECT denied_key, free_at FROM throttle_reserve($1, $2::text[], $3::int[], $4::timestamptz[], $5, false, false)",
    [bucket, counted.map((l) => l.key), counted.map((l) => l.limit), counted.map((l) => new Date(now.getTime() - l.windowMs)), now],
  );
  if (rows.length > 0) return refusal(bucket, counted, rows, now);
  return { allowed: true, bucket, keys: counted.map((l) => l.key), at: now, ids: [] };
}

/** Records, in the transaction of `checkHeld`, the attempt it allowed. */
export async function recordHeld(q: Queryable, r: Reservation): Promise<void> {
  if (!r.allowed || r.keys.length === 0) return;
  await q.query("INSERT INTO throttle_hits (bucket, key, at) SELECT $1, k, $3 FROM unnest($2::text[]) AS k", [r.bucket, r.keys, r.at]);
}

/**
 * Without reserving: the seconds until key has room again under its limit, or 0 when it has room now. For a
 * ceiling that only failures fill (reserved when they happen), read without the lock so that the common,
 * successful request does not queue behind every other request of a busy key.
 */
export async function waitBeforeRoom(q: Queryable, bucket: string, l: ThrottleLimit, now: Date): Promise<number> {
  const { rows } = await q.query<{ n: number; free_at: Date | null }>(
    "SELECT count(*)::int AS n, (array_agg(at ORDER BY at))[greatest(count(*) - $4 + 1, 1)] AS free_at FROM throttle_hits WHERE bucket = $1 AND key = $2 AND at > $3",
    [bucket, l.key, new Date(now.getTime() - l.windowMs), l.limit],
  );
  const r = rows[0];
  if (!r || r.n < l.limit || !r.free_at) return 0;
  return Math.max(1, Math.ceil((new Date(r.free_at).getTime() + l.windowMs - now.getTime()) / 1000));
}

/** Gives a reservation back: the attempt turned out to be one that is not counted (a right answer). */
export async function release(q: Queryable, r: Reservation): Promise<void> {
  if (!r.allowed || r.ids.length === 0) return;
  await q.query("SELECT throttle_release($1, $2::text[], $3, $4::bigint[], $5)", [r.bucket, r.keys, r.at, r.ids, ownCommit(q)]);
}

/**
 * Whether the call commits on its own (the Database, or a session outside a transaction) rather than with a
 * caller's change: only then may its commit skip waiting for the WAL flush (migration 0009).
 */
const ownCommit = (q: Queryable) => "tx" in q;

/** Forgets every hit of one key (a successful sign-in clears the account's failures). */
export async function clearThrottle(q: Queryable, bucket: string, key: string): Promise<void> {
  await q.query("DELETE FROM throttle_hits WHERE bucket = $1 AND key = $2", [bucket, key]);
}

/** Housekeeping: hits older than the longest window (one day) are no longer needed. */
export async function purgeThrottleHits(q: Queryable, before: Date): Promise<number> {
  const res = await q.query("DELETE FROM throttle_hits WHERE at < $1", [before]);
  return res.rowCount ?? 0;
}

/** Whole minutes to show in a "try again in N minutes" message. */
export const retryMinutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
