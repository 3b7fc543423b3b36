// The handling part's API shapes (zod, OpenAPI). What each step needs is checked by the use case, which names every
// missing or bad field in one 400; the schema only fixes types and outer limits.
import { z } from "@hono/zod-openapi";
import { REPORT_STATUSES, REJECT_REASONS } from "../reports.model.ts";
import { HANDLING_ACTIONS } from "./handling-steps.ts";

export const ReportIdParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" }, example: "0b6f5c1e-8a3a-4c47-9a43-2f1d1e0c9b11" }) });
export const ActionParam = ReportIdParam.extend({
  action: z.enum(HANDLING_ACTIONS).openapi({ param: { name: "action", in: "path" }, description: "The step" }),
});

export const PhotoUpload = z
  .strictObject({
    name: z.string().trim().min(1).max(200).openapi({ example: "sau-khi-sua.jpg" }),
    contentBase64: z.string().max(14_000_000).openapi({ description: "The photo's bytes in base64: JPEG, PNG or HEIC" }),
  })
  .openapi("ReportPhotoUpload");

export const HandlingActionInput = z
  .strictObject({
    version: z.number().int().openapi({ description: "The report's version you saw; a stale one is a 409 naming `version`" }),
    reason: z.enum(REJECT_REASONS).optional().openapi({ description: "reject: why" }),
    note: z.string().max(5000).optional().openapi({ description: "reject: the text shown to the reporter; other steps: a note for the timeline" }),
    duplicateCode: z.string().max(40).optional().openapi({ description: "reject as duplicate: the other report's code" }),
    assigneeUserId: z.string().max(40).optional().openapi({ description: "assign: an officer with report.handle on the commune (default: the category's)" }),
    assignedUnit: z.string().max(1000).optional().openapi({ description: "assign: the unit named" }),
    agency: z.string().max(1000).optional().openapi({ description: "forward: the agency" }),
    dueDate: z.string().max(20).optional().openapi({ description: "forward: the agency's deadline, a working day, YYYY-MM-DD" }),
    result: z.string().max(5000).optional().openapi({ description: "forward-return: what the agency did" }),
    answer: z.string().max(10000).optional().openapi({ description: "resolve: the public answer" }),
    photos: z.array(PhotoUpload).max(10).optional().openapi({ description: "resolve: up to 3 photos after the work" }),
  })
  .openapi("ReportHandlingAction");

const iso = z.string().nullable().openapi({ description: "ISO 8601" });

export const OfficeReportOut = z
  .object({
    id: z.string(),
    code: z.string(),
    version: z.number().int(),
    status: z.enum(REPORT_STATUSES),
    communeCode: z.string(),
    villageCode: z.string().nullable(),
    category: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    description: z.string(),
    landmark: z.string(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    channel: z.string(),
    public: z.boolean(),
    hidden: z.boolean(),
    reporter: z
      .object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), notifySms: z.boolean() })
      .nullable()
      .openapi({ description: "null when anonymous; reading it is audited" }),
    rejectReason: z.enum(REJECT_REASONS).nullable(),
    statusNote: z.string().nullable(),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    assignedUnit: z.string().nullable(),
    acceptedAt: iso,
    dueAt: iso,
    answeredAt: iso,
    answer: z.string().nullable(),
    confirmUntil: iso,
    closedAt: iso,
    reopenCount: z.number().int(),
    supportCount: z.number().int(),
    createdAt: z.string(),
    actions: z.array(z.enum(HANDLING_ACTIONS)).openapi({ description: "The steps open to you now" }),
    photos: z.array(
      z.object({ id: z.string(), stage: z.enum(["report", "answer"]), hidden: z.boolean(), url: z.string(), originalUrl: z.string().nullable() }),
    ),
    forwards: z.array(
      z.object({
        id: z.string(),
        agency: z.string(),
        dueDate: z.string(),
        note: z.string().nullable(),
        sentAt: z.string(),
        returnedAt: iso,
        result: z.string().nullable(),
      }),
    ),
    events: z.array(
      z.object({
        kind: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string().nullable(),
        at: z.string(),
        actor: z.string().nullable(),
        reason: z.string().nullable(),
        note: z.string().nullable(),
        public: z.boolean(),
      }),
    ),
  })
  .openapi("OfficeReport");
