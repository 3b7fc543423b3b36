// What the registry core's use cases share: the caller's context, the one way to load a household or a resident
// (through householdVisibleSql: outside it, 404), who may write, and the stale-version answer.
import type { Deps } from "../../../deps.ts";
import { can, inScope, type Principal, type ScopedUnit } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { householdAccess } from "../household-access.ts";
import type { HouseholdRow, ResidentRow } from "../registry.model.ts";
import * as repo from "../registry.repository.ts";

export type RegistryDeps = Pick<Deps, "db" | "events" | "clock" | "config">;
export type RegistryCtx = Context & { principal: Principal | null };

const missing = (p: Principal | null) => (p ? new AppError("not_found", "error.notFound") : new AppError("unauthenticated", "error.unauthenticated"));

export async function visibleHousehold(q: Queryable, ctx: RegistryCtx, id: string, lock = false): Promise<HouseholdRow> {
  const h = isUuid(id) ? await repo.findVisibleHousehold(q, householdAccess(ctx.principal), id, lock) : null;
  if (!h) throw missing(ctx.principal);
  return h;
}

export async function visibleResident(q: Queryable, ctx: RegistryCtx, id: string, lock = false): Promise<ResidentRow> {
  const r = isUuid(id) ? await repo.findVisibleResident(q, householdAccess(ctx.principal), id, lock) : null;
  if (!r) throw missing(ctx.principal);
  return r;
}

/** Officers manage the registry; volunteers and team leaders edit in the field what they can see. */
export const mayEdit = (p: Principal | null, unit: ScopedUnit) => can(p, "registry.manage", unit) || can(p, "registry.fieldEdit", unit);

export function assertMayEdit(p: Principal | null, unit: ScopedUnit): asserts p is Principal {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (!mayEdit(p, unit)) throw new AppError("forbidden", "error.forbidden");
}

/** A village a household is put in: one the caller may edit in; another commune's village is not even confirmed. */
export async function targetVillage(deps: Pick<Deps, "db" | "config">, p: Principal | null, code: string, field: string) {
  let unit: Awaited<ReturnType<typeof getAdminUnit>> | null = null;
  try {
    unit = await getAdminUnit(deps, code);
  } catch (err) {
    if (!(err instanceof AppError && err.code === "not_found")) throw err;
  }
  if (!unit || !inScope(p, unit)) throw missing(p);
  if (unit.level !== "village") throw new AppError("validation", "error.validation", [{ field, code: "level", message: "registry.error.notVillage" }]);
  assertMayEdit(p, unit);
  return { code: unit.code, communeCode: unit.parentCode as string, path: unit.path, name: unit.fullName };
}

/** 409 naming `version`: someone saved a change since the form (or the device) read it. */
export const staleVersion = (currentVersion: number) =>
  new AppError("conflict", "registry.error.stale", [{ field: "version", code: "stale", message: "registry.error.staleVersion" }], { currentVersion });

export const fieldError = (field: string, message: MessageKey, code = "invalid") => new AppError("validation", "error.validation", [{ field, code, message }]);

/** The ID number belongs to one active resident: a second one is a duplicate to merge, not a new person. */
export async function assertIdNumberFree(q: Queryable, idNumber: string | null | undefined, exceptId: string | null, field = "citizenIdNumber") {
  if (!idNumber) return;
  if (await repo.residentWithIdNumber(q, idNumber, exceptId))
    throw new AppError("conflict", "registry.error.idNumberTaken", [{ field, code: "taken", message: "registry.error.idNumberTaken" }]);
}

/** Two writes racing for one ID number: the unique index decides, and the loser hears it as a field error. */
export function idNumberRace(err: unknown, field = "citizenIdNumber"): never {
  const e = err as { code?: string; constraint?: string };
  if (e?.code === "23505" && e.constraint === "residents_id_number_key")
    throw new AppError("conflict", "registry.error.idNumberTaken", [{ field, code: "taken", message: "registry.error.idNumberTaken" }]);
  throw err;
}
