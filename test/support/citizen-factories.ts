// Citizens with verified details, made through the real use cases: a phone proven by the SMS code, an ID
// number from the national SSO's claim (no identity provider needed: the sign-in use case is called directly).
import { randomBytes } from "node:crypto";
import type { Deps } from "../../src/deps.ts";
import { requestPhoneCode, verifyProfilePhone } from "../../src/modules/citizens/index.ts";
import { signInWithOidc } from "../../src/modules/identity/index.ts";
import { TestClient } from "./client.ts";
import { type Acting, acting } from "./dossier-factories.ts";

type TestClientApp = ConstructorParameters<typeof TestClient>[0];

export const SSO_ISSUER = "https://sso.test";

/** The 6-digit code of the newest SMS queued to this national number. */
export async function lastSmsCode(db: Deps["db"], national: string): Promise<string> {
  const { rows } = await db.query<{ payload: { text: string } }>(
    "SELECT payload FROM outbox WHERE topic = 'sms' AND payload->>'to' = $1 ORDER BY id DESC LIMIT 1",
    [`+84${national.slice(1)}`],
  );
  return /\b(\d{6})\b/.exec(rows[0]?.payload.text ?? "")?.[1] ?? "";
}

/** A citizen created by the SSO sign-in, with the provider's citizen ID claim. */
export async function ssoCitizen(deps: Deps, claims: { citizenIdNumber: string; name?: string }): Promise<Acting> {
  const subject = `sub-${randomBytes(6).toString("hex")}`;
  const ctx = { actor: { userId: null, label: "test" }, requestId: null };
  const { userId } = await signInWithOidc(deps, ctx, {
    issuer: SSO_ISSUER,
    subject,
    name: claims.name ?? "Đỗ Văn Nam",
    citizenId: claims.citizenIdNumber,
    phone: null,
    acr: null,
  });
  return acting(deps, { id: userId, username: subject });
}

/** Proves a phone for the citizen's profile with the code sent to it. */
export async function verifyPhone(deps: Deps, who: Acting, phone: string) {
  await requestPhoneCode(deps, who, { phone, locale: "vi", ip: null });
  return verifyProfilePhone(deps, who, who.principal.userId, { phone, code: await lastSmsCode(deps.db, phone), ip: null });
}

/** A browser signed in by phone, through the sign-in pages and the code sent to the number. */
export async function signedInByPhone(t: { app: { request: TestClientApp["request"] }; db: Deps["db"] }, national: string): Promise<TestClient> {
  const client = new TestClient(t.app);
  const sent = await client.post("/sign-in/phone", { phone: national });
  if (sent.status !== 303) throw new Error(`no code sent to ${national}: ${sent.status}`);
  const res = await client.post("/sign-in/phone/verify", { code: await lastSmsCode(t.db, national) });
  if (res.status !== 303) throw new Error(`phone sign-in failed for ${national}: ${res.status}`);
  return client;
}
