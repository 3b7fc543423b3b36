// A signed-in person proves the phone in their profile with a code sent to it: from then on that number signs
// them in, receives the SMS about their own dossiers, and (with a verified ID number) links dossiers filed for them.
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { CitizenProfile } from "../citizens.contract.ts";
import * as repo from "../citizens.repository.ts";
import { verifiedCitizenIdNumber } from "./citizen-accounts.ts";
import { checkPhoneCode, codeExpired } from "./check-phone-code.ts";
import { presentProfile, profileFromAccount } from "./get-profile.ts";
import { type OwnerCtx, requireOwner } from "./require-owner.ts";
import { emptyProfile } from "./verify-phone-code.ts";

export async function verifyProfilePhone(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: OwnerCtx,
  userId: string,
  input: { phone: string; code: string; ip: string | null },
): Promise<CitizenProfile> {
  requireOwner(ctx, userId);
  const now = deps.clock.now();
  const start = (await profileFromAccount(deps, userId)) ?? emptyProfile(userId, null);
  const codeId = await checkPhoneCode(deps, ctx, input, { type: "citizenProfile.phoneCodeFailed", actor: ctx.actor, method: "profilePhone" });
  return deps.db.tx(async (q) => {
    if (!(await repo.markCodeUsed(q, codeId, now))) throw codeExpired();
    await repo.lockPhone(q, input.phone);
    // Proven by another account already: that account is the one this number signs in; the person may sign in with it.
    const holder = await repo.verifiedPhoneOwner(q, input.phone);
    if (holder && holder !== userId)
      throw new AppError("conflict", "error.validation", [{ field: "phone", code: "taken", message: "citizens.profile.phoneTaken" }]);
    if (!(await repo.findProfile(q, userId))) await repo.upsertProfile(q, start, now);
    const row = await repo.markPhoneVerified(q, userId, input.phone, now);
    await deps.events.publish(q, {
      type: "citizenProfile.phoneVerified",
      actor: ctx.actor,
      target: { type: "citizenProfile", id: userId },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: { ip: input.ip },
    });
    return presentProfile(row, await verifiedCitizenIdNumber(q, userId));
  });
}
