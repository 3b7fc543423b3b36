// The desk lists' query: one contract for the office page, the printable list and GET /api/v1/reports.
import { z } from "@hono/zod-openapi";
import { REPORT_STATUSES } from "../reports.model.ts";

export const DESK_TABS = ["new", "mine", "overdue", "all"] as const;
export type DeskTab = (typeof DESK_TABS)[number];
export const DESK_PAGE_SIZE = 50;
export const PRINT_LIMIT = 1000;

export const DeskQuery = z.strictObject({
  tab: z.enum(DESK_TABS).default("all").openapi({
    description:
      "new: received, oldest first; mine: open reports assigned to me, nearest deadline first; overdue: open reports past their deadline, most overdue first; all: newest first",
  }),
  category: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{1,39}$/)
    .optional()
    .openapi({ description: "A category code" }),
  village: z
    .string()
    .regex(/^\d{5}\.\d{3}$/)
    .optional()
    .openapi({ description: "A village code" }),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .openapi({ description: "A commune code (province officers)" }),
  status: z.enum(REPORT_STATUSES).optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ description: "A report code (PA-…), or words of the description or landmark, with or without diacritics" }),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});
export type DeskQuery = z.infer<typeof DeskQuery>;

export const DeskItem = z
  .object({
    id: z.uuid(),
    code: z.string(),
    communeCode: z.string(),
    villageCode: z.string().nullable(),
    villageName: z.string().nullable(),
    categoryCode: z.string(),
    categoryName: z.string(),
    description: z.string().openapi({ description: "The first 160 characters" }),
    landmark: z.string(),
    status: z.enum(REPORT_STATUSES),
    createdAt: z.string(),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    assigneeUserId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    supportCount: z.number().int(),
    hidden: z.boolean(),
  })
  .openapi("ReportDeskItem");

export const DeskPage = z
  .object({
    items: z.array(DeskItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    counts: z.object({ new: z.number().int(), mine: z.number().int(), overdue: z.number().int(), all: z.number().int() }),
  })
  .openapi("ReportDeskPage");
