// The refresh of indicator_daily_facts from the views the source modules publish (elements/element-sources.ts).
// Incremental: each source finds the (commune, day) pairs its changes since the watermark touched and recomputes
// exactly those, DELETE + INSERT … SELECT … GROUP BY in one transaction per source. Full (or a day range): a
// province's facts rebuilt set-based. Then the stocks: today's snapshot, written only where a value changed.
// A pg advisory lock keeps two refreshes from running at once (the second returns skipped).
import type { Deps } from "../../../deps.ts";
import { localYear, toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { STOCK_KEYS, STOCKS_NOW, SUM_SOURCES, type SumSource, sumSourceInsert, sumSourceKeys } from "../elements/element-sources.ts";

export type RefreshOptions = {
  /** Only this province's facts (default: every province with data). */
  provinceCode?: string;
  /** Recompute everything instead of only the days touched since the last run. */
  full?: boolean;
  /** Recompute these Vietnam days (inclusive) for every commune in scope, whatever the watermark (the nightly run). */
  days?: { from: string; to: string };
};

export type RefreshReport = { sources: { source: string; days: number; rows: number; ms: number }[]; ms: number; skipped?: boolean };

/** Changes committed late with an earlier timestamp than the watermark are caught by looking back this far. */
const OVERLAP_MS = 10 * 60_000;
const LOCK_KEY = "indicators.refresh-facts";

const stateKey = (source: string, province?: string) => (province ? `${source}:${province}` : source);

export async function refreshFacts(deps: Pick<Deps, "db" | "clock" | "log">, opts: RefreshOptions = {}): Promise<RefreshReport> {
  if (opts.provinceCode !== undefined && !/^[0-9]{2}$/.test(opts.provinceCode)) throw new Error(`refreshFacts: bad province code ${opts.provinceCode}`);
  const started = Date.now();
  // The lock lives in its own transaction, held while the sources run in theirs.
  return deps.db.tx(async (lockQ) => {
    const { rows } = await lockQ.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok", [LOCK_KEY]);
    if (!rows[0]?.ok) return { sources: [], ms: 0, skipped: true };
    const report: RefreshReport = { sources: [], ms: 0 };
    for (const s of SUM_SOURCES) report.sources.push(await refreshSource(deps, s, opts));
    report.sources.push(await refreshStocks(deps, opts));
    report.ms = Date.now() - started;
    deps.log.info({ report: report.sources, ms: report.ms, province: opts.provinceCode ?? null, full: !!opts.full }, "indicator facts refreshed");
    return report;
  });
}

async function lockedState(q: Queryable, key: string): Promise<Date | null> {
  await q.query("INSERT INTO indicator_refresh_state (source) VALUES ($1) ON CONFLICT DO NOTHING", [key]);
  const { rows } = await q.query<{ watermark: Date | null }>("SELECT watermark FROM indicator_refresh_state WHERE source = $1 FOR UPDATE", [key]);
  return rows[0]?.watermark ?? null;
}

async function saveState(q: Queryable, key: string, watermark: Date | null, ms: number, rows: number): Promise<void> {
  await q.query(
    `UPDATE indicator_refresh_state SET watermark = CASE WHEN watermark IS NULL OR $2::timestamptz > watermark THEN coalesce($2::timestamptz, watermark) ELSE watermark END,
       last_run_at = now(), last_ms = $3, last_rows = $4 WHERE source = $1`,
    [key, watermark, ms, rows],
  );
}

async function refreshSource(deps: Pick<Deps, "db">, s: SumSource, opts: RefreshOptions) {
  const t0 = Date.now();
  const prefix = opts.provinceCode ? `/${opts.provinceCode}/%` : "/%";
  const keys = sumSourceKeys(s);
  return deps.db.tx(async (q) => {
    // Hash aggregates over a province's million dossiers need memory (as migration 0024's rebuild does).
    await q.query("SET LOCAL work_mem = '256MB'");
    const key = stateKey(s.name, opts.provinceCode);
    const watermark = await lockedState(q, key);
    const since = opts.full || watermark == null ? null : new Date(watermark.getTime() - OVERLAP_MS);
    const { rows: latest } = await q.query<{ at: Date | null }>(s.latest, [since ?? "-infinity", prefix]);
    let days = 0;
    let rows = 0;
    if (since == null || opts.days) {
      // A range: everything (full) or the asked days, for every commune in scope.
      const from = opts.full || since == null ? "-infinity" : (opts.days?.from ?? "-infinity");
      const to = opts.full || since == null ? "infinity" : (opts.days?.to ?? "infinity");
      await q.query(
        `DELETE FROM indicator_daily_facts WHERE element_key = ANY($1::text[]) AND ($2::text IS NULL OR province_code = $2) AND day BETWEEN $3::date AND $4::date`,
        [keys, opts.provinceCode ?? null, from, to],
      );
      const r = await q.query(sumSourceInsert(s, "range"), [prefix, from, to]);
      rows += r.rowCount ?? 0;
    }
    if (since != null) {
      const { rows: pairs } = await q.query<{ commune_code: string; day: string }>(
        `SELECT commune_code, to_char(day, 'YYYY-MM-DD') AS day FROM (${s.touched}) t`,
        [since, prefix],
      );
      days = pairs.length;
      if (pairs.length > 0) {
        const communes = pairs.map((p) => p.commune_code);
        const ds = pairs.map((p) => p.day);
        await q.query(
          `DELETE FROM indicator_daily_facts f USING unnest($1::text[], $2::date[]) AS p(commune_code, day)
           WHERE f.commune_code = p.commune_code AND f.day = p.day AND f.element_key = ANY($3::text[])`,
          [communes, ds, keys],
        );
        const r = await q.query(sumSourceInsert(s, "pairs"), [communes, ds]);
        rows += r.rowCount ?? 0;
      }
    }
    const ms = Date.now() - t0;
    await saveState(q, key, latest[0]?.at ?? null, ms, rows);
    return { source: s.name, days, rows, ms };
  });
}

async function refreshStocks(deps: Pick<Deps, "db" | "clock">, opts: RefreshOptions) {
  const t0 = Date.now();
  const now = deps.clock.now();
  const today = toLocalDay(now);
  const prefix = opts.provinceCode ? `/${opts.provinceCode}/%` : "/%";
  return deps.db.tx(async (q) => {
    await q.query("SET LOCAL work_mem = '64MB'");
    const key = stateKey("stocks", opts.provinceCode);
    await lockedState(q, key);
    // Today's value against the unit's latest snapshot by today: a row only where they differ (a stock gone to zero
    // writes its zero once).
    const r = await q.query(
      `WITH cur AS (${STOCKS_NOW}),
       last AS (
         SELECT DISTINCT ON (element_key, unit_code) element_key, unit_code, commune_code, province_code, value
         FROM indicator_daily_facts
         WHERE element_key = ANY($4::text[]) AND day <= $2::date AND ($5::text IS NULL OR province_code = $5)
         ORDER BY element_key, unit_code, day DESC)
       INSERT INTO indicator_daily_facts (element_key, unit_code, commune_code, province_code, day, value)
       SELECT coalesce(c.key, l.element_key), coalesce(c.unit_code, l.unit_code), coalesce(c.commune_code, l.commune_code),
              coalesce(c.province_code, l.province_code), $2::date, coalesce(c.value, 0)
       FROM cur c FULL JOIN last l ON l.element_key = c.key AND l.unit_code = c.unit_code
       WHERE coalesce(l.value, 0) <> coalesce(c.value, 0)
       ON CONFLICT (commune_code, day, element_key, unit_code) DO UPDATE SET value = excluded.value`,
      [prefix, today, localYear(now), STOCK_KEYS, opts.provinceCode ?? null],
    );
    const ms = Date.now() - t0;
    await saveState(q, key, null, ms, r.rowCount ?? 0);
    return { source: "stocks", days: 1, rows: r.rowCount ?? 0, ms };
  });
}
