// Password sign-in with throttling per username and per client address, counted in the database.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import { AppError, tooManyRequests } from "../../../platform/http/app-error.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { clearThrottle, release, reserve } from "../../../platform/throttle/throttle.ts";
import type { SignInInput } from "../identity.contract.ts";
import * as repo from "../identity.repository.ts";
import { verifyPassword } from "../passwords.ts";

const BUCKET = "signIn";

export async function signInWithPassword(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: Context,
  input: z.infer<typeof SignInInput>,
  ip: string | null,
): Promise<{ userId: string }> {
  const now = deps.clock.now();
  const { maxFailures, windowMinutes } = deps.config.signIn;
  const windowMs = windowMinutes * 60_000;
  const accountKey = `u:${input.username}`;
  // The attempt is reserved before the password is checked, so parallel guesses cannot outrun the count.
  // The address gets more tries than one account: an office of several officers shares one address.
  const reservation = await reserve(
    deps.db,
    BUCKET,
    [{ key: accountKey, limit: maxFailures, windowMs }, ...(ip ? [{ key: `ip:${ip}`, limit: maxFailures * 4, windowMs }] : [])],
    now,
  );
  if (!reservation.allowed) throw tooManyRequests("signIn.throttled", reservation.retryAfterSeconds);
  const user = await repo.findUserByUsername(deps.db, input.username);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || user.disabledAt) {
    // The reservation stays: it is this failure's count.
    await deps.db.tx((q) =>
      deps.events.publish(q, {
        type: "signIn.failed",
        actor: { userId: null, label: input.username },
        target: { type: "user", id: user?.id ?? null },
        adminUnitCode: user?.homeUnitCode ?? null,
        requestId: ctx.requestId,
        details: { ip },
      }),
    );
    throw new AppError("unauthenticated", "signIn.failed", [{ field: "username", code: "credentials", message: "signIn.failed" }]);
  }
  // A success is not a failure, and it clears the account's earlier failures.
  await release(deps.db, reservation);
  await clearThrottle(deps.db, BUCKET, accountKey);
  return { userId: user.id };
}
