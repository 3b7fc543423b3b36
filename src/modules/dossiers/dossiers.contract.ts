// The one contract for dossiers: validates page forms and API bodies, and generates OpenAPI.
import { z } from "@hono/zod-openapi";
import { citizenIdNumberSchema, idDisagreement, phoneSchema, SEXES } from "../citizens/index.ts";
import { ACTION_TYPES, INTERAGENCY_RESULTS, STATES } from "./dossier-workflow.ts";
import { QUEUES } from "./dossiers.model.ts";
import { PAUSE_GROUNDS } from "./pause-grounds.ts";

const today = () => new Date();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

/** A Vietnamese tax code (mã số thuế): 10 digits, or a branch's 13 written 10-3; 13 bare digits are accepted and hyphenated. */
export const taxCodeSchema = () =>
  z
    .string()
    .trim()
    .transform((v) => v.replace(/\s/g, ""))
    .transform((v) => (/^\d{13}$/.test(v) ? `${v.slice(0, 10)}-${v.slice(10)}` : v))
    .refine((v) => /^\d{10}(-\d{3})?$/.test(v), { message: "tax code", params: { messageKey: "dossiers.error.taxCode", code: "format" } })
    .openapi({ description: "10 digits, or 13 as 10-3 for a branch", example: "0101234567" });

/** An organisation applying (national applicant type 2). */
export const OrganisationInput = z
  .strictObject({
    name: z.string().trim().min(2).max(300),
    taxCode: taxCodeSchema(),
    representative: z.string().trim().min(2).max(120).openapi({ description: "Its legal representative (người đại diện)" }),
  })
  .openapi("ApplicantOrganisation");

export const APPLICANT_TYPES = ["citizen", "organisation"] as const;

export const ApplicantInput = z
  .strictObject({
    type: z.enum(APPLICANT_TYPES).default("citizen").openapi({ description: "National applicant type: 1 citizen, 2 organisation" }),
    organisation: OrganisationInput.optional().nullable().openapi({ description: "Required when type is organisation" }),
    fullName: z.string().trim().min(2).max(120).openapi({ description: "The person filing (for an organisation: who files on its behalf)" }),
    birthDate: z.iso.date().optional().nullable(),
    sex: z
      .union([z.literal("").transform(() => null), z.enum(SEXES)])
      .optional()
      .nullable()
      .openapi({ description: "Optional; when given with the ID number, it must agree with the number's 4th digit" }),
    citizenIdNumber: z
      .union([z.literal("").transform(() => null), citizenIdNumberSchema(today)])
      .optional()
      .nullable(),
    address: optionalText(300),
    phone: z
      .union([z.literal("").transform(() => null), phoneSchema()])
      .optional()
      .nullable(),
    email: z
      .union([z.literal("").transform(() => null), z.email().max(200)])
      .optional()
      .nullable(),
  })
  .superRefine((a, ctx) => {
    if (a.type === "organisation" && !a.organisation)
      ctx.addIssue({ code: "custom", path: ["organisation"], message: "organisation", params: { messageKey: "validation.required", code: "required" } });
    // The number encodes the century of birth with the sex, and the year: both must agree with what was typed.
    const off = a.citizenIdNumber ? idDisagreement(a.citizenIdNumber, { birthDate: a.birthDate, sex: a.sex }) : null;
    if (off)
      ctx.addIssue({
        code: "custom",
        path: ["citizenIdNumber"],
        message: off.code,
        params: { messageKey: off.messageKey, code: off.code, params: off.params },
      });
    // The public look-up and the notifications need one of them.
    if (!a.phone && !a.citizenIdNumber)
      ctx.addIssue({ code: "custom", path: ["phone"], message: "phone or ID", params: { messageKey: "dossiers.error.phoneOrId", code: "phoneOrId" } });
  })
  .openapi("Applicant");
export type ApplicantInput = z.infer<typeof ApplicantInput>;

export const DeliveryInput = z
  .strictObject({
    method: z.enum(["desk", "post", "online"]),
    address: optionalText(300),
  })
  .superRefine((d, ctx) => {
    if (d.method === "post" && !d.address)
      ctx.addIssue({ code: "custom", path: ["address"], message: "postal address", params: { messageKey: "dossiers.error.postAddress", code: "required" } });
  })
  .openapi("DeliveryChoice");

export const ConsentInput = z
  .strictObject({
    method: z.enum(["signature", "verbal", "fingerprint"]),
    note: optionalText(300),
  })
  .openapi("AssistedFilingConsent");

export const DocumentRef = z
  .strictObject({
    requirementKey: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/),
    fileId: z.uuid().optional(),
    vaultItemId: z.uuid().optional(),
  })
  .refine((d) => !!d.fileId !== !!d.vaultItemId, { message: "fileId or vaultItemId", path: ["fileId"] })
  .openapi("DocumentRef");

