// The dossier state machine, pure: states, actions, guards (permission, state, required data) and the effect
// on the statutory clock. Use cases load the facts, ask decide(), and persist what it answers. Who holds a
// permission is platform/auth/roles.ts's to say: the machine only names the permission each action needs.
import type { Permission } from "../../platform/auth/roles.ts";

export const STATES = [
  "draft",
  "submitted",
  "supplementRequested",
  "received",
  "inReview",
  "forwarded",
  "awaitingApproval",
  "paused",
  "resultReady",
  "returned",
  "refused",
  "cancelled",
] as const;
export type DossierState = (typeof STATES)[number];

/**
 * The national portal's ten status codes (1 newly submitted … 10 result delivered); drafts are not sent.
 * By state alone: a refusal here is a refusal to receive (3). Use nationalStatusOf() for a dossier, which
 * reports a refusal after receipt as processed.
 */
export const NATIONAL_STATUS: Record<DossierState, number | null> = {
  draft: null,
  submitted: 1,
  received: 2,
  refused: 3,
  inReview: 4,
  forwarded: 4,
  awaitingApproval: 4,
  supplementRequested: 5,
  cancelled: 7,
  paused: 8,
  resultReady: 9,
  returned: 10,
};
// Code 6 (financial obligation) belongs to procedures that assess taxes (land); none in the catalogue yet.

/**
 * A dossier's national status. A dossier refused after receipt was received and decided: it is "9 Đã xử lý
 * xong" with a refusal result, and "10 Đã trả kết quả" once the refusal letter is handed over (returnResult
 * on the refused dossier). Refused before receipt it stays "3 Không được tiếp nhận".
 */
export function nationalStatusOf(d: { state: DossierState; receivedAt: Date | string | null; returnedAt?: Date | string | null }): number | null {
  if (d.state === "refused" && d.receivedAt) return d.returnedAt ? 10 : 9;
  return NATIONAL_STATUS[d.state];
}

/**
 * After receipt the handling agency asks for a supplement once, with all that is missing, within this many
 * working days of receipt (Decree 61/2018 Art. 19, carried into Decree 118/2025; recalled, to verify).
 */
export const SUPPLEMENT_WINDOW_WORKING_DAYS = 3;

/** States in which the statutory clock runs. */
export const CLOCK_RUNNING: ReadonlySet<DossierState> = new Set(["received", "inReview", "forwarded", "awaitingApproval"]);
/** States in which a stop holds the clock (a pause, a supplement request). */
export const CLOCK_STOPPED: ReadonlySet<DossierState> = new Set(["paused", "supplementRequested"]);

/**
 * Late stays late: a running clock is late past its deadline; a stopped one only when it stopped after it, since
 * a stop never gives back time already overrun. The desk's overdue queue and the figures count the same in SQL.
 */
export function isOverdue(d: { state: DossierState; dueAt: Date | string | null; clockStoppedAt: Date | string | null }, now: Date): boolean {
  if (!d.dueAt) return false;
  const due = new Date(d.dueAt).getTime();
  if (CLOCK_STOPPED.has(d.state)) return d.clockStoppedAt !== null && due < new Date(d.clockStoppedAt).getTime();
  return due < now.getTime();
}

export const FINAL_STATES: ReadonlySet<DossierState> = new Set(["returned", "refused", "cancelled"]);
/** States counted as "being processed" on queues and figures. */
export const OPEN_STATES: readonly DossierState[] = STATES.filter((s) => s !== "draft" && !FINAL_STATES.has(s));

/** The permissions the machine asks about (desk, specialist, leader); an actor's are those held on the dossier's unit. */
export const WORKFLOW_PERMISSIONS = ["dossier.receive", "dossier.process", "dossier.approve"] as const satisfies readonly Permission[];
export type WorkflowPermission = (typeof WORKFLOW_PERMISSIONS)[number];

export type WorkflowAction =
  | { type: "submit" }
  | { type: "receive" }
  | { type: "requestSupplement"; items: SupplementItem[]; overrideReason?: string }
  | { type: "answerSupplement" }
  | { type: "refuse"; reason: string }
  | { type: "assign"; assigneeId: string }
  | { type: "forward"; toUnit: string; agencyCode?: string; stepDueAt: Date }
  | { type: "forwardReturned"; note: string; result?: InteragencyResult }
  | { type: "propose"; note: string }
  | { type: "approve" }
  | { type: "sendBack"; reason: string }
  | { type: "pause"; reason: string }
  | { type: "resume" }
  | { type: "cancel"; reason: string }
  | { type: "returnResult"; method: "desk" | "post" | "online"; collectedBy?: string; trackingNumber?: string }
  | { type: "apologise"; reason: string; newDueAt: Date }
  | { type: "rate"; rating: number };
