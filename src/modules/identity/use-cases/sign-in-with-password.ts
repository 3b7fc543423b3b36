// Password sign-in with throttling per username and per client address, counted in the database.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import type { SignInInput } from "../identity.contract.ts";
import * as repo from "../identity.repository.ts";
import { verifyPassword } from "../passwords.ts";

export async function signInWithPassword(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: Context,
  input: z.infer<typeof SignInInput>,
  ip: string | null,
): Promise<{ userId: string }> {
  const now = deps.clock.now();
  const { maxFailures, windowMinutes } = deps.config.signIn;
  const keys = [`u:${input.username}`, ...(ip ? [`ip:${ip}`] : [])];
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  // The address gets more tries than one account: an office of several officers shares one address.
  if (
    (await repo.countFailures(deps.db, [keys[0]!], since)) >= maxFailures ||
    (ip && (await repo.countFailures(deps.db, [`ip:${ip}`], since)) >= maxFailures * 4)
  ) {
    throw new AppError("too_many_requests", "signIn.throttled", [], { minutes: windowMinutes });
  }
  const user = await repo.findUserByUsername(deps.db, input.username);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || user.disabledAt) {
    await deps.db.tx(async (q) => {
      await repo.recordFailure(q, keys, now);
      await deps.events.publish(q, {
        type: "signIn.failed",
        actor: { userId: null, label: input.username },
        target: { type: "user", id: user?.id ?? null },
        adminUnitCode: user?.homeUnitCode ?? null,
        requestId: ctx.requestId,
        details: { ip },
      });
    });
    throw new AppError("unauthenticated", "signIn.failed", [{ field: "username", code: "credentials", message: "signIn.failed" }]);
  }
  await repo.clearFailures(deps.db, keys[0]!);
  return { userId: user.id };
}
