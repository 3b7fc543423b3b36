// Coverage, counted by hand on small registries: each percentage, the visits, the checklist's effect, the gap
// list and its workbook, who may see what (another commune: 404; a team leader: their team only), and the
// rollups (migration 0024) agreeing with a recount after every kind of write.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { acting } from "../../../../test/support/dossier-factories.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { assignHouseholds, buildHousehold, buildRegistryVillage, buildTeam } from "../../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { BUILT_IN_SKILLS, skillsFor } from "../skills.ts";
import { computeCoverage } from "../use-cases/coverage-compute.ts";
import { exportCoverage } from "../use-cases/coverage-export.ts";
import { listGaps } from "../use-cases/coverage-gaps.ts";
import { saveChecklist } from "../use-cases/skills-checklist.ts";
import { confirmResidentSkill, confirmSkills } from "../use-cases/skills-confirm.ts";

const ALL = [...BUILT_IN_SKILLS];
const NOW = "2026-11-23"; // the test clock's day (Vietnam)
const daysAgo = (n: number) => new Date(Date.parse(`${NOW}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describeDb("skills and coverage", () => {
  const app = useTestApp();
  let t: TestApp;
  let village: string;
  let villagePath: string;
  let officer: Awaited<ReturnType<typeof acting>>;
  let volunteerId: string;
  const hh: Record<string, { id: string; residentIds: string[] }> = {};

  const give = async (residentId: string, keys: readonly string[], method: "seen" | "self_declared" = "seen") =>
    t.db.tx((q) =>
      confirmSkills(
        q,
        t.deps,
        officer,
        keys.map((skillKey) => ({ residentId, skillKey, method, unitPath: villagePath })),
      ),
    );
  const visit = (householdId: string, day: string) =>
    t.db.query(
      `INSERT INTO visits (id, household_id, commune_code, unit_path, volunteer_user_id, visited_on, outcome, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'helped', now())`,
      [randomUUID(), householdId, GIA_PHU, villagePath, volunteerId, day],
    );
  /** A recount straight from the registry views and outreach's tables, as the rollups must agree with. */
  const recount = async (path: string) => {
    const { rows } = await t.db.query<{ households: number; proficient: number; adults: number; vneid: number }>(
      `SELECT (SELECT count(*) FROM household_refs h WHERE h.unit_path LIKE $1 AND h.archived_at IS NULL)::int AS households,
              (SELECT count(*) FROM household_refs h WHERE h.unit_path LIKE $1 AND h.archived_at IS NULL AND EXISTS (
                 SELECT 1 FROM resident_refs r WHERE r.household_id = h.id AND r.archived_at IS NULL
                   AND (SELECT count(*) FROM resident_skills s WHERE s.resident_id = r.id AND s.skill_key = ANY(coverage_active_skills('15'))) = cardinality(coverage_active_skills('15'))))::int AS proficient,
              (SELECT count(*) FROM resident_refs r JOIN household_refs h ON h.id = r.household_id
                 WHERE h.unit_path LIKE $1 AND h.archived_at IS NULL AND r.archived_at IS NULL AND r.birth_year <= 2008)::int AS adults,
              (SELECT count(*) FROM resident_refs r JOIN household_refs h ON h.id = r.household_id JOIN resident_skills s ON s.resident_id = r.id AND s.skill_key = 'vneid_level2'
                 WHERE h.unit_path LIKE $1 AND h.archived_at IS NULL AND r.archived_at IS NULL AND r.birth_year <= 2008)::int AS vneid`,
      [`${path}%`],
    );
    return rows[0]!;
  };

  beforeAll(async () => {
    t = app();
    officer = await acting(t.deps, await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] }));
    volunteerId = (await buildUser(t.deps, { kind: "volunteer", roles: [["volunteer", GIA_PHU]] })).id;
    village = await buildRegistryVillage(t.deps);
    villagePath = (await t.db.query<{ path: string }>("SELECT path FROM admin_unit_refs WHERE code = $1", [village])).rows[0]!.path;
    // H1: A (1980, every skill), B (1985, VNeID), C (2012, a child with VNeID). Never visited.
    hh.h1 = await buildHousehold(t.deps, {
      villageCode: village,
      address: "Số 2, đường Bờ Sông",
      members: [
        { birthYear: 1980, fullName: "Lê Văn An" },
        { birthYear: 1985, fullName: "Trần Thị Bình" },
        { birthYear: 2012, fullName: "Lê Văn Cường" },
      ],
    });
    // H2: D (1970, nothing), E (2010, a minor with every skill: the household still has a proficient person). Never visited.
    hh.h2 = await buildHousehold(t.deps, {
      villageCode: village,
      address: "Số 10, đường Bờ Sông",
      members: [
        { birthYear: 1970, fullName: "Phạm Văn Dũng" },
        { birthYear: 2010, fullName: "Phạm Thị Em" },
      ],
    });
    // H3: F (1990, every skill but the citizen app). Last visited 100 days ago.
    hh.h3 = await buildHousehold(t.deps, { villageCode: village, address: "Số 9, đường Bờ Sông", members: [{ birthYear: 1990, fullName: "Hoàng Văn Phúc" }] });
    // H4: G (1950, nothing). Visited 120 days ago, then 10 days ago.
    hh.h4 = await buildHousehold(t.deps, { villageCode: village, address: "Số 1, đường Bờ Sông", members: [{ birthYear: 1950, fullName: "Đỗ Thị Giang" }] });
    await give(hh.h1!.residentIds[0]!, ALL);
    await give(hh.h1!.residentIds[1]!, ["vneid_level2"], "self_declared");
    await give(hh.h1!.residentIds[2]!, ["vneid_level2"]);
    await give(hh.h2!.residentIds[1]!, ALL);
    await give(
      hh.h3!.residentIds[0]!,
      ALL.filter((k) => k !== "citizen_app"),
    );
    await visit(hh.h3!.id, daysAgo(100));
    await visit(hh.h4!.id, daysAgo(120));
    await visit(hh.h4!.id, daysAgo(10));
  });

  const share = (f: { skills: { key: string; adults: number; share: number | null }[] }, key: string) => f.skills.find((s) => s.key === key);

  it("counts every figure of a village by hand", async () => {
    const r = await computeCoverage(t.deps, officer, { unit: village, staleDays: 90 });
    expect(r.partial).toBe(false);
    expect(r.adultBornBy).toBe(2008);
    expect(r.total.households).toBe(4);
    expect(r.total.proficientHouseholds).toBe(2); // H1 (A) and H2 (E, a minor)
    expect(r.total.proficientShare).toBe(0.5);
    expect(r.total.neverVisited).toBe(2); // H1, H2
    expect(r.total.staleVisited).toBe(1); // H3: 100 days > 90; H4's latest visit is 10 days ago
    expect(r.total.adults).toBe(5); // A, B, D, F, G (C and E are minors)
    expect(share(r.total, "vneid_level2")).toEqual({ key: "vneid_level2", adults: 3, share: 0.6 }); // A, B, F (not C)
    expect(share(r.total, "cashless_payment")).toEqual({ key: "cashless_payment", adults: 2, share: 0.4 }); // A, F
    expect(share(r.total, "citizen_app")).toEqual({ key: "citizen_app", adults: 1, share: 0.2 }); // A
    expect(r.skills.map((s) => s.key)).toEqual(ALL);
    // One row: nobody's team.
    expect(r.rows).toEqual([expect.objectContaining({ kind: "unassigned", key: null, households: 4, adults: 5, proficientHouseholds: 2 })]);
    expect((await computeCoverage(t.deps, officer, { unit: village, staleDays: 120 })).total.staleVisited).toBe(0);
    expect((await computeCoverage(t.deps, officer, { unit: village, staleDays: 99 })).total.staleVisited).toBe(1);
  });

  it("gives the commune one row per village, from the rollups, equal to the village's own figures and to a recount", async () => {
    const commune = await computeCoverage(t.deps, officer, { unit: GIA_PHU, staleDays: 90 });
    const row = commune.rows.find((x) => x.key === village)!;
    const own = await computeCoverage(t.deps, officer, { unit: village, staleDays: 90 });
    expect(row).toMatchObject({ kind: "village", ...own.total });
    expect(await recount(villagePath)).toEqual({ households: 4, proficient: 2, adults: 5, vneid: 3 });
    const provinceAdmin = await acting(t.deps, await buildUser(t.deps, { roles: [["province_admin", "15"]] }));
    const province = await computeCoverage(t.deps, provinceAdmin, { unit: "15", staleDays: 90 });
    expect(province.rows.find((x) => x.key === GIA_PHU)).toMatchObject({ kind: "commune" });
    expect(province.rows.find((x) => x.key === GIA_PHU)!.households).toBeGreaterThanOrEqual(4);
  });

  it("keeps the rollups right through moves, archives and visits (same transaction as the write)", async () => {
    const b = hh.h1!.residentIds[1]!;
    await t.db.query("UPDATE residents SET archived_at = now() WHERE id = $1", [b]);
    let r = await computeCoverage(t.deps, officer, { unit: village, staleDays: 90 });
    expect([r.total.adults, share(r.total, "vneid_level2")!.adults]).toEqual([4, 2]);
    await t.db.query("UPDATE residents SET archived_at = NULL WHERE id = $1", [b]);
    // A moves from H1 to H4: H1 loses its proficient person, H4 gains one.
    const a = hh.h1!.residentIds[0]!;
    await t.db.query("UPDATE residents SET household_id = $2, relation_to_head = 'other' WHERE id = $1", [a, hh.h4!.id]);
    r = await computeCoverage(t.deps, officer, { unit: village, staleDays: 90 });
    expect(r.total.proficientHouseholds).toBe(2); // H2 and now H4
    const rows = await t.db.query<{ household_id: string; proficient_members: number }>(
      "SELECT household_id, proficient_members FROM household_coverage WHERE household_id = ANY($1::uuid[]) ORDER BY household_id",
      [[hh.h1!.id, hh.h4!.id]],
    );
    expect(Object.fromEntries(rows.rows.map((x) => [x.household_id, x.proficient_members]))).toEqual({ [hh.h1!.id]: 0, [hh.h4!.id]: 1 });
    await t.db.query("UPDATE residents SET household_id = $2, relation_to_head = 'head' WHERE id = $1", [a, hh.h1!.id]);
    await visit(hh.h1!.id, daysAgo(1));
    r = await computeCoverage(t.deps, officer, { unit: village, staleDays: 90 });
    expect(r.total.neverVisited).toBe(1);
    await t.db.query("DELETE FROM visits WHERE household_id = $1", [hh.h1!.id]);
    expect(await recount(villagePath)).toEqual({ households: 4, proficient: 2, adults: 5, vneid: 3 });
    expect((await computeCoverage(t.deps, officer, { unit: village, staleDays: 90 })).total.neverVisited).toBe(2);
    // A skill withdrawn and given again, a birth year corrected: the village's counts equal a recount, row for row.
    await t.db.query("DELETE FROM resident_skills WHERE resident_id = $1 AND skill_key = 'vneid_level2'", [b]);
    await t.db.query("UPDATE residents SET birth_year = 2011 WHERE id = $1", [hh.h3!.residentIds[0]]);
    const rolled = await t.db.query("SELECT birth_year, skill_key, people FROM village_skill_counts WHERE village_code = $1 ORDER BY 1, 2", [village]);
    const counted = await t.db.query(
      `SELECT greatest(r.birth_year, 2000) AS birth_year, k.skill_key, count(*)::int AS people
       FROM resident_refs r CROSS JOIN LATERAL (SELECT '' AS skill_key UNION ALL SELECT s.skill_key FROM resident_skills s WHERE s.resident_id = r.id) k
       WHERE r.village_code = $1 AND r.archived_at IS NULL AND r.household_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
      [village],
    );
    expect(rolled.rows).toEqual(counted.rows);
    await t.db.query("UPDATE residents SET birth_year = 1990 WHERE id = $1", [hh.h3!.residentIds[0]]);
    await give(b, ["vneid_level2"], "self_declared");
    expect(await recount(villagePath)).toEqual({ households: 4, proficient: 2, adults: 5, vneid: 3 });
  });

  it("lists who still needs what, by village then address, audited as a read of personal data", async () => {
    const g = await listGaps(t.deps, officer, { unit: village });
    // Addresses in natural order: Số 1, Số 2, Số 9, Số 10. Adults only; A and F's missing app; E is a minor.
    expect(g.rows.map((x) => [x.address, x.fullName])).toEqual([
      ["Số 1, đường Bờ Sông", "Đỗ Thị Giang"],
      ["Số 2, đường Bờ Sông", "Trần Thị Bình"],
      ["Số 9, đường Bờ Sông", "Hoàng Văn Phúc"],
      ["Số 10, đường Bờ Sông", "Phạm Văn Dũng"],
    ]);
    expect(g.rows.find((x) => x.fullName === "Hoàng Văn Phúc")).toMatchObject({ missing: ["citizen_app"], lastVisitOn: daysAgo(100) });
    expect(g.rows.find((x) => x.fullName === "Trần Thị Bình")!.missing).toEqual(ALL.filter((k) => k !== "vneid_level2"));
    expect((await listGaps(t.deps, officer, { unit: village, skill: "vneid_level2" })).rows.map((x) => x.fullName).sort()).toEqual(
      ["Phạm Văn Dũng", "Đỗ Thị Giang"].sort(),
    );
    const audit = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'personalData.read' AND target_type = 'coverageGaps' AND actor_id = $1",
      [officer.actor.userId],
    );
    expect(audit.rows[0]!.n).toBeGreaterThanOrEqual(2);
    await expect(listGaps(t.deps, officer, { unit: village, skill: "no_such_skill" })).rejects.toMatchObject({
      code: "validation",
      fields: [{ field: "skill" }],
    });
  });

  it("exports the figures and the gap list as a workbook that opens and holds the rows", async () => {
    const file = await exportCoverage(t.deps, officer, { unit: village, staleDays: 90 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as never);
    const [cov, gaps] = wb.worksheets;
    expect(cov!.getCell("A1").value).toContain("Độ phủ");
    expect(cov!.rowCount).toBe(4); // title, header, the unassigned row, total
    expect(cov!.getRow(4).getCell(2).value).toBe(4);
    expect(gaps!.rowCount).toBe(5); // header and four people
    expect(gaps!.getRow(2).getCell(3).value).toBe("Đỗ Thị Giang");
    expect(file.filename).toBe(`do-phu-ky-nang-so-${village}-${NOW}.xlsx`);
  });

  it("answers 404 for another commune and shows a team leader only their team's households", async () => {
    const outsider = await acting(t.deps, await buildUser(t.deps, { roles: [["commune_admin", BAO_THANG]] }));
    await expect(computeCoverage(t.deps, outsider, { unit: village, staleDays: 90 })).rejects.toMatchObject({ code: "not_found" });
    await expect(listGaps(t.deps, outsider, { unit: village })).rejects.toMatchObject({ code: "not_found" });
    const leaderUser = await buildUser(t.deps, { kind: "volunteer", roles: [["team_leader", village]] });
    const team = await buildTeam(t.deps, { villageCode: village, leaderUserId: leaderUser.id, name: "Tổ Bờ Sông" });
    await assignHouseholds(t.deps, [hh.h3!.id, hh.h4!.id], team.id);
    const leader = await acting(t.deps, leaderUser);
    const r = await computeCoverage(t.deps, leader, { staleDays: 90 });
    expect(r.partial).toBe(true);
    expect(r.unit.code).toBe(village);
    expect(r.total).toMatchObject({ households: 2, proficientHouseholds: 0, adults: 2, staleVisited: 1, neverVisited: 0 });
    expect(r.rows).toEqual([expect.objectContaining({ kind: "team", key: team.id, name: "Tổ Bờ Sông", households: 2 })]);
    expect((await listGaps(t.deps, leader, {})).rows.map((x) => x.fullName).sort()).toEqual(["Hoàng Văn Phúc", "Đỗ Thị Giang"].sort());
    await expect(computeCoverage(t.deps, leader, { unit: GIA_PHU, staleDays: 90 })).rejects.toMatchObject({ code: "not_found" });
    // The officer's village page now has a row for the team and one for the households of no team.
    const v = await computeCoverage(t.deps, officer, { unit: village, staleDays: 90 });
    expect(v.rows.map((x) => [x.kind, x.households])).toEqual([
      ["team", 2],
      ["unassigned", 2],
    ]);
    await t.db.query("DELETE FROM household_assignments WHERE team_id = $1", [team.id]);
  });

  it("keeps a confirmation seen in person over a later self-declaration, with who and when", async () => {
    const leaderUser = await buildUser(t.deps, { kind: "volunteer", roles: [["team_leader", village]] });
    const team = await buildTeam(t.deps, { villageCode: village, leaderUserId: leaderUser.id });
    await assignHouseholds(t.deps, [hh.h2!.id], team.id);
    const leader = await acting(t.deps, leaderUser);
    const d = hh.h2!.residentIds[0]!;
    const first = await confirmResidentSkill(t.deps, leader, d, { skillKey: "cyber_safety", method: "seen" });
    expect(first).toMatchObject({ method: "seen", confirmedBy: leaderUser.id, changed: true, confirmedAt: t.deps.clock.now().toISOString() });
    const again = await confirmResidentSkill(t.deps, leader, d, { skillKey: "cyber_safety", method: "self_declared" });
    expect(again).toMatchObject({ method: "seen", changed: false });
    // A self-declared one is upgraded by a seen one.
    await confirmResidentSkill(t.deps, leader, d, { skillKey: "online_shopping", method: "self_declared" });
    expect(await confirmResidentSkill(t.deps, leader, d, { skillKey: "online_shopping", method: "seen" })).toMatchObject({ method: "seen", changed: true });
    // Outside the leader's households, and a skill not on the checklist.
    await expect(confirmResidentSkill(t.deps, leader, hh.h1!.residentIds[0]!, { skillKey: "cyber_safety", method: "seen" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(confirmResidentSkill(t.deps, leader, d, { skillKey: "flying", method: "seen" })).rejects.toMatchObject({
      code: "validation",
      fields: [{ field: "skillKey" }],
    });
    await t.db.query("DELETE FROM resident_skills WHERE resident_id = $1", [d]);
    await t.db.query("DELETE FROM household_assignments WHERE team_id = $1", [team.id]);
  });

  it("serves the pages and the API to an officer, and the print page without navigation", async () => {
    const user = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    const client = new TestClient(t.app);
    await client.signIn(user.username, PASSWORD);
    const page = await client.get(`/office/coverage?unit=${village}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Độ phủ kỹ năng số");
    expect(html).toContain("50% (2/4)"); // the proficient share with what it was computed from
    const bad = await client.get(`/office/coverage?unit=${village}&staleDays=0`);
    expect(bad.status).toBe(400);
    const print = await client.get(`/office/coverage/gaps/print?unit=${village}`);
    expect(print.status).toBe(200);
    const printed = await print.text();
    expect(printed).toContain("Hoàng Văn Phúc");
    expect(printed).not.toContain('class="nav"');
    const api = await client.get(`/api/v1/coverage?unit=${village}&staleDays=abc`);
    expect(api.status).toBe(400);
    const xlsx = await client.get(`/api/v1/coverage.xlsx?unit=${village}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect((await client.get("/office/skills")).status).toBe(200);
  });

  describe("a province's own checklist", () => {
    it("renames, reorders, adds and deactivates; who is proficient is recounted at once", async () => {
      const admin = await acting(t.deps, await buildUser(t.deps, { roles: [["province_admin", "15"]] }));
      const base = await skillsFor(t.deps, "15");
      expect(base.map((s) => s.key)).toEqual(ALL);
      expect(base[0]!.labelVi).toBe("Đã kích hoạt VNeID mức 2");
      await expect(saveChecklist(t.deps, officer, { province: "15", skills: base.map((s) => ({ ...s })) })).rejects.toBeInstanceOf(AppError); // a commune admin may not
      const skills = base.map((s) =>
        s.key === "citizen_app" ? { ...s, active: false } : s.key === "cyber_safety" ? { ...s, labelVi: "An toàn số", sort: 1 } : s,
      );
      const saved = await saveChecklist(t.deps, admin, {
        province: "15",
        skills: [...skills, { key: "digital_signature", labelVi: "Chữ ký số", labelEn: "Digital signature", sort: 99, active: false }],
      });
      expect(saved.custom).toBe(true);
      expect(saved.skills.map((s) => s.key)).toEqual([
        "cyber_safety",
        "vneid_level2",
        "cashless_payment",
        "online_public_service",
        "online_shopping",
        "citizen_app",
        "digital_signature",
      ]);
      // Without the app, F (H3) holds every active skill: three proficient households.
      const r = await computeCoverage(t.deps, officer, { unit: village, staleDays: 90 });
      expect(r.total.proficientHouseholds).toBe(3);
      expect(r.skills.map((s) => s.key)).not.toContain("citizen_app");
      expect((await recount(villagePath)).proficient).toBe(3);
      await expect(saveChecklist(t.deps, admin, { province: "15", skills: [skills[0]!, skills[0]!] })).rejects.toMatchObject({
        fields: [{ field: "skills.1.key" }],
      });
    });

    it("keeps the migration's built-in keys equal to skills.ts", async () => {
      const { rows } = await t.db.query<{ keys: string[] }>("SELECT coverage_default_skills() AS keys");
      expect(rows[0]!.keys).toEqual(ALL);
    });
  });
});
