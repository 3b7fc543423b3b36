// The profile is entered once and prefills every form. Its owner reads it freely; anyone else is audited.
import type { Deps } from "../../../deps.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { accountDetails, getUser } from "../../identity/index.ts";
import type { CitizenProfile } from "../citizens.contract.ts";
import * as repo from "../citizens.repository.ts";
import { checkPhone } from "../phone.ts";
import { verifiedCitizenIdNumber } from "./citizen-accounts.ts";
import type { OwnerCtx } from "./require-owner.ts";

/** `verifiedId` is the account's ID number from a verified source (the SSO, or an officer who saw the card), if any. */
export const presentProfile = (r: Omit<repo.ProfileRow, "userId">, verifiedId: string | null): CitizenProfile => ({
  fullName: r.fullName,
  birthDate: r.birthDate,
  citizenIdNumber: r.citizenIdNumber,
  address: r.address,
  phone: r.phone,
  email: r.email || null,
  phoneVerified: !!r.phone && r.phone === r.verifiedPhone,
  verifiedPhone: r.verifiedPhone,
  citizenIdNumberVerified: !!r.citizenIdNumber && r.citizenIdNumber === verifiedId,
  updatedAt: new Date(r.updatedAt).toISOString(),
});

/**
 * What the account itself knows, for a person with no profile yet: the national SSO gives name, ID number and
 * phone, so someone who signed in with VNeID does not type them again. Null for an account created by phone.
 */
export async function profileFromAccount(deps: Pick<Deps, "db">, userId: string): Promise<Omit<repo.ProfileRow, "updatedAt" | "verifiedPhone"> | null> {
  const account = await accountDetails(deps, userId);
  if (account?.kind !== "citizen" || /^\d{3}\*{4}\d{3}$/.test(account.displayName)) return null;
  const phone = account.phone ? checkPhone(account.phone) : null;
  return {
    userId,
    fullName: account.displayName,
    birthDate: null,
    citizenIdNumber: account.citizenIdNumber,
    address: null,
    phone: phone?.ok ? phone.national : null,
    email: account.email,
  };
}

/** The owner's own profile, to prefill a form; null until entered. Not audited: it is the owner reading. */
export async function getProfileForPrefill(deps: Pick<Deps, "db">, userId: string): Promise<CitizenProfile | null> {
  const row = await repo.findProfile(deps.db, userId);
  const start = row ? null : await profileFromAccount(deps, userId);
  // Asked only when there is an ID number to call verified (every form render comes here).
  const verifiedId = (row ?? start)?.citizenIdNumber ? await verifiedCitizenIdNumber(deps.db, userId) : null;
  if (row) return presentProfile(row, verifiedId);
  return start ? presentProfile({ ...start, verifiedPhone: null, updatedAt: new Date(0) }, verifiedId) : null;
}

export async function getProfile(deps: Pick<Deps, "db" | "events" | "config">, ctx: OwnerCtx, userId: string): Promise<CitizenProfile | null> {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  if (ctx.principal.userId === userId) return getProfileForPrefill(deps, userId);
  // Someone else: identity decides who may read this account (404 outside their units) and audits that read.
  const user = await getUser(deps, ctx, userId);
  const row = await repo.findProfile(deps.db, userId);
  if (!row) return null;
  await recordPersonalDataRead(deps, ctx, { target: { type: "citizenProfile", id: userId }, adminUnitCode: user.homeUnitCode });
  return presentProfile(row, await verifiedCitizenIdNumber(deps.db, userId));
}
