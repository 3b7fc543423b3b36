// The shape of a citizen report and its workflow: the one graph every part reads (desk, public page, Open311).

export const REPORT_STATUSES = ["received", "accepted", "rejected", "assigned", "in_progress", "forwarded", "resolved", "reopened", "closed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REJECT_REASONS = ["not_commune", "duplicate", "abusive"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const REPORT_CHANNELS = ["web", "assisted", "open311", "sms", "meeting"] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** Which step may follow which. `resolved → reopened` and `resolved → closed` are the reporter's (or the time's). */
export const REPORT_TRANSITIONS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  received: ["accepted", "rejected"],
  accepted: ["assigned", "in_progress", "forwarded", "resolved"],
  rejected: [],
  assigned: ["assigned", "in_progress", "forwarded", "resolved"],
  in_progress: ["assigned", "forwarded", "resolved"],
  forwarded: ["in_progress", "resolved"],
  resolved: ["reopened", "closed"],
  reopened: ["assigned", "in_progress", "forwarded", "resolved"],
  closed: [],
};

export const canMove = (from: ReportStatus, to: ReportStatus): boolean => REPORT_TRANSITIONS[from].includes(to);

/** Still the commune's to answer: counts toward "overdue" and the assignee's list. */
export const OPEN_STATUSES: readonly ReportStatus[] = ["received", "accepted", "assigned", "in_progress", "forwarded", "reopened"];

/** Open311 GeoReport v2 knows only open and closed; the detail goes to `status_notes`. */
export function open311Status(status: ReportStatus): "open" | "closed" {
  return status === "rejected" || status === "resolved" || status === "closed" ? "closed" : "open";
}

/** The workflow's step kinds in report_events (every page that names a step has a text for each; others add their own). */
export const REPORT_STEP_KINDS = [
  "submitted",
  "accepted",
  "rejected",
  "assigned",
  "started",
  "forwarded",
  "forward_returned",
  "resolved",
  "confirmed",
  "reopened",
  "closed",
] as const;

/** Days the reporter has to confirm or reopen an answer before it closes by itself. */
export const CONFIRM_WINDOW_DAYS = 7;
/** At most this many photos with a report, and with an answer. */
export const MAX_REPORT_PHOTOS = 3;
export const DESCRIPTION_MAX = 2000;
export const LANDMARK_MAX = 300;

export type ReportRow = {
  id: string;
  code: string;
  communeCode: string;
  unitPath: string;
  villageCode: string | null;
  categoryId: string;
  description: string;
  landmark: string;
  lat: number | null;
  lon: number | null;
  locationSource: "none" | "device" | "map" | "open311";
  attributes: Record<string, unknown>;
  status: ReportStatus;
  rejectReason: RejectReason | null;
  duplicateOf: string | null;
  statusNote: string | null;
  public: boolean;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  reporterUserId: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
  anonymous: boolean;
  notifySms: boolean;
  channel: ReportChannel;
  assistedBy: string | null;
  assistedConsent: unknown;
  open311ClientId: string | null;
  open311Token: string | null;
  assigneeUserId: string | null;
  assignedUnit: string | null;
  acceptedAt: Date | null;
  dueAt: Date | null;
  answeredAt: Date | null;
  answer: string | null;
  confirmUntil: Date | null;
  confirmedAt: Date | null;
  satisfaction: number | null;
  reopenCount: number;
  closedAt: Date | null;
  remindedAt: Date | null;
  supportCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};
