// Campaigns, trainings and recognition over hand-countable data: five adults in two villages, a few skills confirmed
// on known days, three volunteers' visits. The fake clock stands at 2026-11-23 10:00 in Vietnam.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type Acting, acting } from "../../../../test/support/dossier-factories.ts";
import { BAO_THANG, buildUser, GIA_PHU, THAI_NGUYEN } from "../../../../test/support/factories.ts";
import { aPdf } from "../../../../test/support/procedure-factories.ts";
import { assignHouseholds, buildHousehold, buildRegistryVillage, buildTeam } from "../../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { translator } from "../../../platform/i18n/i18n.ts";
import { createCampaign } from "../use-cases/campaign-create.ts";
import { getCampaign } from "../use-cases/campaign-get.ts";
import { listCampaigns } from "../use-cases/campaign-list.ts";
import { recognise } from "../use-cases/recognition.ts";
import { recordAttendees } from "../use-cases/training-attendees.ts";
import { createTraining } from "../use-cases/training-create.ts";
import { getTraining } from "../use-cases/training-get.ts";
import { listTrainings } from "../use-cases/training-list.ts";
import { addTrainingMaterial, getTrainingMaterial } from "../use-cases/training-materials.ts";

const t = translator("en");

/** The error a promise is refused with: its status and the fields it names. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { status: err.status, fields: err.fields.map((f) => f.field) };
    throw err;
  }
  throw new Error("not refused");
}

describeDb("campaigns, trainings and recognition", () => {
  const app = useTestApp();
  let x: TestApp;
  let admin: Acting;
  let villageA: string;
  let villageB: string;
  // A1, A2 and a child in household 1; A3 in household 2 (village A); B1, B2 in household 3 (village B).
  const r = {} as Record<"a1" | "a2" | "child" | "a3" | "b1" | "b2", string>;
  const hh = {} as Record<"h1" | "h2" | "h3", string>;
  let team1: string;
  let team2: string;
  let leader: Acting;
  const volunteers: Acting[] = [];

  const skill = (residentId: string, key: string, at: string, method = "seen") =>
    x.db.query(
      "INSERT INTO resident_skills (resident_id, skill_key, unit_path, method, confirmed_at) SELECT id, $2, unit_path, $3, $4 FROM residents WHERE id = $1",
      [residentId, key, method, at],
    );
  const who = async (roles: Parameters<typeof buildUser>[1]) => acting(x.deps, await buildUser(x.deps, roles));

  beforeAll(async () => {
    x = app();
    admin = await who({ roles: [["commune_admin", GIA_PHU]] });
    villageA = await buildRegistryVillage(x.deps);
    villageB = await buildRegistryVillage(x.deps);
    const h1 = await buildHousehold(x.deps, {
      villageCode: villageA,
      members: [
        { fullName: "Lò Thị Mai", birthYear: 1980 },
        { fullName: "Lò Văn Sinh", birthYear: 1985 },
        { fullName: "Lò Thị Nhỏ", birthYear: 2015 },
      ],
    });
    const h2 = await buildHousehold(x.deps, { villageCode: villageA, members: [{ fullName: "Hoàng Văn Đức", birthYear: 1970 }] });
    const h3 = await buildHousehold(x.deps, { villageCode: villageB, members: [{ fullName: "Vàng A Páo", birthYear: 1990 }, { birthYear: 1960 }] });
    [r.a1, r.a2, r.child] = h1.residentIds as [string, string, string];
    r.a3 = h2.residentIds[0]!;
    [r.b1, r.b2] = h3.residentIds as [string, string];
    Object.assign(hh, { h1: h1.id, h2: h2.id, h3: h3.id });

    leader = await who({ kind: "volunteer", roles: [["team_leader", villageA]] });
    for (let i = 0; i < 3; i++) volunteers.push(await who({ kind: "volunteer", roles: [["volunteer", i < 2 ? villageA : villageB]] }));
    team1 = (
      await buildTeam(x.deps, {
        villageCode: villageA,
        name: "Tổ Một",
        leaderUserId: leader.actor.userId,
        memberUserIds: [volunteers[0]!.actor.userId, volunteers[1]!.actor.userId],
      })
    ).id;
    team2 = (await buildTeam(x.deps, { villageCode: villageB, name: "Tổ Hai", memberUserIds: [volunteers[2]!.actor.userId] })).id;
    await assignHouseholds(x.deps, [hh.h1], team1);
    await assignHouseholds(x.deps, [hh.h3], team2);

    // Vietnam days: A1 on 19/11 (before the start), A2 on 22/11 (01:00 local, still 21/11 in UTC), B1 on 23/11;
    // the child (not an adult) on 21/11; B2 holds another skill only.
    await skill(r.a1, "vneid_level2", "2026-11-19T03:00:00Z");
    await skill(r.a2, "vneid_level2", "2026-11-21T18:00:00Z");
    await skill(r.b1, "vneid_level2", "2026-11-23T02:00:00Z");
    await skill(r.child, "vneid_level2", "2026-11-21T03:00:00Z");
    await skill(r.b2, "cashless_payment", "2026-11-20T03:00:00Z");
  });

  describe("campaigns", () => {
    let adults: string;
    let households: string;
    const input = { name: "69 ngày VNeID", unitCode: GIA_PHU, skillKey: "vneid_level2", targetPercent: 80, startsOn: "2026-11-20", endsOn: "2026-11-29" };

    beforeAll(async () => {
      adults = (await createCampaign(x.deps, admin, { ...input, measure: "adults" })).id;
      households = (await createCampaign(x.deps, admin, { ...input, measure: "households" })).id;
    });

    it("counts the share of adults day by day from the start to today, against a straight line to the target", async () => {
      const { progress } = await getCampaign(x.deps, admin, adults, { by: "village", t });
      expect(progress.asOf).toBe("2026-11-23");
      // 5 adults (the child is not one); confirmed by the end of each day: 1, 1, 2, 3.
      expect(progress.total.series.map((p) => [p.day, p.counted, p.total, p.percent, p.expectedPercent])).toEqual([
        ["2026-11-20", 1, 5, 20, 8],
        ["2026-11-21", 1, 5, 20, 16],
        ["2026-11-22", 2, 5, 40, 24],
        ["2026-11-23", 3, 5, 60, 32],
      ]);
      expect(progress.total).toMatchObject({ counted: 3, total: 5, percent: 60, expectedPercent: 32, onTrack: true });
      const byKey = new Map(progress.rows.map((row) => [row.key, row]));
      expect(byKey.get(villageA)).toMatchObject({ counted: 2, total: 3, percent: 66.7, onTrack: true });
      expect(byKey.get(villageB)).toMatchObject({ counted: 1, total: 2, percent: 50 });
    });

    it("splits the same counts per team, households with no team apart and behind", async () => {
      const { progress } = await getCampaign(x.deps, admin, adults, { by: "team", t });
      expect(progress.rows.map((row) => [row.label, row.counted, row.total, row.onTrack])).toEqual([
        ["Tổ Hai", 1, 2, true],
        ["Tổ Một", 2, 2, true],
        ["Not assigned to a team", 0, 1, false],
      ]);
    });

    it("counts a household once, from the day its first member got the skill", async () => {
      const { progress } = await getCampaign(x.deps, admin, households, { by: "village", t });
      expect(progress.total.series.map((p) => [p.counted, p.total])).toEqual([
        [1, 3],
        [1, 3],
        [1, 3],
        [2, 3],
      ]);
      expect(progress.total.percent).toBe(66.7);
    });

    it("counts over the reader's part only, hides it from another commune, and refuses a volunteer", async () => {
      const { progress } = await getCampaign(x.deps, leader, adults, { by: "village", t });
      expect(progress.total).toMatchObject({ counted: 2, total: 3 });
      expect((await listCampaigns(x.deps, leader)).map((c) => c.id)).toContain(adults);
      const stranger = await who({ roles: [["commune_admin", BAO_THANG]] });
      expect(await refusal(getCampaign(x.deps, stranger, adults, { by: "village", t }))).toMatchObject({ status: 404 });
      expect((await listCampaigns(x.deps, stranger)).map((c) => c.id)).not.toContain(adults);
      expect(await refusal(getCampaign(x.deps, volunteers[0]!, adults, { by: "village", t }))).toMatchObject({ status: 403 });
      expect(await refusal(getCampaign(x.deps, admin, "not-a-uuid", { by: "village", t }))).toMatchObject({ status: 404 });
    });

    it("refuses bad input naming the field, and a unit outside the creator's grants with 404", async () => {
      expect(await refusal(createCampaign(x.deps, admin, { ...input, endsOn: "2026-11-19" }))).toEqual({ status: 400, fields: ["endsOn"] });
      expect(await refusal(createCampaign(x.deps, admin, { ...input, startsOn: "2026-02-30" }))).toEqual({ status: 400, fields: ["startsOn"] });
      for (const targetPercent of [0, 100.5, "many", 33.333]) {
        expect(await refusal(createCampaign(x.deps, admin, { ...input, targetPercent }))).toEqual({ status: 400, fields: ["targetPercent"] });
      }
      expect((await createCampaign(x.deps, admin, { ...input, targetPercent: 33.33 })).id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await refusal(createCampaign(x.deps, admin, { ...input, skillKey: "Bad key" }))).toEqual({ status: 400, fields: ["skillKey"] });
      expect(await refusal(createCampaign(x.deps, admin, { ...input, unitCode: "99999" }))).toEqual({ status: 404, fields: ["unitCode"] });
      expect(await refusal(createCampaign(x.deps, admin, { ...input, unitCode: BAO_THANG }))).toMatchObject({ status: 404 });
      expect(await refusal(createCampaign(x.deps, leader, { ...input, unitCode: villageA }))).toMatchObject({ status: 403 });
    });

    it("checks the skill against the built-in checklist while the province has none", async () => {
      for (const skillKey of ["vneid2", "shopping"]) {
        expect(await refusal(createCampaign(x.deps, admin, { ...input, skillKey }))).toEqual({ status: 400, fields: ["skillKey"] });
      }
      expect((await createCampaign(x.deps, admin, { ...input, skillKey: "cyber_safety" })).id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("checks the skill against the province's checklist when it has one", async () => {
      await x.db.query("INSERT INTO skill_definitions (province_code, key, label_vi, label_en) VALUES ($1, 'vneid_level2', 'VNeID mức 2', 'VNeID level 2')", [
        THAI_NGUYEN,
      ]);
      const root = await who({ roles: [["province_admin", THAI_NGUYEN]] });
      const tn = { ...input, unitCode: THAI_NGUYEN };
      // cashless_payment is built in, but this province's own list leaves it out.
      for (const skillKey of ["shopping", "cashless_payment"]) {
        expect(await refusal(createCampaign(x.deps, root, { ...tn, skillKey }))).toEqual({ status: 400, fields: ["skillKey"] });
      }
      expect((await createCampaign(x.deps, root, tn)).id).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe("trainings", () => {
    let training: string;

    beforeAll(async () => {
      training = (
        await createTraining(x.deps, admin, {
          unitCode: villageA,
          heldOn: "2026-11-22",
          place: "Nhà văn hoá thôn",
          topic: "VNeID và thanh toán không tiền mặt",
          trainer: "Cán bộ xã",
          skillKeys: ["vneid_level2", "cashless_payment"],
        })
      ).id;
    });

    const needs = async (as: Acting = admin) => (await getTraining(x.deps, as, training)).needsTraining.map((n): [string, string[]] => [n.fullName, n.missing]);

    it("lists who still needs training: adults of the unit lacking a skill and not trained on it", async () => {
      expect(new Map(await needs())).toEqual(
        new Map([
          ["Lò Thị Mai", ["cashless_payment"]],
          ["Lò Văn Sinh", ["cashless_payment"]],
          ["Hoàng Văn Đức", ["vneid_level2", "cashless_payment"]],
        ]),
      );
    });

    it("records attendees; seen confirms the skills, seen is never downgraded, attendance alone takes people off the list", async () => {
      // A2 declared cashless earlier; A1's vneid_level2 was seen on 19/11.
      await skill(r.a2, "cashless_payment", "2026-11-10T03:00:00Z", "self_declared");
      expect(await recordAttendees(x.deps, admin, training, { residentIds: [r.a3, r.a2, r.a1], confirmSkills: "seen" })).toEqual({
        added: 3,
        // A3: two new; A2: cashless upgraded (vneid_level2 seen already); A1: cashless new.
        skillsConfirmed: 4,
      });
      const rows = (
        await x.db.query<{ resident_id: string; skill_key: string; method: string; confirmed_at: Date; training_id: string | null }>(
          "SELECT resident_id, skill_key, method, confirmed_at, training_id FROM resident_skills WHERE resident_id = ANY($1)",
          [[r.a1, r.a2, r.a3]],
        )
      ).rows;
      const of = (id: string, key: string) => rows.find((s) => s.resident_id === id && s.skill_key === key);
      expect(of(r.a1, "vneid_level2")).toMatchObject({ method: "seen", confirmed_at: new Date("2026-11-19T03:00:00Z"), training_id: null });
      expect(of(r.a2, "cashless_payment")).toMatchObject({ method: "seen", training_id: training });
      expect(of(r.a3, "cashless_payment")).toMatchObject({ method: "seen", training_id: training });
      expect(await needs()).toEqual([]);
      // Recorded twice: nothing added, nothing changed.
      expect(await recordAttendees(x.deps, admin, training, { residentIds: [r.a3], confirmSkills: "seen" })).toEqual({ added: 0, skillsConfirmed: 0 });
    });

    it("refuses an attendee the recorder may not see with 404 naming the row, and a malformed id with 400", async () => {
      const far = await buildHousehold(x.deps, { villageCode: await buildRegistryVillage(x.deps, BAO_THANG) });
      expect(await refusal(recordAttendees(x.deps, admin, training, { residentIds: [r.b1, far.residentIds[0]] }))).toEqual({
        status: 404,
        fields: ["residentIds.1"],
      });
      expect(await refusal(recordAttendees(x.deps, admin, training, { residentIds: ["x"] }))).toEqual({ status: 400, fields: ["residentIds.0"] });
      expect(await refusal(recordAttendees(x.deps, admin, training, { residentIds: [], confirmSkills: "maybe" }))).toMatchObject({ status: 400 });
      // The team leader sees their team's household 1 only: A3 (household 2) is not theirs to record.
      expect(await refusal(recordAttendees(x.deps, leader, training, { residentIds: [r.a3] }))).toEqual({ status: 404, fields: ["residentIds.0"] });
    });

    it("shows each reader only the attendees of households they may see, and audits the read", async () => {
      const before = Number((await x.db.query("SELECT coalesce(max(seq), 0) AS n FROM audit_log")).rows[0]!.n);
      const seen = await getTraining(x.deps, leader, training, { search: "lo thi" });
      expect(seen.attendees.map((a) => a.fullName).sort()).toEqual(["Lò Thị Mai", "Lò Văn Sinh"]);
      expect(seen.attendeesHidden).toBe(1);
      // The search folds diacritics and stays within the leader's households (the child is found, Đức is not theirs).
      expect(seen.found?.map((p) => p.fullName).sort()).toEqual(["Lò Thị Mai", "Lò Thị Nhỏ"]);
      const reads = await x.db.query("SELECT actor_id, target_type, target_id, details FROM audit_log WHERE seq > $1 AND action = 'personalData.read'", [
        before,
      ]);
      expect(reads.rows).toEqual([
        { actor_id: leader.actor.userId, target_type: "training", target_id: training, details: expect.objectContaining({ q: "lo thi" }) },
      ]);
      const stranger = await who({ roles: [["commune_admin", BAO_THANG]] });
      expect(await refusal(getTraining(x.deps, stranger, training))).toMatchObject({ status: 404 });
      expect((await listTrainings(x.deps, stranger)).map((tr) => tr.id)).not.toContain(training);
      expect((await listTrainings(x.deps, leader)).find((tr) => tr.id === training)).toMatchObject({
        attendeeCount: 3,
        skillKeys: ["vneid_level2", "cashless_payment"],
      });
    });

    it("stores materials within the upload rules and gives them back", async () => {
      const stored = await addTrainingMaterial(x.deps, admin, training, { name: "C:\\slides\\bai giang.pdf", bytes: aPdf("bài giảng"), clientIp: null });
      expect(stored).toMatchObject({ name: "bai giang.pdf", mediaType: "application/pdf" });
      expect((await getTraining(x.deps, leader, training)).materials.map((m) => m.name)).toEqual(["bai giang.pdf"]);
      const file = await getTrainingMaterial(x.deps, leader, training, stored.fileId);
      expect(Buffer.compare(file.content, Buffer.from(aPdf("bài giảng")))).toBe(0);
      const text = new TextEncoder().encode("not a pdf at all");
      expect(await refusal(addTrainingMaterial(x.deps, admin, training, { name: "x.pdf", bytes: text, clientIp: null }))).toEqual({
        status: 400,
        fields: ["file"],
      });
      expect(await refusal(addTrainingMaterial(x.deps, admin, training, { name: "x.pdf", bytes: null, clientIp: null }))).toEqual({
        status: 400,
        fields: ["file"],
      });
      expect(await refusal(getTrainingMaterial(x.deps, leader, training, randomUUID()))).toMatchObject({ status: 404 });
      expect(await refusal(getTrainingMaterial(x.deps, leader, training, "nope"))).toMatchObject({ status: 404 });
    });

    it("refuses a bad training naming the field", async () => {
      const base = { unitCode: villageA, heldOn: "2026-11-22", place: "Nhà văn hoá", topic: "VNeID", trainer: "Cán bộ xã", skillKeys: ["vneid_level2"] };
      expect(await refusal(createTraining(x.deps, admin, { ...base, heldOn: "22/11/2026" }))).toEqual({ status: 400, fields: ["heldOn"] });
      expect(await refusal(createTraining(x.deps, admin, { ...base, place: " " }))).toEqual({ status: 400, fields: ["place"] });
      expect(await refusal(createTraining(x.deps, admin, { ...base, skillKeys: ["vneid_level2", "No"] }))).toEqual({ status: 400, fields: ["skillKeys.1"] });
      expect(await refusal(createTraining(x.deps, admin, { ...base, unitCode: "15" }))).toMatchObject({ status: 404 });
      expect(await refusal(createTraining(x.deps, volunteers[0]!, base))).toMatchObject({ status: 403 });
    });
  });

  describe("recognition", () => {
    const visit = (v: Acting, team: string, household: string, on: string, outcome: string, skills: (string | null)[] = []) =>
      x.db.query(
        `INSERT INTO visits (id, household_id, commune_code, unit_path, team_id, volunteer_user_id, visited_on, outcome, skills_helped, recorded_at)
         SELECT $1, h.id, h.commune_code, h.unit_path, $3, $4, $5, $6, $7, now() FROM households h WHERE h.id = $2`,
        [
          randomUUID(),
          household,
          team,
          v.actor.userId,
          on,
          outcome,
          JSON.stringify(skills.map((confirmed) => ({ residentId: r.a1, skillKey: "vneid_level2", confirmed }))),
        ],
      );

    beforeAll(async () => {
      const [v1, v2, v3] = volunteers as [Acting, Acting, Acting];
      // v1: 3 visits, 1 household helped, 2 skills. v2: 2 visits, 2 households, 1 skill. v3: 3 visits, 1 household, 2 skills.
      await visit(v1, team1, hh.h1, "2026-11-05", "helped", ["seen", "self_declared"]);
      await visit(v1, team1, hh.h1, "2026-11-06", "helped", [null]);
      await visit(v1, team1, hh.h2, "2026-11-07", "not_home");
      await visit(v2, team1, hh.h1, "2026-11-08", "helped", ["seen", null]);
      await visit(v2, team1, hh.h2, "2026-11-09", "helped");
      await visit(v3, team2, hh.h3, "2026-11-10", "helped", ["seen", "seen"]);
      await visit(v3, team2, hh.h3, "2026-11-11", "follow_up");
      await visit(v3, team2, hh.h3, "2026-11-12", "not_home");
      // Outside the period.
      await visit(v3, team2, hh.h3, "2026-10-31", "helped", ["seen"]);
    });

    it("ranks members and teams by households helped, then skills confirmed, then visits; ties share a rank", async () => {
      const rec = await recognise(x.deps, admin, { from: "2026-11-01", to: "2026-11-23" });
      const [v1, v2, v3] = volunteers.map((v) => v.actor.userId);
      const figures = new Map(rec.members.map((m) => [m.userId, [m.rank, m.householdsHelped, m.skillsConfirmed, m.visits]]));
      expect(figures).toEqual(
        new Map([
          [v2, [1, 2, 1, 2]],
          [v1, [2, 1, 2, 3]],
          [v3, [2, 1, 2, 3]],
        ]),
      );
      expect(rec.members[0]!.userId).toBe(v2);
      expect(rec.members.find((m) => m.userId === v3)).toMatchObject({ teamName: "Tổ Hai" });
      expect(rec.teams.map((tm) => [tm.rank, tm.name, tm.members, tm.visits, tm.householdsHelped, tm.skillsConfirmed])).toEqual([
        [1, "Tổ Một", 2, 5, 2, 3],
        [2, "Tổ Hai", 1, 3, 1, 2],
      ]);
      // The default period (this month to today) covers the same visits.
      expect((await recognise(x.deps, admin, {})).from).toBe("2026-11-01");
    });

    it("narrows to a unit, shows another commune nothing, and audits each read", async () => {
      const rec = await recognise(x.deps, admin, { from: "2026-11-01", to: "2026-11-23", unit: villageB });
      expect(rec.members.map((m) => m.userId)).toEqual([volunteers[2]!.actor.userId]);
      expect(rec.teams.map((tm) => tm.name)).toEqual(["Tổ Hai"]);
      const stranger = await who({ roles: [["commune_admin", BAO_THANG]] });
      expect((await recognise(x.deps, stranger, { from: "2026-11-01", to: "2026-11-23" })).members).toEqual([]);
      expect(await refusal(recognise(x.deps, stranger, { unit: villageB }))).toMatchObject({ status: 404 });
      const last = await x.db.query("SELECT actor_id, target_type FROM audit_log WHERE action = 'personalData.read' ORDER BY seq DESC LIMIT 1");
      expect(last.rows[0]).toEqual({ actor_id: stranger.actor.userId, target_type: "recognition" });
    });
  });
});
