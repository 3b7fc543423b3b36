// Manual values with evidence and the province's review, end to end through the use cases and the pages: enter →
// submit → return with a comment → correct → submit → approve → locked → a correction reopens; the computation counts
// a value only once approved; every bad field answers 400 naming it with nothing half-saved; access between roles
// and communes; the late and missing list. The test clock stands at 2026-11-23 (Vietnam).
import { beforeAll, expect, it } from "vitest";
import { BAO_THANG, buildUser, GIA_PHU, LAO_CAI, PASSWORD } from "../../../../test/support/factories.ts";
import { TestClient } from "../../../../test/support/client.ts";
import { acting } from "../../../../test/support/dossier-factories.ts";
import { buildIndicatorSet } from "../../../../test/support/indicator-factories.ts";
import { aPdf } from "../../../../test/support/procedure-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { seedIndicatorsEntryDemo } from "../../../demo/seed-indicators-entry.ts";
import { seedDemo } from "../../../demo/seed-demo.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { CSRF_FIELD } from "../../../platform/http/csrf.ts";
import { indicatorPaths } from "../indicator-paths.ts";
import * as indicatorsRepo from "../indicators.repository.ts";
import { periodOf } from "../periods.ts";
import { setForProvince } from "../set-store.ts";
import { computeIndicators } from "../use-cases/indicators-compute.ts";
import { getEntry } from "./use-cases/entry-form.ts";
import { reopenValue } from "./use-cases/entry-reopen.ts";
import { reviewValues } from "./use-cases/entry-review.ts";
import { saveEntry } from "./use-cases/entry-save.ts";
import { entryStatus } from "./use-cases/entry-status.ts";

const ENTRY_TEST_SET = {
  key: "entry-test",
  name: "Bộ thử nhập tay",
  nameEn: "Manual entry test set",
  elements: [
    {
      key: "wifi_points",
      name: "Điểm wifi công cộng",
      nameEn: "Public wifi points",
      valueType: "integer",
      min: 0,
      max: 500,
      aggregation: "last",
      frequency: "quarter",
      evidenceRequired: true,
    },
    { key: "fibre_share", name: "Tỉ lệ thôn có cáp quang", nameEn: "Villages with fibre", valueType: "percent", aggregation: "last", frequency: "month" },
    { key: "training_sessions", name: "Buổi tập huấn", nameEn: "Training sessions", valueType: "integer", min: 0, aggregation: "sum", frequency: "month" },
  ],
  indicators: [
    { key: "wifi", name: "Điểm wifi", nameEn: "Wifi points", unit: "count", numerator: "wifi_points" },
    { key: "fibre", name: "Cáp quang", nameEn: "Fibre", unit: "count", numerator: "fibre_share" },
    { key: "training", name: "Tập huấn", nameEn: "Training", unit: "count", numerator: "training_sessions" },
  ],
};

const expectFields = async (p: Promise<unknown>, fields: string[], status = 400) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).status).toBe(status);
  expect((err as AppError).fields.map((f) => f.field)).toEqual(fields);
};

