// What the public pages and the GeoJSON endpoint accept: filters of the public list and map, each named in errors.
import { z } from "@hono/zod-openapi";
import { OPEN_STATUSES, type ReportStatus } from "../reports.model.ts";

/** The public list groups the workflow's states into three that a resident understands. */
export const STATUS_GROUPS = ["open", "answered", "closed"] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];
export const STATUS_GROUP_MEMBERS: Record<StatusGroup, readonly ReportStatus[]> = {
  open: OPEN_STATUSES,
  answered: ["resolved"],
  closed: ["closed"],
};
export const statusGroupOf = (s: ReportStatus): StatusGroup => (s === "resolved" ? "answered" : s === "closed" ? "closed" : "open");

export const PublicFilters = z.strictObject({
  status: z.enum(STATUS_GROUPS).optional().openapi({ description: "open, answered (resolved, waiting for the reporter) or closed" }),
  category: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{1,39}$/)
    .optional()
    .openapi({ description: "A category code (Open311 service_code)", example: "road" }),
  village: z
    .string()
    .regex(/^\d{5}\.\d{3}$/)
    .optional()
    .openapi({ description: "A village's code", example: "02923.001" }),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .openapi({ description: "Reports sent in this month (Vietnam time), YYYY-MM", example: "2026-11" }),
});
export type PublicFilters = z.infer<typeof PublicFilters>;

export const PublicListQuery = PublicFilters.extend({ cursor: z.string().max(500).optional() });
export type PublicListQuery = z.infer<typeof PublicListQuery>;

/** "west,south,east,north" in degrees, as Leaflet's LatLngBounds.toBBoxString() writes it. */
const BBox = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const n = s.split(",").map((x) => Number(x.trim()));
    const [w, so, e, no] = n;
    const ok =
      n.length === 4 &&
      n.every((x) => Number.isFinite(x)) &&
      w !== undefined &&
      so !== undefined &&
      e !== undefined &&
      no !== undefined &&
      w >= -180 &&
      e <= 180 &&
      w <= e &&
      so >= -90 &&
      no <= 90 &&
      so <= no;
    if (!ok) {
      ctx.addIssue({ code: "custom", message: "west,south,east,north in degrees" });
      return z.NEVER;
    }
    return { west: w, south: so, east: e, north: no };
  })
  .openapi({ type: "string", description: "west,south,east,north in degrees (WGS 84)", example: "103.9,22.3,104.1,22.5" });

export const MAP_MAX_FEATURES = 1000;

export const GeoJsonQuery = PublicFilters.extend({
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .openapi({ description: "The commune's code", example: "02923" }),
  bbox: BBox.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAP_MAX_FEATURES)
    .default(500)
    .openapi({ description: `At most ${MAP_MAX_FEATURES}` }),
});

export const ReportFeature = z
  .object({
    type: z.literal("Feature"),
    id: z.string(),
    geometry: z.object({ type: z.literal("Point"), coordinates: z.tuple([z.number(), z.number()]) }),
    properties: z.object({
      code: z.string(),
      url: z.string(),
      status: z.string(),
      statusGroup: z.enum(STATUS_GROUPS),
      statusLabel: z.string(),
      category: z.string(),
      village: z.string().nullable(),
      landmark: z.string(),
      createdAt: z.string(),
      supportCount: z.number().int(),
    }),
  })
  .openapi("PublicReportFeature");

export const ReportFeatureCollection = z
  .object({
    type: z.literal("FeatureCollection"),
    features: z.array(ReportFeature),
    truncated: z.boolean().openapi({ description: "More reports matched than `limit`: zoom in or filter" }),
  })
  .openapi("PublicReportFeatureCollection");
