// The profile is entered once and prefills every form. Its owner reads it freely; anyone else is audited.
import { accountDetails } from "../../identity/index.ts";
import type { Deps } from "../../../deps.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { getUser } from "../../identity/index.ts";
import type { CitizenProfile } from "../citizens.contract.ts";
import * as repo from "../citizens.repository.ts";
import type { OwnerCtx } from "./require-owner.ts";

export const presentProfile = (r: repo.ProfileRow): CitizenProfile => ({
  fullName: r.fullName,
  birthDate: r.birthDate,
  citizenIdNumber: r.citizenIdNumber,
  address: r.address,
  phone: r.phone,
  email: r.email,
  updatedAt: new Date(r.updatedAt).toISOString(),
});

/** The owner's own profile, to prefill a form; null until entered. Not audited: it is the owner reading. */
export async function getProfileForPrefill(deps: Pick<Deps, "db">, userId: string): Promise<CitizenProfile | null> {
  const row = await repo.findProfile(deps.db, userId);
  if (row) return presentProfile(row);
  // No profile yet: start from what the account knows (the national SSO gives name, ID number and phone),
  // so someone who signed in with VNeID does not type them again.
  const account = await accountDetails(deps, userId);
  if (account?.kind !== "citizen" || /^\d{3}\*{4}\d{3}$/.test(account.displayName)) return null;
  return {
    fullName: account.displayName,
    birthDate: null,
    citizenIdNumber: account.citizenIdNumber,
    address: null,
    phone: account.phone,
    email: account.email,
    updatedAt: new Date(0).toISOString(),
  };
}

export async function getProfile(deps: Pick<Deps, "db" | "events" | "config">, ctx: OwnerCtx, userId: string): Promise<CitizenProfile | null> {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  if (ctx.principal.userId === userId) return getProfileForPrefill(deps, userId);
  // Someone else: identity decides who may read this account (404 outside their units) and audits that read.
  const user = await getUser(deps, ctx, userId);
  const row = await repo.findProfile(deps.db, userId);
  if (!row) return null;
  await recordPersonalDataRead(deps, ctx, { target: { type: "citizenProfile", id: userId }, adminUnitCode: user.homeUnitCode });
  return presentProfile(row);
}
