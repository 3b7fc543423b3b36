// The one contract for the procedure catalogue: validates the office form, imports and the API, and
// generates OpenAPI. A procedure's definition is stored whole, as an immutable version.
import { z } from "@hono/zod-openapi";
import { DURATION_UNITS } from "../../platform/calendar/working-time.ts";

export { DURATION_UNITS };

export const PROCEDURE_FIELDS = [
  "civilStatus", // hộ tịch
  "certification", // chứng thực
  "residence", // cư trú
  "socialProtection", // bảo trợ xã hội
  "land", // đất đai
  "construction", // xây dựng
  "agriculture", // nông nghiệp
  "business", // hộ kinh doanh
  "culture", // văn hóa
  "education", // giáo dục
  "health", // y tế
  "other",
] as const;
export type ProcedureField = (typeof PROCEDURE_FIELDS)[number];

export const ONLINE_LEVELS = ["full", "partial", "none"] as const;
export const PROCEDURE_LEVELS = ["commune", "province"] as const;
export const FORM_FIELD_TYPES = ["text", "longText", "number", "date", "choice", "address", "person", "idNumber", "phone", "file"] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];
export const STEP_ROLES = ["one_stop_officer", "specialist", "leader", "inter_agency"] as const;
export const DELIVERY_METHODS = ["desk", "post", "online"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
// How a document is handed in; "copyWithOriginal": a plain copy, checked against the original shown at the desk.
export const DOCUMENT_FORMS = ["original", "copy", "certifiedCopy", "originalOrCertifiedCopy", "copyWithOriginal"] as const;

const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-zA-Z0-9]{0,39}$/)
  .openapi({ description: "camelCase key, unique in its list", example: "birthCertificate" });
const text = (max: number) => z.string().trim().min(1).max(max);

export const ProcedureCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Z][0-9A-Z.]{2,29}$/)
  .openapi({ description: "National procedure code (Cơ sở dữ liệu quốc gia về TTHC)", example: "1.001193" });

export const FeeItem = z
  .strictObject({
    key,
    label: text(200),
    amount: z.number().int().min(0).max(1_000_000_000).openapi({ description: "VND", example: 8000 }),
    onlineAmount: z
      .number()
      .int()
      .min(0)
      .max(1_000_000_000)
      .optional()
      .openapi({ description: "VND when the dossier is filed online, where the online rate is lower; `amount` otherwise", example: 4000 }),
    exemptions: z.string().trim().max(500).optional().openapi({ description: "Who is exempt, in words" }),
  })
  .openapi("FeeItem");

export const RequiredDocument = z
  .strictObject({
    key,
    name: text(300),
    copies: z.number().int().min(1).max(20).default(1),
    form: z.enum(DOCUMENT_FORMS).default("original"),
    required: z.boolean().default(true),
    templateUrl: z.string().url().max(500).optional(),
    fromVault: z.boolean().default(false).openapi({ description: "May be taken from the citizen's vault" }),
    note: z.string().trim().max(500).optional(),
  })
  .openapi("RequiredDocument");

export const FormField = z
  .strictObject({
    key,
    label: text(200),
    type: z.enum(FORM_FIELD_TYPES),
    required: z.boolean().default(true),
    help: z.string().trim().max(300).optional(),
    options: z
      .array(z.strictObject({ value: text(60), label: text(200) }))
      .max(50)
      .optional(),
    prefill: z
      .enum(["fullName", "birthDate", "citizenIdNumber", "address", "phone", "email"])
      .optional()
      .openapi({ description: "Taken from the citizen's profile" }),
  })
  .refine((f) => f.type !== "choice" || (f.options?.length ?? 0) >= 2, { message: "choice needs options", path: ["options"] })
  .openapi("FormField");
export type FormField = z.infer<typeof FormField>;

export const ProcessingStep = z
  .strictObject({
    key,
    name: text(200),
    role: z.enum(STEP_ROLES),
    share: z.number().gt(0).max(1).openapi({ description: "Share of the statutory time (0–1]", example: 0.5 }),
  })
  .openapi("ProcessingStep");

/**
 * Who handles the procedure and signs its result when it is not the commune People's Committee, e.g. temporary
 * residence: the commune police (Công an xã), signed by its head (Trưởng Công an xã).
 */
export const HandlingAgency = z
  .strictObject({
    kind: z.enum(["peoplesCommittee", "police", "other"]),
    name: text(200).openapi({ example: "Công an xã" }),
    signerTitle: text(200).openapi({ description: "Title printed in the signer block", example: "Trưởng Công an xã" }),
  })
  .openapi("HandlingAgency");
export type HandlingAgency = z.infer<typeof HandlingAgency>;