const requirementKey = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/);
/** Required documents whose original the desk saw at the counter without scanning it (Decree 104/2022). */
const OriginalsSeen = z
  .array(requirementKey)
  .max(60)
  .openapi({ description: "Required documents whose original was shown at the counter and not scanned: provided, but not digitised (desk only)" });

export const SubmitDossierInput = z
  .strictObject({
    procedureCode: z.string().trim().min(3).max(30),
    communeCode: z.string().regex(/^\d{5}$/),
    applicant: ApplicantInput,
    form: z.record(z.string(), z.unknown()).default({}),
    documents: z.array(DocumentRef).max(60).default([]),
    originalsSeen: OriginalsSeen.default([]),
    delivery: DeliveryInput,
    /** Filing for somebody else (officer or volunteer): their consent is recorded. */
    assistedConsent: ConsentInput.optional(),
    channel: z.enum(["online", "counter", "post"]).default("online"),
  })
  .openapi("SubmitDossierInput");
export type SubmitDossierInput = z.infer<typeof SubmitDossierInput>;

export const ActionInput = z
  .strictObject({
    version: z.number().int().min(1).openapi({ description: "The version you saw; a newer one answers 409 'changed meanwhile'" }),
    items: z
      .array(z.strictObject({ label: z.string().trim().min(1).max(300), reason: z.string().trim().min(1).max(500) }))
      .max(30)
      .optional()
      .openapi({ description: "requestSupplement: every document asked for, each with why (Mẫu 02)" }),
    overrideReason: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .openapi({ description: "requestSupplement: a leader's reason for a second request after receipt, or one after its time limit" }),
    note: z.string().trim().max(2000).optional(),
    reason: z.string().trim().max(2000).optional(),
    ground: z.enum(PAUSE_GROUNDS).optional().openapi({ description: "Legal ground of a pause (required for pause); 'other' is explained in the reason" }),
    assigneeId: z.uuid().optional(),
    toUnit: z.string().trim().max(200).optional().openapi({ description: "forward: the other agency's name" }),
    agencyCode: z.string().trim().max(60).optional().openapi({ description: "forward: the other agency's electronic ID, if known" }),
    stepResult: z.enum(INTERAGENCY_RESULTS).optional().openapi({ description: "forwardReturned: what the other agency answered (default done)" }),
    stepDays: z.number().positive().max(60).optional().openapi({ description: "Working days the other agency has (forward)" }),
    newDueDate: z.iso.date().optional().openapi({ description: "New appointment (apologise), YYYY-MM-DD" }),
    method: z.enum(["desk", "post", "online"]).optional(),
    collectedBy: z.string().trim().max(120).optional(),
    trackingNumber: z.string().trim().max(60).optional(),
    rating: z.number().int().min(1).max(5).optional(),
    documents: z.array(DocumentRef).max(30).optional(),
    originalsSeen: OriginalsSeen.optional(),
    resultFileId: z.uuid().optional(),
  })
  .openapi("DossierActionInput");
export type ActionInput = z.infer<typeof ActionInput>;

export const ActionName = z.enum(ACTION_TYPES as [string, ...string[]]).openapi({ example: "receive" });

export const PublicStatus = z
  .object({
    code: z.string(),
    procedureName: z.string(),
    state: z.enum(STATES),
    nationalStatus: z.number().int().nullable(),
    stateLabel: z.string(),
    applicantName: z.string().openapi({ description: "Masked", example: "N*** V*** A" }),
    submittedAt: z.string().nullable(),
    receivedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    newDueAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    returnedAt: z.string().nullable(),
    steps: z.array(z.object({ action: z.string(), label: z.string(), at: z.string() })),
  })
  .openapi("PublicDossierStatus");
export type PublicStatus = z.infer<typeof PublicStatus>;

export const StatusLookupInput = z.strictObject({
  code: z.string().trim().min(6).max(60).openapi({ example: "000.02.23.H39-261123-0001" }),
  last4: z
    .string()
    .trim()
    .regex(/^\d{4}$/)
    .openapi({ description: "Last 4 digits of the phone or ID number", example: "5678" }),
});

// --- API request and response shapes (dates are ISO 8601 strings) ---------------------------------

export const SubmitDossierRequest = SubmitDossierInput.extend({
  intent: z
    .enum(["draft", "submit"])
    .default("submit")
    .openapi({ description: "`draft` saves without checks of completeness; `submit` files it (needs an Idempotency-Key header)" }),
}).openapi("SubmitDossierRequest");

export const FileUploadInput = z
  .strictObject({
    name: z.string().trim().min(1).max(200).openapi({ example: "to-khai.pdf" }),
    contentBase64: z.string().max(30_000_000).openapi({ description: "The file's bytes in base64: PDF, JPEG or PNG" }),
  })
  .openapi("FileUploadInput");

export const StoredFileInfo = z.object({ id: z.uuid(), name: z.string(), mediaType: z.string(), sizeBytes: z.number().int() }).openapi("StoredFile");

const iso = z.string().nullable().openapi({ description: "ISO 8601" });

