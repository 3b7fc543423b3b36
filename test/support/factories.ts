// Factories: users with roles and villages, built through the real use cases.
import { randomBytes } from "node:crypto";
import type { Deps } from "../../src/deps.ts";
import { createVillage } from "../../src/modules/admin-units/index.ts";
import { createSystemAdmin, createUser, grantRole } from "../../src/modules/identity/index.ts";
import type { Principal } from "../../src/platform/auth/authorise.ts";
import type { Role } from "../../src/platform/auth/roles.ts";

export const PASSWORD = "correct-horse-battery";
export const LAO_CAI = "15";
export const GIA_PHU = "02923";
export const BAO_THANG = "02905";
export const THAI_NGUYEN = "19";

const ctx = { actor: { userId: null, label: "test" }, requestId: null };

let adminPrincipal: Principal | null = null;
let adminFor: Deps["db"] | null = null;
/** A system administrator principal for factories (created once per database). */
export async function systemAdmin(deps: Deps): Promise<Principal> {
  if (adminPrincipal && adminFor === deps.db) return adminPrincipal;
  const { userId } = await createSystemAdmin(deps, ctx, { username: `root-${randomBytes(3).toString("hex")}`, password: PASSWORD });
  adminFor = deps.db;
  adminPrincipal = {
    userId,
    username: "root",
    displayName: "root",
    kind: "officer",
    locale: null,
    grants: deps.config.servedProvinces.map((p) => ({ role: "system_admin" as const, unitCode: p, unitPath: `/${p}/` })),
  };
  return adminPrincipal;
}

export async function buildUser(
  deps: Deps,
  opts: { roles?: [Role, string][]; home?: string; username?: string; kind?: "officer" | "volunteer" | "citizen"; email?: string; phone?: string } = {},
) {
  const admin = await systemAdmin(deps);
  const username = opts.username ?? `u${randomBytes(4).toString("hex")}`;
  const home = opts.home ?? opts.roles?.[0]?.[1] ?? GIA_PHU;
  const id = await createUser(
    deps,
    { ...ctx, principal: admin },
    { username, displayName: `Test ${username}`, kind: opts.kind ?? "officer", homeUnitCode: home, password: PASSWORD, email: opts.email, phone: opts.phone },
  );
  for (const [role, unit] of opts.roles ?? []) await grantRole(deps, { ...ctx, principal: admin }, id, { role, adminUnitCode: unit });
  return { id, username };
}

export async function buildVillage(deps: Deps, communeCode = GIA_PHU, name = `Thôn ${randomBytes(2).toString("hex")}`) {
  const admin = await systemAdmin(deps);
  return createVillage(deps, { ...ctx, principal: admin }, communeCode, { name, unitType: "Thôn" });
}
