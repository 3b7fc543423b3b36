// The refresh on known records: dossiers counted on the Vietnam day received and decided, reports per village,
// served hall tickets, notices and their deliveries, household and adult stocks as snapshots written only on change;
// an incremental run after changes leaves exactly what a full rebuild gives, and a second run changes nothing.
import { beforeAll, expect, it } from "vitest";
import { buildDossier, deskTeam } from "../../../../test/support/dossier-factories.ts";
import { buildUser, GIA_PHU } from "../../../../test/support/factories.ts";
import { buildHallService, buildNotice } from "../../../../test/support/notice-factories.ts";
import { buildHousehold, buildRegistryVillage } from "../../../../test/support/registry-factories.ts";
import { buildReport, buildReportCategory } from "../../../../test/support/report-factories.ts";
import { buildTicket } from "../../../../test/support/screen-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { refreshFacts } from "./facts-refresh.ts";

const at = (iso: string) => new Date(iso);

describeDb("indicator facts refresh", () => {
  const app = useTestApp();
  let x: TestApp;
  let village: string;
  let dossiers: string[];
  let svc: string;

  const facts = async (where = "true") => {
    const { rows } = await x.db.query<{ k: string; u: string; d: string; v: number }>(
      `SELECT element_key AS k, unit_code AS u, to_char(day, 'YYYY-MM-DD') AS d, value::float8 AS v FROM indicator_daily_facts WHERE ${where}
       ORDER BY 1, 2, 3`,
    );
    return rows.map((r) => `${r.k} ${r.u} ${r.d} ${r.v}`);
  };
  const setDossier = (
    id: string,
    s: { received: string | null; finished?: string | null; due?: string | null; channel?: string; rating?: number | null; updated: string },
  ) =>
    x.db.query(
      `UPDATE dossiers SET state = CASE WHEN $3::timestamptz IS NULL THEN 'processing' ELSE 'resultReady' END, received_at = $2, finished_at = $3,
         due_at = $4, channel = coalesce($5, channel), rating = $6, updated_at = $7 WHERE id = $1`,
      [id, s.received, s.finished ?? null, s.due ?? null, s.channel ?? null, s.rating ?? null, s.updated],
    );

  beforeAll(async () => {
    x = app();
    x.clock.set(at("2026-11-20T03:00:00Z"));
    const team = await deskTeam(x.deps);
    dossiers = [];
    for (let i = 0; i < 4; i++) dossiers.push((await buildDossier(x.deps, team.desk, { channel: i < 3 ? "online" : "counter" })).id);
    // Received 10 Nov (local; 23:30 UTC on the 9th is 06:30 on the 10th in Vietnam): 3 online, 1 at the counter.
    await setDossier(dossiers[0]!, { received: "2026-11-09T23:30:00Z", updated: "2026-11-20T01:00:00Z", channel: "online" });
    await setDossier(dossiers[1]!, {
      received: "2026-11-10T02:00:00Z",
      finished: "2026-11-12T03:00:00Z",
      due: "2026-11-13T10:00:00Z",
      rating: 5,
      updated: "2026-11-20T01:00:00Z",
    });
    await setDossier(dossiers[2]!, {
      received: "2026-11-10T03:00:00Z",
      finished: "2026-11-14T03:00:00Z",
      due: "2026-11-13T10:00:00Z",
      rating: 2,
      updated: "2026-11-20T01:00:00Z",
    });
    await setDossier(dossiers[3]!, { received: "2026-11-10T04:00:00Z", channel: "counter", updated: "2026-11-20T01:00:00Z" });

    village = await buildRegistryVillage(x.deps, GIA_PHU);
    const cat = await buildReportCategory(x.deps);
    const r1 = await buildReport(x.deps, {
      categoryId: cat.id,
      villageCode: village,
      createdAt: at("2026-11-11T02:00:00Z"),
      dueAt: at("2026-11-15T10:00:00Z"),
    });
    await buildReport(x.deps, { categoryId: cat.id, createdAt: at("2026-11-11T05:00:00Z") });
    await x.db.query("UPDATE reports SET answered_at = $2, confirmed_at = $3, satisfaction = 4, updated_at = $3 WHERE id = $1", [
      r1.id,
      "2026-11-14T02:00:00Z",
      "2026-11-16T02:00:00Z",
    ]);

    svc = (await buildHallService(x.deps)).id;
    await buildTicket(x.db, {
      serviceId: svc,
      day: "2026-11-18",
      number: 1,
      status: "done",
      takenAt: at("2026-11-18T01:00:00Z"),
      doneAt: at("2026-11-18T02:00:00Z"),
    });
    await buildTicket(x.db, { serviceId: svc, day: "2026-11-18", number: 2, status: "no_show", takenAt: at("2026-11-18T01:05:00Z") });

    const notice = await buildNotice(x.deps, { publishedAt: at("2026-11-19T02:00:00Z") });
    // Two SMS: both sent on the 19th, one delivered on the 20th (local: 23:00 UTC on the 19th).
    await x.db.query(
      `INSERT INTO notice_deliveries (notice_id, channel, address, status, sent_at, delivered_at, updated_at)
       VALUES ($1, 'sms', '+84912000001', 'delivered', $2, $3, $3), ($1, 'sms', '+84912000002', 'sent', $2, NULL, $2)`,
      [notice.id, "2026-11-19T02:05:00Z", "2026-11-19T23:00:00Z"],
    );

    // Two households: adults born 1980 and 1990, a child born 2015 (not an adult in 2026).
    const h1 = await buildHousehold(x.deps, { villageCode: village, members: [{ birthYear: 1980 }, { birthYear: 2015 }] });
    const volunteer = await buildUser(x.deps, { kind: "volunteer", roles: [["volunteer", GIA_PHU]] });
    await x.db.query(
      `INSERT INTO visits (id, household_id, commune_code, unit_path, volunteer_user_id, visited_on, outcome, recorded_at, synced_at)
       SELECT gen_random_uuid(), $1, $2, path, $3, '2026-11-19', 'helped', $4, $4 FROM admin_unit_refs WHERE code = $5`,
      [h1.id, GIA_PHU, volunteer.id, "2026-11-19T03:00:00Z", village],
    );
    await buildHousehold(x.deps, { villageCode: village, members: [{ birthYear: 1990 }] });
  });

  it("counts each element on its Vietnam day, per commune or village", async () => {
    const report = await refreshFacts(x.deps, {});
    expect(report.skipped).toBeUndefined();
    expect(await facts("element_key LIKE 'dossier_%'")).toEqual([
      `dossier_decided ${GIA_PHU} 2026-11-12 1`,
      `dossier_decided ${GIA_PHU} 2026-11-14 1`,
      `dossier_decided_late ${GIA_PHU} 2026-11-14 1`,
      `dossier_decided_on_time ${GIA_PHU} 2026-11-12 1`,
      `dossier_digitised ${GIA_PHU} 2026-11-10 4`,
      `dossier_fee_due ${GIA_PHU} 2026-11-10 4`,
      `dossier_rated ${GIA_PHU} 2026-11-12 1`,
      `dossier_rated ${GIA_PHU} 2026-11-14 1`,
      `dossier_rated_satisfied ${GIA_PHU} 2026-11-12 1`,
      `dossier_received ${GIA_PHU} 2026-11-10 4`,
      `dossier_received_online ${GIA_PHU} 2026-11-10 3`,
      `dossier_received_online_offered ${GIA_PHU} 2026-11-10 4`,
    ]);
    expect(await facts("element_key LIKE 'report_%'")).toEqual([
      `report_answered ${village} 2026-11-14 1`,
      `report_answered_on_time ${village} 2026-11-14 1`,
      `report_confirmed ${village} 2026-11-16 1`,
      `report_rated ${village} 2026-11-16 1`,
      `report_rated_satisfied ${village} 2026-11-16 1`,
      `report_received ${GIA_PHU} 2026-11-11 1`,
      `report_received ${village} 2026-11-11 1`,
    ]);
    expect(await facts("element_key LIKE 'hall_%' OR element_key LIKE 'notice_%' OR element_key = 'visit_count'")).toEqual([
      `hall_ticket_served ${GIA_PHU} 2026-11-18 1`,
      `notice_delivery_delivered ${GIA_PHU} 2026-11-20 1`,
      `notice_delivery_sent ${GIA_PHU} 2026-11-19 2`,
      `notice_published ${GIA_PHU} 2026-11-19 1`,
      `visit_count ${village} 2026-11-19 1`,
    ]);
    expect(await facts("element_key IN ('household_count', 'adult_count', 'household_proficient', 'household_visited_year')")).toEqual([
      `adult_count ${village} 2026-11-20 2`,
      `household_count ${village} 2026-11-20 2`,
      `household_visited_year ${village} 2026-11-20 1`,
    ]);
    expect((await facts("element_key = 'procedure_published'")).length).toBeGreaterThan(0);
  });

  it("a second run changes nothing and writes no new stock snapshot", async () => {
    const before = await facts();
    x.clock.set(at("2026-11-21T03:00:00Z"));
    await refreshFacts(x.deps, {});
    expect(await facts()).toEqual(before);
  });

  it("after changes, the incremental run leaves what a full rebuild gives; stocks snapshot only what changed", async () => {
    x.clock.set(at("2026-11-22T03:00:00Z"));
    // Changes are stamped after the first run's watermark (the rows' updated_at is the database's time, as in the app).
    // Dossier 0 is decided on the 22nd, on time; dossier 3 is withdrawn (no decision); a household moves in.
    await setDossier(dossiers[0]!, { received: "2026-11-09T23:30:00Z", finished: "2026-11-22T02:00:00Z", updated: new Date().toISOString() });
    await x.db.query("UPDATE dossiers SET state = 'cancelled', finished_at = $2, updated_at = now() WHERE id = $1", [dossiers[3], "2026-11-22T02:30:00Z"]);
    await buildHousehold(x.deps, { villageCode: village, members: [{ birthYear: 1970 }] });
    // The commune-level report is answered late on the 22nd; a ticket of the 22nd is served.
    await x.db.query("UPDATE reports SET answered_at = $1, due_at = $2, updated_at = now() WHERE village_code IS NULL AND commune_code = $3", [
      "2026-11-22T01:00:00Z",
      "2026-11-20T10:00:00Z",
      GIA_PHU,
    ]);
    await buildTicket(x.db, {
      serviceId: svc,
      day: "2026-11-22",
      number: 1,
      status: "done",
      takenAt: at("2026-11-22T01:00:00Z"),
      doneAt: at("2026-11-22T01:30:00Z"),
    });

    await refreshFacts(x.deps, {});
    const incremental = await facts();
    expect(incremental).toContain(`dossier_decided ${GIA_PHU} 2026-11-22 1`);
    expect(incremental).toContain(`dossier_received ${GIA_PHU} 2026-11-10 4`);
    expect(incremental).toContain(`report_answered ${GIA_PHU} 2026-11-22 1`);
    expect(incremental.filter((f) => f.startsWith(`report_answered_on_time ${GIA_PHU} `))).toEqual([]);
    expect(incremental).toContain(`hall_ticket_served ${GIA_PHU} 2026-11-22 1`);
    expect(incremental).toContain(`household_count ${village} 2026-11-22 3`);
    expect(incremental).toContain(`adult_count ${village} 2026-11-22 3`);
    // Procedures did not change: still one snapshot per element and commune.
    const { rows } = await x.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM indicator_daily_facts WHERE element_key = 'procedure_published' AND commune_code = $1",
      [GIA_PHU],
    );
    expect(rows[0]!.n).toBe(1);

    await refreshFacts(x.deps, { full: true });
    expect(await facts()).toEqual(incremental);
    await refreshFacts(x.deps, { full: true, provinceCode: "15" });
    expect(await facts()).toEqual(incremental);
  });

  it("never runs twice at once: a refresh while another holds the lock is skipped", async () => {
    await x.db.tx(async (q) => {
      await q.query("SELECT pg_advisory_xact_lock(hashtext('indicators.refresh-facts'))");
      const r = await refreshFacts(x.deps, {});
      expect(r.skipped).toBe(true);
    });
  });
});
