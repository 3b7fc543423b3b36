// Demo data for a first look: Tỉnh Lào Cai, Xã Gia Phú with villages, and one account per role.
// The village names are illustrative; a real commune enters its own.
import type { Deps } from "../deps.ts";
import { createVillage, getAdminUnit } from "../modules/admin-units/index.ts";
import { createSystemAdmin, createUser, findUserId, grantRole } from "../modules/identity/index.ts";
import type { Role } from "../platform/auth/roles.ts";

export const DEMO_PASSWORD = "xaso-demo-2026";
export const DEMO_PROVINCE = "15"; // Tỉnh Lào Cai
export const DEMO_COMMUNE = "02923"; // Xã Gia Phú
export const DEMO_OTHER_COMMUNE = "02905"; // Xã Bảo Thắng, to show that communes do not see each other

export const DEMO_VILLAGES = [
  { unitType: "Thôn", name: "Phú Hà" },
  { unitType: "Thôn", name: "Phú Thịnh" },
  { unitType: "Thôn", name: "Cốc Sâm" },
  { unitType: "Bản", name: "Lúc" },
  { unitType: "Tổ dân phố", name: "Số 1" },
] as const;

type DemoUser = { username: string; displayName: string; kind: "officer" | "volunteer" | "citizen"; unit: string; roles: [Role, string][] };

export async function seedDemo(deps: Pick<Deps, "db" | "events" | "config">): Promise<{ created: boolean; users: string[] }> {
  const ctx = { actor: { userId: null, label: "seed-demo" }, requestId: null };
  if (await findUserId(deps, "admin")) return { created: false, users: [] };
  await getAdminUnit(deps, DEMO_COMMUNE); // fails loudly when Lào Cai is not served

  const { userId: adminId } = await createSystemAdmin(deps, ctx, { username: "admin", password: DEMO_PASSWORD, displayName: "Quản trị hệ thống" });
  const admin = {
    ...ctx,
    principal: {
      userId: adminId,
      username: "admin",
      displayName: "admin",
      kind: "officer" as const,
      locale: null,
      grants: [{ role: "system_admin" as const, unitCode: DEMO_PROVINCE, unitPath: `/${DEMO_PROVINCE}/` }],
    },
    actor: { userId: adminId, label: "seed-demo" },
  };
  const villages: Awaited<ReturnType<typeof createVillage>>[] = [];
  for (const v of DEMO_VILLAGES) villages.push(await createVillage(deps, admin, DEMO_COMMUNE, v));
  const v1 = villages[0]!;

  const users: DemoUser[] = [
    { username: "tinh.laocai", displayName: "Trần Văn Tỉnh", kind: "officer", unit: DEMO_PROVINCE, roles: [["province_admin", DEMO_PROVINCE]] },
    { username: "xa.giaphu", displayName: "Nguyễn Thị Hoa", kind: "officer", unit: DEMO_COMMUNE, roles: [["commune_admin", DEMO_COMMUNE]] },
    { username: "motcua.giaphu", displayName: "Lò Văn Minh", kind: "officer", unit: DEMO_COMMUNE, roles: [["one_stop_officer", DEMO_COMMUNE]] },
    { username: "chuyenvien.giaphu", displayName: "Hoàng Thị Lan", kind: "officer", unit: DEMO_COMMUNE, roles: [["specialist", DEMO_COMMUNE]] },
    { username: "lanhdao.giaphu", displayName: "Phạm Văn Đức", kind: "officer", unit: DEMO_COMMUNE, roles: [["leader", DEMO_COMMUNE]] },
    { username: "totruong.phuha", displayName: "Vàng A Sùng", kind: "volunteer", unit: v1.code, roles: [["team_leader", v1.code]] },
    { username: "tinhnguyen.phuha", displayName: "Lý Thị Mai", kind: "volunteer", unit: v1.code, roles: [["volunteer", v1.code]] },
    { username: "congdan.phuha", displayName: "Đỗ Văn Nam", kind: "citizen", unit: v1.code, roles: [["citizen", v1.code]] },
    { username: "xa.baothang", displayName: "Bùi Thị Thu", kind: "officer", unit: DEMO_OTHER_COMMUNE, roles: [["commune_admin", DEMO_OTHER_COMMUNE]] },
  ];
  for (const u of users) {
    const id = await createUser(deps, admin, { username: u.username, displayName: u.displayName, kind: u.kind, homeUnitCode: u.unit, password: DEMO_PASSWORD });
    for (const [role, unit] of u.roles) await grantRole(deps, admin, id, { role, adminUnitCode: unit });
  }
  return { created: true, users: ["admin", ...users.map((u) => u.username)] };
}
