// The dossiers' read models: the shapes other modules and the pages read. The repository fills them.
import type { ProcedureRecord } from "../procedures/index.ts";
import type { ActionType, DossierState } from "./dossier-workflow.ts";

export type Organisation = { name: string; taxCode: string; representative: string };
export type Applicant = {
  /** Absent on rows stored before organisations could apply: a citizen. */
  type?: "citizen" | "organisation";
  organisation?: Organisation | null;
  fullName: string;
  birthDate?: string | null;
  citizenIdNumber?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
};
export type Delivery = { method: "desk" | "post" | "online"; address?: string | null; collectedBy?: string | null; trackingNumber?: string | null };
/** recordedBy: the helper's username; recordedByName: their name as shown; photo: the signed paper is among the documents. */
export type Consent = {
  given: true;
  method: "signature" | "verbal" | "fingerprint";
  recordedBy: string;
  recordedByName?: string;
  photo?: boolean;
  at: string;
  note?: string | null;
};

export type DossierRow = {
  id: string;
  code: string | null;
  communeCode: string;
  unitPath: string;
  procedureId: string;
  procedureVersion: number;
  state: DossierState;
  resumeState: DossierState | null;
  version: number;
  channel: "counter" | "online" | "post";
  ownerUserId: string | null;
  filedByUserId: string | null;
  assistedConsent: Consent | null;
  applicant: Applicant;
  applicantName: string;
  formData: Record<string, unknown>;
  delivery: Delivery;
  assigneeId: string | null;
  forwardedTo: string | null;
  stepDueAt: Date | null;
  submittedAt: Date | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  remainingHours: number | null;
  clockStoppedAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  apologyAt: Date | null;
  apologyDueAt: Date | null;
  /** The entry in the commune desk's register book of that year (Mẫu 07), shared with the receipt (Mẫu 01). */
  registerYear: number | null;
  registerNumber: number | null;
  feeAmount: number;
  feeStatus: "none" | "unpaid" | "paid" | "exempt" | "refunded";
  rating: number | null;
  ratingComment: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The name a dossier is filed under: the organisation's for an organisation, else the person's. */
export const applicantDisplayName = (a: Applicant) => (a.type === "organisation" && a.organisation ? a.organisation.name : a.fullName);
/** National applicant type: 1 citizen, 2 organisation. */
export const nationalApplicantType = (a: Applicant) => (a.type === "organisation" ? 2 : 1);

export type InteragencyStep = {
  id: string;
  agencyName: string;
  agencyCode: string | null;
  sentAt: Date;
  stepDueAt: Date;
  returnedAt: Date | null;
  result: "done" | "refused" | "other" | null;
  note: string | null;
};

/** An inter-agency step returned after its deadline, or still out past it. */
export const stepLate = (s: Pick<InteragencyStep, "stepDueAt" | "returnedAt">, now: Date) =>
  new Date(s.returnedAt ?? now).getTime() > new Date(s.stepDueAt).getTime();

export type DossierEvent = {
  id: number;
  action: string;
  fromState: DossierState | null;
  toState: DossierState;
  actorId: string | null;
  actorLabel: string;
  at: Date;
  reason: string | null;
  stepDueAt: Date | null;
  details: Record<string, unknown>;
};

export type DossierDocument = {
  id: string;
  requirementKey: string;
  fileId: string;
  source: "upload" | "vault" | "scan" | "result";
  round: number;
  name: string;
  mediaType: string;
  sizeBytes: number;
};

/** A required document whose original was shown at the counter and not scanned (Decree 104/2022): provided, not digitised. */
export type OriginalSeen = { requirementKey: string; seenAt: Date; seenBy: string | null };

export type SupplementRequest = {
  id: string;
  round: number;
  items: Array<{ key: string; label: string; note?: string | null }>;
  note: string | null;
  requestedAt: Date;
  answeredAt: Date | null;
  oldDueAt: Date | null;
  newDueAt: Date | null;
  /** A leader's reason for a request beyond the one after receipt; null otherwise. */
  overrideReason: string | null;
  /** Asked after receipt by the handling agency ("once, in full"), not the desk's guidance at intake. */
  afterReceipt: boolean;
};

/** The desk's queues; the first two are personal: the specialist's own dossiers, and those awaiting a leader's decision. */
export const QUEUES = ["assignedToMe", "awaitingApproval", "newOnline", "awaitingSupplement", "inProgress", "dueSoon", "overdue", "readyToReturn"] as const;
export type QueueName = (typeof QUEUES)[number];
/** Who sees a personal queue: those holding this permission on the commune. */
export const PERSONAL_QUEUES: Partial<Record<QueueName, "dossier.process" | "dossier.approve">> = {
  assignedToMe: "dossier.process",
  awaitingApproval: "dossier.approve",
};

export type QueueItem = Pick<
  DossierRow,
  "id" | "code" | "state" | "applicantName" | "channel" | "submittedAt" | "receivedAt" | "dueAt" | "clockStoppedAt" | "assigneeId" | "version"
> & { procedureName: string; procedureCode: string; sortAt: Date; arrivedAt: Date };

/** A line of the applicant's own list. */
export type OwnDossier = Pick<DossierRow, "id" | "code" | "state" | "submittedAt" | "dueAt" | "createdAt" | "updatedAt"> & { procedureName: string };

/** One dossier as a page or the API shows it: its record, history, documents and what the reader may do next. */
export type DossierView = {
  dossier: DossierRow;
  procedure: ProcedureRecord;
  events: DossierEvent[];
  documents: DossierDocument[];
  /** Originals seen at the counter, without a file; absent where a view does not show documents. */
  originalsSeen?: OriginalSeen[];
  supplements: SupplementRequest[];
  /** Inter-agency steps (liên thông), oldest first; absent where a view was built without them. */
  interagencySteps?: InteragencyStep[];
  /** Why a supplement request now needs a leader's override (asked once already, or past its time limit). */
  supplementLimit?: "supplementOnce" | "supplementLate" | null;
  actions: ActionType[];
  capacity: "office" | "applicant";
  specialists: Array<{ id: string; displayName: string }>;
  hoursToDue: number | null;
  /** An online dossier waiting at the desk: when it must be received or refused, and whether that has passed. */
  receiveBy?: { at: Date; late: boolean } | null;
};
