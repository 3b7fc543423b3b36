// Which citizen account a phone (and ID number) belongs to: profiles here, accounts in identity.
import type { Queryable } from "../../../platform/db/database.ts";
import { accountState, citizenAccountsByPhone } from "../../identity/index.ts";
import * as repo from "../citizens.repository.ts";

/**
 * The citizen who signs in with this phone: the one whose profile carries it, else an account carrying it
 * that has no profile yet. An office account's profile never matches (an SMS code must not open it).
 */
export async function citizenForPhone(q: Queryable, phone: string): Promise<{ id: string; disabled: boolean } | null> {
  const owner = await repo.profileOwnerOfPhone(q, phone);
  if (owner) {
    const state = await accountState(q, owner);
    return state?.kind === "citizen" ? { id: owner, disabled: state.disabled } : null;
  }
  for (const account of await citizenAccountsByPhone(q, phone)) if (!(await repo.findProfile(q, account.id))) return account;
  return null;
}

/** The active citizen whose profile carries both this phone and this ID number, for assisted filing. */
export async function citizenAccountFor(q: Queryable, phone: string, citizenIdNumber: string): Promise<string | null> {
  const userId = await repo.findProfileByPhoneAndId(q, phone, citizenIdNumber);
  if (!userId) return null;
  const state = await accountState(q, userId);
  return state?.kind === "citizen" && !state.disabled ? userId : null;
}