export type ActionType = WorkflowAction["type"];
/** One document asked for, with why (Mẫu 02 prints both). */
export type SupplementItem = { label: string; reason: string };
export const INTERAGENCY_RESULTS = ["done", "refused", "other"] as const;
export type InteragencyResult = (typeof INTERAGENCY_RESULTS)[number];
export const ACTION_TYPES: readonly ActionType[] = [
  "submit",
  "receive",
  "requestSupplement",
  "answerSupplement",
  "refuse",
  "assign",
  "forward",
  "forwardReturned",
  "propose",
  "approve",
  "sendBack",
  "pause",
  "resume",
  "cancel",
  "returnResult",
  "apologise",
  "rate",
];

export type WorkflowFacts = {
  state: DossierState;
  resumeState: DossierState | null;
  assigneeId: string | null;
  dueAt: Date | null;
  apologyIssued: boolean;
  rated: boolean;
  /** Working hours from now to the due time (negative when late); null while the clock is not set. */
  hoursToDue: number | null;
  /** The dossier was received (a refusal after receipt is a decision, not a refusal to receive). */
  received?: boolean;
  /** The result (or the refusal letter) was handed over. */
  returned?: boolean;
  /** Supplement requests made after receipt so far. */
  supplementsAfterReceipt?: number;
  /** The time limit for asking after receipt has passed (SUPPLEMENT_WINDOW_WORKING_DAYS). */
  supplementWindowOver?: boolean;
  /** A fee is due and the procedure does not let it be paid at collection: no result is handed over. */
  feeOutstanding?: boolean;
};

export type ActorFacts = {
  userId: string | null;
  /** The workflow permissions the actor holds on the dossier's unit (see can() in platform/auth/authorise.ts). */
  permissions: ReadonlySet<WorkflowPermission>;
  /** The applicant (owner of the dossier) or whoever filed it for them. */
  isApplicant: boolean;
};

export type ClockEffect = "start" | "stop" | "resume" | "end" | "none";
/** What a decision records beside the state: a leader's override of the supplement rule, an apology issued late. */
export type DecisionFlags = { override?: "supplementOnce" | "supplementLate"; late?: boolean };
export type Decision =
  | { ok: true; to: DossierState; resumeState: DossierState | null; clock: ClockEffect; assigneeId: string | null; flags: DecisionFlags }
  | { ok: false; error: "illegalState" | "forbidden" | "missingData"; field?: string };

/** A permission, or a relation to the dossier: its applicant, or the specialist it is assigned to. */
type Who = WorkflowPermission | "applicant" | "assignee";
type Rule = {
  from: readonly DossierState[];
  /** Any one of these lets the actor take the action. */
  who: (a: WorkflowAction, f: WorkflowFacts) => readonly Who[];
  to: (f: WorkflowFacts, a: WorkflowAction) => DossierState;
  clock: (f: WorkflowFacts) => ClockEffect;
  /** The field that must be present, or null when the action carries everything it needs. */
  missing?: (a: WorkflowAction, f: WorkflowFacts) => string | null;
};

const same = (f: WorkflowFacts) => f.state;
const none = () => "none" as const;
const blank = (s: string | undefined) => !s || s.trim() === "";
const RUNNING_OR_PAUSABLE = ["received", "inReview", "forwarded", "awaitingApproval"] as const;

/** Why a supplement request after receipt needs a leader's override; null when the desk may ask. */
export function supplementLimit(f: WorkflowFacts): "supplementOnce" | "supplementLate" | null {
  if (f.state === "submitted") return null; // guidance at intake: as often as needed
  if ((f.supplementsAfterReceipt ?? 0) > 0) return "supplementOnce";
  if (f.supplementWindowOver) return "supplementLate";
  return null;
}

/** An apology is late when issued less than one working day (8 working hours) before the deadline, or after it. */
export const apologyIsLate = (f: WorkflowFacts) => f.hoursToDue === null || f.hoursToDue < 8;

