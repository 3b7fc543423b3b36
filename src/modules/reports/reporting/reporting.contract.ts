// The reporting part's API shapes (zod): they validate bodies and queries and generate the OpenAPI document. Lengths
// here are generous ceilings; the use case gives the precise, field-named messages (DESCRIPTION_MAX and the rest).
import { z } from "@hono/zod-openapi";
import { MAX_REPORT_PHOTOS, REPORT_STATUSES } from "../reports.model.ts";

const optionalText = (max: number) => z.string().max(max).nullable().optional();
const iso = z.string().openapi({ description: "ISO 8601" });

export const ReportPhotoInput = z
  .strictObject({
    name: z.string().trim().min(1).max(200).openapi({ example: "o-ga.jpg" }),
    contentType: z.string().max(100).optional().openapi({ description: "What the client says it is; the bytes decide", example: "image/jpeg" }),
    contentBase64: z.string().max(15_000_000).openapi({ description: "The photo's bytes in base64: JPEG, PNG or HEIC, at most 10 MB" }),
  })
  .openapi("ReportPhotoInput");

export const SubmitReportBody = z
  .strictObject({
    communeCode: z.string().max(10).openapi({ example: "02923" }),
    categoryCode: z.string().max(40).openapi({ example: "road" }),
    description: z.string().max(20_000).openapi({ example: "Ổ gà lớn giữa đường liên thôn" }),
    villageCode: optionalText(20).openapi({ example: "02923.001" }),
    landmark: optionalText(3000).openapi({ example: "Cạnh cầu tràn" }),
    lat: z.number().nullable().optional().openapi({ example: 22.33 }),
    lon: z.number().nullable().optional().openapi({ example: 104.01 }),
    locationSource: z.enum(["device", "map"]).optional(),
    contact: z.strictObject({ name: optionalText(1000), phone: optionalText(40), email: optionalText(1000) }).optional(),
    anonymous: z.boolean().optional().openapi({ description: "No name, phone or email kept: no SMS updates" }),
    photos: z
      .array(ReportPhotoInput)
      .max(MAX_REPORT_PHOTOS + 5)
      .optional(),
  })
  .openapi("SubmitReportRequest");

export const SubmittedReport = z
  .object({
    code: z.string().openapi({ example: "PA-7K4M9X" }),
    status: z.literal("received"),
    followUrl: z.string().openapi({ description: "The private link (code + secret): shown once, keep it" }),
    followToken: z.string(),
    dueAt: iso.nullable(),
    public: z.boolean(),
    notifySms: z.boolean(),
  })
  .openapi("SubmittedReport");

export const SimilarQuery = z.strictObject({
  communeCode: z.string().max(10),
  categoryCode: z.string().max(40),
  villageCode: z.string().max(20).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
});

export const SimilarReportOut = z
  .object({
    code: z.string(),
    description: z.string(),
    landmark: z.string(),
    villageCode: z.string().nullable(),
    status: z.enum(REPORT_STATUSES),
    supportCount: z.number().int(),
    createdAt: iso,
    distanceM: z.number().nullable().openapi({ description: "Metres from the given point, when both have coordinates" }),
  })
  .openapi("SimilarReport");

export const CodeParam = z.object({
  code: z
    .string()
    .max(40)
    .openapi({ param: { name: "code", in: "path" }, example: "PA-7K4M9X" }),
});

export const SupportBody = z
  .strictObject({
    browserKey: z.string().max(64).optional().openapi({ description: "Without an account: a random key the client keeps (16–64 URL-safe characters)" }),
  })
  .openapi("SupportRequest");
export const SupportResult = z.object({ code: z.string(), added: z.boolean(), supportCount: z.number().int() }).openapi("SupportResult");

const tokenField = z.string().max(64).optional().openapi({ description: "The private link's secret; without it, the signed-in account that sent the report" });
export const ConfirmBody = z
  .strictObject({ token: tokenField, satisfaction: z.number().int().optional().openapi({ description: "1–5" }) })
  .openapi("ConfirmReportRequest");
export const ReopenBody = z.strictObject({ token: tokenField, reason: z.string().max(5000) }).openapi("ReopenReportRequest");

export const ReporterReport = z
  .object({
    code: z.string(),
    status: z.enum(REPORT_STATUSES),
    categoryCode: z.string().nullable(),
    description: z.string(),
    villageCode: z.string().nullable(),
    landmark: z.string(),
    createdAt: iso,
    dueAt: iso.nullable(),
    answer: z.string().nullable(),
    confirmUntil: iso.nullable(),
    satisfaction: z.number().int().nullable(),
    reopenCount: z.number().int(),
    supportCount: z.number().int(),
  })
  .openapi("ReporterReport");
