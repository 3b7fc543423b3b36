// The first system administrator, created from the command line (trusted: no principal yet exists).
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { listServedProvinces } from "../../admin-units/index.ts";
import { Password, Username } from "../identity.contract.ts";
import * as repo from "../identity.repository.ts";
import { hashPassword } from "../passwords.ts";

export async function createSystemAdmin(
  deps: Pick<Deps, "db" | "events" | "config">,
  ctx: Context,
  input: { username: string; password: string; displayName?: string },
): Promise<{ userId: string; created: boolean }> {
  const username = Username.safeParse(input.username);
  if (!username.success) throw new AppError("validation", "error.validation", [{ field: "username", code: "format", message: "validation.format" }]);
  if (!Password.safeParse(input.password).success)
    throw new AppError("validation", "error.validation", [{ field: "password", code: "too_small", message: "validation.tooShort", params: { min: 10 } }]);
  const provinces = await listServedProvinces(deps);
  if (provinces.length === 0)
    throw new AppError("validation", "error.validation", [{ field: "SERVED_PROVINCES", code: "unknown_unit", message: "validation.unknownUnit" }]);
  const passwordHash = await hashPassword(input.password);
  return deps.db.tx(async (q) => {
    const existing = await repo.findUserByUsername(q, username.data);
    const userId =
      existing?.id ??
      (await repo.insertUser(q, {
        username: username.data,
        displayName: input.displayName ?? username.data,
        kind: "officer",
        passwordHash,
        homeUnitCode: provinces[0]!.code,
      }));
    if (existing) await repo.setPassword(q, userId, passwordHash);
    // System-wide reach = a system_admin grant on every province this installation serves.
    for (const p of provinces) await repo.insertGrant(q, userId, "system_admin", p.code, null);
    await deps.events.publish(q, {
      type: existing ? "user.adminReset" : "user.created",
      actor: ctx.actor,
      target: { type: "user", id: userId },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: { username: username.data, role: "system_admin" },
    });
    return { userId, created: !existing };
  });
}
