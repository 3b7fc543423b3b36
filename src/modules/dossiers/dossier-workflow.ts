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

/** The national portal's ten status codes (1 newly submitted … 10 result delivered); drafts are not sent. */
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

/** States in which the statutory clock runs. */
export const CLOCK_RUNNING: ReadonlySet<DossierState> = new Set(["received", "inReview", "forwarded", "awaitingApproval"]);
export const FINAL_STATES: ReadonlySet<DossierState> = new Set(["returned", "refused", "cancelled"]);
/** States counted as "being processed" on queues and figures. */
export const OPEN_STATES: readonly DossierState[] = STATES.filter((s) => s !== "draft" && !FINAL_STATES.has(s));

/** The permissions the machine asks about (desk, specialist, leader); an actor's are those held on the dossier's unit. */
export const WORKFLOW_PERMISSIONS = ["dossier.receive", "dossier.process", "dossier.approve"] as const satisfies readonly Permission[];
export type WorkflowPermission = (typeof WORKFLOW_PERMISSIONS)[number];

export type WorkflowAction =
  | { type: "submit" }
  | { type: "receive" }
  | { type: "requestSupplement"; items: string[] }
  | { type: "answerSupplement" }
  | { type: "refuse"; reason: string }
  | { type: "assign"; assigneeId: string }
  | { type: "forward"; toUnit: string; stepDueAt: Date }
  | { type: "forwardReturned"; note: string }
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
};

export type ActorFacts = {
  userId: string | null;
  /** The workflow permissions the actor holds on the dossier's unit (see can() in platform/auth/authorise.ts). */
  permissions: ReadonlySet<WorkflowPermission>;
  /** The applicant (owner of the dossier) or whoever filed it for them. */
  isApplicant: boolean;
};

export type ClockEffect = "start" | "stop" | "resume" | "end" | "none";
export type Decision =
  | { ok: true; to: DossierState; resumeState: DossierState | null; clock: ClockEffect; assigneeId: string | null }
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

const RULES: Record<ActionType, Rule> = {
  submit: { from: ["draft"], who: () => ["applicant"], to: () => "submitted", clock: none },
  receive: { from: ["submitted"], who: () => ["dossier.receive"], to: () => "received", clock: () => "start" },
  requestSupplement: {
    from: ["submitted", "received", "inReview"],
    // The desk asks before and after receipt; the specialist reviewing it may ask too (through the desk's form).
    who: (_a, f) => (f.state === "inReview" ? ["dossier.receive", "assignee"] : ["dossier.receive"]),
    to: () => "supplementRequested",
    clock: (f) => (CLOCK_RUNNING.has(f.state) ? "stop" : "none"),
    missing: (a) => (a.type === "requestSupplement" && a.items.filter((i) => i.trim()).length === 0 ? "items" : null),
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
    from: ["resultReady"],
    who: () => ["dossier.receive"],
    to: () => "returned",
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
    who: () => ["dossier.approve", "dossier.receive"],
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
    if (t === "apologise") return !facts.apologyIssued && facts.hoursToDue !== null && facts.hoursToDue >= 8;
    if (t === "rate") return !facts.rated;
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
  // The apology with a new date is owed once, and at least one working day before the deadline.
  if (action.type === "apologise") {
    if (facts.apologyIssued) return { ok: false, error: "illegalState", field: "apology" };
    if (facts.hoursToDue === null || facts.hoursToDue < 8) return { ok: false, error: "illegalState", field: "dueAt" };
  }
  if (action.type === "rate" && facts.rated) return { ok: false, error: "illegalState", field: "rating" };
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
  };
}
