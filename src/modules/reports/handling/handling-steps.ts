// The officer's steps on a report, each mapped onto the workflow graph (reports.model.ts): the API's action names,
// where each goes, and which ones the graph allows now (the forms the office page shows).
import { canMove, type ReportStatus } from "../reports.model.ts";

export const HANDLING_ACTIONS = ["accept", "reject", "assign", "start", "forward", "forward-return", "resolve"] as const;
export type HandlingAction = (typeof HANDLING_ACTIONS)[number];

export const isHandlingAction = (a: string): a is HandlingAction => (HANDLING_ACTIONS as readonly string[]).includes(a);

const TARGET: Record<HandlingAction, ReportStatus> = {
  accept: "accepted",
  reject: "rejected",
  assign: "assigned",
  start: "in_progress",
  forward: "forwarded",
  "forward-return": "in_progress",
  resolve: "resolved",
};

/** The kind of the report_events row each step writes. */
export const EVENT_KIND: Record<HandlingAction, string> = {
  accept: "accepted",
  reject: "rejected",
  assign: "assigned",
  start: "started",
  forward: "forwarded",
  "forward-return": "forward_returned",
  resolve: "resolved",
};

export const targetOf = (a: HandlingAction): ReportStatus => TARGET[a];

/**
 * Whether the graph allows the step from `from`. `start` and `forward-return` both lead to in_progress: starting is
 * for work not sent away, the return only for a forwarded report (its agency's answer is recorded with it).
 */
export function stepAllowed(a: HandlingAction, from: ReportStatus): boolean {
  if (a === "start" && from === "forwarded") return false;
  if (a === "forward-return") return from === "forwarded";
  return canMove(from, TARGET[a]);
}

export const allowedSteps = (from: ReportStatus): HandlingAction[] => HANDLING_ACTIONS.filter((a) => stepAllowed(a, from));
