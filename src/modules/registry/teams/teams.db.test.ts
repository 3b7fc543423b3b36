// Teams and assignments through their use cases: who may create and staff a team, who may hand out households,
// what a member's leaving does, and that what each person then sees follows the visibility rule.
import { beforeAll, describe, expect, it } from "vitest";
import { type Acting, acting } from "../../../../test/support/dossier-factories.ts";
import { rejection } from "../../../../test/support/expect-error.ts";
import { BAO_THANG, buildUser, GIA_PHU } from "../../../../test/support/factories.ts";
import { buildHousehold, buildRegistryVillage } from "../../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { addTeamMember } from "../use-cases/team-add-member.ts";
import { archiveTeam } from "../use-cases/team-archive.ts";
import { assignHouseholds } from "../use-cases/team-assign.ts";
import { createTeam } from "../use-cases/team-create.ts";
import { getTeam } from "../use-cases/team-get.ts";
import { listMyHouseholds, listTeamHouseholds } from "../use-cases/team-households.ts";
import { listTeams } from "../use-cases/team-list.ts";
import { removeTeamMember } from "../use-cases/team-remove-member.ts";
import { unassignHousehold } from "../use-cases/team-unassign.ts";
import { updateTeam } from "../use-cases/team-update.ts";

describeDb("teams and assignments", () => {
  const app = useTestApp();
  let t: TestApp;
  let village: string;
  let otherVillage: string;
  let admin: Acting;
  let adminB: Acting;
  let officer: Acting;
  let leader: Acting;
  let volunteer: Acting;
  let volunteer2: Acting;
  let outsider: Acting;
  let households: string[];
  let otherHouseholds: string[];

  const person = async (roles: [Role, string][], kind: "officer" | "volunteer" = "officer") => acting(t.deps, await buildUser(t.deps, { kind, roles }));
  const fieldsOf = async (p: Promise<unknown>) => {
    const err = await rejection(p);
    return { code: err.code, fields: err.fields.map((f) => `${f.field}:${f.message}`) };
  };
  const auditCount = async (action: string, targetType: string, targetId: string | null) =>
    Number(
      (
        await t.db.query("SELECT count(*) AS n FROM audit_log WHERE action = $1 AND target_type = $2 AND target_id IS NOT DISTINCT FROM $3", [
          action,
          targetType,
          targetId,
        ])
      ).rows[0]!.n,
    );
  const ids = (rows: { householdId: string }[]) => rows.map((r) => r.householdId).sort();

  beforeAll(async () => {
    t = app();
    village = await buildRegistryVillage(t.deps);
    otherVillage = await buildRegistryVillage(t.deps);
    admin = await person([["commune_admin", GIA_PHU]]);
    adminB = await person([["commune_admin", BAO_THANG]]);
    officer = await person([["one_stop_officer", GIA_PHU]]);
    leader = await person([["team_leader", village]], "volunteer");
    volunteer = await person([["volunteer", village]], "volunteer");
    volunteer2 = await person([["volunteer", GIA_PHU]], "volunteer");
    outsider = await person([["volunteer", otherVillage]], "volunteer");
    households = [];
    for (let i = 0; i < 5; i++) households.push((await buildHousehold(t.deps, { villageCode: village })).id);
    otherHouseholds = [];
    for (let i = 0; i < 2; i++) otherHouseholds.push((await buildHousehold(t.deps, { villageCode: otherVillage })).id);
  });

  describe("creating and staffing a team", () => {
    it("lets a commune admin create a village team with its leader, who becomes a member; the event is in the audit log", async () => {
      const id = await createTeam(t.deps, admin, { name: "Tổ CNSCĐ thôn 1", unitCode: village, leaderUserId: leader.actor.userId });
      const team = await getTeam(t.deps, admin, id);
      expect(team).toMatchObject({ name: "Tổ CNSCĐ thôn 1", villageCode: village, communeCode: GIA_PHU, leaderUserId: leader.actor.userId, memberCount: 1 });
      expect(team.members.map((m) => [m.userId, m.isLeader])).toEqual([[leader.actor.userId, true]]);
      expect(await auditCount("team.created", "team", id)).toBe(1);
      expect(await auditCount("team.leaderNamed", "team", id)).toBe(1);
    });

    it("refuses a leader or a member without the role on the team's village or commune: 400 naming the field", async () => {
      expect(await fieldsOf(createTeam(t.deps, admin, { name: "Tổ sai", unitCode: village, leaderUserId: volunteer.actor.userId }))).toEqual({
        code: "validation",
        fields: ["leaderUserId:teams.error.notLeader"],
      });
      const id = await createTeam(t.deps, admin, { name: "Tổ 2", unitCode: village });
      // Granted on another village of the same commune: does not reach this team's village.
      expect(await fieldsOf(addTeamMember(t.deps, admin, id, outsider.actor.userId))).toEqual({
        code: "validation",
        fields: ["userId:teams.error.notVolunteer"],
      });
      // An officer holds no volunteer role at all; an unknown account reads the same.
      expect(await fieldsOf(addTeamMember(t.deps, admin, id, officer.actor.userId))).toEqual({
        code: "validation",
        fields: ["userId:teams.error.notVolunteer"],
      });
      expect(await fieldsOf(addTeamMember(t.deps, admin, id, "00000000-0000-4000-8000-000000000000"))).toMatchObject({
        fields: ["userId:teams.error.notVolunteer"],
      });
      // A volunteer granted on the whole commune may join a village team.
      expect(await addTeamMember(t.deps, admin, id, volunteer2.actor.userId)).toBe(true);
      expect(await addTeamMember(t.deps, admin, id, volunteer2.actor.userId)).toBe(false);
    });

    it("refuses a unit that is not a village or commune (400 on unitCode) and answers 404 for another commune", async () => {
      expect(await fieldsOf(createTeam(t.deps, admin, { name: "Tổ", unitCode: "99999" }))).toEqual({
        code: "validation",
        fields: ["unitCode:teams.error.unit"],
      });
      expect((await rejection(createTeam(t.deps, adminB, { name: "Tổ", unitCode: village }))).code).toBe("not_found");
      expect((await rejection(createTeam(t.deps, officer, { name: "Tổ", unitCode: village }))).code).toBe("forbidden");
      expect((await rejection(createTeam(t.deps, leader, { name: "Tổ", unitCode: village }))).code).toBe("forbidden");
    });

    it("renames and changes the leader; another commune's admin gets 404 for every team action", async () => {
      const id = await createTeam(t.deps, admin, { name: "Tổ cũ", unitCode: village });
      await updateTeam(t.deps, admin, id, { name: "Tổ mới", leaderUserId: leader.actor.userId });
      expect(await getTeam(t.deps, admin, id)).toMatchObject({ name: "Tổ mới", leaderUserId: leader.actor.userId, memberCount: 1 });
      await updateTeam(t.deps, admin, id, { leaderUserId: null });
      expect((await getTeam(t.deps, admin, id)).leaderUserId).toBeNull();
      const attempts: (() => Promise<unknown>)[] = [
        () => getTeam(t.deps, adminB, id),
        () => updateTeam(t.deps, adminB, id, { name: "Đổi trộm" }),
        () => addTeamMember(t.deps, adminB, id, volunteer.actor.userId),
        () => removeTeamMember(t.deps, adminB, id, leader.actor.userId),
        () => archiveTeam(t.deps, adminB, id),
        () => assignHouseholds(t.deps, adminB, { teamId: id, householdIds: households.slice(0, 1) }),
        () => listTeamHouseholds(t.deps, adminB, id),
      ];
      for (const attempt of attempts) expect((await rejection(attempt())).code).toBe("not_found");
      expect((await getTeam(t.deps, admin, id)).name).toBe("Tổ mới");
      expect((await listTeams(t.deps, adminB)).map((x) => x.id)).not.toContain(id);
    });
  });

  describe("assignments and who sees what", () => {
    let team: string;
    let rival: string;

    beforeAll(async () => {
      team = await createTeam(t.deps, admin, { name: "Tổ phân công", unitCode: village, leaderUserId: leader.actor.userId });
      await addTeamMember(t.deps, admin, team, volunteer.actor.userId);
      await addTeamMember(t.deps, admin, team, volunteer2.actor.userId);
      rival = await createTeam(t.deps, admin, { name: "Tổ bên cạnh", unitCode: GIA_PHU });
    });

    it("assigns a village's unassigned households to the team in bulk, then a list to a member; counts per member follow", async () => {
      const before = await auditCount("assignment.changed", "team", team);
      expect(await assignHouseholds(t.deps, admin, { teamId: team, villageCode: village })).toEqual({ assigned: 5 });
      // Nothing is left unassigned in the village: a second bulk changes nothing and records nothing.
      expect(await assignHouseholds(t.deps, admin, { teamId: team, villageCode: village })).toEqual({ assigned: 0 });
      expect(await assignHouseholds(t.deps, admin, { teamId: team, memberUserId: volunteer.actor.userId, householdIds: households.slice(0, 2) })).toEqual({
        assigned: 2,
      });
      expect(await auditCount("assignment.changed", "team", team)).toBe(before + 2);
      const detail = await getTeam(t.deps, admin, team);
      expect(detail.members.find((m) => m.userId === volunteer.actor.userId)?.householdCount).toBe(2);
      expect(detail).toMatchObject({ householdCount: 5, unassignedToMember: 3 });
    });

    it("shows a volunteer only their assigned households, the leader the team's, an officer the commune's, and records each read", async () => {
      const reads = await auditCount("personalData.read", "assignedHouseholds", volunteer.actor.userId);
      expect(ids(await listMyHouseholds(t.deps, volunteer))).toEqual(households.slice(0, 2).sort());
      expect(await auditCount("personalData.read", "assignedHouseholds", volunteer.actor.userId)).toBe(reads + 1);
      expect(await listMyHouseholds(t.deps, volunteer2)).toEqual([]);
      expect(ids(await listTeamHouseholds(t.deps, leader, team))).toEqual([...households].sort());
      expect(ids(await listTeamHouseholds(t.deps, officer, team))).toEqual([...households].sort());
      expect(await auditCount("personalData.read", "teamHouseholds", team)).toBe(2);
      // A volunteer does not read the team's list: the team does not exist for them.
      expect((await rejection(listTeamHouseholds(t.deps, volunteer, team))).code).toBe("not_found");
      expect((await rejection(getTeam(t.deps, outsider, team))).code).toBe("not_found");
    });

    it("lets the leader hand their team's households among its members, and nothing else", async () => {
      expect(await assignHouseholds(t.deps, leader, { teamId: team, memberUserId: volunteer2.actor.userId, householdIds: [households[2]!] })).toEqual({
        assigned: 1,
      });
      expect(ids(await listMyHouseholds(t.deps, volunteer2))).toEqual([households[2]!]);
      // Another team: not theirs to assign to (it does not exist for them, or they may only read it).
      expect(["not_found", "forbidden"]).toContain((await rejection(assignHouseholds(t.deps, leader, { teamId: rival, householdIds: [households[3]!] }))).code);
      // Not a member of the team.
      expect(await fieldsOf(assignHouseholds(t.deps, leader, { teamId: team, memberUserId: outsider.actor.userId, householdIds: [households[3]!] }))).toEqual({
        code: "validation",
        fields: ["memberUserId:teams.error.notMember"],
      });
      // A household outside their team (and their sight): named by its row.
      expect(
        await fieldsOf(
          assignHouseholds(t.deps, leader, { teamId: team, householdIds: [households[3]!, otherHouseholds[0]!], memberUserId: volunteer.actor.userId }),
        ),
      ).toEqual({ code: "validation", fields: ["householdIds.1:teams.error.household"] });
      // The leader's unassign gives a household back to the team; it stays the team's.
      expect(await unassignHousehold(t.deps, leader, households[2]!)).toEqual({ freed: false });
      expect(await listMyHouseholds(t.deps, volunteer2)).toEqual([]);
      expect(ids(await listTeamHouseholds(t.deps, admin, team))).toContain(households[2]!);
    });

    it("refuses households outside the team's area and villages outside it, naming the field", async () => {
      expect(await fieldsOf(assignHouseholds(t.deps, admin, { teamId: team, householdIds: [otherHouseholds[0]!] }))).toEqual({
        code: "validation",
        fields: ["householdIds.0:teams.error.householdOutside"],
      });
      expect(await fieldsOf(assignHouseholds(t.deps, admin, { teamId: team, villageCode: otherVillage }))).toEqual({
        code: "validation",
        fields: ["villageCode:teams.error.villageOutside"],
      });
    });

    it("gives a leaving member's households back to the team, and the member then sees nothing", async () => {
      expect(ids(await listMyHouseholds(t.deps, volunteer))).toHaveLength(2);
      expect(await removeTeamMember(t.deps, admin, team, volunteer.actor.userId)).toEqual({ returned: 2 });
      expect(await listMyHouseholds(t.deps, volunteer)).toEqual([]);
      const rows = await listTeamHouseholds(t.deps, admin, team);
      expect(rows.filter((r) => households.slice(0, 2).includes(r.householdId)).map((r) => r.memberUserId)).toEqual([null, null]);
      expect((await rejection(removeTeamMember(t.deps, admin, team, volunteer.actor.userId))).code).toBe("not_found");
      expect(await auditCount("team.memberRemoved", "team", team)).toBe(1);
    });

    it("reassigns households to another team, and an admin's unassign frees one entirely", async () => {
      expect(await assignHouseholds(t.deps, admin, { teamId: rival, householdIds: [households[4]!] })).toEqual({ assigned: 1 });
      expect(ids(await listTeamHouseholds(t.deps, admin, rival))).toEqual([households[4]!]);
      expect(await unassignHousehold(t.deps, admin, households[4]!)).toEqual({ freed: true });
      expect(await listTeamHouseholds(t.deps, admin, rival)).toEqual([]);
      expect((await rejection(unassignHousehold(t.deps, admin, households[4]!))).code).toBe("not_found");
    });

    it("archives a team: members leave, households become unassigned, and nothing can change it any more", async () => {
      const assigned = (await listTeamHouseholds(t.deps, admin, team)).length;
      expect(await archiveTeam(t.deps, admin, team)).toEqual({ released: assigned });
      expect(ids(await listTeamHouseholds(t.deps, leader, team))).toEqual([]);
      expect((await rejection(addTeamMember(t.deps, admin, team, volunteer.actor.userId))).code).toBe("conflict");
      expect((await listTeams(t.deps, admin)).map((x) => x.id)).not.toContain(team);
      expect((await listTeams(t.deps, admin, { withArchived: true })).find((x) => x.id === team)?.memberCount).toBe(0);
    });
  });
});
