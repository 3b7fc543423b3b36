import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTION_TYPES,
  type ActorFacts,
  availableActions,
  CLOCK_RUNNING,
  decide,
  FINAL_STATES,
  NATIONAL_STATUS,
  nationalStatusOf,
  STATES,
  type WorkflowAction,
  type WorkflowFacts,
} from "./dossier-workflow.ts";

const SPECIALIST = "u-specialist";
const desk: ActorFacts = { userId: "u-desk", permissions: new Set(["dossier.receive"]), isApplicant: false };
const specialist: ActorFacts = { userId: SPECIALIST, permissions: new Set(["dossier.process"]), isApplicant: false };
const otherSpecialist: ActorFacts = { userId: "u-other", permissions: new Set(["dossier.process"]), isApplicant: false };
const leader: ActorFacts = { userId: "u-leader", permissions: new Set(["dossier.approve"]), isApplicant: false };
const citizen: ActorFacts = { userId: "u-citizen", permissions: new Set(), isApplicant: true };
const stranger: ActorFacts = { userId: "u-stranger", permissions: new Set(), isApplicant: false };
const ACTORS = [desk, specialist, otherSpecialist, leader, citizen, stranger];

const fresh = (over: Partial<WorkflowFacts> = {}): WorkflowFacts => ({
  state: "draft",
  resumeState: null,
  assigneeId: null,
  dueAt: null,
  apologyIssued: false,
  rated: false,
  hoursToDue: null,
  ...over,
});

function sample(type: WorkflowAction["type"]): WorkflowAction {
  const later = new Date("2027-01-01T00:00:00Z");
  switch (type) {
    case "requestSupplement":
      return { type, items: [{ label: "Bản sao CCCD", reason: "Chưa nộp" }] };
    case "refuse":
    case "sendBack":
    case "pause":
    case "cancel":
      return { type, reason: "lý do" };
    case "assign":
      return { type, assigneeId: SPECIALIST };
    case "forward":
      return { type, toUnit: "02905", stepDueAt: later };
    case "forwardReturned":
    case "propose":
      return { type, note: "ghi chú" };
    case "returnResult":
      return { type, method: "desk", collectedBy: "Nguyễn Văn A" };
    case "apologise":
      return { type, reason: "quá tải", newDueAt: later };
    case "rate":
      return { type, rating: 5 };
    default:
      return { type } as WorkflowAction;
  }
}

/** Applies a decision the way the use cases persist it. */
function apply(f: WorkflowFacts, a: WorkflowAction, actor: ActorFacts): WorkflowFacts {
  const d = decide(f, a, actor);
  if (!d.ok) return f;
  return {
    ...f,
    state: d.to,
    resumeState: d.resumeState,
    assigneeId: d.assigneeId,
    dueAt: d.clock === "start" ? new Date("2026-12-01T00:00:00Z") : f.dueAt,
    hoursToDue: d.clock === "start" ? 24 : f.hoursToDue,
    apologyIssued: f.apologyIssued || a.type === "apologise",
    rated: f.rated || a.type === "rate",
    received: f.received || d.clock === "start",
    returned: f.returned || a.type === "returnResult",
    supplementsAfterReceipt: (f.supplementsAfterReceipt ?? 0) + (a.type === "requestSupplement" && f.state !== "submitted" ? 1 : 0),
  };
}

