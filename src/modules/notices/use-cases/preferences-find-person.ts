// At the desk or in the field: an officer finds a person by phone, or picks a registry resident of their units, and
// sees what they chose and the consent history. A resident of another commune is a 404. Each read is audited as a
// personal-data read (the phone, the name and the choices are the person's).
import type { Deps } from "../../../deps.ts";
import { type Principal, scopePaths, scopeUnitCodes } from "../../../platform/auth/authorise.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { toE164Vn } from "../../notifications/index.ts";
import { type PersonView, personView } from "../preferences/person-view.ts";
import * as repo from "../preferences/preferences.repository.ts";

type Ctx = Context & { principal: Principal | null };

export type DeskPerson = {
  keys: repo.PreferenceKeys;
  resident: repo.ResidentContact | null;
  /** Residents of the officer's units with this phone (when found by phone), to pick one. */
  sameNumber: repo.ResidentContact[];
  /** The unit the record is filed under: the resident's commune, else the officer's first unit. */
  unitCode: string | null;
};

const phoneError = () => new AppError("validation", "error.validation", [{ field: "phone", code: "format", message: "notices.preferences.error.phone" }]);

/** Who the officer means, checked against their units; no audit (the callers record what they do with it). */
export async function resolveDeskPerson(deps: Pick<Deps, "db">, p: Principal | null, who: { phone?: string; residentId?: string }): Promise<DeskPerson> {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = scopePaths(p, "notice.preferences");
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  if (who.residentId) {
    const resident = await repo.residentInScope(deps.db, who.residentId, paths);
    if (!resident) throw new AppError("not_found", "error.notFound");
    const phone = resident.phone ? toE164Vn(resident.phone) : null;
    return { keys: { phone, userId: null, residentId: resident.id }, resident, sameNumber: [], unitCode: resident.communeCode };
  }
  const phone = who.phone ? toE164Vn(who.phone) : null;
  if (!phone) throw phoneError();
  const sameNumber = await repo.residentsByPhone(deps.db, `0${phone.slice(3)}`, paths);
  return {
    keys: { phone, userId: null, residentId: null },
    resident: null,
    sameNumber,
    unitCode: sameNumber[0]?.communeCode ?? scopeUnitCodes(p, "notice.preferences")[0] ?? null,
  };
}

export async function findPersonPreferences(
  deps: Pick<Deps, "db" | "events">,
  ctx: Ctx,
  who: { phone?: string; residentId?: string },
): Promise<PersonView & { person: DeskPerson }> {
  const person = await resolveDeskPerson(deps, ctx.principal, who);
  const view = await personView(deps.db, person.keys, person.resident?.fullName ?? null);
  await recordPersonalDataRead(deps, ctx, {
    target: person.resident ? { type: "resident", id: person.resident.id } : { type: "noticePreferences", id: null },
    adminUnitCode: person.unitCode,
    details: { what: "noticePreferences", byPhone: !person.resident, consents: view.history.length, sameNumber: person.sameNumber.length },
  });
  return { ...view, person };
}
