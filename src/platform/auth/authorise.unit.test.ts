import { describe, expect, it } from "vitest";
import type { AppError } from "../http/app-error.ts";
import { authorise, can, canGrant, canOnOrWithin, holdsRole, type Principal, scopePaths } from "./authorise.ts";

const officer = (role: Principal["grants"][number]["role"], unitPath: string): Principal => ({
  userId: "u",
  username: "u",
  displayName: "u",
  kind: "officer",
  locale: null,
  grants: [{ role, unitCode: unitPath.split("/").filter(Boolean).pop()!, unitPath }],
});
const giaPhu = { code: "02923", path: "/15/02923/" };
const village = { code: "02923.001", path: "/15/02923/02923.001/" };
const baoThang = { code: "02905", path: "/15/02905/" };

const codeOf = (fn: () => void) => {
  try {
    fn();
    return "allowed";
  } catch (err) {
    return (err as AppError).code;
  }
};

describe("authorise", () => {
  it("lets a grant reach every unit below it", () => {
    expect(can(officer("commune_admin", "/15/02923/"), "village.manage", village)).toBe(true);
    expect(can(officer("province_admin", "/15/"), "village.manage", giaPhu)).toBe(true);
  });

  it("answers 404 outside every grant, 403 inside without the right role, 401 when anonymous", () => {
    expect(codeOf(() => authorise(officer("commune_admin", "/15/02923/"), "village.manage", baoThang))).toBe("not_found");
    expect(codeOf(() => authorise(officer("volunteer", "/15/02923/"), "village.manage", giaPhu))).toBe("forbidden");
    expect(codeOf(() => authorise(null, "village.manage", giaPhu))).toBe("unauthenticated");
    expect(codeOf(() => authorise(officer("commune_admin", "/15/02923/"), "village.manage", giaPhu))).toBe("allowed");
  });

  it("does not let a prefix of a code pass for its parent", () => {
    // "/15/0292/" must not cover "/15/02923/": paths end with a slash for this reason.
    expect(can(officer("commune_admin", "/15/0292/"), "village.manage", giaPhu)).toBe(false);
  });

  it("denies by default: a citizen has no office permission", () => {
    expect(can(officer("citizen", "/15/02923/"), "user.read", giaPhu)).toBe(false);
    expect(scopePaths(officer("citizen", "/15/02923/"), "user.read")).toEqual([]);
  });

  it("lets commune admins grant commune roles only, within their commune", () => {
    const admin = officer("commune_admin", "/15/02923/");
    expect(canGrant(admin, "one_stop_officer", giaPhu)).toBe(true);
    expect(canGrant(admin, "province_admin", giaPhu)).toBe(false);
    expect(canGrant(admin, "one_stop_officer", baoThang)).toBe(false);
  });

  it("knows whether a role itself is held on a unit, through a grant on it or above it", () => {
    const leader = officer("leader", "/15/02923/");
    expect(holdsRole(leader, "leader", giaPhu)).toBe(true);
    expect(holdsRole(leader, "leader", village)).toBe(true);
    expect(holdsRole(leader, "leader", baoThang)).toBe(false);
    expect(holdsRole(leader, "specialist", giaPhu)).toBe(false);
    // A role that may do more is still not the role asked for.
    expect(holdsRole(officer("province_admin", "/15/"), "commune_admin", giaPhu)).toBe(false);
    expect(holdsRole(null, "leader", giaPhu)).toBe(false);
  });

  it("canOnOrWithin also counts a grant on a unit inside the one asked about", () => {
    expect(canOnOrWithin(officer("volunteer", village.path), "dossier.assist", giaPhu)).toBe(true);
    expect(canOnOrWithin(officer("volunteer", "/15/"), "dossier.assist", giaPhu)).toBe(true);
    expect(canOnOrWithin(officer("volunteer", village.path), "dossier.assist", baoThang)).toBe(false);
    expect(canOnOrWithin(officer("specialist", village.path), "dossier.assist", giaPhu)).toBe(false);
    expect(canOnOrWithin(null, "dossier.assist", giaPhu)).toBe(false);
  });
});
