import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { AppError, localizeField } from "../../platform/http/app-error.ts";
import { act, type Acting, buildDossier, deskTeam } from "../../../test/support/dossier-factories.ts";
import { rejection } from "../../../test/support/expect-error.ts";
import { BAO_THANG, buildUser } from "../../../test/support/factories.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { useTestApp } from "../../../test/support/test-app.ts";
import { acting, APPLICANT, COUNTER_PROCEDURE, ONLINE_PROCEDURE } from "../../../test/support/dossier-factories.ts";
import { aPdf, documentsFor, formValuesFor } from "../../../test/support/procedure-factories.ts";
import { getProcedure } from "../procedures/index.ts";
import { confirmPayment } from "../payments/index.ts";
import { ACTION_TYPES, NATIONAL_STATUS, STATES } from "./dossier-workflow.ts";
import { actOnDossier, deskQueues, fileDossier, findDossierRow, getDossier, lookupStatus } from "./index.ts";
import { CodesExhaustedError } from "./use-cases/file-dossier.ts";
import { translator } from "../../platform/i18n/i18n.ts";
import { listVault } from "../citizens/index.ts";
import { ssoCitizen, verifyPhone } from "../../../test/support/citizen-factories.ts";
import { storeFile } from "../../platform/files/file-store.ts";

const vn = (s: string) => new Date(`${s}+07:00`);

