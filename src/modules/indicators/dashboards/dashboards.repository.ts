// The dashboards' own reads: the records behind a number, from views other modules publish (dossier_facts of the
// dossiers, household_coverage_refs of outreach joined with household_refs of the registry), and the units of the
// public page's picker (admin_unit_refs). Keyset pages over indexed columns: a page costs the same on the last page.
import type { Queryable } from "../../../platform/db/database.ts";

export type DossierRecordKind = "received" | "receivedOnline" | "decided" | "decidedOnTime" | "decidedLate";

export type DossierRecord = {
  id: string;
  procedureName: string;
  channel: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  timing: string | null;
  /** The sort key of the page (received or decided). */
  at: Date;
};

const DOSSIER_FILTERS: Record<DossierRecordKind, { at: "received_at" | "finished_at"; where: string }> = {
  received: { at: "received_at", where: "true" },
  receivedOnline: { at: "received_at", where: "f.channel = 'online'" },
  decided: { at: "finished_at", where: "f.received_at IS NOT NULL AND f.state <> 'cancelled'" },
  decidedOnTime: { at: "finished_at", where: "f.received_at IS NOT NULL AND f.timing IN ('early', 'onTime')" },
  decidedLate: { at: "finished_at", where: "f.received_at IS NOT NULL AND f.timing = 'late'" },
};

/** Dossiers of a unit's subtree received (or decided) in [from, to), newest first, after a (at, id) cursor. */
export async function dossierRecords(
  q: Queryable,
  input: { pathPrefix: string; kind: DossierRecordKind; from: Date; to: Date; after: { at: string; id: string } | null; limit: number },
): Promise<DossierRecord[]> {
  const filter = DOSSIER_FILTERS[input.kind];
  const params: unknown[] = [`${input.pathPrefix}%`, input.from, input.to];
  let keyset = "";
  if (input.after) {
    params.push(input.after.at, input.after.id);
    keyset = `AND (f.${filter.at}, f.dossier_id) < ($4::timestamptz, $5::uuid)`;
  }
  params.push(input.limit);
  const { rows } = await q.query<DossierRecord>(
    `SELECT f.dossier_id AS id, f.procedure_name AS "procedureName", f.channel, f.received_at AS "receivedAt", f.due_at AS "dueAt",
            f.finished_at AS "finishedAt", f.timing, f.${filter.at} AS at
     FROM dossier_facts f
     WHERE f.unit_path LIKE $1 AND f.${filter.at} >= $2 AND f.${filter.at} < $3 AND ${filter.where} ${keyset}
     ORDER BY f.${filter.at} DESC, f.dossier_id DESC
     LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export type HouseholdRecord = {
  id: string;
  villageCode: string;
  villageName: string;
  address: string;
  members: number;
  proficientMembers: number;
  lastVisitOn: string | null;
};

/**
 * Households of a unit's subtree (all, or those without a proficient member), by id after a cursor. `visibleSql` is
 * the registry's access rule on alias h (household_refs), with its parameters already in `params`.
 */
export async function householdRecords(
  q: Queryable,
  input: { pathPrefix: string; withoutProficient: boolean; visibleSql: string; params: unknown[]; after: string | null; limit: number },
): Promise<HouseholdRecord[]> {
  const params = [...input.params];
  params.push(`${input.pathPrefix}%`);
  const path = `$${params.length}`;
  let keyset = "";
  if (input.after) {
    params.push(input.after);
    keyset = `AND hc.household_id > $${params.length}::uuid`;
  }
  params.push(input.limit);
  const { rows } = await q.query<HouseholdRecord>(
    `SELECT hc.household_id AS id, hc.village_code AS "villageCode", coalesce(v.full_name, hc.village_code) AS "villageName", h.address,
            hc.members::int AS members, hc.proficient_members::int AS "proficientMembers", to_char(hc.last_visit_on, 'YYYY-MM-DD') AS "lastVisitOn"
     FROM household_coverage_refs hc
     JOIN household_refs h ON h.id = hc.household_id AND h.archived_at IS NULL
     LEFT JOIN admin_unit_refs v ON v.code = hc.village_code
     WHERE hc.unit_path LIKE ${path} ${input.withoutProficient ? "AND hc.proficient_members = 0" : ""} AND ${input.visibleSql} ${keyset}
     ORDER BY hc.household_id
     LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export type PublicUnit = { code: string; nameVi: string; nameEn: string | null; provinceVi: string; provinceEn: string | null; provinceCode: string };

/** Every commune with its province (the public page's picker). */
export async function publicCommunes(q: Queryable): Promise<PublicUnit[]> {
  const { rows } = await q.query<PublicUnit>(
    `SELECT c.code, c.full_name AS "nameVi", c.full_name_en AS "nameEn", p.full_name AS "provinceVi", p.full_name_en AS "provinceEn", p.code AS "provinceCode"
     FROM admin_unit_refs c JOIN admin_unit_refs p ON p.code = c.parent_code
     WHERE c.level = 'commune' ORDER BY p.full_name, p.code, c.full_name, c.code`,
  );
  return rows;
}

/** The first province under the given grants (an officer granted above every province opens it). */
export async function firstProvinceWithin(q: Queryable, pathPrefixes: string[]): Promise<string | null> {
  const { rows } = await q.query<{ code: string }>(
    "SELECT code FROM admin_unit_refs WHERE level = 'province' AND path LIKE ANY($1::text[]) ORDER BY code LIMIT 1",
    [pathPrefixes.map((p) => `${p}%`)],
  );
  return rows[0]?.code ?? null;
}
