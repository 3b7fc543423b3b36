// Factories for indicators: daily facts and manual values written directly (as the refresh and the review would
// leave them), and stored set versions, so a dashboard or an export test need not run the refresh or the review.
import { randomUUID } from "node:crypto";
import type { Deps } from "../../src/deps.ts";
import { getAdminUnit } from "../../src/modules/admin-units/index.ts";
import { type Period, periodOf } from "../../src/modules/indicators/periods.ts";
import type { IndicatorSetDefinition } from "../../src/modules/indicators/set-definition.ts";

const provinceOf = (path: string) => path.split("/")[1] as string;

/** One day's fact of an element for a unit (a village or a commune); adds to an existing one. */
export async function buildFact(deps: Pick<Deps, "db" | "config">, fact: { element: string; unit: string; day: string; value: number }): Promise<void> {
  const unit = await getAdminUnit(deps as Deps, fact.unit);
  const commune = unit.level === "village" ? (unit.parentCode as string) : unit.code;
  await deps.db.query(
    `INSERT INTO indicator_daily_facts (element_key, unit_code, commune_code, province_code, day, value) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (commune_code, day, element_key, unit_code) DO UPDATE SET value = indicator_daily_facts.value + excluded.value`,
    [fact.element, unit.code, commune, provinceOf(unit.path), fact.day, fact.value],
  );
}

/** Several facts of one unit and day: { dossier_received: 10, dossier_received_online: 7 }. */
export async function buildFacts(deps: Pick<Deps, "db" | "config">, unit: string, day: string, values: Record<string, number>): Promise<void> {
  for (const [element, value] of Object.entries(values)) await buildFact(deps, { element, unit, day, value });
}

export type ManualSeed = {
  element: string;
  unit: string;
  period: string;
  value: number | null;
  status?: "draft" | "submitted" | "approved" | "returned";
  enteredBy?: string | null;
};

/** A manual value (default: approved). */
export async function buildManualValue(deps: Pick<Deps, "db" | "config" | "clock">, seed: ManualSeed): Promise<string> {
  const unit = await getAdminUnit(deps as Deps, seed.unit);
  const commune = unit.level === "village" ? (unit.parentCode as string) : unit.code;
  const p = periodOf(seed.period, "2100-12-31") as Period;
  const id = randomUUID();
  const status = seed.status ?? "approved";
  const now = deps.clock.now();
  await deps.db.query(
    `INSERT INTO indicator_manual_values (id, element_key, unit_code, commune_code, province_code, unit_path, period, period_start, period_end, value,
       status, entered_by, entered_at, submitted_at, reviewed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      id,
      seed.element,
      unit.code,
      commune,
      provinceOf(unit.path),
      unit.path,
      p.code,
      p.start,
      p.end,
      seed.value,
      status,
      seed.enteredBy ?? null,
      now,
      status === "draft" ? null : now,
      status === "approved" || status === "returned" ? now : null,
    ],
  );
  return id;
}

/** A stored, active version of a set (for every province unless provinceCode is given); the older one is retired. */
export async function buildIndicatorSet(
  deps: Pick<Deps, "db">,
  definition: IndicatorSetDefinition | Record<string, unknown>,
  opts: { provinceCode?: string | null; version?: number } = {},
): Promise<string> {
  const key = String((definition as { key: string }).key);
  const province = opts.provinceCode ?? null;
  const id = randomUUID();
  await deps.db.tx(async (q) => {
    await q.query("UPDATE indicator_sets SET active = false WHERE key = $1 AND coalesce(province_code, '') = coalesce($2, '')", [key, province]);
    const { rows } = await q.query<{ v: number }>(
      "SELECT coalesce(max(version), 0)::int + 1 AS v FROM indicator_sets WHERE key = $1 AND coalesce(province_code, '') = coalesce($2, '')",
      [key, province],
    );
    await q.query("INSERT INTO indicator_sets (id, key, version, province_code, definition, active) VALUES ($1, $2, $3, $4, $5, true)", [
      id,
      key,
      opts.version ?? rows[0]?.v ?? 1,
      province,
      JSON.stringify(definition),
    ]);
  });
  return id;
}
