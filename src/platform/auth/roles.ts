// Roles are always granted on an admin unit and reach every unit below it.
export const ROLES = [
  "system_admin", "province_admin", "commune_admin", "one_stop_officer", "specialist", "leader", "team_leader", "volunteer", "citizen",
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** See the officer pages of a unit (users list, audit, ...). */
  "office.access": ["system_admin", "province_admin", "commune_admin", "one_stop_officer", "specialist", "leader", "team_leader", "volunteer"],
  "village.manage": ["system_admin", "province_admin", "commune_admin"],
  "user.read": ["system_admin", "province_admin", "commune_admin"],
  "user.manage": ["system_admin", "province_admin", "commune_admin"],
  "audit.read": ["system_admin", "province_admin", "commune_admin"],
  "adminUnit.import": ["system_admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Which roles a holder of a role may grant (on units inside its own scope). */
export const GRANTABLE: Record<Role, readonly Role[]> = {
  system_admin: ROLES,
  province_admin: ROLES.filter((r) => r !== "system_admin"),
  commune_admin: ["commune_admin", "one_stop_officer", "specialist", "leader", "team_leader", "volunteer", "citizen"],
  one_stop_officer: [],
  specialist: [],
  leader: [],
  team_leader: ["volunteer"],
  volunteer: [],
  citizen: [],
};

/** The lowest level each role may be granted at: a province admin sits on a province, and so on. */
export const ROLE_LEVELS: Record<Role, readonly string[]> = {
  system_admin: ["province"],
  province_admin: ["province"],
  commune_admin: ["commune"],
  one_stop_officer: ["province", "commune"],
  specialist: ["province", "commune"],
  leader: ["province", "commune"],
  team_leader: ["commune", "village"],
  volunteer: ["commune", "village"],
  citizen: ["province", "commune", "village"],
};
