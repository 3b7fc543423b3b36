// Phone sign-in, step 1: a random 6-digit code, kept only as a keyed hash, sent by SMS through the outbox.
import { createHmac, randomInt } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import { tooManyRequests } from "../../../platform/http/app-error.ts";
import { reserve } from "../../../platform/throttle/throttle.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import type { Locale } from "../../../platform/i18n/i18n.ts";
import { enqueueNotification } from "../../notifications/index.ts";
import * as repo from "../citizens.repository.ts";

export const PHONE_CODE = {
  ttlMinutes: 5,
  maxAttempts: 5,
  windowMinutes: 15,
  perPhone: 3,
  // A commune office or a volunteer's phone hotspot is one address for many people: it gets more codes than one number.
  perIp: 10,
} as const;
const BUCKET = "phoneCode";

/** HMAC under the session secret: a leaked phone_codes table does not let anyone try the 10^6 codes offline. */
export const hashPhoneCode = (secret: string, phone: string, code: string) => createHmac("sha256", secret).update(`phone-code:${phone}:${code}`).digest("hex");

export const maskPhone = (national: string) => `${national.slice(0, 3)}****${national.slice(-3)}`;

export async function requestPhoneCode(
  deps: Pick<Deps, "db" | "clock" | "config">,
  _ctx: Context,
  input: { phone: string; locale: Locale; ip: string | null },
): Promise<{ expiresAt: Date }> {
  const now = deps.clock.now();
  const windowMs = PHONE_CODE.windowMinutes * 60_000;
  const expiresAt = new Date(now.getTime() + PHONE_CODE.ttlMinutes * 60_000);
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await deps.db.tx(async (q) => {
    // Reserved per number and per address in this transaction: a burst cannot slip under either limit,
    // and the reservation commits with the code (or not at all).
    const r = await reserve(
      q,
      BUCKET,
      [
        { key: `phone:${input.phone}`, limit: PHONE_CODE.perPhone, windowMs },
        ...(input.ip ? [{ key: `ip:${input.ip}`, limit: PHONE_CODE.perIp, windowMs }] : []),
      ],
      now,
    );
    if (!r.allowed) {
      throw tooManyRequests("citizens.phoneSignIn.throttled", r.retryAfterSeconds, [
        { field: "phone", code: "throttled", message: "citizens.phoneSignIn.tooManyCodes" },
      ]);
    }
    const id = await repo.insertPhoneCode(q, { phone: input.phone, codeHash: hashPhoneCode(deps.config.sessionSecret, input.phone, code), expiresAt, now });
    await enqueueNotification(q, { kind: "phoneCode", data: { code }, locale: input.locale, to: { phone: input.phone }, dedupeKey: `phoneCode:${id}` });
  });
  return { expiresAt };
}