export const DossierEventOut = z
  .object({
    action: z.string(),
    label: z.string(),
    fromState: z.enum(STATES).nullable(),
    toState: z.enum(STATES),
    at: z.string(),
    actor: z.string(),
    reason: z.string().nullable(),
    ground: z.enum(PAUSE_GROUNDS).nullable().openapi({ description: "A pause's legal ground; null for other actions" }),
  })
  .openapi("DossierEvent");

export const DossierDocumentOut = z
  .object({
    id: z.uuid(),
    requirementKey: z.string(),
    name: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    source: z.string(),
    round: z.number().int(),
  })
  .openapi("DossierDocument");

export const OriginalSeenOut = z
  .object({ requirementKey: z.string(), name: z.string(), seenAt: z.string() })
  .openapi("DossierOriginalSeen", { description: "A required document shown in original at the counter, not scanned: no file to download" });

export const SupplementRequestOut = z
  .object({
    round: z.number().int(),
    items: z.array(z.object({ key: z.string(), label: z.string(), reason: z.string().nullable() })),
    afterReceipt: z.boolean(),
    overrideReason: z.string().nullable().openapi({ description: "Set when a leader allowed a request beyond the one after receipt" }),
    note: z.string().nullable(),
    requestedAt: z.string(),
    answeredAt: iso,
  })
  .openapi("SupplementRequest");

export const InteragencyStepOut = z
  .object({
    agencyName: z.string(),
    agencyCode: z.string().nullable(),
    sentAt: z.string(),
    stepDueAt: z.string(),
    returnedAt: iso,
    result: z.enum(INTERAGENCY_RESULTS).nullable(),
    note: z.string().nullable(),
    late: z.boolean().openapi({ description: "Returned after its deadline, or still out past it" }),
  })
  .openapi("InteragencyStep");

export const DossierOut = z
  .object({
    id: z.uuid(),
    code: z.string().nullable(),
    version: z.number().int().openapi({ description: "Send it back with an action" }),
    state: z.enum(STATES),
    stateLabel: z.string(),
    nationalStatus: z.number().int().nullable(),
    communeCode: z.string(),
    procedure: z.object({ code: z.string(), version: z.number().int(), name: z.string() }),
    channel: z.enum(["online", "counter", "post"]),
    applicant: z.record(z.string(), z.unknown()),
    form: z.record(z.string(), z.unknown()),
    delivery: z.record(z.string(), z.unknown()),
    submittedAt: iso,
    receivedAt: iso,
    dueAt: iso,
    newDueAt: iso.openapi({ description: "The new appointment after an apology" }),
    finishedAt: iso,
    returnedAt: iso,
    fee: z.object({ amount: z.number().int(), status: z.enum(["none", "unpaid", "paid", "exempt", "refunded"]) }),
    rating: z.number().int().nullable(),
    register: z
      .object({ year: z.number().int(), number: z.number().int() })
      .nullable()
      .openapi({ description: "The register entry (Quyển số / Số thứ tự, as on the receipt Mẫu 01 and the register Mẫu 07); null until received" }),
    events: z.array(DossierEventOut),
    documents: z.array(DossierDocumentOut),
    originalsSeen: z.array(OriginalSeenOut),
    supplements: z.array(SupplementRequestOut),
    supplementOverrides: z.number().int().openapi({ description: "Supplement requests after receipt that needed a leader's override" }),
    interagencySteps: z.array(InteragencyStepOut),
    actions: z.array(z.string()).openapi({ description: "What you may do now" }),
  })
  .openapi("Dossier");

export const OwnDossierOut = z
  .object({
    id: z.uuid(),
    code: z.string().nullable(),
    state: z.enum(STATES),
    stateLabel: z.string(),
    procedureName: z.string(),
    submittedAt: iso,
    dueAt: iso,
    updatedAt: z.string(),
  })
  .openapi("OwnDossier");

export const QueueQuery = z.strictObject({
  queue: z.enum(QUEUES).default("newOnline"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const QueueItemOut = z
  .object({
    id: z.uuid(),
    code: z.string().nullable(),
    state: z.enum(STATES),
    applicantName: z.string(),
    channel: z.string(),
    procedureCode: z.string(),
    procedureName: z.string(),
    submittedAt: iso,
    receivedAt: iso,
    dueAt: iso,
    receiveBy: iso.openapi({ description: "An online dossier waiting at the desk: received or refused by then (ISO 8601)" }),
    assigneeId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi("QueueItem");

export const QueuePage = z
  .object({
    communeCode: z.string(),
    counts: z.record(z.string(), z.number().int()),
    pausedByGround: z
      .partialRecord(z.enum(PAUSE_GROUNDS), z.number().int())
      .openapi({ description: "Paused dossiers by the legal ground of their pause (grounds with none left out)" }),
    items: z.array(QueueItemOut),
    nextCursor: z.string().nullable(),
  })
  .openapi("DossierQueuePage");
