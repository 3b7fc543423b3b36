// API shapes of the photos part: moderation of a report or a photo.
import { z } from "@hono/zod-openapi";
import { MODERATION_REASON_MAX } from "../use-cases/moderation-shared.ts";

export const ReportIdParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" }, example: "6f1c2e0a-0000-4000-8000-000000000000" }) });

export const HideInput = z
  .strictObject({
    reason: z.string().min(1).max(MODERATION_REASON_MAX).openapi({ description: "Why it is hidden: kept in the audit log and shown to the reporter" }),
  })
  .openapi("ModerationHide");

export const UnhideInput = z
  .strictObject({ reason: z.string().max(MODERATION_REASON_MAX).optional().openapi({ description: "Optional note kept in the audit log" }) })
  .openapi("ModerationUnhide");

export const ReportModeration = z
  .object({
    id: z.string(),
    code: z.string(),
    hidden: z.boolean(),
    hiddenAt: z.string().nullable(),
    hiddenReason: z.string().nullable(),
    changed: z.boolean().openapi({ description: "false when the report was already in the state asked for" }),
  })
  .openapi("ReportModeration");

export const PhotoModeration = z
  .object({
    id: z.string(),
    reportId: z.string(),
    stage: z.enum(["report", "answer"]),
    hidden: z.boolean(),
    hiddenAt: z.string().nullable(),
    hiddenReason: z.string().nullable(),
    changed: z.boolean(),
  })
  .openapi("ReportPhotoModeration");
