// View models of the printable one-stop forms (Circular 03/2025/TT-VPCP, Annex I).
// Plain data, already read and decided by the caller: the renderers only lay it out.
import type { Locale } from "../../../platform/i18n/i18n.ts";

export type Channel = "counter" | "online" | "post";
export type DeliveryMethod = "desk" | "post" | "online";
export type StepOutcome = "early" | "onTime" | "late";
/** How a document is handed in (procedures' RequiredDocument.form). */
export type DocumentKind = "original" | "copy" | "certifiedCopy" | "originalOrCertifiedCopy" | "copyWithOriginal";

/** What every form carries in its header. */
export interface FormBase {
  locale: Locale;
  /** The agency that handles the dossier as sentences name it, e.g. "Ủy ban nhân dân xã Gia Phú". */
  agencyName: string;
  /**
   * The agency's header lines, printed in bold capitals (Decree 30/2020): a commune People's Committee is
   * "Ủy ban nhân dân" / "xã Gia Phú", with no line of a governing body above it.
   */
  agencyLines: string[];
  /** The commune's People's Committee, e.g. "Ủy ban nhân dân xã Gia Phú": the governing line above the desk. */
  committeeName: string;
  /** The commune's one-stop desk (a desk setting), e.g. "Trung tâm Phục vụ hành chính công xã Gia Phú". */
  deskName: string;
  /** The commune with its type, e.g. "xã Gia Phú". */
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

/**
 * Who signs for the agency (Decree 30/2020): the capacity line ("TM. Ủy ban nhân dân", "KT. Chủ tịch") when
 * signing on behalf of the body or its head, then the signer's title ("Chủ tịch", "Phó Chủ tịch"); the title
 * defaults to the form's usual signer.
 */
export interface Signer {
  name: string;
  capacity?: string;
  title?: string;
}

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. The document date is receivedAt. */
export interface ReceiptData extends FormBase {
  dossierCode: string;
  procedureName: string;
  applicant: Applicant;
  authorisedPerson?: string;
  /** "originalSeen": an original shown at the counter and handed back, with no copy kept. */
  documents: Array<{ name: string; copies: number; kind: DocumentKind | "originalSeen" }>;
  /** Number of sets of the dossier; 1 when absent. */
  sets?: number;
  duration: { unit: "days" | "hours" | "sameDay"; amount: number };
  receivedAt: Date;
  /** The appointment given at receipt: a reprint keeps it. */
  dueAt: Date;
  /** The new appointment of an apology (Mẫu 04), printed beside the first one. */
  newDueAt?: Date;
  /** Where the result is collected: the desk (its address), by post to an address, or online. */
  delivery: { method: DeliveryMethod; address?: string; deskAddress?: string };
  /** The register book (its year) and the entry's number in it, shared with Mẫu 07; null for an entry never numbered. */
  registerVolume: string;
  registerNumber: number | null;
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
  /** Issued late: after the deadline ("overdue") or less than one working day before it ("lastDay"). */
  late?: "overdue" | "lastDay";
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
  newDueAt?: Date;
  processingUnit?: string;
  coordinatingUnits?: string[];
  rows: TrackingRow[];
  printedAt: Date;
}

export interface RegisterRow {
  /** The entry's number in the register book of its year, shared with the receipt (Mẫu 01); null for an old entry. */
  number: number | null;
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  address?: string;
  phone?: string;
  receivedAt: Date;
  dueAt: Date;
  newDueAt?: Date;
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

/** The fee receipt (biên lai thu phí, lệ phí) of a payment. The document date is paidAt. */
export interface FeeReceiptData extends FormBase {
  receiptNo: string;
  /** "paid" or "exempt" (a waiver prints as such, with no amount to collect). */
  status: "paid" | "exempt" | "refunded";
  payer: { name: string; address?: string };
  dossierCode: string;
  procedureName: string;
  amount: number;
  method: string;
  paidAt: Date;
  note?: string;
  /** The officer who collected it; absent when paid through the gateway. */
  collectorName?: string;
}
