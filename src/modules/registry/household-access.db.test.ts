// The one rule of who sees which household: officers their units, volunteers their assignments, team leaders their
// teams', and nobody after the grant, the membership or the team is gone.
import { beforeAll, expect, it } from "vitest";
import { acting } from "../../../test/support/dossier-factories.ts";
import { BAO_THANG, buildUser, GIA_PHU } from "../../../test/support/factories.ts";
import { assignHouseholds, buildHousehold, buildRegistryVillage, buildTeam } from "../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import type { Principal } from "../../platform/auth/authorise.ts";
import { householdAccess, householdVisibleSql } from "./index.ts";

describeDb("who sees which household", () => {
  const app = useTestApp();
  let t: TestApp;
  let village: string;
  let households: string[];

  const visible = async (p: Principal) => {
    const params: unknown[] = [];
    const where = householdVisibleSql(householdAccess(p), "h", params);
    const rows = await t.db.query<{ id: string }>(`SELECT h.id FROM households h WHERE ${where} ORDER BY h.id`, params);
    return rows.rows
      .map((r) => r.id)
      .filter((id) => households.includes(id))
      .sort();
  };
  const principal = async (opts: Parameters<typeof buildUser>[1]) => (await acting(t.deps, await buildUser(t.deps, opts))).principal;

  beforeAll(async () => {
    t = app();
    village = await buildRegistryVillage(t.deps);
    households = [];
    for (let i = 0; i < 4; i++) households.push((await buildHousehold(t.deps, { villageCode: village })).id);
  });

  it("shows an officer every household of the commune, and another commune's officer none", async () => {
    expect(await visible(await principal({ roles: [["one_stop_officer", GIA_PHU]] }))).toEqual([...households].sort());
    expect(await visible(await principal({ roles: [["one_stop_officer", BAO_THANG]] }))).toEqual([]);
  });

  it("shows a volunteer only their assigned households, a leader their team's, and nothing once the member left", async () => {
    const leader = await principal({ kind: "volunteer", roles: [["team_leader", village]] });
    const member = await principal({ kind: "volunteer", roles: [["volunteer", village]] });
    const other = await principal({ kind: "volunteer", roles: [["volunteer", village]] });
    const team = await buildTeam(t.deps, { villageCode: village, leaderUserId: leader.userId, memberUserIds: [member.userId, other.userId] });
    await assignHouseholds(t.deps, households.slice(0, 2), team.id, member.userId);
    await assignHouseholds(t.deps, households.slice(2, 3), team.id, null);
    expect(await visible(member)).toEqual(households.slice(0, 2).sort());
    expect(await visible(other)).toEqual([]);
    expect(await visible(leader)).toEqual(households.slice(0, 3).sort());
    await t.db.query("UPDATE team_members SET left_at = now() WHERE team_id = $1 AND user_id = $2", [team.id, member.userId]);
    expect(await visible(member)).toEqual([]);
    // A principal without the grant (revoked) sees nothing, whatever the assignment says.
    expect(await visible({ ...member, grants: [] })).toEqual([]);
  });
});
