// Phone sign-in, step 2: the code proves the phone; it opens the account that verified this number, or a new one.
import { createCitizenAccount } from "../../identity/index.ts";
import { citizenForPhone } from "./citizen-accounts.ts";
import { createHmac, randomBytes } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import * as repo from "../citizens.repository.ts";
import { checkPhoneCode, codeExpired } from "./check-phone-code.ts";
import { maskPhone } from "./request-phone-code.ts";

export async function verifyPhoneCode(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: Context,
  input: { phone: string; code: string; ip: string | null },
): Promise<{ userId: string; created: boolean }> {
  const now = deps.clock.now();
  const codeId = await checkPhoneCode(deps, ctx, input, { type: "signIn.failed", method: "phone" });
  return deps.db.tx(async (q) => {
    if (!(await repo.markCodeUsed(q, codeId, now))) throw codeExpired();
    await repo.lockPhone(q, input.phone);
    // Only a profile that verified this number counts: one that merely typed it is someone else's claim.
    const found = await citizenForPhone(q, input.phone);
    // An office account may have verified this number: a code sent by SMS never opens an office account.
    if (found?.office) throw new AppError("forbidden", "citizens.phoneSignIn.officeAccount");
    if (found?.disabled) throw new AppError("forbidden", "signIn.accountDisabled");
    if (found) return { userId: found.id, created: false };
    // The username must not reveal the number: a keyed hash of it, with a random tail if a former holder of the number took it.
    const stem = `phone-${createHmac("sha256", deps.config.sessionSecret).update(`phone-user:${input.phone}`).digest("hex").slice(0, 12)}`;
    const userId =
      (await createCitizenAccount(q, { username: stem, displayName: maskPhone(input.phone), phone: input.phone })) ??
      (await createCitizenAccount(q, { username: `${stem}-${randomBytes(3).toString("hex")}`, displayName: maskPhone(input.phone), phone: input.phone }));
    if (!userId) throw new Error("could not create a citizen account");
    await repo.upsertProfile(q, emptyProfile(userId, input.phone), now);
    await repo.markPhoneVerified(q, userId, input.phone, now);
    await deps.events.publish(q, {
      type: "user.createdFromPhone",
      actor: { userId, label: maskPhone(input.phone) },
      target: { type: "user", id: userId },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: { ip: input.ip },
    });
    return { userId, created: true };
  });
}

// full_name is required by the table; an empty one is asked for on the profile page before the first filing.
export const emptyProfile = (userId: string, phone: string | null) => ({
  userId,
  fullName: "",
  birthDate: null,
  citizenIdNumber: null,
  address: null,
  phone,
  email: null,
});