describe("dossier workflow", () => {
  it("maps every state to the national status codes 1–10 (drafts are not reported)", () => {
    const codes = STATES.map((s) => NATIONAL_STATUS[s]).filter((c) => c !== null);
    expect(new Set(codes)).toEqual(new Set([1, 2, 3, 4, 5, 7, 8, 9, 10]));
  });

  it("walks the happy path from draft to returned and rated", () => {
    let f = fresh();
    const steps: Array<[WorkflowAction, ActorFacts, string]> = [
      [sample("submit"), citizen, "submitted"],
      [sample("receive"), desk, "received"],
      [sample("assign"), leader, "inReview"],
      [sample("propose"), specialist, "awaitingApproval"],
      [sample("approve"), leader, "resultReady"],
      [sample("returnResult"), desk, "returned"],
      [sample("rate"), citizen, "returned"],
    ];
    for (const [action, actor, to] of steps) {
      const d = decide(f, action, actor);
      expect(d, action.type).toMatchObject({ ok: true, to });
      f = apply(f, action, actor);
    }
    expect(f.rated).toBe(true);
  });

  it("stops the clock while a supplement is awaited and returns to the state it left", () => {
    const f = fresh({ state: "inReview", assigneeId: SPECIALIST, hoursToDue: 20 });
    const d = decide(f, sample("requestSupplement"), specialist);
    expect(d).toMatchObject({ ok: true, to: "supplementRequested", resumeState: "inReview", clock: "stop" });
    const back = decide(apply(f, sample("requestSupplement"), specialist), sample("answerSupplement"), citizen);
    expect(back).toMatchObject({ ok: true, to: "inReview", clock: "resume" });
  });

  it("asks before receipt without touching a clock that has not started", () => {
    expect(decide(fresh({ state: "submitted" }), sample("requestSupplement"), desk)).toMatchObject({ ok: true, clock: "none" });
  });

  it("refuses illegal transitions, wrong roles and missing data with distinct answers", () => {
    expect(decide(fresh({ state: "returned" }), sample("receive"), desk)).toEqual({ ok: false, error: "illegalState" });
    expect(decide(fresh({ state: "submitted" }), sample("receive"), citizen)).toEqual({ ok: false, error: "forbidden" });
    expect(decide(fresh({ state: "inReview", assigneeId: SPECIALIST }), sample("propose"), otherSpecialist)).toEqual({ ok: false, error: "forbidden" });
    expect(decide(fresh({ state: "submitted" }), { type: "requestSupplement", items: [{ label: " ", reason: "" }] }, desk)).toEqual({
      ok: false,
      error: "missingData",
      field: "items",
    });
    expect(decide(fresh({ state: "resultReady" }), { type: "returnResult", method: "post" }, desk)).toEqual({
      ok: false,
      error: "missingData",
      field: "trackingNumber",
    });
  });

  it("lets the desk refuse to receive but only a leader refuse after receipt", () => {
    expect(decide(fresh({ state: "submitted" }), sample("refuse"), desk)).toMatchObject({ ok: true, to: "refused" });
    expect(decide(fresh({ state: "received" }), sample("refuse"), desk)).toEqual({ ok: false, error: "forbidden" });
    expect(decide(fresh({ state: "received" }), sample("refuse"), leader)).toMatchObject({ ok: true, clock: "end" });
  });

  it("lets the leader, not the desk, apologise once; late (under a working day left, or overdue) is allowed and flagged", () => {
    const due = new Date("2026-12-01T00:00:00Z");
    const f = fresh({ state: "inReview", dueAt: due, hoursToDue: 8 });
    expect(decide(f, sample("apologise"), leader)).toMatchObject({ ok: true, to: "inReview", flags: {} });
    expect(decide(f, sample("apologise"), desk)).toEqual({ ok: false, error: "forbidden" });
    expect(availableActions(f, desk)).not.toContain("apologise");
    expect(decide({ ...f, hoursToDue: 7.5 }, sample("apologise"), leader)).toMatchObject({ ok: true, flags: { late: true } });
    expect(decide({ ...f, hoursToDue: -20 }, sample("apologise"), leader)).toMatchObject({ ok: true, flags: { late: true } });
    expect(availableActions({ ...f, hoursToDue: -20 }, leader)).toContain("apologise");
    expect(decide({ ...f, apologyIssued: true }, sample("apologise"), leader)).toMatchObject({ ok: false, field: "apology" });
    expect(decide(f, { type: "apologise", reason: "x", newDueAt: due }, leader)).toMatchObject({ ok: false, field: "newDueAt" });
  });

  it("asks for a supplement once after receipt, within its time limit; beyond that only a leader's override with a reason", () => {
    const received = fresh({ state: "received", received: true, hoursToDue: 30 });
    expect(decide(received, sample("requestSupplement"), desk)).toMatchObject({ ok: true, flags: {} });
    const again = { ...received, supplementsAfterReceipt: 1 };
    expect(decide(again, sample("requestSupplement"), desk)).toEqual({ ok: false, error: "illegalState", field: "supplementOnce" });
    expect(availableActions(again, desk)).not.toContain("requestSupplement");
    expect(decide(again, sample("requestSupplement"), leader)).toEqual({ ok: false, error: "missingData", field: "overrideReason" });
    expect(decide(again, { ...sample("requestSupplement"), overrideReason: "Thiếu xác nhận của công an" } as WorkflowAction, leader)).toMatchObject({
      ok: true,
      to: "supplementRequested",
      flags: { override: "supplementOnce" },
    });
    const late = { ...received, supplementWindowOver: true };
    expect(decide(late, sample("requestSupplement"), desk)).toEqual({ ok: false, error: "illegalState", field: "supplementLate" });
    // Before receipt the desk guides the applicant as often as needed.
    expect(decide(fresh({ state: "submitted", supplementsAfterReceipt: 3 }), sample("requestSupplement"), desk)).toMatchObject({ ok: true });
    // Every document asked for says why.
    expect(decide(received, { type: "requestSupplement", items: [{ label: "Ảnh", reason: " " }] }, desk)).toMatchObject({ field: "items" });
  });

  it("reports a refusal after receipt as processed (9, then 10 once its letter is handed over), before receipt as not received (3)", () => {
    expect(nationalStatusOf({ state: "refused", receivedAt: null })).toBe(3);
    expect(nationalStatusOf({ state: "refused", receivedAt: new Date(), returnedAt: null })).toBe(9);
    expect(nationalStatusOf({ state: "refused", receivedAt: new Date(), returnedAt: new Date() })).toBe(10);
    const refused = fresh({ state: "refused", received: true });
    expect(decide(refused, sample("returnResult"), desk)).toMatchObject({ ok: true, to: "refused" });
    expect(decide({ ...refused, returned: true }, sample("returnResult"), desk)).toMatchObject({ ok: false, field: "returned" });
    expect(decide({ ...refused, received: false }, sample("returnResult"), desk)).toMatchObject({ ok: false, field: "notReceived" });
  });

  it("hands over no result while a fee is outstanding", () => {
    const ready = fresh({ state: "resultReady", feeOutstanding: true });
    expect(decide(ready, sample("returnResult"), desk)).toEqual({ ok: false, error: "illegalState", field: "fee" });
    expect(availableActions(ready, desk)).not.toContain("returnResult");
    expect(decide({ ...ready, feeOutstanding: false }, sample("returnResult"), desk)).toMatchObject({ ok: true, to: "returned" });
  });

  it("offers only the actions decide() would accept", () => {
    for (const state of STATES) {
      const f = fresh({
        state,
        assigneeId: SPECIALIST,
        resumeState: state === "paused" || state === "supplementRequested" ? "received" : null,
        dueAt: new Date(),
        hoursToDue: 16,
      });
      for (const actor of ACTORS) {
        for (const t of availableActions(f, actor)) expect(decide(f, sample(t), actor).ok, `${state} ${t}`).toBe(true);
      }
    }
  });

  it("never reaches an invalid state nor lets a role act outside its rights, over generated sequences", () => {
    const step = fc.record({ action: fc.constantFrom(...ACTION_TYPES), actor: fc.constantFrom(...ACTORS) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (seq) => {
        let f = fresh();
        for (const { action, actor } of seq) {
          const before = f;
          const d = decide(f, sample(action), actor);
          f = apply(f, sample(action), actor);
          expect(STATES).toContain(f.state);
          // Someone with no role and no claim on the dossier never changes anything.
          if (actor === stranger) expect(d.ok).toBe(false);
          // Only a leader ends a dossier's processing with a decision.
          if (d.ok && f.state === "resultReady" && before.state !== "resultReady") expect(actor.permissions.has("dossier.approve")).toBe(true);
          // A final state is left only by rating it.
          if (FINAL_STATES.has(before.state)) expect(f.state).toBe(before.state);
          // Where to resume is known exactly while stopped.
          expect(f.resumeState !== null).toBe(f.state === "paused" || f.state === "supplementRequested");
          if (f.resumeState) expect(CLOCK_RUNNING.has(f.resumeState) || f.resumeState === "submitted").toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
