// A signed-in person's own choice and consent history: their account and their verified phone.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { verifiedPhoneOf } from "../../citizens/index.ts";
import { toE164Vn } from "../../notifications/index.ts";
import { type PersonView, personView } from "../preferences/person-view.ts";

/** The keys a signed-in person's choice is saved against. */
export async function myKeys(deps: Pick<Deps, "db">, p: Principal) {
  const verified = await verifiedPhoneOf(deps.db, p.userId);
  return { phone: verified ? toE164Vn(verified) : null, userId: p.userId, residentId: null };
}

export async function getMyNoticePreferences(deps: Pick<Deps, "db">, ctx: { principal: Principal | null }): Promise<PersonView> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  return personView(deps.db, await myKeys(deps, p));
}
