// A person signed in by the national SSO: found by (issuer, subject), or created once as a citizen.
import { createHash } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import type { OidcIdentity } from "../oidc-client.ts";
import * as repo from "../identity.repository.ts";

export async function signInWithOidc(deps: Pick<Deps, "db" | "events">, ctx: Context, id: OidcIdentity): Promise<{ userId: string; created: boolean }> {
  return deps.db.tx(async (q) => {
    const existing = await repo.findUserByOidc(q, id.issuer, id.subject);
    if (existing) {
      if (existing.disabledAt) return { userId: "", created: false };
      return { userId: existing.id, created: false };
    }
    const username = `sso-${createHash("sha256").update(`${id.issuer}|${id.subject}`).digest("hex").slice(0, 12)}`;
    const citizenId = id.citizenId && /^\d{12}$/.test(id.citizenId) ? id.citizenId : null;
    const userId = await repo.insertUser(q, {
      username,
      displayName: id.name ?? username,
      kind: "citizen",
      phone: id.phone,
      citizenIdNumber: citizenId,
      homeUnitCode: null,
      oidc: { issuer: id.issuer, subject: id.subject },
    });
    await deps.events.publish(q, {
      type: "user.createdFromSso",
      actor: { userId, label: username },
      target: { type: "user", id: userId },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: { issuer: id.issuer, acr: id.acr },
    });
    return { userId, created: true };
  });
}
