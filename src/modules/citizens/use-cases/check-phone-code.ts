// The code sent to a phone, checked: shared by phone sign-in and the verification of a profile's phone.
import { timingSafeEqual } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import type { Actor, Context } from "../../../platform/events/domain-events.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import * as repo from "../citizens.repository.ts";
import { hashPhoneCode, maskPhone, PHONE_CODE } from "./request-phone-code.ts";

const codeError = (code: string, message: FieldError["message"]): FieldError => ({ field: "code", code, message });
const tooMany = () =>
  new AppError("too_many_requests", "citizens.phoneSignIn.throttled", [codeError("tooManyAttempts", "citizens.phoneSignIn.tooManyAttempts")], {
    minutes: PHONE_CODE.ttlMinutes,
  });
export const codeExpired = () => new AppError("validation", "error.validation", [codeError("expired", "citizens.phoneSignIn.expired")]);

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks the phone's live code and answers its id, which the caller marks used in its own transaction (so two
 * parallel uses of one code cannot both succeed). A wrong code is audited as `failure.type`, by `failure.actor`
 * (the masked number when nobody is signed in).
 */
export async function checkPhoneCode(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: Context,
  input: { phone: string; code: string; ip: string | null },
  failure: { type: string; actor?: Actor; method: string },
): Promise<string> {
  const live = await repo.latestLiveCode(deps.db, input.phone, deps.clock.now());
  if (!live) throw codeExpired();
  // The attempt is counted (and committed) before the comparison, so a wrong guess always costs one.
  const attempt = await repo.takeAttempt(deps.db, live.id, PHONE_CODE.maxAttempts);
  if (attempt === null) throw tooMany();
  if (sameHash(hashPhoneCode(deps.config.sessionSecret, input.phone, input.code), live.codeHash)) return live.id;
  await deps.db.tx((q) =>
    deps.events.publish(q, {
      type: failure.type,
      actor: failure.actor ?? { userId: null, label: maskPhone(input.phone) },
      target: { type: "user", id: failure.actor?.userId ?? null },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: { method: failure.method, ip: input.ip },
    }),
  );
  // This attempt's own number, not the one read before it: parallel guesses each learn where they stand.
  if (attempt >= PHONE_CODE.maxAttempts) throw tooMany();
  throw new AppError("validation", "error.validation", [codeError("wrong", "citizens.phoneSignIn.wrongCode")]);
}
