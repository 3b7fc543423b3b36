// What the registry's resident and household pages show of the outreach work (the slots of src/modules.ts): a
// person's skills against the province's checklist and the visits they were at; a household's visits and coverage.
// Scoped by the registry's access rule (householdVisibleSql); not audited here: the page that shows the panel has
// already recorded its read of the person or household, and the audit log keeps one entry per page read.
import type { Deps } from "../../../deps.ts";
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import { actorOf } from "../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { displayNames } from "../../identity/index.ts";
import { householdAccess, householdVisibleSql, visibleResident } from "../../registry/index.ts";
import { loadChecklist, provinceOfPath, type Skill } from "../skills.ts";
import { queryVisits, type VisitRow } from "./visit-list.ts";

type D = Pick<Deps, "db">;

/** How many of a person's visits the resident page lists. */
export const RESIDENT_VISITS_SHOWN = 5;

export type HeldSkill = { skillKey: string; method: "seen" | "self_declared"; confirmedBy: string | null; confirmedAt: Date };

export type ResidentOutreach = {
  /** The province's checklist: the active skills, and inactive ones only where the person holds them. */
  skills: (Skill & { held: HeldSkill | null })[];
  visits: VisitRow[];
  /** Display names of the confirmers and volunteers named above. */
  names: Map<string, string>;
  /** The office form may confirm a skill (POST /office/residents/:id/skills allows outreach.record or registry.manage). */
  mayConfirm: boolean;
};

/** A resident's skills and visits; null when the viewer may not see them or they left the registry. */
export async function residentOutreach(deps: D, principal: Principal | null, residentId: string): Promise<ResidentOutreach | null> {
  if (!principal) return null;
  const params: unknown[] = [];
  const visible = householdVisibleSql(householdAccess(principal), "h", params);
  const resident = await visibleResident(deps.db, { actor: actorOf(principal), requestId: null, principal }, residentId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  });
  if (!resident || resident.archivedAt || !resident.householdId) return null;
  const [checklist, heldRows, visits] = await Promise.all([
    loadChecklist(deps.db, provinceOfPath(resident.unitPath)),
    deps.db.query<HeldSkill>(
      `SELECT skill_key AS "skillKey", method, confirmed_by AS "confirmedBy", confirmed_at AS "confirmedAt" FROM resident_skills WHERE resident_id = $1`,
      [residentId],
    ),
    // Visits of households the viewer sees (a former household out of their reach stays hidden).
    queryVisits(deps.db, `$${params.length + 1}::uuid = ANY(v.present) AND ${visible}`, [...params, residentId], RESIDENT_VISITS_SHOWN),
  ]);
  const held = new Map(heldRows.rows.map((r) => [r.skillKey, r]));
  const skills = checklist.skills.filter((s) => s.active || held.has(s.key)).map((s) => ({ ...s, held: held.get(s.key) ?? null }));
  const names = await displayNames(deps.db, [...heldRows.rows.map((r) => r.confirmedBy), ...visits.map((v) => v.volunteerUserId)]);
  const unit = { code: resident.villageCode, path: resident.unitPath };
  return { skills, visits, names, mayConfirm: can(principal, "outreach.record", unit) || can(principal, "registry.manage", unit) };
}

export type HouseholdOutreach = {
  visits: VisitRow[];
  /** From the coverage rollup: members holding every active skill, and the last visit (null: never visited). */
  proficientMembers: number;
  lastVisitOn: string | null;
  names: Map<string, string>;
  /** The viewer records visits (a team member): the page links to the field app. */
  fieldApp: boolean;
};

/** A household's visits and coverage; null when the viewer may not see it or it left the registry. */
export async function householdOutreach(deps: D, principal: Principal | null, householdId: string): Promise<HouseholdOutreach | null> {
  if (!principal) return null;
  const params: unknown[] = [householdId];
  const visible = householdVisibleSql(householdAccess(principal), "h", params);
  const found = await deps.db.query<{ unitPath: string; villageCode: string; proficientMembers: number | null; lastVisitOn: string | null }>(
    `SELECT h.unit_path AS "unitPath", h.village_code AS "villageCode", hc.proficient_members AS "proficientMembers",
            to_char(hc.last_visit_on, 'YYYY-MM-DD') AS "lastVisitOn"
     FROM household_refs h LEFT JOIN household_coverage hc ON hc.household_id = h.id
     WHERE h.id = $1::uuid AND h.archived_at IS NULL AND ${visible}`,
    params,
  );
  const h = found.rows[0];
  if (!h) return null;
  const visits = await queryVisits(deps.db, "v.household_id = $1::uuid", [householdId]);
  const names = await displayNames(
    deps.db,
    visits.map((v) => v.volunteerUserId),
  );
  return {
    visits,
    proficientMembers: h.proficientMembers ?? 0,
    lastVisitOn: h.lastVisitOn ?? visits[0]?.visitedOn ?? null,
    names,
    fieldApp: can(principal, "outreach.record", { code: h.villageCode, path: h.unitPath }),
  };
}
