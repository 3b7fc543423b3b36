// An officer who saw a citizen's ID card (CCCD) at the desk records the number read from it: it becomes the account's
// verified ID number, the second verified source besides the national SSO. The account is the one whose verified
// phone the citizen gives: that is how a desk finds an account made by phone sign-in, which belongs to no unit.
import type { Deps } from "../../../deps.ts";
import { authorise, scopePaths } from "../../../platform/auth/authorise.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import { type AdminUnitRow, getAdminUnit } from "../../admin-units/index.ts";
import { accountState, otherSsoHolderOfCitizenId, ssoCitizenIdNumber } from "../../identity/index.ts";
import * as repo from "../citizens.repository.ts";
import type { OwnerCtx } from "./require-owner.ts";

export type IdCardCheckInput = { adminUnitCode: string; phone: string; citizenIdNumber: string };
export type IdCardCheckResult = { userId: string; citizenIdNumber: string; verifiedAt: string; adminUnitCode: string };

const refused = (code: "validation" | "conflict", field: keyof IdCardCheckInput, why: string, message: FieldError["message"]) =>
  new AppError(code, "error.validation", [{ field, code: why, message }]);

export async function recordIdCardCheck(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: OwnerCtx,
  input: IdCardCheckInput,
): Promise<IdCardCheckResult> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  // Someone who checks cards nowhere (a citizen, for their own number too) is refused outright.
  if (scopePaths(p, "citizen.verifyId").length === 0) throw new AppError("forbidden", "error.forbidden");
  const unit = await getAdminUnit(deps, input.adminUnitCode).catch((): AdminUnitRow => {
    throw refused("validation", "adminUnitCode", "unknown_unit", "validation.unknownUnit");
  });
  // The desk where the card was seen: an officer records checks at their own unit only (404 elsewhere).
  authorise(p, "citizen.verifyId", unit);
  const now = deps.clock.now();
  const id = input.citizenIdNumber;
  return deps.db.tx(async (q) => {
    await repo.lockCitizenId(q, id);
    const userId = await repo.verifiedPhoneOwner(q, input.phone);
    const state = userId ? await accountState(q, userId) : null;
    if (!userId || state?.kind !== "citizen" || state.disabled) throw refused("validation", "phone", "no_account", "citizens.idCheck.noAccount");
    // A check is someone else's word on a card: nobody vouches for their own.
    if (userId === p.userId) throw new AppError("forbidden", "citizens.idCheck.own");
    const sso = await ssoCitizenIdNumber(q, userId);
    if (sso && sso !== id) throw refused("conflict", "citizenIdNumber", "sso_differs", "citizens.idCheck.ssoDiffers");
    const holder = (await repo.checkedCitizenIdOwner(q, id)) ?? (await otherSsoHolderOfCitizenId(q, id, userId));
    if (holder && holder !== userId) throw refused("conflict", "citizenIdNumber", "taken", "citizens.idCheck.taken");
    const before = await repo.findCheckedCitizenIdNumber(q, userId);
    if (!(await repo.markCitizenIdChecked(q, { userId, citizenIdNumber: id, by: p.userId, unitCode: unit.code, now })))
      throw refused("conflict", "citizenIdNumber", "taken", "citizens.idCheck.taken");
    // Audited in the unit where the card was seen; the dossiers module links what was filed for this citizen.
    await deps.events.publish(q, {
      type: "citizenProfile.idCardChecked",
      actor: ctx.actor,
      target: { type: "citizenProfile", id: userId },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: { replaced: before !== null && before !== id },
    });
    return { userId, citizenIdNumber: id, verifiedAt: now.toISOString(), adminUnitCode: unit.code };
  });
}
