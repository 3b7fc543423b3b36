// The citizen saves their own profile. What is typed here only prefills forms: a phone becomes the profile's
// verified one only by a code sent to it (verify-profile-phone.ts), so typing a number claims nothing.
import type { Deps } from "../../../deps.ts";
import type { CitizenProfile, CitizenProfileInput } from "../citizens.contract.ts";
import * as repo from "../citizens.repository.ts";
import { verifiedCitizenIdNumber } from "./citizen-accounts.ts";
import { presentProfile } from "./get-profile.ts";
import { type OwnerCtx, requireOwner } from "./require-owner.ts";

export async function saveProfile(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: OwnerCtx,
  userId: string,
  input: CitizenProfileInput,
): Promise<CitizenProfile> {
  requireOwner(ctx, userId);
  return deps.db.tx(async (q) => {
    const row = await repo.upsertProfile(
      q,
      {
        userId,
        fullName: input.fullName,
        birthDate: input.birthDate,
        citizenIdNumber: input.citizenIdNumber,
        address: input.address,
        phone: input.phone,
        email: input.email ?? null,
      },
      deps.clock.now(),
    );
    // The event names the profile, never its contents: the audit log must not become a copy of personal data.
    await deps.events.publish(q, {
      type: "citizenProfile.saved",
      actor: ctx.actor,
      target: { type: "citizenProfile", id: userId },
      adminUnitCode: null,
      requestId: ctx.requestId,
    });
    return presentProfile(row, await verifiedCitizenIdNumber(q, userId));
  });
}
