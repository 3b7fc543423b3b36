// Visits in the office: a commune's, a village's or a volunteer's (newest first), and one household's. Only the
// households the reader sees (household-access.ts); each read is one audit entry.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../../platform/events/domain-events.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import { householdAccess, householdVisibleSql, seesNothing } from "../../registry/index.ts";

type Ctx = { actor: Actor; requestId: string | null; principal: Principal | null };

export type VisitRow = {
  id: string;
  householdId: string;
  address: string;
  villageCode: string;
  communeCode: string;
  visitedOn: string;
  outcome: "helped" | "not_home" | "refused" | "follow_up" | "moved_away";
  volunteerUserId: string;
  present: string[];
  skills: { residentId: string; skillKey: string; confirmed: "seen" | "self_declared" | null }[];
  nextStep: string | null;
  notes: string | null;
  photoFileId: string | null;
  recordedAt: Date;
  syncedAt: Date;
};

const SELECT = `SELECT v.id, v.household_id, h.address, h.village_code, h.commune_code, to_char(v.visited_on, 'YYYY-MM-DD') AS visited_on, v.outcome,
  v.volunteer_user_id, v.present, v.skills_helped, v.next_step, v.notes, v.photo_file_id, v.recorded_at, v.synced_at
  FROM visits v JOIN household_refs h ON h.id = v.household_id`;

type Raw = {
  id: string;
  household_id: string;
  address: string;
  village_code: string;
  commune_code: string;
  visited_on: string;
  outcome: VisitRow["outcome"];
  volunteer_user_id: string;
  present: string[];
  skills_helped: VisitRow["skills"];
  next_step: string | null;
  notes: string | null;
  photo_file_id: string | null;
  recorded_at: Date;
  synced_at: Date;
};
const toRow = (r: Raw): VisitRow => ({
  id: r.id,
  householdId: r.household_id,
  address: r.address,
  villageCode: r.village_code,
  communeCode: r.commune_code,
  visitedOn: r.visited_on,
  outcome: r.outcome,
  volunteerUserId: r.volunteer_user_id,
  present: r.present,
  skills: r.skills_helped,
  nextStep: r.next_step,
  notes: r.notes,
  photoFileId: r.photo_file_id,
  recordedAt: r.recorded_at,
  syncedAt: r.synced_at,
});

export type VisitFilter = { commune?: string; village?: string; volunteer?: string };

export async function listVisits(deps: Pick<Deps, "db" | "events">, ctx: Ctx, filter: VisitFilter, limit = 200): Promise<VisitRow[]> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const access = householdAccess(p);
  if (seesNothing(access)) throw new AppError("forbidden", "error.forbidden");
  const params: unknown[] = [];
  const where = [householdVisibleSql(access, "h", params)];
  if (filter.commune) where.push(`v.commune_code = $${params.push(filter.commune)}`);
  if (filter.village) where.push(`h.village_code = $${params.push(filter.village)}`);
  if (filter.volunteer) where.push(`v.volunteer_user_id = $${params.push(filter.volunteer)}::uuid`);
  const { rows } = await deps.db.query<Raw>(`${SELECT} WHERE ${where.join(" AND ")} ORDER BY v.visited_on DESC, v.synced_at DESC LIMIT ${limit}`, params);
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "visitList", id: null },
    adminUnitCode: filter.village ?? filter.commune ?? p.grants[0]?.unitCode ?? null,
    details: { ...filter, rows: rows.length },
  });
  return rows.map(toRow);
}

export async function householdVisits(deps: Pick<Deps, "db" | "events">, ctx: Ctx, householdId: string): Promise<VisitRow[]> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const params: unknown[] = [householdId];
  const visible = householdVisibleSql(householdAccess(p), "h", params);
  const found = await deps.db.query<{ commune_code: string }>(`SELECT h.commune_code FROM household_refs h WHERE h.id = $1 AND ${visible}`, params);
  const h = found.rows[0];
  if (!h) throw notFound();
  const rows = await queryVisits(deps.db, "v.household_id = $1", [householdId]);
  await recordPersonalDataRead(deps, ctx, { target: { type: "household", id: householdId }, adminUnitCode: h.commune_code, details: { part: "visits" } });
  return rows;
}

/** Visits matching a condition on v (visits) and h (household_refs), newest first. The caller has checked access. */
export async function queryVisits(q: Queryable, where: string, params: unknown[], limit?: number): Promise<VisitRow[]> {
  const { rows } = await q.query<Raw>(
    `${SELECT} WHERE ${where} ORDER BY v.visited_on DESC, v.synced_at DESC${limit ? ` LIMIT ${Math.trunc(limit)}` : ""}`,
    params,
  );
  return rows.map(toRow);
}
