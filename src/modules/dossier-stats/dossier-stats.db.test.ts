import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../test/support/client.ts";
import { BAO_THANG, buildUser, GIA_PHU, LAO_CAI, PASSWORD } from "../../../test/support/factories.ts";
import { buildTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import type { Principal, Grant } from "../../platform/auth/authorise.ts";
import type { Role } from "../../platform/auth/roles.ts";
import { createApiToken } from "../identity/index.ts";
import { computeFigures, computePublicFigures, DEFINITIONS, type Figures, exportFigures, METRICS, periodOf } from "./index.ts";

// Each dossier is built from a spec that also says, in words, what it must count as.
// "seen": the original only shown at the counter, no file (dossier_originals_seen).
type Source = "upload" | "vault" | "scan" | "seen";
type Spec = {
  name: string;
  commune?: string;
  proc?: "P1" | "P2" | "P3";
  state: string;
  channel: "counter" | "online" | "post";
  receivedAt: string | null;
  dueAt?: string;
  finishedAt?: string;
  apologyDueAt?: string;
  docs?: [string, Source][];
  /** When the clock of a dossier still stopped (paused, waiting for a supplement) stopped. */
  clockStoppedAt?: string;
  /** Clock stops recorded as events: [start, end, the stopped state]. */
  stops?: [string, string, "paused" | "supplementRequested"][];
  /** Working days from receipt to decision without the stops, counted by hand (8 office hours a day). */
  workingDays?: number;
  result?: boolean;
  fee?: number;
  payment?: { method: "vietqr" | "gateway" | "cash" | "exempt"; status: "paid" | "exempt" | "refunded" };
  rating?: number;
  is: {
    received: boolean;
    decided?: "early" | "onTime" | "late";
    withdrawn?: boolean;
    open?: "overdue" | "running" | "stopped";
    digitised?: boolean;
    vault?: boolean;
    feePaid?: boolean;
    cashless?: boolean;
  };
};

// P1 requires document "a" (and takes "b" optionally); P2 requires no document; both offer an online service. P3 is
// handled in person only (online level none). Office hours 07:30–11:30, 13:30–17:30 Vietnam time (UTC+7).
const SPECS: Spec[] = [
  {
    name: "online, on time, all uploaded, paid by VietQR, rated 5",
    state: "returned",
    channel: "online",
    receivedAt: "2026-03-02T02:00:00Z",
    dueAt: "2026-03-05T10:00:00Z",
    finishedAt: "2026-03-04T08:00:00Z",
    docs: [
      ["a", "upload"],
      ["b", "upload"],
    ],
    result: true,
    fee: 8000,
    payment: { method: "vietqr", status: "paid" },
    rating: 5,
    // Mon 2/3 09:00 → Wed 4/3 15:00: 6.5 + 8 + 5.5 hours; due Thu 5/3 17:00, decided the day before: early.
    workingDays: 2.5,
    is: { received: true, decided: "early", digitised: true, feePaid: true, cashless: true },
  },
  {
    name: "counter, late, scanned, paid cash, rated 3",
    state: "returned",
    channel: "counter",
    receivedAt: "2026-03-10T02:00:00Z",
    dueAt: "2026-03-13T10:00:00Z",
    finishedAt: "2026-03-17T03:00:00Z",
    docs: [["a", "scan"]],
    result: true,
    fee: 8000,
    payment: { method: "cash", status: "paid" },
    rating: 3,
    // Tue 10/3 09:00 → Tue 17/3 10:00: 6.5 + 4 × 8 + 2.5 hours.
    workingDays: 5.125,
    is: { received: true, decided: "late", digitised: true, feePaid: true },
  },
  {
    name: "online, late with an apology (decided before the apology's date: still late), vault reuse, exempt",
    state: "resultReady",
    channel: "online",
    receivedAt: "2026-04-01T02:00:00Z",
    dueAt: "2026-04-06T10:00:00Z",
    apologyDueAt: "2026-04-10T10:00:00Z",
    finishedAt: "2026-04-08T03:00:00Z",
    docs: [["a", "vault"]],
    fee: 8000,
    payment: { method: "exempt", status: "exempt" },
    workingDays: 5.125,
    is: { received: true, decided: "late", digitised: true, vault: true },
  },
  {
    name: "counter, paused so due moved from 7/5 to 12/5, decided 11/5: on time; paper only; paid by gateway, rated 4",
    state: "returned",
    channel: "counter",
    receivedAt: "2026-05-04T02:00:00Z",
    dueAt: "2026-05-12T10:00:00Z",
    finishedAt: "2026-05-11T03:00:00Z",
    // Paused Wed 6/5 09:00 → Fri 8/5 09:00 (16 office hours) of the 41 from Mon 4/5 09:00 to Mon 11/5 10:00.
    stops: [["2026-05-06T02:00:00Z", "2026-05-08T02:00:00Z", "paused"]],
    workingDays: 3.125,
    result: true,
    fee: 8000,
    payment: { method: "gateway", status: "paid" },
    rating: 4,
    is: { received: true, decided: "early", feePaid: true, cashless: true },
  },
  {
    name: "counter, refused after receipt, early: a decision with a refusal result",
    state: "refused",
    channel: "counter",
    receivedAt: "2026-06-01T02:00:00Z",
    dueAt: "2026-06-05T10:00:00Z",
    finishedAt: "2026-06-03T03:00:00Z",
    docs: [["a", "scan"]],
    workingDays: 2.125,
    is: { received: true, decided: "early", digitised: true },
  },
  {
    name: "online, withdrawn after receipt",
    state: "cancelled",
    channel: "online",
    receivedAt: "2026-06-10T02:00:00Z",
    dueAt: "2026-06-15T10:00:00Z",
    finishedAt: "2026-06-12T03:00:00Z",
    docs: [["a", "upload"]],
    is: { received: true, withdrawn: true, digitised: true },
  },
  {
    name: "online, in review, past due",
    state: "inReview",
    channel: "online",
    receivedAt: "2026-10-01T02:00:00Z",
    dueAt: "2026-10-06T10:00:00Z",
    docs: [["a", "upload"]],
    is: { received: true, open: "overdue", digitised: true },
  },
  {
    name: "online, paused before its due time: its old due time has passed but the clock is stopped",
    state: "paused",
    channel: "online",
    receivedAt: "2026-11-02T02:00:00Z",
    dueAt: "2026-11-05T10:00:00Z",
    clockStoppedAt: "2026-11-04T02:00:00Z",
    is: { received: true, open: "stopped" },
  },
  {
    name: "counter, P2, paused after its due time: late stays late",
    proc: "P2",
    state: "paused",
    channel: "counter",
    receivedAt: "2026-11-09T02:00:00Z",
    dueAt: "2026-11-12T10:00:00Z",
    clockStoppedAt: "2026-11-13T02:00:00Z",
    is: { received: true, open: "overdue", digitised: true },
  },
  {
    name: "post, received, not yet due, P2, VietQR payment refunded",
    proc: "P2",
    state: "received",
    channel: "post",
    receivedAt: "2026-11-20T02:00:00Z",
    dueAt: "2026-11-27T10:00:00Z",
    fee: 8000,
    payment: { method: "vietqr", status: "refunded" },
    is: { received: true, open: "running", digitised: true },
  },
  {
    name: "counter, decided on the due day before the due time: on time; the ID card only seen, not scanned",
    state: "returned",
    channel: "counter",
    receivedAt: "2026-07-01T02:00:00Z",
    dueAt: "2026-07-03T10:00:00Z",
    finishedAt: "2026-07-03T02:00:00Z",
    docs: [["a", "seen"]],
    result: true,
    // Wed 1/7 09:00 → Fri 3/7 09:00: 6.5 + 8 + 1.5 hours.
    workingDays: 2,
    is: { received: true, decided: "onTime" },
  },
  {
    name: "online, a supplement requested and supplied (the wait left out), early; fee still unpaid",
    state: "resultReady",
    channel: "online",
    receivedAt: "2026-07-06T02:00:00Z",
    dueAt: "2026-07-13T10:00:00Z",
    finishedAt: "2026-07-10T09:00:00Z",
    docs: [["a", "upload"]],
    // Waiting Tue 7/7 09:00 → Thu 9/7 09:00 (16 office hours) of the 37 from Mon 6/7 09:00 to Fri 10/7 16:00.
    stops: [["2026-07-07T02:00:00Z", "2026-07-09T02:00:00Z", "supplementRequested"]],
    workingDays: 2.625,
    fee: 8000,
    is: { received: true, decided: "early", digitised: true },
  },
  {
    name: "counter, P3 (in person only), decided on the due day but after the due time: late",
    proc: "P3",
    state: "returned",
    channel: "counter",
    receivedAt: "2026-08-03T02:00:00Z",
    dueAt: "2026-08-07T10:00:00Z",
    finishedAt: "2026-08-07T10:30:00Z",
    // Mon 3/8 09:00 → Fri 7/8 17:30: 6.5 + 4 × 8 hours.
    workingDays: 4.8125,
    is: { received: true, decided: "late", digitised: true },
  },
  {
    name: "counter, received 01:00 on 1/1 Vietnam time (still 31/12 in UTC), P2, rated 5",
    proc: "P2",
    state: "returned",
    channel: "counter",
    receivedAt: "2025-12-31T18:00:00Z",
    dueAt: "2026-01-05T10:00:00Z",
    finishedAt: "2026-01-02T03:00:00Z",
    result: true,
    rating: 5,
    // 1/1 is a holiday and Fri 2/1/2026 an announced day off: no office hour between receipt and decision.
    workingDays: 0,
    is: { received: true, decided: "early", digitised: true },
  },
  {
    name: "received 23:00 on 31/12/2025 Vietnam time: last year",
    proc: "P2",
    state: "returned",
    channel: "online",
    receivedAt: "2025-12-31T16:00:00Z",
    dueAt: "2026-01-05T10:00:00Z",
    finishedAt: "2026-01-02T03:00:00Z",
    rating: 1,
    workingDays: 0,
    is: { received: false, decided: "early", digitised: true },
  },
  {
    name: "refused at the desk, never received",
    state: "refused",
    channel: "online",
    receivedAt: null,
    finishedAt: "2026-03-03T03:00:00Z",
    is: { received: false },
  },
  { name: "submitted, waiting for the desk", state: "submitted", channel: "online", receivedAt: null, is: { received: false } },
  { name: "a draft", state: "draft", channel: "online", receivedAt: null, is: { received: false } },
];
// Another commune of the same province: never in Gia Phú's figures, always in the province's.
const BAO_THANG_SPECS: Spec[] = [
  {
    name: "Bảo Thắng, online, on time, VietQR, rated 1",
    commune: BAO_THANG,
    state: "returned",
    channel: "online",
    receivedAt: "2026-02-02T02:00:00Z",
    dueAt: "2026-02-05T10:00:00Z",
    finishedAt: "2026-02-03T03:00:00Z",
    docs: [["a", "upload"]],
    result: true,
    fee: 8000,
    payment: { method: "vietqr", status: "paid" },
    rating: 1,
    workingDays: 1.125,
    is: { received: true, decided: "early", digitised: true, feePaid: true, cashless: true },
  },
];

const SECRET_NAME = "Nguyễn Thị Bí Mật";
const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The figures the specs say they should give, from the built timestamps and the words in `is`. */
function expected(specs: Spec[], basis: "received" | { decidedIn: [string, string] } = "received") {
  const localDay = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
  const rec =
    basis === "received"
      ? specs.filter((s) => s.is.received)
      : specs.filter((s) => s.is.decided && localDay(s.finishedAt!) >= basis.decidedIn[0] && localDay(s.finishedAt!) <= basis.decidedIn[1]);
  const decided = rec.filter((s) => s.is.decided);
  const ratings = rec.flatMap((s) => (s.rating ? [s.rating] : []));
  const days = decided.map((s) => s.workingDays!);
  const count = (f: (s: Spec) => boolean | undefined) => rec.filter((s) => f(s)).length;
  const avgRating = mean(ratings);
  return {
    received: rec.length,
    online: count((s) => s.channel === "online" && s.proc !== "P3"),
    onlineOffered: count((s) => s.proc !== "P3"),
    finished: decided.length,
    refused: count((s) => !!s.is.decided && s.state === "refused"),
    early: count((s) => s.is.decided === "early"),
    onTime: count((s) => s.is.decided === "onTime"),
    late: count((s) => s.is.decided === "late"),
    withdrawn: count((s) => s.is.withdrawn),
    inProgress: count((s) => !!s.is.open),
    overdue: count((s) => s.is.open === "overdue"),
    digitised: count((s) => s.is.digitised),
    originalSeen: count((s) => s.docs?.some(([, source]) => source === "seen")),
    vaultReused: count((s) => s.is.vault),
    resultDigitised: count((s) => !!s.is.decided && !!s.result),
    withFee: count((s) => !!s.fee && s.payment?.status !== "exempt"),
    feePaid: count((s) => s.is.feePaid),
    cashless: count((s) => s.is.cashless),
    ratings: ratings.length,
    goodRatings: ratings.filter((r) => r >= 4).length,
    avgProcessingDays: days.length ? round1(mean(days)!) : null,
    avgRating: avgRating === null ? null : Math.round(avgRating * 100) / 100,
  };
}

function expectFigures(actual: Figures, specs: Spec[], basis: Parameters<typeof expected>[1] = "received") {
  const e = expected(specs, basis);
  expect(actual).toMatchObject(e);
  const shareOf = (value: number | null, n: number, d: number) => (d === 0 ? expect(value).toBeNull() : expect(value).toBeCloseTo(n / d, 4));
  shareOf(actual.onlineShare, e.online, e.onlineOffered);
  shareOf(actual.onTimeShare, e.early + e.onTime, e.finished);
  shareOf(actual.digitisedShare, e.digitised, e.received);
  shareOf(actual.vaultReusedShare, e.vaultReused, e.received);
  shareOf(actual.resultDigitisedShare, e.resultDigitised, e.finished);
  shareOf(actual.cashlessShare, e.cashless, e.withFee);
  shareOf(actual.goodRatingShare, e.goodRatings, e.ratings);
}

describeDb("dossier figures", () => {
  let t: TestApp;
  let procs: Record<"P1" | "P2" | "P3", string>;
  let fileId: string;
  let receipt = 0;
  const year2026 = { ...periodOf("2026-01-01", "2026-12-31") };

  const principal = (u: { id: string; username: string }, grants: [Role, string, string][]): Principal => ({
    userId: u.id,
    username: u.username,
    displayName: u.username,
    kind: "officer",
    locale: null,
    grants: grants.map(([role, unitCode, unitPath]): Grant => ({ role, unitCode, unitPath })),
  });
  const ctx = (p: Principal | null) => ({ actor: { userId: p?.userId ?? null, label: "t" }, requestId: "req-stats", principal: p });
  let giaPhuOfficer: Principal;
  let provinceLeader: Principal;
  let giaPhuUser: { id: string; username: string };

  async function insertProcedure(code: string, name: string, documents: unknown[], onlineLevel: "full" | "none" = "full"): Promise<string> {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO procedures (code, current_version, name, field, level, online_level, search_text) VALUES ($1, 1, $2, 'civilStatus', 'commune', $4, $3) RETURNING id`,
      [code, name, name.toLowerCase(), onlineLevel],
    );
    const id = rows[0]!.id;
    await t.db.query(`INSERT INTO procedure_versions (procedure_id, version, definition) VALUES ($1, 1, $2)`, [
      id,
      JSON.stringify({ code, name, documents, onlineLevel }),
    ]);
    return id;
  }

  async function insertDossier(s: Spec): Promise<void> {
    const commune = s.commune ?? GIA_PHU;
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO dossiers (commune_code, unit_path, procedure_id, procedure_version, state, channel, applicant, applicant_name,
         submitted_at, received_at, due_at, finished_at, apology_at, apology_due_at, fee_amount, fee_status, rating, clock_stopped_at)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        commune,
        `/${LAO_CAI}/${commune}/`,
        procs[s.proc ?? "P1"],
        s.state,
        s.channel,
        JSON.stringify({ fullName: SECRET_NAME }),
        SECRET_NAME,
        s.receivedAt,
        s.dueAt ?? null,
        s.finishedAt ?? null,
        s.apologyDueAt ? s.receivedAt : null,
        s.apologyDueAt ?? null,
        s.fee ?? 0,
        !s.fee ? "none" : s.payment ? (s.payment.status === "paid" ? "paid" : s.payment.status) : "unpaid",
        s.rating ?? null,
        s.clockStoppedAt ?? null,
      ],
    );
    const id = rows[0]!.id;
    for (const [key, source] of s.docs ?? []) {
      if (source === "seen")
        await t.db.query(`INSERT INTO dossier_originals_seen (dossier_id, requirement_key, seen_at) VALUES ($1, $2, $3)`, [id, key, s.receivedAt]);
      else await t.db.query(`INSERT INTO dossier_documents (dossier_id, requirement_key, file_id, source) VALUES ($1, $2, $3, $4)`, [id, key, fileId, source]);
    }
    const event = `INSERT INTO dossier_events (dossier_id, action, from_state, to_state, actor_label, at) VALUES ($1, $2, $3, $4, 't', $5)`;
    for (const [from, to, stopped] of s.stops ?? []) {
      await t.db.query(event, [id, stopped === "paused" ? "pause" : "requestSupplement", "inReview", stopped, from]);
      await t.db.query(event, [id, stopped === "paused" ? "resume" : "answerSupplement", stopped, "inReview", to]);
    }
    if (s.result)
      await t.db.query(`INSERT INTO dossier_documents (dossier_id, requirement_key, file_id, source) VALUES ($1, 'result', $2, 'result')`, [id, fileId]);
    if (s.payment) {
      await t.db.query(`INSERT INTO payments (dossier_id, amount, method, status, receipt_no, confirmed_at, refunded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        id,
        s.payment.status === "exempt" ? 0 : (s.fee ?? 0),
        s.payment.method,
        s.payment.status,
        `R-${++receipt}`,
        s.receivedAt,
        s.payment.status === "refunded" ? s.receivedAt : null,
      ]);
    }
  }

  beforeAll(async () => {
    t = await buildTestApp();
    procs = {
      P1: await insertProcedure("9.000001", "Đăng ký khai sinh (thử)", [
        { key: "a", name: "Tờ khai", required: true },
        { key: "b", name: "Giấy tờ thêm", required: false },
      ]),
      P2: await insertProcedure("9.000002", "Xác nhận tình trạng (thử)", []),
      P3: await insertProcedure("9.000003", "Chứng thực tại quầy (thử)", [], "none"),
    };
    const file = await t.db.query<{ id: string }>(
      `INSERT INTO stored_files (name, media_type, size_bytes, sha256, content) VALUES ('x.pdf', 'application/pdf', 1, 'x', '\\x00') RETURNING id`,
    );
    fileId = file.rows[0]!.id;
    for (const s of [...SPECS, ...BAO_THANG_SPECS]) await insertDossier(s);

    giaPhuUser = await buildUser(t.deps, { roles: [["one_stop_officer", GIA_PHU]] });
    giaPhuOfficer = principal(giaPhuUser, [["one_stop_officer", GIA_PHU, `/${LAO_CAI}/${GIA_PHU}/`]]);
    const leader = await buildUser(t.deps, { roles: [["leader", LAO_CAI]] });
    provinceLeader = principal(leader, [["leader", LAO_CAI, `/${LAO_CAI}/`]]);
  });
  afterAll(() => t.close());

  it("computes every figure of a commune from its dossiers, by the documented definitions", async () => {
    const r = await computeFigures(t.deps, ctx(giaPhuOfficer), { communeCode: GIA_PHU, ...year2026, groupBy: "procedure" });
    expect(r).toMatchObject({ from: "2026-01-01", to: "2026-12-31", commune: GIA_PHU, groupBy: "procedure" });
    expectFigures(r.totals, SPECS);
    expect(r.rows.map((row) => row.key)).toEqual(["9.000003", "9.000001", "9.000002"]);
    expectFigures(
      r.rows.find((row) => row.key === "9.000001")!,
      SPECS.filter((s) => (s.proc ?? "P1") === "P1"),
    );
    expectFigures(
      r.rows.find((row) => row.key === "9.000002")!,
      SPECS.filter((s) => s.proc === "P2"),
    );
    expectFigures(
      r.rows.find((row) => row.key === "9.000003")!,
      SPECS.filter((s) => s.proc === "P3"),
    );
    expect(r.rows[1]).toMatchObject({ label: "Đăng ký khai sinh (thử)", field: "civilStatus" });
  });

  it("defaults to the viewer's whole scope: a commune officer's own commune, a province officer's every commune", async () => {
    const own = await computeFigures(t.deps, ctx(giaPhuOfficer), { ...year2026, groupBy: "commune" });
    expectFigures(own.totals, SPECS);
    expect(own.rows.map((row) => row.key)).toEqual([GIA_PHU]);

    const province = await computeFigures(t.deps, ctx(provinceLeader), { ...year2026, groupBy: "commune" });
    expectFigures(province.totals, [...SPECS, ...BAO_THANG_SPECS]);
    expect(province.rows.map((row) => row.label).sort()).toEqual(["Xã Bảo Thắng", "Xã Gia Phú"]);
    expectFigures(province.rows.find((row) => row.key === BAO_THANG)!, BAO_THANG_SPECS);
    const bt = await computeFigures(t.deps, ctx(provinceLeader), { communeCode: BAO_THANG, ...year2026, groupBy: "procedure" });
    expectFigures(bt.totals, BAO_THANG_SPECS);
  });

  it("splits decisions early / on time / late, counts refusals after receipt as decisions, and shares over what applies", async () => {
    const r = await computeFigures(t.deps, ctx(giaPhuOfficer), { communeCode: GIA_PHU, ...year2026, groupBy: "procedure" });
    // Counted from the specs' words, independently of expected(): 5 early, 1 on the due day, 3 late.
    expect(r.totals).toMatchObject({ early: 5, onTime: 1, late: 3, finished: 9, refused: 1, originalSeen: 1 });
    expect(r.totals.onTimeShare).toBeCloseTo(6 / 9, 4);
    // The in-person-only procedure is out of the online share's denominator; the exempt fee is out of the cashless one.
    expect(r.totals).toMatchObject({ received: 14, onlineOffered: 13, online: 6, withFee: 5, cashless: 2 });
    // Late stays late: of the 4 open, the one in review past due and the one paused after its due time are overdue;
    // the one paused before its due time is not, nor the one not yet due.
    expect(r.totals).toMatchObject({ inProgress: 4, overdue: 2 });
    // The seen-only ID card makes its dossier count as not digitised, like the two with paper only.
    expect(r.totals.digitised).toBe(r.totals.received - 3);
    // Working days without clock stops, over the 9 decided, to one decimal.
    expect(r.totals.avgProcessingDays).toBe(Math.round(((2.5 + 5.125 + 5.125 + 3.125 + 2.125 + 2 + 2.625 + 4.8125 + 0) / 9) * 10) / 10);
  });

  it("counts decisions by the date they were made in the decided mode", async () => {
    const decided = await computeFigures(t.deps, ctx(giaPhuOfficer), { communeCode: GIA_PHU, ...year2026, groupBy: "procedure", basis: "decided" });
    expect(decided.basis).toBe("decided");
    expectFigures(decided.totals, SPECS, { decidedIn: ["2026-01-01", "2026-12-31"] });
    // The dossier received on 31/12/2025 and decided on 2/1/2026 is a January decision, not a January receipt.
    const january = { communeCode: GIA_PHU, ...periodOf("2026-01-01", "2026-01-31"), groupBy: "procedure" as const };
    expect((await computeFigures(t.deps, ctx(giaPhuOfficer), { ...january, basis: "decided" })).totals).toMatchObject({ received: 2, finished: 2, early: 2 });
    expect((await computeFigures(t.deps, ctx(giaPhuOfficer), january)).totals).toMatchObject({ received: 1, finished: 1 });
    // A withdrawal is not a decision, in either mode.
    const june = { communeCode: GIA_PHU, ...periodOf("2026-06-01", "2026-06-30"), groupBy: "procedure" as const };
    expect((await computeFigures(t.deps, ctx(giaPhuOfficer), { ...june, basis: "decided" })).totals).toMatchObject({ received: 1, refused: 1, withdrawn: 0 });
  });

  it("hides another commune's figures (404), asks for sign-in (401) and refuses citizens (403)", async () => {
    await expect(computeFigures(t.deps, ctx(giaPhuOfficer), { communeCode: BAO_THANG, ...year2026, groupBy: "procedure" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(computeFigures(t.deps, ctx(null), { ...year2026, groupBy: "procedure" })).rejects.toMatchObject({ status: 401 });
    const citizen = principal({ id: giaPhuUser.id, username: "c" }, [["citizen", GIA_PHU, `/${LAO_CAI}/${GIA_PHU}/`]]);
    await expect(computeFigures(t.deps, ctx(citizen), { ...year2026, groupBy: "procedure" })).rejects.toMatchObject({ status: 403 });
  });

  it("counts a dossier in the period of its day of receipt in Vietnam", async () => {
    const lastYear = await computeFigures(t.deps, ctx(giaPhuOfficer), { communeCode: GIA_PHU, ...periodOf("2025-12-31", "2025-12-31"), groupBy: "procedure" });
    expect(lastYear.totals.received).toBe(SPECS.filter((s) => s.receivedAt?.startsWith("2025-12-31T16")).length);
    const newYearsDay = await computeFigures(t.deps, ctx(giaPhuOfficer), {
      communeCode: GIA_PHU,
      ...periodOf("2026-01-01", "2026-01-01"),
      groupBy: "procedure",
    });
    expect(newYearsDay.totals.received).toBe(SPECS.filter((s) => s.receivedAt?.startsWith("2025-12-31T18")).length);
  });

  it("exports the same numbers to XLSX, percentages as numbers with a % format, with the definitions", async () => {
    const input = { communeCode: GIA_PHU, ...year2026, groupBy: "procedure" as const };
    const report = await computeFigures(t.deps, ctx(giaPhuOfficer), input);
    const file = await exportFigures(t.deps, ctx(giaPhuOfficer), input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ExcelJS.Buffer);
    const [figures, definitions] = wb.worksheets;
    expect(figures!.name).toBe("Số liệu");
    expect(figures!.getCell(1, 1).value).toBe("Số liệu giải quyết hồ sơ – Xã Gia Phú – tiếp nhận từ 01/01/2026 đến 31/12/2026");
    expect(figures!.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const header = figures!.getRow(2).values as unknown[];
    expect(header.slice(1, 4)).toEqual(["Mã thủ tục", "Thủ tục", "Lĩnh vực"]);
    const firstMetric = 4;
    const totalRow = figures!.getRow(3 + report.rows.length);
    expect(totalRow.getCell(2).value).toBe("Tổng cộng");
    METRICS.forEach((m, i) => {
      const cell = totalRow.getCell(firstMetric + i);
      expect(cell.value, m.key).toBe(report.totals[m.key]);
      if (m.kind === "share") expect(cell.numFmt, m.key).toBe("0.0%");
    });
    const p1 = figures!.getRow(3);
    expect(p1.getCell(1).value).toBe("9.000003");
    for (const [i, m] of METRICS.entries()) expect(p1.getCell(firstMetric + i).value, m.key).toBe(report.rows[0]![m.key]);
    expect(definitions!.name).toBe("Cách tính");
    expect(definitions!.rowCount).toBe(2 + DEFINITIONS.length);
    expect(definitions!.getRow(3 + DEFINITIONS.findIndex(([term]) => term === "stats.term.onTime")).getCell(2).value).toContain("vẫn tính là quá hạn");
  });

  it("publishes a summary per commune without personal data", async () => {
    const pub = await computePublicFigures(t.deps, 2026);
    const gp = pub.rows.find((r) => r.key === GIA_PHU)!;
    const e = expected(SPECS);
    expect(gp).toMatchObject({ received: e.received, finished: e.finished, ratings: e.ratings, avgRating: e.avgRating });
    expect(gp.onTimeShare).toBeCloseTo((e.early + e.onTime) / e.finished, 4);
    expect(Object.keys(gp).sort()).toEqual(["avgRating", "finished", "key", "label", "labelEn", "onTimeShare", "onlineShare", "ratings", "received"]);
  });

  describe("over HTTP", () => {
    let officer: TestClient;
    let token: string;
    beforeAll(async () => {
      officer = new TestClient(t.app);
      await officer.signIn(giaPhuUser.username, PASSWORD);
      token = (await createApiToken(t.deps, ctx(giaPhuOfficer), { name: "stats", role: "one_stop_officer", adminUnitCode: GIA_PHU, expiresInDays: 30 })).token;
    });

    it("renders the office page: filters, headline figures, an accessible table, the definitions and the download link", async () => {
      const res = await officer.get(`/office/stats?commune=${GIA_PHU}&from=2026-01-01&to=2026-12-31&groupBy=procedure`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("<caption");
      expect(html).toContain('<th scope="row">Đăng ký khai sinh (thử)');
      expect(html).toContain('<th scope="col"');
      expect(html).toContain('id="how-computed"');
      expect(html).toContain(`href="/office/stats.xlsx?commune=${GIA_PHU}&amp;from=2026-01-01&amp;to=2026-12-31&amp;groupBy=procedure&amp;basis=received"`);
      const e = expected(SPECS);
      // The headline on-time figure shows its share and what it was computed from.
      expect(html).toContain(`(${e.early + e.onTime}/${e.finished})`);
      expect(html).not.toContain(SECRET_NAME);
    });

    it("shows a bad period beside its field (400) and another commune as not found (404)", async () => {
      const bad = await officer.get("/office/stats?from=2026-02-30&to=2026-01-01");
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('href="#f-from"');
      expect((await officer.get(`/office/stats?commune=${BAO_THANG}`)).status).toBe(404);
      expect((await officer.get(`/office/stats.xlsx?commune=${BAO_THANG}`)).status).toBe(404);
    });

    it("downloads the XLSX from the page and serves JSON and XLSX through the API to a token", async () => {
      const xlsx = await officer.get(`/office/stats.xlsx?commune=${GIA_PHU}&from=2026-01-01&to=2026-12-31`);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
      const auth = { authorization: `Bearer ${token}` };
      const json = await t.app.request(`/api/v1/stats/dossiers?commune=${GIA_PHU}&from=2026-01-01&to=2026-12-31&groupBy=commune`, { headers: auth });
      expect(json.status).toBe(200);
      const body = (await json.json()) as { totals: Figures; rows: { key: string }[] };
      expectFigures(body.totals, SPECS);
      expect(body.rows.map((r) => r.key)).toEqual([GIA_PHU]);
      expect((await t.app.request(`/api/v1/stats/dossiers?commune=${BAO_THANG}`, { headers: auth })).status).toBe(404);
      expect((await t.app.request(`/api/v1/stats/dossiers.xlsx?commune=${BAO_THANG}`, { headers: auth })).status).toBe(404);
      const file = await t.app.request(`/api/v1/stats/dossiers.xlsx?commune=${GIA_PHU}`, { headers: auth });
      expect(file.status).toBe(200);
      expect(file.headers.get("content-disposition")).toContain(".xlsx");
      expect((await t.app.request("/api/v1/stats/dossiers")).status).toBe(401);
    });

    it("shows the public summary to anyone, without names", async () => {
      const res = await t.app.request("/figures?year=2026");
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<th scope="row">Xã Gia Phú</th>');
      expect(html).toContain('<th scope="row">Xã Bảo Thắng</th>');
      expect(html).not.toContain(SECRET_NAME);
    });
  });
});