const RULES: Record<ActionType, Rule> = {
  submit: { from: ["draft"], who: () => ["applicant"], to: () => "submitted", clock: none },
  receive: { from: ["submitted"], who: () => ["dossier.receive"], to: () => "received", clock: () => "start" },
  requestSupplement: {
    from: ["submitted", "received", "inReview"],
    // The desk asks before and after receipt; the specialist reviewing it may ask too (through the desk's form).
    // A second request after receipt, or one after the time limit, is a leader's override.
    who: (_a, f) => [
      ...(f.state === "inReview" ? (["dossier.receive", "assignee"] as const) : (["dossier.receive"] as const)),
      ...(supplementLimit(f) ? (["dossier.approve"] as const) : []),
    ],
    to: () => "supplementRequested",
    clock: (f) => (CLOCK_RUNNING.has(f.state) ? "stop" : "none"),
    missing: (a, f) => {
      if (a.type !== "requestSupplement") return null;
      if (a.items.filter((i) => i.label.trim()).length === 0) return "items";
      if (a.items.some((i) => i.label.trim() && blank(i.reason))) return "items";
      if (supplementLimit(f) && blank(a.overrideReason)) return "overrideReason";
      return null;
    },
  },
  answerSupplement: {
    from: ["supplementRequested"],
    who: () => ["applicant", "dossier.receive"],
    to: (f) => f.resumeState ?? "submitted",
    clock: (f) => (f.resumeState && CLOCK_RUNNING.has(f.resumeState) ? "resume" : "none"),
  },
  refuse: {
    from: ["submitted", "received", "inReview", "awaitingApproval", "paused"],
    // Refusing to receive is the desk's; refusing to grant after receipt is a leader's decision.
    who: (_a, f) => (f.state === "submitted" ? ["dossier.receive"] : ["dossier.approve"]),
    to: () => "refused",
    clock: () => "end",
    missing: (a) => (a.type === "refuse" && blank(a.reason) ? "reason" : null),
  },
  assign: {
    from: ["received", "inReview"],
    who: (_a, f) => (f.state === "received" ? ["dossier.receive", "dossier.approve"] : ["dossier.approve"]),
    to: () => "inReview",
    clock: none,
    missing: (a) => (a.type === "assign" && blank(a.assigneeId) ? "assigneeId" : null),
  },
  forward: {
    from: ["inReview"],
    who: () => ["assignee"],
    to: () => "forwarded",
    clock: none,
    missing: (a) => (a.type === "forward" && blank(a.toUnit) ? "toUnit" : null),
  },
  forwardReturned: {
    from: ["forwarded"],
    who: () => ["assignee", "dossier.receive"],
    to: () => "inReview",
    clock: none,
    missing: (a) => (a.type === "forwardReturned" && blank(a.note) ? "note" : null),
  },
  propose: {
    from: ["inReview"],
    who: () => ["assignee"],
    to: () => "awaitingApproval",
    clock: none,
    missing: (a) => (a.type === "propose" && blank(a.note) ? "note" : null),
  },
  approve: { from: ["awaitingApproval"], who: () => ["dossier.approve"], to: () => "resultReady", clock: () => "end" },
  sendBack: {
    from: ["awaitingApproval"],
    who: () => ["dossier.approve"],
    to: () => "inReview",
    clock: none,
    missing: (a) => (a.type === "sendBack" && blank(a.reason) ? "reason" : null),
  },
  pause: {
    from: RUNNING_OR_PAUSABLE,
    who: () => ["dossier.approve"],
    to: () => "paused",
    clock: () => "stop",
    missing: (a) => (a.type === "pause" && blank(a.reason) ? "reason" : null),
  },
  resume: { from: ["paused"], who: () => ["dossier.approve"], to: (f) => f.resumeState ?? "received", clock: () => "resume" },
  cancel: {
    from: ["draft", "submitted", "supplementRequested", "received", "inReview", "forwarded", "awaitingApproval", "paused"],
    // Withdrawal is the citizen's right; the desk records a request made at the counter.
    who: () => ["applicant", "dossier.receive"],
    to: () => "cancelled",
    clock: (f) => (CLOCK_RUNNING.has(f.state) ? "end" : "none"),
    missing: (a) => (a.type === "cancel" && blank(a.reason) ? "reason" : null),
  },
  returnResult: {
    // From "refused": handing over the refusal letter of a dossier refused after receipt (national status 10).
    from: ["resultReady", "refused"],
    who: () => ["dossier.receive"],
    to: (f) => (f.state === "refused" ? "refused" : "returned"),
    clock: none,
    missing: (a) => {
      if (a.type !== "returnResult") return null;
      if (a.method === "desk" && blank(a.collectedBy)) return "collectedBy";
      if (a.method === "post" && blank(a.trackingNumber)) return "trackingNumber";
      return null;
    },
  },
  apologise: {
    from: RUNNING_OR_PAUSABLE,
    // Mẫu 04 is signed by the head of the handling agency: a leader's act, not the desk's.
    who: () => ["dossier.approve"],
    to: same,
    clock: none,
    missing: (a, f) => {
      if (a.type !== "apologise") return null;
      if (blank(a.reason)) return "reason";
      if (!f.dueAt || a.newDueAt.getTime() <= f.dueAt.getTime()) return "newDueAt";
      return null;
    },
  },
  rate: {
    from: ["returned"],
    who: () => ["applicant"],
    to: same,
    clock: none,
    missing: (a) => (a.type === "rate" && !(Number.isInteger(a.rating) && a.rating >= 1 && a.rating <= 5) ? "rating" : null),
  },
};

