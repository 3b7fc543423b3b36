// View models of the printable one-stop forms (Circular 03/2025/TT-VPCP, Annex I).
// Plain data, already read and decided by the caller: the renderers only lay it out.
import type { Locale } from "../../../platform/i18n/i18n.ts";

export type Channel = "counter" | "online" | "post";
export type DeliveryMethod = "desk" | "post" | "online";
export type StepOutcome = "early" | "onTime" | "late";

/** What every form carries in its header. */
export interface FormBase {
  locale: Locale;
  /** Left header, e.g. "Ủy ban nhân dân xã Gia Phú" (printed in capitals). */
  agencyName: string;
  /** Optional line above the agency, e.g. "Ủy ban nhân dân tỉnh Lào Cai". */
  parentAgencyName?: string;
  /** The commune with its type, e.g. "xã Gia Phú": completes "Bộ phận tiếp nhận và trả kết quả …". */
  communeName: string;
  /** Place of the date line, e.g. "Gia Phú". */
  placeName: string;
  /** The document's number ("Số: …"); the number line is left out when absent. */
  documentNumber?: string;
}

export interface Applicant {
  name: string;
  citizenIdNumber?: string;
  address?: string;
  phone?: string;
  email?: string;
}

/** Who signs for the agency: title defaults to the form's usual signer. */
export interface Signer {
  name: string;
  title?: string;
}

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. The document date is receivedAt. */
export interface ReceiptData extends FormBase {
  dossierCode: string;
  procedureName: string;
  applicant: Applicant;
  authorisedPerson?: string;
  documents: Array<{ name: string; copies: number; original: boolean }>;
  /** Number of sets of the dossier; 1 when absent. */
  sets?: number;
  duration: { unit: "days" | "hours" | "sameDay"; amount: number };
  receivedAt: Date;
  dueAt: Date;
  delivery: { method: DeliveryMethod; address?: string };
  registerVolume: string;
  registerNumber: number;
  channel: Channel;
  /** In VND; the VietQR image is a PNG data URL ("data:image/png;base64,…"). */
  fee?: { amount: number; qrPngDataUrl?: string };
  /** Public status page: printed as a QR code and as text. */
  statusUrl: string;
  officerName: string;
}

/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export interface SupplementRequestData extends FormBase {
  dossierCode: string;
  procedureName: string;
  applicant: Applicant;
  receivedAt: Date;
  issuedAt: Date;
  items: Array<{ what: string; reason: string }>;
  /** Who answers questions while the applicant completes the dossier. */
  contact: { name: string; phone?: string; email?: string };
  /** The guiding officer (NGƯỜI HƯỚNG DẪN). */
  officerName: string;
}

/** Mẫu 03: Phiếu từ chối tiếp nhận, giải quyết hồ sơ. */
export interface RefusalData extends FormBase {
  dossierCode?: string;
  procedureName: string;
  applicant: Applicant;
  /** Null when refused at the desk, before the dossier was received. */
  receivedAt: Date | null;
  issuedAt: Date;
  reasons: string[];
  /** "intake": signed by the receiving officer; "processing": by the head of the agency. */
  stage: "intake" | "processing";
  signer: Signer;
}

/** Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
export interface ApologyData extends FormBase {
  dossierCode: string;
  procedureName: string;
  applicant: Applicant;
  receivedAt: Date;
  oldDueAt: Date;
  newDueAt: Date;
  reason: string;
  issuedAt: Date;
  signer: Signer;
}

/** Mẫu 05: Thông báo dừng giải quyết hồ sơ. */
export interface StopNoticeData extends FormBase {
  dossierCode: string;
  procedureName: string;
  applicant: Applicant;
  receivedAt: Date;
  reason: string;
  issuedAt: Date;
  signer: Signer;
}

/** One hand-over on the tracking slip. */
export interface TrackingRow {
  from: string;
  to: string;
  at: Date;
  stepDueAt: Date | null;
  /** Null when the step has no deadline (e.g. the hand-over at intake). */
  outcome: StepOutcome | null;
  note?: string;
}

/** Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ. The document date is printedAt. */
export interface TrackingSlipData extends FormBase {
  dossierCode: string;
  procedureName: string;
  applicant: Applicant;
  receivedAt: Date;
  dueAt: Date;
  processingUnit?: string;
  coordinatingUnits?: string[];
  rows: TrackingRow[];
  printedAt: Date;
}

export interface RegisterRow {
  number: number;
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  address?: string;
  phone?: string;
  receivedAt: Date;
  dueAt: Date;
  sentToUnitAt: Date | null;
  processingUnit?: string;
  resultAt: Date | null;
  returnedAt: Date | null;
  channel: Channel;
  note?: string;
}

/** Mẫu 07: Sổ theo dõi hồ sơ, for a period and a unit. */
export interface RegisterData extends FormBase {
  unitName: string;
  volume?: string;
  periodFrom: Date;
  periodTo: Date;
  rows: RegisterRow[];
  printedAt: Date;
}
