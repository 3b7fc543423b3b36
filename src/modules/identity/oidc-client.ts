// OpenID Connect sign-in (national SSO / VNeID) through openid-client. Discovery happens on first use,
// so XãSố starts even while the identity provider is unreachable.
import * as oidc from "openid-client";
import type { Config } from "../../config.ts";

export type OidcStart = { url: string; state: string; nonce: string; verifier: string };
export type OidcIdentity = { issuer: string; subject: string; name: string | null; citizenId: string | null; phone: string | null; acr: string | null };

/** The provider authenticated the person at a lower level than the installation requires. */
export class OidcLevelError extends Error {}

export type OidcClient = {
  label: string;
  start(redirectUri: string): Promise<OidcStart>;
  finish(callbackUrl: URL, expected: { state: string; nonce: string; verifier: string }): Promise<OidcIdentity>;
};

export function createOidcClient(cfg: NonNullable<Config["oidc"]>): OidcClient {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        new URL(cfg.issuer),
        cfg.clientId,
        cfg.clientSecret,
        cfg.clientSecret ? undefined : oidc.None(),
        cfg.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((err) => {
        discovered = undefined; // try again on the next sign-in
        throw err;
      });
    return discovered;
  };
  const claim = (src: Record<string, unknown>, name: string) => (typeof src[name] === "string" ? (src[name] as string) : null);

  return {
    label: cfg.label,
    async start(redirectUri) {
      const config = await configuration();
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const params: Record<string, string> = {
        redirect_uri: redirectUri,
        scope: cfg.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        state,
        nonce,
      };
      if (cfg.acrValues) params.acr_values = cfg.acrValues;
      return { url: oidc.buildAuthorizationUrl(config, params).href, state, nonce, verifier };
    },
    async finish(callbackUrl, expected) {
      const config = await configuration();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: expected.verifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error("the identity provider returned no ID token");
      let all: Record<string, unknown> = { ...idClaims };
      try {
        all = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims };
      } catch {
        // userinfo is optional: the ID token's claims are enough to sign in.
      }
      const acr = claim(all, "acr");
      // acr_values is only a request; with OIDC_REQUIRE_ACR the returned level must be one we asked for.
      if (cfg.requireAcr && !(cfg.acrValues ?? "").split(" ").includes(acr ?? "")) {
        throw new OidcLevelError(`acr ${acr ?? "(none)"} is not one of ${cfg.acrValues}`);
      }
      return {
        issuer: config.serverMetadata().issuer,
        subject: idClaims.sub,
        name: claim(all, cfg.claims.name),
        citizenId: claim(all, cfg.claims.citizenId),
        phone: claim(all, cfg.claims.phone),
        acr,
      };
    },
  };
}
