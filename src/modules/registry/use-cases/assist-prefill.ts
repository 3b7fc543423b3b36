// Assisted filing from the registry: the applicant of a dossier a volunteer or an officer files for a resident comes
// from the registry (name, birth date, sex, phone, ID number, the household's address, the village's commune), and a
// resident linked to an account makes that account the dossier's owner. The dossiers module asks; the registry answers.
import type { Deps } from "../../../deps.ts";
import { canOnOrWithin, type Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { accountState } from "../../identity/index.ts";
import { householdAccess, householdVisibleSql } from "../household-access.ts";
import * as repo from "../links/links.repository.ts";

type D = Pick<Deps, "db" | "events" | "config">;
type Ctx = Context & { principal: Principal | null };

export type ResidentApplicant = {
  residentId: string;
  communeCode: string;
  villageCode: string;
  birthYear: number;
  /** In the dossier's applicant shape (birth date ISO); absent details are left out. */
  applicant: { fullName: string; birthDate?: string; sex?: "male" | "female"; citizenIdNumber?: string; phone?: string; address?: string };
  /** The citizen account the resident is linked to, if any: the dossier will be theirs. */
  linked: boolean;
};

/** The household's address, with the village's name when the address does not already say it. */
function applicantOf(r: repo.ResidentRow, villageName: string | null): ResidentApplicant["applicant"] {
  const address = r.address && villageName && !searchKey(r.address).includes(searchKey(villageName)) ? `${r.address}, ${villageName}` : (r.address ?? "");
  return {
    fullName: r.fullName,
    ...(r.birthDate ? { birthDate: r.birthDate } : {}),
    ...(r.sex ? { sex: r.sex } : {}),
    ...(r.citizenIdNumber ? { citizenIdNumber: r.citizenIdNumber } : {}),
    ...(r.phone ? { phone: r.phone } : {}),
    ...(address ? { address } : {}),
  };
}

async function assistable(db: Queryable, p: Principal, residentId: string) {
  const params: unknown[] = [];
  const resident = await repo.findVisibleResident(db, residentId, householdVisibleSql(householdAccess(p), "h", params), params);
  if (!resident) return null;
  // Seeing a household is not helping it file: that takes dossier.assist (volunteers, team leaders, the desk).
  return canOnOrWithin(p, "dossier.assist", { code: resident.villageCode, path: resident.unitPath }) ? resident : "forbidden";
}

/**
 * The applicant details of a resident the caller sees and may file for (404 when the household is not theirs to see,
 * 403 without dossier.assist). The read is audited (`resident`, part `applicant`).
 */
export async function residentApplicant(deps: D, ctx: Ctx, residentId: string): Promise<ResidentApplicant> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const r = await assistable(deps.db, p, residentId);
  if (!r) throw notFound();
  if (r === "forbidden") throw new AppError("forbidden", "error.forbidden");
  const village = await getAdminUnit(deps, r.villageCode).catch(() => null);
  await recordPersonalDataRead(deps, ctx, { target: { type: "resident", id: r.id }, adminUnitCode: r.communeCode, details: { part: "applicant" } });
  return {
    residentId: r.id,
    communeCode: r.communeCode,
    villageCode: r.villageCode,
    birthYear: r.birthYear,
    applicant: applicantOf(r, village?.name ?? null),
    linked: r.userId !== null,
  };
}

/**
 * The account that owns a dossier filed for this resident: the resident's linked, active citizen account, when the
 * filer may file for the resident and the applicant filed is still that person (same folded name; no other ID
 * number). Else null, and the dossiers module's own rule (verified phone and ID number) applies.
 */
export async function accountOfResidentApplicant(
  q: Queryable,
  p: Principal,
  residentId: string,
  applicant: { fullName?: unknown; citizenIdNumber?: unknown },
): Promise<string | null> {
  const r = await assistable(q, p, residentId);
  if (!r || r === "forbidden" || !r.userId) return null;
  if (typeof applicant.fullName !== "string" || searchKey(applicant.fullName) !== r.searchName) return null;
  const id = typeof applicant.citizenIdNumber === "string" && applicant.citizenIdNumber ? applicant.citizenIdNumber : null;
  if (id && r.citizenIdNumber && id !== r.citizenIdNumber) return null;
  const state = await accountState(q, r.userId);
  return state?.kind === "citizen" && !state.disabled ? r.userId : null;
}

/**
 * A citizen's own registry record in the applicant shape, once their account is linked: what their own application
 * form takes where their profile is empty (enter once). Their own data: not audited.
 */
export async function ownResidentApplicant(
  deps: Pick<Deps, "db" | "config">,
  userId: string,
): Promise<Pick<ResidentApplicant, "communeCode" | "applicant"> | null> {
  const r = await repo.findResidentOfUser(deps.db, userId);
  if (!r?.householdId) return null;
  const village = await getAdminUnit(deps, r.villageCode).catch(() => null);
  return { communeCode: r.communeCode, applicant: applicantOf(r, village?.name ?? null) };
}
