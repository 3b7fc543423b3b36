// The dossiers' read models: the shapes other modules and the pages read. The repository fills them.
import type { ProcedureRecord } from "../procedures/index.ts";
import type { ActionType, DossierState } from "./dossier-workflow.ts";

export type Applicant = {
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
  feeAmount: number;
  feeStatus: "none" | "unpaid" | "paid" | "exempt" | "refunded";
  rating: number | null;
  ratingComment: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
  updatedAt: Date;
};

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

export type SupplementRequest = {
  id: string;
  round: number;
  items: Array<{ key: string; label: string; note?: string | null }>;
  note: string | null;
  requestedAt: Date;
  answeredAt: Date | null;
  oldDueAt: Date | null;
  newDueAt: Date | null;
};

export type QueueName = "newOnline" | "awaitingSupplement" | "inProgress" | "dueSoon" | "overdue" | "readyToReturn";

export const QUEUES: readonly QueueName[] = ["newOnline", "awaitingSupplement", "inProgress", "dueSoon", "overdue", "readyToReturn"];

export type QueueItem = Pick<
  DossierRow,
  "id" | "code" | "state" | "applicantName" | "channel" | "submittedAt" | "receivedAt" | "dueAt" | "assigneeId" | "version"
> & { procedureName: string; procedureCode: string; sortAt: Date };

/** A line of the applicant's own list. */
export type OwnDossier = Pick<DossierRow, "id" | "code" | "state" | "submittedAt" | "dueAt" | "createdAt" | "updatedAt"> & { procedureName: string };

/** One dossier as a page or the API shows it: its record, history, documents and what the reader may do next. */
export type DossierView = {
  dossier: DossierRow;
  procedure: ProcedureRecord;
  events: DossierEvent[];
  documents: DossierDocument[];
  supplements: SupplementRequest[];
  actions: ActionType[];
  capacity: "office" | "applicant";
  specialists: Array<{ id: string; displayName: string }>;
  hoursToDue: number | null;
};
