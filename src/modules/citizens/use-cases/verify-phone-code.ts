// Phone sign-in, step 2: the code proves the phone; the citizen is found by it, or created with it.
import { createCitizenAccount } from "../../identity/index.ts";
import { citizenForPhone } from "./citizen-accounts.ts";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import * as repo from "../citizens.repository.ts";
import { hashPhoneCode, maskPhone, PHONE_CODE } from "./request-phone-code.ts";

const codeError = (code: string, message: FieldError["message"]): FieldError => ({ field: "code", code, message });
const tooMany = () =>
  new AppError("too_many_requests", "citizens.phoneSignIn.throttled", [codeError("tooManyAttempts", "citizens.phoneSignIn.tooManyAttempts")], {
    minutes: PHONE_CODE.ttlMinutes,
  });
const expired = () => new AppError("validation", "error.validation", [codeError("expired", "citizens.phoneSignIn.expired")]);

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function verifyPhoneCode(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: Context,
  input: { phone: string; code: string; ip: string | null },
): Promise<{ userId: string; created: boolean }> {
  const now = deps.clock.now();
  const live = await repo.latestLiveCode(deps.db, input.phone, now);
  if (!live) throw expired();
  // The attempt is counted (and committed) before the comparison, so a wrong guess always costs one.
  const attempt = await repo.takeAttempt(deps.db, live.id, PHONE_CODE.maxAttempts);
  if (attempt === null) throw tooMany();
  if (!sameHash(hashPhoneCode(deps.config.sessionSecret, input.phone, input.code), live.codeHash)) {
    await deps.db.tx((q) =>
      deps.events.publish(q, {
        type: "signIn.failed",
        actor: { userId: null, label: maskPhone(input.phone) },
        target: { type: "user", id: null },
        adminUnitCode: null,
        requestId: ctx.requestId,
        details: { method: "phone", ip: input.ip },
      }),
    );
    // This attempt's own number, not the one read before it: parallel guesses each learn where they stand.
    if (attempt >= PHONE_CODE.maxAttempts) throw tooMany();
    throw new AppError("validation", "error.validation", [codeError("wrong", "citizens.phoneSignIn.wrongCode")]);
  }
  return deps.db.tx(async (q) => {
    if (!(await repo.markCodeUsed(q, live.id, now))) throw expired();
    await repo.lockPhone(q, input.phone);
    const found = await citizenForPhone(q, input.phone);
    if (found?.disabled) throw new AppError("forbidden", "signIn.accountDisabled");
    if (found) {
      // An account known only by users.phone gets its profile now, so that the next sign-in finds it there.
      if (!(await repo.findProfile(q, found.id))) await repo.upsertProfile(q, emptyProfile(found.id, input.phone), now);
      return { userId: found.id, created: false };
    }
    // An office account's profile may hold this number: a code sent by SMS never opens an office account.
    if (await repo.profileOwnerOfPhone(q, input.phone)) throw new AppError("forbidden", "citizens.phoneSignIn.officeAccount");
    // The username must not reveal the number: a keyed hash of it, with a random tail if a former holder of the number took it.
    const stem = `phone-${createHmac("sha256", deps.config.sessionSecret).update(`phone-user:${input.phone}`).digest("hex").slice(0, 12)}`;
    const userId =
      (await createCitizenAccount(q, { username: stem, displayName: maskPhone(input.phone), phone: input.phone })) ??
      (await createCitizenAccount(q, { username: `${stem}-${randomBytes(3).toString("hex")}`, displayName: maskPhone(input.phone), phone: input.phone }));
    if (!userId) throw new Error("could not create a citizen account");
    await repo.upsertProfile(q, emptyProfile(userId, input.phone), now);
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
const emptyProfile = (userId: string, phone: string) => ({ userId, fullName: "", birthDate: null, citizenIdNumber: null, address: null, phone, email: null });
