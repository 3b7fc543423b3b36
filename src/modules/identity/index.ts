/** Identity and access: users, roles on admin units, sessions, API tokens, SSO. */
export * from "./identity.contract.ts";
export { startSession, resolveSession, endSession } from "./use-cases/sessions.ts";
export { signInWithPassword } from "./use-cases/sign-in-with-password.ts";
export { signInWithOidc } from "./use-cases/sign-in-with-oidc.ts";
export { createUser } from "./use-cases/create-user.ts";
export { getUser } from "./use-cases/get-user.ts";
export { listUsers } from "./use-cases/list-users.ts";
export { grantRole } from "./use-cases/grant-role.ts";
export { revokeRole } from "./use-cases/revoke-role.ts";
export { setUserDisabled } from "./use-cases/set-user-disabled.ts";
export { createApiToken } from "./use-cases/create-api-token.ts";
export { listApiTokens } from "./use-cases/list-api-tokens.ts";
export { revokeApiToken } from "./use-cases/revoke-api-token.ts";
export { resolveApiToken } from "./use-cases/resolve-api-token.ts";
export { createSystemAdmin } from "./use-cases/create-admin.ts";
export { setUserLocale, findUserId } from "./use-cases/account-preferences.ts";
export { usersWithRole } from "./use-cases/list-users-with-role.ts";
export { principalOfUser } from "./use-cases/principal-of-user.ts";
export { accountDetails, type AccountDetails } from "./use-cases/account-details.ts";
/** For phone sign-in and assisted filing, inside the caller's transaction. */
export { accountState } from "./use-cases/account-state.ts";
export { citizenAccountsByPhone } from "./use-cases/citizen-accounts-by-phone.ts";
export { createCitizenAccount } from "./use-cases/create-citizen-account.ts";
export { displayNames } from "./use-cases/display-names.ts";
export { createOidcClient, type OidcClient } from "./oidc-client.ts";
export { hashPassword } from "./passwords.ts";
export { startBrowserSession } from "./web-session.ts";
