// Which citizen account a phone (and ID number) belongs to. Only verified details count: a number proven by an
// SMS code, an ID number from the national SSO or read from the card by an officer. What someone typed in a profile
// never links anything to them.
import type { Queryable } from "../../../platform/db/database.ts";
import { accountState, ssoCitizenIdNumber } from "../../identity/index.ts";
import * as repo from "../citizens.repository.ts";

/**
 * The account that signs in with this phone: the one whose profile verified it by a code. An office account's
 * profile never matches (an SMS code must not open it); no match at all means a new account.
 */
export async function citizenForPhone(q: Queryable, phone: string): Promise<{ id: string; disabled: boolean; office: boolean } | null> {
  const owner = await repo.verifiedPhoneOwner(q, phone);
  if (!owner) return null;
  const state = await accountState(q, owner);
  return { id: owner, disabled: state?.disabled ?? true, office: state?.kind !== "citizen" };
}

/** The ID number this account has from a verified source: the SSO's claim, else the one an officer checked on the card. */
export async function verifiedCitizenIdNumber(q: Queryable, userId: string): Promise<string | null> {
  return (await ssoCitizenIdNumber(q, userId)) ?? (await repo.findCheckedCitizenIdNumber(q, userId));
}

/**
 * The events after which an account may have both a verified phone and a verified ID number for the first time
 * (or a new one of either): the dossiers module then links the dossiers filed earlier for that applicant.
 * Their target is the citizen's profile (`target.id` is the account).
 */
export const VERIFIED_CONTACT_EVENTS: readonly string[] = ["citizenProfile.phoneVerified", "citizenProfile.idCardChecked"];

/**
 * The active citizen a dossier filed for someone belongs to, through a verified link only: their verified
 * phone is the applicant's and their verified ID number is the applicant's (a phone alone may be a relative's).
 */
export async function citizenAccountFor(q: Queryable, phone: string, citizenIdNumber: string): Promise<string | null> {
  const userId = await repo.verifiedPhoneOwner(q, phone);
  if (!userId || (await verifiedCitizenIdNumber(q, userId)) !== citizenIdNumber) return null;
  const state = await accountState(q, userId);
  return state?.kind === "citizen" && !state.disabled ? userId : null;
}

/** Where a citizen's own dossiers may be texted: their verified phone, never a number typed in a form. */
export async function verifiedPhoneOf(q: Queryable, userId: string): Promise<string | null> {
  return (await repo.findProfile(q, userId))?.verifiedPhone ?? null;
}
