// An admin creates an account whose home unit lies inside the admin's own scope.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import { authorise } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { CreateUserInput } from "../identity.contract.ts";
import * as repo from "../identity.repository.ts";
import { hashPassword } from "../passwords.ts";
import { type Ctx, unitForField } from "./user-scope.ts";

export async function createUser(deps: Pick<Deps, "db" | "events" | "config">, ctx: Ctx, input: z.infer<typeof CreateUserInput>): Promise<string> {
  const unit = await unitForField(deps, input.homeUnitCode, "homeUnitCode");
  authorise(ctx.principal, "user.manage", unit);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return deps.db.tx(async (q) => {
    if (await repo.usernameTaken(q, input.username)) {
      throw new AppError("conflict", "error.validation", [{ field: "username", code: "taken", message: "users.usernameTaken" }]);
    }
    const id = await repo.insertUser(q, { ...input, passwordHash, homeUnitCode: unit.code });
    await deps.events.publish(q, {
      type: "user.created",
      actor: ctx.actor,
      target: { type: "user", id },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: { username: input.username, kind: input.kind },
    });
    return id;
  });
}