describeDb("dossiers", () => {
  const app = useTestApp();
  let team: Awaited<ReturnType<typeof deskTeam>>;
  beforeAll(async () => {
    team = await deskTeam(app().deps);
    // The citizen's own dossiers are texted to their verified phone only.
    await verifyPhone(app().deps, team.citizen, APPLICANT.phone);
  });

  it("gives the dossier a code at once and keeps the procedure version it was filed under", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-11-23T09:00:00"));
    const d = await buildDossier(deps, team.citizen);
    expect(d.code).toMatch(/^XS\.02923-261123-\d{4}$/);
    expect(d.state).toBe("submitted");
    const proc = await getProcedure(deps, ONLINE_PROCEDURE.code);
    expect(d.procedureVersion).toBe(proc.version);
    const outbox = await deps.db.query("SELECT payload FROM outbox WHERE dedupe_key = $1", [`dossier:${d.id}:dossierSubmitted:0:sms`]);
    expect(outbox.rows[0]?.payload.text).toContain(d.code);
  });

  it("never creates a second dossier when a submission is retried with its idempotency key", async () => {
    const { deps } = app();
    const first = await buildDossier(deps, team.citizen, { key: "retry-1" });
    const [a, b] = await Promise.all([buildDossier(deps, team.citizen, { key: "retry-1" }), buildDossier(deps, team.citizen, { key: "retry-1" })]);
    expect(a.id).toBe(first.id);
    expect(b.id).toBe(first.id);
    const n = await deps.db.query("SELECT count(*)::int AS n FROM dossiers WHERE idempotency_key = 'retry-1'");
    expect(n.rows[0]!.n).toBe(1);
  });

  it("answers 20 concurrent submissions with one idempotency key with the same dossier, using one number", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-12-09T09:00:00"));
    const counter = async () =>
      (await deps.db.query("SELECT coalesce(sum(last_value), 0)::int AS n FROM dossier_code_counters WHERE day = '2026-12-09'")).rows[0]!.n;
    const before = await counter();
    // More submissions than the test database's pool has connections: twins waiting for the first must not starve it.
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => buildDossier(deps, team.citizen, { key: "twenty-at-once" })));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const filed = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof buildDossier>>>).value);
    expect(new Set(filed.map((d) => d.id)).size).toBe(1);
    expect(new Set(filed.map((d) => d.code)).size).toBe(1);
    expect(filed[0]!.code).toMatch(/^XS\.02923-261209-\d{4}$/);
    expect(await counter()).toBe(before + 1);
    expect((await deps.db.query("SELECT count(*)::int AS n FROM dossiers WHERE idempotency_key = 'twenty-at-once'")).rows[0]!.n).toBe(1);
  });

  it("numbers an agency's dossiers up to 9999 a day, then refuses in Vietnamese and English, filing nothing and keeping the draft", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-12-10T09:00:00"));
    const first = await buildDossier(deps, team.citizen);
    const agency = first.code!.split("-")[0]!;
    await deps.db.query("UPDATE dossier_code_counters SET last_value = 9998 WHERE agency_code = $1 AND day = '2026-12-10'", [agency]);
    expect((await buildDossier(deps, team.citizen)).code).toBe(`${agency}-261210-9999`);

    const filedBefore = (await deps.db.query("SELECT count(*)::int AS n FROM dossiers WHERE code IS NOT NULL")).rows[0]!.n;
    const err = await rejection(buildDossier(deps, team.citizen, { key: "day-is-full" }));
    expect(err).toBeInstanceOf(CodesExhaustedError);
    expect(err.status).toBe(503);
    expect(translator("vi")(err.messageKey, err.params)).toContain("hết 9999 số hồ sơ");
    expect(translator("en")(err.messageKey, err.params)).toContain("all 9999 dossier numbers for today");
    // Nothing filed, no number taken; the submission's uploads are kept as a draft, as for a refused submission.
    expect((await deps.db.query("SELECT count(*)::int AS n FROM dossiers WHERE code IS NOT NULL")).rows[0]!.n).toBe(filedBefore);
    const counter = await deps.db.query("SELECT last_value FROM dossier_code_counters WHERE agency_code = $1 AND day = '2026-12-10'", [agency]);
    expect(counter.rows[0]!.last_value).toBe(9999);
    const kept = (await deps.db.query("SELECT id, state, code FROM dossiers WHERE idempotency_key = 'day-is-full'")).rows;
    expect(kept).toEqual([{ id: (err as CodesExhaustedError).dossierId, state: "draft", code: null }]);
    expect((await deps.db.query("SELECT count(*)::int AS n FROM dossier_documents WHERE dossier_id = $1", [kept[0]!.id])).rows[0]!.n).toBeGreaterThan(0);
    // At the counter nothing is written at all.
    const atCounter = await rejection(buildDossier(deps, team.desk, { channel: "counter", key: "counter-day-is-full" }));
    expect(atCounter.status).toBe(503);
    expect((await deps.db.query("SELECT count(*)::int AS n FROM dossiers WHERE idempotency_key = 'counter-day-is-full'")).rows[0]!.n).toBe(0);

    // The next day starts again at 0001.
    clock.set(vn("2026-12-11T09:00:00"));
    expect((await buildDossier(deps, team.citizen)).code).toBe(`${agency}-261211-0001`);
  });

  it("refuses a submission with missing documents and fields, naming each, and writes nothing", async () => {
    const { deps } = app();
    const before = (await deps.db.query("SELECT count(*)::int AS n FROM dossiers")).rows[0]!.n;
    const err = await rejection(
      fileDossier(deps, team.citizen, {
        idempotencyKey: "incomplete",
        procedureCode: ONLINE_PROCEDURE.code,
        communeCode: "02923",
        applicant: { ...APPLICANT, citizenIdNumber: "12345", phone: "+1 415 555 0100" },
        form: {},
        documents: [],
        delivery: { method: "post" },
        channel: "online",
        intent: "submit",
      }),
    );
    expect(err.status).toBe(400);
    const fields = err.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["applicant.citizenIdNumber", "applicant.phone", "delivery.address"]));
    expect(fields.some((f) => f.startsWith("documents."))).toBe(true);
    expect(fields.some((f) => f.startsWith("form."))).toBe(true);
    expect((await deps.db.query("SELECT count(*)::int AS n FROM dossiers")).rows[0]!.n).toBe(before);
  });

  it("processes a dossier from receipt to result with deadlines in working days across Tết 2026", async () => {
    const { deps, clock } = app();
    // Thursday 12 Feb 2026, 10:00, three working days: the day of receipt does not count, Friday 13 is day 1,
    // the Tết break (14–22 Feb) does not count, so day 3 is Tuesday 24 Feb, due at its close of office.
    clock.set(vn("2026-02-12T10:00:00"));
    const d = await buildDossier(deps, team.citizen);
    const received = await act(deps, team.desk, d.id, "receive");
    expect(received.dueAt).toEqual(vn("2026-02-24T17:30:00"));
    expect(NATIONAL_STATUS[received.state]).toBe(2);

    clock.set(vn("2026-02-23T08:00:00"));
    await act(deps, team.leader, d.id, "assign", { assigneeId: team.specialist.principal.userId });
    await act(deps, team.specialist, d.id, "propose", { note: "Đủ điều kiện" });
    const approved = await act(deps, team.leader, d.id, "approve");
    expect(approved.state).toBe("resultReady");
    expect(approved.finishedAt!.getTime()).toBeLessThanOrEqual(approved.dueAt!.getTime());
    // The fee is taken before the result is handed over.
    await confirmPayment(deps, team.desk, d.id, { method: "cash" });
    const returned = await act(deps, team.desk, d.id, "returnResult", { method: "post", trackingNumber: "EL123456789VN" });
    expect(returned.state).toBe("returned");
    expect(returned.delivery).toMatchObject({ method: "post", trackingNumber: "EL123456789VN" });
    const rated = await act(deps, team.citizen, d.id, "rate", { rating: 5 });
    expect(rated.rating).toBe(5);

    const view = await getDossier(deps, team.desk, d.id);
    expect(view.events.map((e) => e.action)).toEqual(["submit", "receive", "assign", "propose", "approve", "returnResult", "rate"]);
    expect(view.events.every((e) => e.actorLabel)).toBe(true);
  });

  it("stops the clock while a supplement is awaited and restarts it with the time that was left", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-11-23T09:00:00")); // Monday
    const d = await buildDossier(deps, team.citizen);
    const received = await act(deps, team.desk, d.id, "receive");
    // Day 1 is Tuesday 24, day 3 Thursday 26, due at its close of office.
    expect(received.dueAt).toEqual(vn("2026-11-26T17:30:00"));
    // Stopped at 09:00 on day 1: its other 6.5 office hours and two whole days are left.
    clock.set(vn("2026-11-24T09:00:00"));
    const asked = await act(deps, team.desk, d.id, "requestSupplement", {
      items: [{ label: "Bản sao giấy chứng tử của vợ/chồng đã mất", reason: "Chưa có trong hồ sơ" }],
    });
    expect(asked.state).toBe("supplementRequested");
    expect(asked.remainingHours).toBe(22.5);
    clock.set(vn("2026-12-01T09:00:00")); // a week later, Tuesday
    const answered = await act(deps, team.citizen, d.id, "answerSupplement", {
      documents: [
        {
          requirementKey: documentsFor((await getProcedure(deps, ONLINE_PROCEDURE.code)).definition)[0]!.requirementKey,
          upload: { name: "bo-sung.pdf", bytes: documentsFor((await getProcedure(deps, ONLINE_PROCEDURE.code)).definition)[0]!.upload.bytes },
        },
      ],
    });
    expect(answered.state).toBe("received");
    // 22.5 h from Tuesday 1/12 at 09:00 run out at 17:30 on Thursday 3/12 (6.5 + 8 + 8).
    expect(answered.dueAt).toEqual(vn("2026-12-03T17:30:00"));
    const rounds = (await getDossier(deps, team.desk, d.id)).supplements;
    expect(rounds).toHaveLength(1);
    expect(rounds[0]!.answeredAt).not.toBeNull();
  });

  it("keeps a dossier late through a pause: the pause names its legal ground, resumption gives back no overrun time", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-11-23T09:00:00")); // Monday
    const d = await buildDossier(deps, team.citizen);
    const received = await act(deps, team.desk, d.id, "receive");
    const dueAt = vn("2026-11-26T17:30:00");
    expect(received.dueAt).toEqual(dueAt);
    const desk = () => deskQueues(deps, team.desk, "02923", "overdue", { limit: 100 });
    const overdueCount = async () => (await desk()).counts.overdue;

    // Friday 10:00, 2.5 office hours after the deadline.
    clock.set(vn("2026-11-27T10:00:00"));
    const lateBefore = await overdueCount();
    const pausedBefore = (await desk()).pausedByGround.agencyVerification ?? 0;
    const noGround = await rejection(act(deps, team.leader, d.id, "pause", { reason: "Chờ xác minh" }));
    expect(noGround.status).toBe(400);
    expect(noGround.fields.map((f) => f.field)).toEqual(["ground"]);
    expect(localizeField(noGround.fields[0]!, translator("vi"), "Căn cứ tạm dừng")).toContain("Căn cứ tạm dừng");
    const badGround = await rejection(act(deps, team.leader, d.id, "pause", { ground: "whim" as never, reason: "x" }));
    expect(badGround.fields.map((f) => f.field)).toContain("ground");
    const paused = await act(deps, team.leader, d.id, "pause", { ground: "agencyVerification", reason: "Chờ công an xã xác minh nơi cư trú" });
    expect(paused.state).toBe("paused");
    expect(paused.remainingHours).toBe(-2.5);
    expect(await overdueCount()).toBe(lateBefore); // still on the overdue queue while paused
    expect((await desk()).items.map((i) => i.id)).toContain(d.id);
    expect((await desk()).pausedByGround.agencyVerification).toBe(pausedBefore + 1);

    // Resumed the next Monday: still due on Thursday 26, so still late, and on the overdue queue.
    clock.set(vn("2026-11-30T09:00:00"));
    const resumed = await act(deps, team.leader, d.id, "resume");
    expect(resumed.state).toBe("received");
    expect(resumed.dueAt).toEqual(dueAt);
    expect(await overdueCount()).toBe(lateBefore);
    const view = await getDossier(deps, team.desk, d.id);
    expect(view.hoursToDue).toBeLessThan(0);
    expect(view.events.find((e) => e.action === "pause")?.details.ground).toBe("agencyVerification");
  });

  it("lets one of two officers acting at once win and tells the other it changed meanwhile", async () => {
    const { deps } = app();
    const d = await buildDossier(deps, team.citizen);
    const desk2 = await acting(deps, await buildUser(deps, { roles: [["one_stop_officer", "02923"]] }));
    const results = await Promise.allSettled([
      actOnDossier(deps, team.desk, d.id, { action: "receive", version: d.version }),
      actOnDossier(deps, desk2, d.id, { action: "requestSupplement", version: d.version, items: [{ label: "Ảnh", reason: "Thiếu" }] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect((lost.reason as AppError).status).toBe(409);
    expect((lost.reason as AppError).messageKey).toBe("dossiers.error.changedMeanwhile");
  });

  it("refuses illegal transitions, wrong roles and other communes with clear errors", async () => {
    const { deps } = app();
    const d = await buildDossier(deps, team.citizen);
    expect((await rejection(act(deps, team.desk, d.id, "approve"))).messageKey).toBe("dossiers.error.illegalState");
    expect((await rejection(act(deps, team.citizen, d.id, "receive"))).status).toBe(403);
    expect((await rejection(act(deps, team.desk, d.id, "refuse", { reason: "  " }))).fields[0]).toMatchObject({ field: "reason" });
    const other = await acting(deps, await buildUser(deps, { roles: [["one_stop_officer", BAO_THANG]] }));
    expect((await rejection(act(deps, other, d.id, "receive"))).status).toBe(404);
    const stranger = await acting(deps, await buildUser(deps, { kind: "citizen" }));
    expect((await rejection(getDossier(deps, stranger, d.id))).status).toBe(404);
  });

  it("issues the apology with a new date once and tells the citizen; less than a working day ahead it is still issued, marked late", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-11-23T09:00:00"));
    const d = await buildDossier(deps, team.citizen);
    await act(deps, team.desk, d.id, "receive"); // due Thursday 26th at the close of office
    clock.set(vn("2026-11-24T10:00:00"));
    const apologised = await act(deps, team.leader, d.id, "apologise", { reason: "Chờ xác minh", newDueDate: "2026-12-02" });
    expect(apologised.apologyDueAt).toEqual(vn("2026-12-02T17:30:00"));
    expect(apologised.dueAt).toEqual(vn("2026-11-26T17:30:00")); // still measured against the statutory date
    expect((await rejection(act(deps, team.leader, d.id, "apologise", { reason: "x", newDueDate: "2026-12-09" }))).messageKey).toBe(
      "dossiers.error.apologyOnce",
    );
    const sms = await deps.db.query("SELECT payload FROM outbox WHERE dedupe_key = $1", [`dossier:${d.id}:dossierLate:0:sms`]);
    expect(sms.rows).toHaveLength(1);

    const late = await buildDossier(deps, team.citizen);
    await act(deps, team.desk, late.id, "receive");
    clock.set(vn("2026-11-27T15:00:00")); // less than a working day before its deadline
    const lateApology = await act(deps, team.leader, late.id, "apologise", { reason: "x", newDueDate: "2026-12-09" });
    expect(lateApology.apologyDueAt).toEqual(vn("2026-12-09T17:30:00"));
    const event = await deps.db.query<{ details: { late: boolean } }>("SELECT details FROM dossier_events WHERE dossier_id = $1 AND action = 'apologise'", [
      late.id,
    ]);
    expect(event.rows[0]!.details.late).toBe(true);
  });

  it("shows the public status with the right last four digits only", async () => {
    const { deps } = app();
    const d = await buildDossier(deps, team.citizen);
    const t = translator("vi");
    const found = await lookupStatus(deps, t, { code: d.code!, last4: APPLICANT.phone.slice(-4), client: "10.0.0.1" });
    expect(found).toMatchObject({ code: d.code, state: "submitted", nationalStatus: 1 });
    expect(found.applicantName).toBe("Đ*** V*** Nam");
    const byId = await lookupStatus(deps, t, { code: d.code!, last4: APPLICANT.citizenIdNumber.slice(-4), client: "10.0.0.1" });
    expect(byId.code).toBe(d.code);
    expect((await rejection(lookupStatus(deps, t, { code: d.code!, last4: "0000", client: "10.0.0.2" }))).status).toBe(404);
  });

  it("keeps every generated sequence of actions inside the rules, on the real database", async () => {
    const { deps } = app();
    const actors: Acting[] = [team.desk, team.specialist, team.leader, team.citizen];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ action: fc.constantFrom(...ACTION_TYPES.filter((a) => a !== "submit")), who: fc.nat(actors.length - 1) }), {
          minLength: 1,
          maxLength: 8,
        }),
        async (steps) => {
          const d = await buildDossier(deps, team.citizen);
          for (const s of steps) {
            const who = actors[s.who]!;
            const before = (await findDossierRow(deps.db, d.id))!;
            const extra = {
              items: [{ label: "x", reason: "y" }],
              reason: "r",
              note: "n",
              assigneeId: team.specialist.principal.userId,
              toUnit: "Công an xã",
              stepDays: 2,
              newDueDate: "2027-06-30",
              method: "desk" as const,
              collectedBy: "Đỗ Văn Nam",
              rating: 4,
              documents: [],
            };
            const result = await act(deps, who, d.id, s.action, extra).then(
              () => "ok",
              (e: unknown) => (e instanceof AppError ? e.status : 500),
            );
            const after = (await findDossierRow(deps.db, d.id))!;
            expect(STATES).toContain(after.state);
            expect(result).not.toBe(500);
            if (result !== "ok") expect(after.version).toBe(before.version); // a refused action changes nothing
            if (result === "ok" && who === team.citizen) expect(["answerSupplement", "cancel", "rate"]).toContain(s.action);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it("lets a desk officer take a walk-in at the counter with the citizen's consent recorded", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-11-23T16:00:00")); // after the 15:00 cut-off of certified copies
    const d = await buildDossier(deps, team.desk, { procedure: COUNTER_PROCEDURE.code, channel: "counter" });
    expect(d.state).toBe("received");
    expect(d.channel).toBe("counter");
    expect(d.assistedConsent).toMatchObject({ given: true, method: "signature" });
    expect(d.dueAt).toEqual(vn("2026-11-24T17:30:00")); // counts from the next working day
    const def = (await getProcedure(deps, COUNTER_PROCEDURE.code)).definition;
    const err = await rejection(
      fileDossier(deps, team.desk, {
        idempotencyKey: "no-consent",
        procedureCode: COUNTER_PROCEDURE.code,
        communeCode: "02923",
        applicant: APPLICANT,
        form: formValuesFor(def, APPLICANT),
        documents: documentsFor(def),
        delivery: { method: "desk" },
        channel: "counter",
        intent: "submit",
      }),
    );
    expect(err.fields.map((f) => f.field)).toContain("assistedConsent.method");
  });

  it("links a walk-in to the citizen's own account when their verified phone and ID number match, and delivers the result to their vault", async () => {
    const { deps } = app();
    // Verified: the phone by the code sent to it, the ID number by the national SSO's claim.
    const citizen = await ssoCitizen(deps, { citizenIdNumber: APPLICANT.citizenIdNumber });
    await verifyPhone(deps, citizen, "0912345001");
    const d = await buildDossier(deps, team.desk, { channel: "counter", applicant: { ...APPLICANT, phone: "0912345001" } });
    expect(d.ownerUserId).toBe(citizen.principal.userId);
    expect((await getDossier(deps, citizen, d.id)).capacity).toBe("applicant");
    await act(deps, team.leader, d.id, "assign", { assigneeId: team.specialist.principal.userId });
    await act(deps, team.specialist, d.id, "propose", { note: "Đủ điều kiện" });
    const result = await deps.db.tx((q) =>
      storeFile(q, {
        ownerUserId: team.leader.principal.userId,
        communeCode: "02923",
        name: "ket-qua.pdf",
        bytes: aPdf("ket qua"),
        maxBytes: 1_000_000,
        field: "resultFile",
        quota: null,
      }),
    );
    await act(deps, team.leader, d.id, "approve", { resultFileId: result.id });
    const vault = await listVault(deps, citizen, citizen.principal.userId);
    expect(vault.some((v) => v.kind === "result" && v.fileId === result.id)).toBe(true);
  });

  it("texts a citizen's own dossier only to their verified phone, never to a number typed into the form", async () => {
    const { deps } = app();
    const smsOf = async (id: string) =>
      (await deps.db.query<{ to: string }>("SELECT payload->>'to' AS to FROM outbox WHERE topic = 'sms' AND dedupe_key LIKE $1", [`dossier:${id}:%`])).rows.map(
        (r) => r.to,
      );
    const someone = await acting(deps, await buildUser(deps, { kind: "citizen" }));
    const typed = { ...APPLICANT, phone: "0912777001" };
    const unverified = await buildDossier(deps, someone, { applicant: typed });
    expect(unverified.code).toBeTruthy();
    expect(await smsOf(unverified.id)).toEqual([]);
    await act(deps, team.desk, unverified.id, "receive");
    expect(await smsOf(unverified.id)).toEqual([]);

    await verifyPhone(deps, someone, "0912777002");
    const verified = await buildDossier(deps, someone, { applicant: typed });
    await act(deps, team.desk, verified.id, "receive");
    expect(await smsOf(verified.id)).toEqual(["+84912777002", "+84912777002"]);
    // Filed at the desk, the phone the officer recorded is the desk's own channel.
    const walkIn = await buildDossier(deps, team.desk, { channel: "counter", applicant: typed });
    expect(await smsOf(walkIn.id)).toEqual(["+84912777001"]);
  });

  it("recovers when the day's counter lost its last numbers in a crash: the code collides once, then moves past", async () => {
    const { deps, clock } = app();
    clock.set(vn("2026-12-07T09:00:00"));
    const first = await buildDossier(deps, team.citizen);
    const second = await buildDossier(deps, team.citizen);
    await deps.db.query("UPDATE dossier_code_counters SET last_value = 0 WHERE day = '2026-12-07'");
    const third = await buildDossier(deps, team.citizen);
    const n = (code: string | null) => Number(code!.slice(-4));
    expect(n(third.code)).toBe(n(second.code) + 1);
    expect(new Set([first.code, second.code, third.code]).size).toBe(3);
  });

  it("links a file id only when the filer uploaded it, naming the document otherwise, and files nothing", async () => {
    const { deps } = app();
    const def = (await getProcedure(deps, ONLINE_PROCEDURE.code)).definition;
    const others = await deps.db.tx((q) =>
      storeFile(q, {
        ownerUserId: team.desk.principal.userId,
        communeCode: "02923",
        name: "x.pdf",
        bytes: aPdf("x"),
        maxBytes: 1_000_000,
        field: "f",
        quota: null,
      }),
    );
    const mine = await deps.db.tx((q) =>
      storeFile(q, {
        ownerUserId: team.citizen.principal.userId,
        communeCode: "02923",
        name: "y.pdf",
        bytes: aPdf("y"),
        maxBytes: 1_000_000,
        field: "f",
        quota: null,
      }),
    );
    const before = (await deps.db.query("SELECT count(*)::int AS n FROM dossiers")).rows[0]!.n;
    const err = await rejection(
      fileDossier(deps, team.citizen, {
        idempotencyKey: "not-my-file",
        procedureCode: ONLINE_PROCEDURE.code,
        communeCode: "02923",
        applicant: APPLICANT,
        form: formValuesFor(def, APPLICANT),
        documents: [
          { requirementKey: "declaration", fileId: mine.id },
          { requirementKey: "identityDocument", fileId: others.id },
        ],
        delivery: { method: "desk" },
        channel: "online",
        intent: "submit",
      }),
    );
    expect(err.fields).toEqual([expect.objectContaining({ field: "documents.identityDocument", message: "dossiers.error.file" })]);
    expect((await deps.db.query("SELECT count(*)::int AS n FROM dossiers")).rows[0]!.n).toBe(before);
  });

  it("stores a result scan in the action's own transaction: a refused action leaves no file behind", async () => {
    const { deps } = app();
    const d = await buildDossier(deps, team.desk, { channel: "counter" });
    await act(deps, team.leader, d.id, "assign", { assigneeId: team.specialist.principal.userId });
    const proposed = await act(deps, team.specialist, d.id, "propose", { note: "Đủ điều kiện" });
    const files = async () => (await deps.db.query("SELECT count(*)::int AS n FROM stored_files")).rows[0]!.n;
    const before = await files();
    const stale = await rejection(
      actOnDossier(deps, team.leader, d.id, { action: "approve", version: proposed.version - 1, resultUpload: { name: "kq.pdf", bytes: aPdf("kq") } }),
    );
    expect(stale.status).toBe(409);
    expect(await files()).toBe(before);
    const approved = await actOnDossier(deps, team.leader, d.id, {
      action: "approve",
      version: proposed.version,
      resultUpload: { name: "kq.pdf", bytes: aPdf("kq") },
    });
    expect(approved.state).toBe("resultReady");
    expect(await files()).toBe(before + 1);
    expect((await getDossier(deps, team.desk, d.id)).documents.some((x) => x.source === "result")).toBe(true);
  });
});