describeDb("indicators: manual entry and review", () => {
  const app = useTestApp();
  let x: TestApp;
  let officer: Awaited<ReturnType<typeof acting>>;
  let reviewer: Awaited<ReturnType<typeof acting>>;
  let officerUser: { username: string };
  let reviewerUser: { username: string };
  let volunteerUser: { username: string };
  let otherUser: { username: string };

  beforeAll(async () => {
    x = app();
    await buildIndicatorSet(x.deps, ENTRY_TEST_SET, { provinceCode: LAO_CAI });
    const o = await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]] });
    const r = await buildUser(x.deps, { roles: [["province_admin", LAO_CAI]] });
    officerUser = o;
    reviewerUser = r;
    volunteerUser = await buildUser(x.deps, { kind: "volunteer", roles: [["volunteer", GIA_PHU]] });
    otherUser = await buildUser(x.deps, { roles: [["commune_admin", BAO_THANG]] });
    officer = await acting(x.deps, o);
    reviewer = await acting(x.deps, r);
  });

  const wifiOf = async () => {
    const set = await setForProvince(x.deps, LAO_CAI, "entry-test");
    const unit = (await indicatorsRepo.unitRef(x.db, GIA_PHU))!;
    const r = await computeIndicators(x.deps, { set, unit, period: periodOf("2026-Q3", "2026-11-23")!, by: "self" });
    return r.rows[0]!.indicators.find((i) => i.key === "wifi")!.value;
  };
  const wifiRow = async () => (await getEntry(x.deps, officer, GIA_PHU, "2026-Q3")).lines.find((l) => l.element.key === "wifi_points")!;
  const auditOf = async (id: string) =>
    (await x.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_id = $1 ORDER BY seq", [id])).rows.map((r) => r.action);

  it("runs the whole workflow, counting the value only once approved and keeping every step in the audit log", async () => {
    // Enter with evidence, submit.
    await saveEntry(x.deps, officer, GIA_PHU, "2026-Q3", {
      values: { wifi_points: { value: "12", note: "Theo biên bản" } },
      files: [{ element: "wifi_points", name: "bien-ban.pdf", bytes: aPdf("bien ban") }],
    });
    let line = await wifiRow();
    expect(line.row).toMatchObject({ value: 12, status: "draft", note: "Theo biên bản", revision: 1 });
    expect(line.evidence.map((e) => [e.name, e.mediaType])).toEqual([["bien-ban.pdf", "application/pdf"]]);
    await saveEntry(x.deps, officer, GIA_PHU, "2026-Q3", { values: {}, submit: true });
    expect((await wifiRow()).row?.status).toBe("submitted");
    expect(await wifiOf()).toBeNull();
    // The province returns it with a comment; the commune corrects and submits again.
    await expectFields(reviewValues(x.deps, reviewer, { decision: "return", comment: "  ", unit: GIA_PHU, period: "2026-Q3" }), ["comment"]);
    await reviewValues(x.deps, reviewer, { decision: "return", comment: "Thiếu điểm ở UBND xã", unit: GIA_PHU, period: "2026-Q3" });
    line = await wifiRow();
    expect(line.row).toMatchObject({ status: "returned", reviewComment: "Thiếu điểm ở UBND xã" });
    expect(await wifiOf()).toBeNull();
    await saveEntry(x.deps, officer, GIA_PHU, "2026-Q3", { values: { wifi_points: { value: 14 } }, submit: true });
    expect((await wifiRow()).row).toMatchObject({ value: 14, status: "submitted" });
    // Approved: it counts, and it is locked.
    await reviewValues(x.deps, reviewer, { decision: "approve", ids: [(await wifiRow()).row!.id] });
    expect(await wifiOf()).toBe(14);
    await expectFields(saveEntry(x.deps, officer, GIA_PHU, "2026-Q3", { values: { wifi_points: { value: 15 } } }), ["wifi_points.value"]);
    await expectFields(saveEntry(x.deps, officer, GIA_PHU, "2026-Q3", { values: {}, files: [{ element: "wifi_points", name: "x.pdf", bytes: aPdf("x") }] }), [
      "wifi_points.evidence",
    ]);
    // A correction reopens it as the next revision, which no longer counts until approved again.
    const id = (await wifiRow()).row!.id;
    await expectFields(reopenValue(x.deps, officer, id, ""), ["reason"]);
    expect(await reopenValue(x.deps, officer, id, "Đếm nhầm một điểm")).toEqual({ revision: 2 });
    expect((await wifiRow()).row).toMatchObject({ status: "draft", revision: 2, value: 14 });
    expect(await wifiOf()).toBeNull();
    await saveEntry(x.deps, officer, GIA_PHU, "2026-Q3", { values: { wifi_points: { value: 13 } }, submit: true });
    await reviewValues(x.deps, reviewer, { decision: "approve", unit: GIA_PHU, period: "2026-Q3" });
    expect(await wifiOf()).toBe(13);
    expect(await auditOf(id)).toEqual([
      "indicatorValue.saved",
      "indicatorValue.submitted",
      "indicatorValue.returned",
      "indicatorValue.saved",
      "indicatorValue.submitted",
      "indicatorValue.approved",
      "indicatorValue.reopened",
      "indicatorValue.saved",
      "indicatorValue.submitted",
      "indicatorValue.approved",
    ]);
    const evidenceAudit = await x.db.query("SELECT 1 FROM audit_log WHERE action = 'indicatorEvidence.added' AND details->>'valueId' = $1", [id]);
    expect(evidenceAudit.rowCount).toBe(1);
  });

  it("answers 400 naming each bad field, and keeps nothing of the request", async () => {
    const save = (values: Record<string, { value?: string | number | null; note?: string }>, period = "2026-10") =>
      saveEntry(x.deps, officer, GIA_PHU, period, { values });
    await expectFields(save({ training_sessions: { value: "mười" } }), ["training_sessions.value"]);
    await expectFields(save({ training_sessions: { value: "1.000,5" } }), ["training_sessions.value"]);
    await expectFields(save({ training_sessions: { value: "2,5" } }), ["training_sessions.value"]);
    await expectFields(save({ training_sessions: { value: -1 } }), ["training_sessions.value"]);
    await expectFields(save({ fibre_share: { value: "100,5" } }), ["fibre_share.value"]);
    await expectFields(save({ fibre_share: { value: 50 }, training_sessions: { value: 3, note: "x".repeat(1001) } }), ["training_sessions.note"]);
    await expectFields(save({ wifi_points: { value: 3 } }), ["wifi_points.value"]);
    await expectFields(save({ training_sessions: { value: 1 } }, "2027-01"), ["period"]);
    await expectFields(save({ training_sessions: { value: 1 } }, "2026-ytd"), ["period"]);
    await expectFields(save({ training_sessions: { value: 1 } }, "2026-13"), ["period"]);
    // A file that is not a PDF or an image: refused, and the value sent with it is not saved either.
    await expectFields(
      saveEntry(x.deps, officer, GIA_PHU, "2026-Q2", {
        values: { wifi_points: { value: 4 } },
        files: [{ element: "wifi_points", name: "virus.pdf", bytes: new TextEncoder().encode("<script>alert(1)</script>") }],
      }),
      ["wifi_points.evidence"],
    );
    // Submitting without the evidence the element requires, or without a value.
    await saveEntry(x.deps, officer, GIA_PHU, "2026-Q2", { values: { wifi_points: { value: 4 } } });
    await expectFields(saveEntry(x.deps, officer, GIA_PHU, "2026-Q2", { values: {}, submit: true }), ["wifi_points.evidence"]);
    await expectFields(saveEntry(x.deps, officer, GIA_PHU, "2026-09", { values: {}, submit: true }), ["values"]);
    const rows = await x.db.query(
      "SELECT period, status, value::float8 AS value FROM indicator_manual_values WHERE unit_code = $1 AND period IN ('2026-10', '2026-Q2', '2026-09')",
      [GIA_PHU],
    );
    expect(rows.rows).toEqual([{ period: "2026-Q2", status: "draft", value: 4 }]);
    // Reviewing what is not submitted is a conflict.
    await expectFields(reviewValues(x.deps, reviewer, { decision: "approve", unit: GIA_PHU, period: "2026-Q2" }), [], 409);
  });

  it("lets only the commune enter and only the province review", async () => {
    const volunteer = new TestClient(x.app);
    await volunteer.signIn(volunteerUser.username, PASSWORD);
    expect((await volunteer.get(indicatorPaths.entryForm(GIA_PHU, "2026-10"))).status).toBe(403);
    expect((await volunteer.get(indicatorPaths.entry)).status).toBe(403);
    const other = new TestClient(x.app);
    await other.signIn(otherUser.username, PASSWORD);
    expect((await other.get(indicatorPaths.entryForm(GIA_PHU, "2026-10"))).status).toBe(404);
    expect((await other.post(indicatorPaths.entryForm(GIA_PHU, "2026-10"), { "training_sessions.value": "3" })).status).toBe(404);
    const commune = new TestClient(x.app);
    await commune.signIn(officerUser.username, PASSWORD);
    expect((await commune.get(indicatorPaths.review)).status).toBe(403);
    await saveEntry(x.deps, officer, GIA_PHU, "2026-08", { values: { training_sessions: { value: 2 } }, submit: true });
    const res = await commune.post(indicatorPaths.review, { decision: "approve", unit: GIA_PHU, period: "2026-08" });
    expect(res.status).toBe(403);
    const status = await x.db.query("SELECT status FROM indicator_manual_values WHERE unit_code = $1 AND period = '2026-08'", [GIA_PHU]);
    expect(status.rows[0]).toEqual({ status: "submitted" });
  });

  it("enters, uploads and submits through the form without JavaScript, and the province approves from its page", async () => {
    const commune = new TestClient(x.app);
    await commune.signIn(officerUser.username, PASSWORD);
    const page = await commune.get(indicatorPaths.entryForm(GIA_PHU, "2026-07"));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="training_sessions.value"');
    expect(html).toContain('enctype="multipart/form-data"');
    // A bad value comes back beside the field, with what was typed.
    const bad = new FormData();
    bad.set(CSRF_FIELD, commune.csrfToken);
    bad.set("training_sessions.value", "ba");
    bad.set("action", "save");
    const badRes = await commune.request(indicatorPaths.entryForm(GIA_PHU, "2026-07"), { method: "POST", body: bad });
    expect(badRes.status).toBe(400);
    expect(await badRes.text()).toContain('id="f-training_sessions-value-error"');
    const good = new FormData();
    good.set(CSRF_FIELD, commune.csrfToken);
    good.set("training_sessions.value", "3");
    good.set("training_sessions.note", "Hai buổi ở thôn, một buổi ở xã");
    good.set("training_sessions.evidence", new File([new Uint8Array(aPdf("danh sach"))], "danh-sach.pdf", { type: "application/pdf" }));
    good.set("action", "submit");
    const res = await commune.request(indicatorPaths.entryForm(GIA_PHU, "2026-07"), { method: "POST", body: good });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(indicatorPaths.entryForm(GIA_PHU, "2026-07"));
    const province = new TestClient(x.app);
    await province.signIn(reviewerUser.username, PASSWORD);
    const queue = await (await province.get(indicatorPaths.review)).text();
    expect(queue).toContain("danh-sach.pdf");
    const evidenceId = /\/office\/indicators\/evidence\/([0-9a-f-]{36})/.exec(queue)![1]!;
    const file = await province.get(indicatorPaths.evidence(evidenceId));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    // Not signed in: sent to sign in.
    expect((await new TestClient(x.app).get(indicatorPaths.evidence(evidenceId))).status).toBe(303);
    const other = new TestClient(x.app);
    await other.signIn(otherUser.username, PASSWORD);
    expect((await other.get(indicatorPaths.evidence(evidenceId))).status).toBe(404);
    const missingComment = await province.post(indicatorPaths.review, { decision: "return", unit: GIA_PHU, period: "2026-07" });
    expect(missingComment.status).toBe(400);
    const approve = await province.post(indicatorPaths.review, { decision: "approve", unit: GIA_PHU, period: "2026-07" });
    expect(approve.status).toBe(303);
    const after = await (await commune.get(indicatorPaths.entryForm(GIA_PHU, "2026-07"))).text();
    expect(after).not.toContain('name="training_sessions.value"');
    expect(after).toContain("/reopen");
  });

  it("lists late and missing entries per commune and period for the province and for a commune", async () => {
    const all = await entryStatus(x.deps, reviewer, {});
    const row = (unit: string, period: string) => all.find((r) => r.unit.code === unit && r.period.code === period);
    // October ended on the 31st and was due by 5 November: Bảo Thắng entered nothing.
    expect(row(BAO_THANG, "2026-10")).toMatchObject({ state: "missing", late: true, dueBy: "2026-11-05", due: 2 });
    // The test set's quarterly value is approved, but the shipped sets' quarterly elements (cameras, OCOP, wifi points,
    // households selling online) are due for the same quarter and were never entered: the quarter stays open and late.
    expect(row(GIA_PHU, "2026-Q3")).toMatchObject({ state: "draft", late: true, counts: { missing: 5, approved: 1, draft: 0, submitted: 0, returned: 0 } });
    expect(row(GIA_PHU, "2026-07")).toMatchObject({ state: "draft", late: true, counts: { missing: 1, approved: 1, draft: 0, submitted: 0, returned: 0 } });
    // November has not ended: not in the status list.
    expect(row(GIA_PHU, "2026-11")).toBeUndefined();
    const late = await entryStatus(x.deps, reviewer, { filter: "late" });
    expect(late.every((r) => r.late)).toBe(true);
    const missing = await entryStatus(x.deps, reviewer, { unit: BAO_THANG, filter: "missing" });
    expect(new Set(missing.map((r) => r.unit.code))).toEqual(new Set([BAO_THANG]));
    const mine = await entryStatus(x.deps, officer, {});
    expect(new Set(mine.map((r) => r.unit.code))).toEqual(new Set([GIA_PHU]));
    await expectFields(entryStatus(x.deps, officer, { unit: BAO_THANG }), [], 404);
    const page = await (async () => {
      const c = new TestClient(x.app);
      await c.signIn(reviewerUser.username, PASSWORD);
      return c.get(`${indicatorPaths.entryStatus}?filter=late`);
    })();
    expect(page.status).toBe(200);
  });
});

describeDb("indicators: the demo's manual values of Gia Phú", () => {
  const app = useTestApp();

  it("enters values in several states through the workflow, once", async () => {
    const x = app();
    await seedDemo(x.deps);
    await buildIndicatorSet(x.deps, ENTRY_TEST_SET, { provinceCode: LAO_CAI });
    const first = await seedIndicatorsEntryDemo(x.deps);
    expect(first.values).toBeGreaterThan(0);
    const states = await x.db.query<{ status: string }>("SELECT DISTINCT status FROM indicator_manual_values WHERE commune_code = $1 ORDER BY 1", [GIA_PHU]);
    expect(states.rows.map((r) => r.status)).toEqual(["approved", "draft", "returned", "submitted"]);
    const evidence = await x.db.query("SELECT count(*)::int AS n FROM indicator_evidence");
    expect(evidence.rows[0]!.n).toBeGreaterThan(0);
    expect(await seedIndicatorsEntryDemo(x.deps)).toEqual({ values: 0 });
  });
});
