/** Identity and access: users, roles on admin units, sessions, API tokens, SSO. */
export * from "./identity.contract.ts";
export { startSession, resolveSession, endSession } from "./use-cases/sessions.ts";
export { signInWithPassword } from "./use-cases/sign-in-with-password.ts";
export { signInWithOidc } from "./use-cases/sign-in-with-oidc.ts";
export { createUser, getUser, listUsers, grantRole, revokeRole, setUserDisabled } from "./use-cases/manage-users.ts";
export { createApiToken, listApiTokens, revokeApiToken, resolveApiToken } from "./use-cases/manage-api-tokens.ts";
export { createSystemAdmin } from "./use-cases/create-admin.ts";
export { setUserLocale, findUserId } from "./use-cases/account-preferences.ts";
export { displayNames } from "./use-cases/display-names.ts";
export { createOidcClient, type OidcClient } from "./oidc-client.ts";
export { hashPassword } from "./passwords.ts";
export { startBrowserSession } from "./web-session.ts";
import type { Deps } from "../../deps.ts";
import { listHoldersOfRole } from "./identity.repository.ts";
/** Users who hold a role covering a unit: the specialists a dossier can be assigned to. */
export const usersWithRole = (deps: Pick<Deps, "db">, role: string, unitPath: string) => listHoldersOfRole(deps.db, role, unitPath);
import { findUserById } from "./identity.repository.ts";
import type { Principal } from "../../platform/auth/authorise.ts";
/** The principal of a user as a session would give it: for jobs, demo data and tests acting as someone. */
export async function principalOfUser(deps: Pick<Deps, "db">, userId: string): Promise<Principal | null> {
  const u = await findUserById(deps.db, userId);
  if (!u || u.disabledAt) return null;
  return { userId: u.id, username: u.username, displayName: u.displayName, kind: u.kind, locale: u.locale, grants: u.grants };
}
import { findAccountDetails } from "./identity.repository.ts";
/** Name, phone, email and ID number as the account holds them: what a first form can start from. */
export const accountDetails = (deps: Pick<Deps, "db">, userId: string) => findAccountDetails(deps.db, userId);
/** For phone sign-in and assisted filing, inside the caller's transaction. */
export {
  findAccountState as accountState,
  findCitizenAccountsByPhone as citizenAccountsByPhone,
  insertCitizenAccount as createCitizenAccount,
} from "./identity.repository.ts";
