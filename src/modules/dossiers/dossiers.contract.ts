// The one contract for dossiers: validates page forms and API bodies, and generates OpenAPI.
import { z } from "@hono/zod-openapi";
import { citizenIdNumberSchema } from "../citizens/citizen-id.ts";
import { phoneSchema } from "../citizens/phone.ts";
import { ACTION_TYPES, STATES } from "./dossier-workflow.ts";

const today = () => new Date();
const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : null));

export const ApplicantInput = z
  .strictObject({
    fullName: z.string().trim().min(2).max(120),
    birthDate: z.iso.date().optional().nullable(),
    citizenIdNumber: z.union([z.literal("").transform(() => null), citizenIdNumberSchema(today)]).optional().nullable(),
    address: optionalText(300),
    phone: z.union([z.literal("").transform(() => null), phoneSchema()]).optional().nullable(),
    email: z.union([z.literal("").transform(() => null), z.email().max(200)]).optional().nullable(),
  })
  .superRefine((a, ctx) => {
    // The public look-up and the notifications need one of them.
    if (!a.phone && !a.citizenIdNumber) ctx.addIssue({ code: "custom", path: ["phone"], message: "phone or ID", params: { messageKey: "dossiers.error.phoneOrId", code: "phoneOrId" } });
  })
  .openapi("Applicant");
export type ApplicantInput = z.infer<typeof ApplicantInput>;

export const DeliveryInput = z
  .strictObject({
    method: z.enum(["desk", "post", "online"]),
    address: optionalText(300),
  })
  .superRefine((d, ctx) => {
    if (d.method === "post" && !d.address) ctx.addIssue({ code: "custom", path: ["address"], message: "postal address", params: { messageKey: "dossiers.error.postAddress", code: "required" } });
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

export const SubmitDossierInput = z
  .strictObject({
    procedureCode: z.string().trim().min(3).max(30),
    communeCode: z.string().regex(/^\d{5}$/),
    applicant: ApplicantInput,
    form: z.record(z.string(), z.unknown()).default({}),
    documents: z.array(DocumentRef).max(60).default([]),
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
    items: z.array(z.string().trim().min(1).max(300)).max(30).optional(),
    note: z.string().trim().max(2000).optional(),
    reason: z.string().trim().max(2000).optional(),
    assigneeId: z.uuid().optional(),
    toUnit: z.string().trim().max(200).optional(),
    stepDays: z.number().positive().max(60).optional().openapi({ description: "Working days the other agency has (forward)" }),
    newDueDate: z.iso.date().optional().openapi({ description: "New appointment (apologise), YYYY-MM-DD" }),
    method: z.enum(["desk", "post", "online"]).optional(),
    collectedBy: z.string().trim().max(120).optional(),
    trackingNumber: z.string().trim().max(60).optional(),
    rating: z.number().int().min(1).max(5).optional(),
    documents: z.array(DocumentRef).max(30).optional(),
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
  last4: z.string().trim().regex(/^\d{4}$/).openapi({ description: "Last 4 digits of the phone or ID number", example: "5678" }),
});
