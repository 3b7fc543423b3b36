// One account as an admin sees it: contact details and grants, never the password hash.
import type { Deps } from "../../../deps.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { type Ctx, loadScopedUser } from "./user-scope.ts";

export async function getUser(deps: Pick<Deps, "db" | "events">, ctx: Ctx, userId: string) {
  const user = await loadScopedUser(deps, ctx, userId, "user.read");
  // Reading someone's contact details is a read of personal data: it is audited.
  await recordPersonalDataRead(deps, ctx, { target: { type: "user", id: user.id }, adminUnitCode: user.homeUnitCode });
  const { passwordHash, ...rest } = user;
  return { ...rest, hasPassword: !!passwordHash };
}