export const ProcedureDefinition = z
  .strictObject({
    code: ProcedureCode,
    name: text(300),
    field: z.enum(PROCEDURE_FIELDS),
    level: z.enum(PROCEDURE_LEVELS).default("commune"),
    onlineLevel: z.enum(ONLINE_LEVELS),
    processing: z.strictObject({
      unit: z.enum(DURATION_UNITS).openapi({
        description:
          "days: working days, due at the close of office of the last one; hours: working hours; sameDay: the result on the day of receipt (the next working day when received after the cut-off), amount 1",
      }),
      amount: z.number().positive().max(365),
      cutOff: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
        .nullable()
        .default(null)
        .openapi({ description: "Received after this time counts from the next working day", example: "15:00" }),
    }),
    fees: z.array(FeeItem).max(20).default([]),
    documents: z.array(RequiredDocument).max(40).default([]),
    form: z.array(FormField).max(60).default([]),
    steps: z.array(ProcessingStep).min(1).max(20),
    resultName: text(300).openapi({ example: "Giấy khai sinh (bản chính)" }),
    deliveryMethods: z.array(z.enum(DELIVERY_METHODS)).min(1).max(3),
    legalBasis: z.array(text(300)).max(20).default([]),
    summary: z.string().trim().max(2000).optional(),
    payAtCollection: z
      .boolean()
      .optional()
      .openapi({ description: "The fee may be paid when the result is collected; otherwise no result is handed over while it is unpaid" }),
    handlingAgency: HandlingAgency.optional().openapi({ description: "Absent: the commune People's Committee handles and signs" }),
  })
  .superRefine((p, ctx) => {
    for (const list of ["fees", "documents", "form", "steps"] as const) {
      const seen = new Set<string>();
      p[list].forEach((item, i) => {
        if (seen.has(item.key)) ctx.addIssue({ code: "custom", message: "duplicate key", path: [list, i, "key"] });
        seen.add(item.key);
      });
    }
    if (p.processing.unit === "sameDay" && p.processing.amount !== 1)
      ctx.addIssue({ code: "custom", message: "a same-day procedure takes one working day", path: ["processing", "amount"] });
    const shares = p.steps.reduce((s, step) => s + step.share, 0);
    if (shares > 1.0001) ctx.addIssue({ code: "custom", message: "step shares exceed the statutory time", path: ["steps"] });
    if (p.onlineLevel === "full" && !p.deliveryMethods.some((m) => m !== "desk"))
      ctx.addIssue({ code: "custom", message: "a full online service returns results online or by post", path: ["deliveryMethods"] });
  })
  .openapi("ProcedureDefinition");
export type ProcedureDefinition = z.infer<typeof ProcedureDefinition>;
export type ProcedureDefinitionInput = z.input<typeof ProcedureDefinition>;

export const ProcedureSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    field: z.enum(PROCEDURE_FIELDS),
    level: z.enum(PROCEDURE_LEVELS),
    onlineLevel: z.enum(ONLINE_LEVELS),
    version: z.number().int(),
    active: z.boolean(),
  })
  .openapi("ProcedureSummary");
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const Procedure = z
  .object({ version: z.number().int(), active: z.boolean(), definition: ProcedureDefinition, totalFee: z.number().int() })
  .openapi("Procedure");
export type Procedure = z.infer<typeof Procedure>;

export const ProcedureSearchQuery = z.strictObject({
  q: z.string().trim().max(100).optional().openapi({ example: "khai sinh" }),
  field: z.enum(PROCEDURE_FIELDS).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

// What a list of procedures shows beside each name: how long it takes and what it costs.
export const ProcedureListItem = ProcedureSummary.extend({
  processing: z.object({ unit: z.enum(DURATION_UNITS), amount: z.number(), cutOff: z.string().nullable() }),
  totalFee: z.number().int(),
}).openapi("ProcedureListItem");
export type ProcedureListItem = z.infer<typeof ProcedureListItem>;

export const SetActiveInput = z.strictObject({ active: z.boolean() }).openapi("SetProcedureActiveInput");
export const CATALOGUE_FORMATS = ["xlsx", "csv"] as const;
export type CatalogueFormat = (typeof CATALOGUE_FORMATS)[number];

// "If I file now, when is it ready?": the appointment for a receipt at any moment (docs/public-services.md, Deadlines).
export const DueDateQuery = z.strictObject({
  receivedAt: z.iso
    .datetime({ offset: true, local: true })
    .optional()
    .openapi({ description: "Moment of receipt, ISO 8601; without an offset it is Vietnam time (UTC+7); default now", example: "2026-02-12T10:00:00+07:00" }),
});
export const DueDateEstimate = z
  .object({
    code: z.string(),
    receivedAt: z.string().openapi({ description: "ISO 8601 (UTC)" }),
    dueAt: z.string().openapi({ description: "ISO 8601 (UTC): the appointment for the result", example: "2026-02-26T10:30:00.000Z" }),
    dueDate: z.string().openapi({ description: "The appointment's day in Vietnam, YYYY-MM-DD", example: "2026-02-26" }),
    dueTime: z.string().openapi({ description: "The appointment's time in Vietnam, HH:MM", example: "17:30" }),
    processing: z.object({ unit: z.enum(DURATION_UNITS), amount: z.number(), cutOff: z.string().nullable() }),
  })
  .openapi("DueDateEstimate");
