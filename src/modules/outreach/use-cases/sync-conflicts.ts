// Conflicts in the office: the open ones a settler may see (outreach.settle: a team leader their teams' households,
// a commune admin the commune's), one with both sides and the current values, and settling it field by field.
import type { Deps } from "../../../deps.ts";
import { type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import type { Actor } from "../../../platform/events/domain-events.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import { localYear } from "../../../platform/calendar/vietnam-time.ts";
import {
  applyFieldHouseholdUpdate,
  applyFieldResidentUpdate,
  type FieldWriter,
  householdAccess,
  householdVisibleSql,
  listFieldHouseholds,
} from "../../registry/index.ts";

type Ctx = { actor: Actor; requestId: string | null; principal: Principal | null };

export type ConflictSummary = {
  id: string;
  entity: "household" | "resident";
  entityId: string;
  householdId: string;
  address: string;
  villageCode: string;
  submittedBy: string;
  createdAt: Date;
  fields: string[];
};

function settler(ctx: Ctx): Principal {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (scopePaths(p, "outreach.settle").length === 0) throw new AppError("forbidden", "error.forbidden");
  return p;
}

/** The settler's conflicts: open, within their settle grants, about households they see. */
function conflictsSql(p: Principal, params: unknown[]) {
  params.push(scopePaths(p, "outreach.settle").map((x) => `${x}%`));
  const settle = `c.unit_path LIKE ANY($${params.length}::text[])`;
  return `FROM sync_conflicts c JOIN household_refs h ON h.id = c.household_id
    WHERE ${settle} AND ${householdVisibleSql(householdAccess(p), "h", params)}`;
}

export async function listOpenConflicts(deps: Pick<Deps, "db" | "events">, ctx: Ctx): Promise<ConflictSummary[]> {
  const p = settler(ctx);
  const params: unknown[] = [];
  const { rows } = await deps.db.query<{
    id: string;
    entity: "household" | "resident";
    entity_id: string;
    household_id: string;
    address: string;
    village_code: string;
    submitted_by: string;
    created_at: Date;
    proposed: Record<string, unknown>;
  }>(
    `SELECT c.id, c.entity, c.entity_id, c.household_id, h.address, h.village_code, c.submitted_by, c.created_at, c.proposed
     ${conflictsSql(p, params)} AND c.status = 'open' ORDER BY c.created_at LIMIT 500`,
    params,
  );
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "syncConflictList", id: null },
    adminUnitCode: p.grants.find((g) => g.role === "commune_admin" || g.role === "team_leader")?.unitCode ?? null,
    details: { rows: rows.length },
  });
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    householdId: r.household_id,
    address: r.address,
    villageCode: r.village_code,
    submittedBy: r.submitted_by,
    createdAt: r.created_at,
    fields: Object.keys(r.proposed),
  }));
}

export type ConflictView = {
  id: string;
  entity: "household" | "resident";
  entityId: string;
  householdId: string;
  communeCode: string;
  address: string;
  status: "open" | "kept_server" | "applied_device" | "merged";
  submittedBy: string;
  createdAt: Date;
  baseVersion: number;
  serverVersion: number;
  proposed: Record<string, unknown>;
  serverState: Record<string, unknown>;
  /** The record as it is now (null: archived since), and its version: what settling compares against. */
  current: { version: number; values: Record<string, unknown>; name: string | null } | null;
};