function mayAct(who: readonly Who[], actor: ActorFacts, facts: WorkflowFacts): boolean {
  return who.some((w) => {
    if (w === "applicant") return actor.isApplicant;
    if (w === "assignee") return actor.userId !== null && actor.userId === facts.assigneeId && actor.permissions.has("dossier.process");
    return actor.permissions.has(w);
  });
}

/** Which actions this actor may take now: the buttons a page shows. */
export function availableActions(facts: WorkflowFacts, actor: ActorFacts): ActionType[] {
  return ACTION_TYPES.filter((t) => {
    const rule = RULES[t];
    if (!rule.from.includes(facts.state) || !mayAct(rule.who({ type: t } as WorkflowAction, facts), actor, facts)) return false;
    if (t === "apologise") return !facts.apologyIssued;
    if (t === "rate") return !facts.rated;
    if (t === "returnResult") return returnBlock(facts) === null;
    if (t === "requestSupplement" && supplementLimit(facts)) return actor.permissions.has("dossier.approve");
    return true;
  });
}

/**
 * Decides one action. The state is checked before the permission so that a stale page gets "changed meanwhile"
 * rather than "forbidden"; required data is checked last.
 */
export function decide(facts: WorkflowFacts, action: WorkflowAction, actor: ActorFacts): Decision {
  const rule = RULES[action.type];
  if (!rule.from.includes(facts.state)) return { ok: false, error: "illegalState" };
  if (!mayAct(rule.who(action, facts), actor, facts)) return { ok: false, error: "forbidden" };
  // The apology with a new date is made once; issued late (under one working day left, or after the deadline)
  // it is still owed to the citizen, and marked late.
  if (action.type === "apologise" && facts.apologyIssued) return { ok: false, error: "illegalState", field: "apology" };
  if (action.type === "rate" && facts.rated) return { ok: false, error: "illegalState", field: "rating" };
  if (action.type === "returnResult") {
    const block = returnBlock(facts);
    if (block) return { ok: false, error: "illegalState", field: block };
  }
  const limit = action.type === "requestSupplement" ? supplementLimit(facts) : null;
  // Only a leader overrides "once, in full"; the desk is told why it cannot ask again.
  if (limit && !actor.permissions.has("dossier.approve")) return { ok: false, error: "illegalState", field: limit };
  const missing = rule.missing?.(action, facts) ?? null;
  if (missing) return { ok: false, error: "missingData", field: missing };
  const to = rule.to(facts, action);
  const stops = to === "paused" || to === "supplementRequested";
  return {
    ok: true,
    to,
    resumeState: stops ? facts.state : null,
    clock: rule.clock(facts),
    assigneeId: action.type === "assign" ? action.assigneeId : facts.assigneeId,
    flags: {
      ...(limit ? { override: limit } : {}),
      ...(action.type === "apologise" && apologyIsLate(facts) ? { late: true } : {}),
    },
  };
}

/** Why nothing can be handed over now: the fee, or a refusal letter that has nothing to hand over. */
function returnBlock(f: WorkflowFacts): "fee" | "returned" | "notReceived" | null {
  if (f.state === "refused") return !f.received ? "notReceived" : f.returned ? "returned" : null;
  return f.feeOutstanding ? "fee" : null;
}