async function loadConflict(deps: Pick<Deps, "db">, p: Principal, id: string): Promise<ConflictView> {
  const params: unknown[] = [id];
  const { rows } = await deps.db.query<{
    id: string;
    entity: "household" | "resident";
    entity_id: string;
    household_id: string;
    commune_code: string;
    address: string;
    status: ConflictView["status"];
    submitted_by: string;
    created_at: Date;
    base_version: number;
    server_version: number;
    proposed: Record<string, unknown>;
    server_state: Record<string, unknown>;
  }>(
    `SELECT c.id, c.entity, c.entity_id, c.household_id, c.commune_code, h.address, c.status, c.submitted_by, c.created_at, c.base_version,
       c.server_version, c.proposed, c.server_state ${conflictsSql(p, params)} AND c.id = $1`,
    params,
  );
  const c = rows[0];
  if (!c) throw notFound();
  const [household] = await listFieldHouseholds(deps.db, p, { ids: [c.household_id] });
  let current: ConflictView["current"] = null;
  if (household && c.entity === "household")
    current = { version: household.version, values: { address: household.address, poverty: household.poverty }, name: null };
  const person = household?.residents.find((r) => r.id === c.entity_id);
  if (person && c.entity === "resident") {
    const { id: _id, version, ...values } = person;
    current = { version, values, name: person.fullName };
  }
  return {
    id: c.id,
    entity: c.entity,
    entityId: c.entity_id,
    householdId: c.household_id,
    communeCode: c.commune_code,
    address: c.address,
    status: c.status,
    submittedBy: c.submitted_by,
    createdAt: c.created_at,
    baseVersion: c.base_version,
    serverVersion: c.server_version,
    proposed: c.proposed,
    serverState: c.server_state,
    current,
  };
}

export async function getConflict(deps: Pick<Deps, "db" | "events">, ctx: Ctx, id: string): Promise<ConflictView> {
  const p = settler(ctx);
  const view = await loadConflict(deps, p, id);
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "syncConflict", id },
    adminUnitCode: view.communeCode,
    details: { entity: view.entity, entityId: view.entityId },
  });
  return view;
}

/**
 * Settles a conflict: for each proposed field, keep the server's value or take the device's. The device's values
 * go through the registry's use case on the version the settler saw (a change since then: 409, choose again).
 */
export async function settleConflict(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: Ctx,
  input: { id: string; version: number; take: readonly string[] },
): Promise<{ status: "kept_server" | "applied_device" | "merged" }> {
  const p = settler(ctx);
  const view = await loadConflict(deps, p, input.id);
  if (view.status !== "open") throw new AppError("conflict", "sync.conflict.alreadySettled");
  if (!view.current) throw new AppError("conflict", "sync.conflict.gone");
  const fields = Object.keys(view.proposed);
  const take = fields.filter((f) => input.take.includes(f));
  const status = take.length === 0 ? "kept_server" : take.length === fields.length ? "applied_device" : "merged";
  const writer: FieldWriter = { principal: p, actor: ctx.actor, requestId: ctx.requestId, events: deps.events };
  return deps.db.tx(async (q) => {
    if (take.length) {
      const changes = Object.fromEntries(take.map((f) => [f, view.proposed[f]]));
      const r =
        view.entity === "household"
          ? await applyFieldHouseholdUpdate(q, writer, { householdId: view.entityId, baseVersion: input.version, changes })
          : await applyFieldResidentUpdate(q, writer, {
              residentId: view.entityId,
              baseVersion: input.version,
              changes,
              thisYear: localYear(deps.clock.now()),
            });
      if (r.outcome === "conflict") throw new AppError("conflict", "sync.conflict.changedMeanwhile");
      if (r.outcome === "notFound") throw notFound();
      if (r.outcome === "invalid" || r.outcome === "exists")
        throw new AppError("validation", "error.validation", [
          { field: r.field.replace(/^changes\./, ""), code: "invalid", message: r.outcome === "invalid" ? r.message : "registryField.exists" },
        ]);
    }
    const done = await q.query("UPDATE sync_conflicts SET status = $2, settled_by = $3, settled_at = now() WHERE id = $1 AND status = 'open'", [
      view.id,
      status,
      p.userId,
    ]);
    if (!done.rowCount) throw new AppError("conflict", "sync.conflict.alreadySettled");
    await deps.events.publish(q, {
      type: "conflict.settled",
      actor: ctx.actor,
      target: { type: "syncConflict", id: view.id },
      adminUnitCode: view.communeCode,
      requestId: ctx.requestId,
      details: { entity: view.entity, entityId: view.entityId, status, took: take },
    });
    return { status };
  });
}
