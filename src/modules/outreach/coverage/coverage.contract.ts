// The contract of skills and coverage: validates the pages' and the API's input, and generates OpenAPI.
import { z } from "@hono/zod-openapi";

const unitCode = z
  .string()
  .refine((v) => /^\d{2}(\d{3}(\.\d{3})?)?$/.test(v), { params: { messageKey: "coverage.error.unit", code: "unit" } })
  .openapi({ description: "A province (15), commune (02923) or village (02923.001) code in your scope", example: "02923" });
const uuid = z.uuid();

export const CoverageQuery = z.strictObject({
  unit: unitCode.optional().openapi({ description: "The unit; by default the unit of your first coverage grant" }),
  staleDays: z.coerce
    .number()
    .refine((n) => Number.isInteger(n) && n >= 1 && n <= 3650, { params: { messageKey: "coverage.error.staleDays", code: "staleDays" } })
    .default(90)
    .openapi({ description: "A household whose last visit is more than this many days before today counts as not visited for long", example: 90 }),
});
export type CoverageQuery = z.infer<typeof CoverageQuery>;

const skillKey = z.string().refine((v) => /^[a-z][a-z0-9_]{1,39}$/.test(v), { params: { messageKey: "skills.error.key", code: "key" } });

export const GapsQuery = z.strictObject({
  unit: unitCode.optional(),
  village: unitCode.optional().openapi({ description: "Only this village", example: "02923.001" }),
  team: uuid.optional().openapi({ description: "Only the households of this team" }),
  skill: skillKey.optional().openapi({ description: "Only people missing this skill (an active key of the checklist)" }),
});
export type GapsQuery = z.infer<typeof GapsQuery>;

export const ExportQuery = CoverageQuery.extend(GapsQuery.omit({ unit: true }).shape);
export type ExportQuery = z.infer<typeof ExportQuery>;

const count = z.number().int().min(0);
const share = z.number().min(0).max(1).nullable().openapi({ description: "A fraction from 0 to 1; null when there is nothing to divide by" });

export const SkillRef = z.object({ key: z.string(), labelVi: z.string(), labelEn: z.string() }).openapi("SkillRef");

export const CoverageFigures = z
  .object({
    households: count.openapi({ description: "Current (not archived) households" }),
    proficientHouseholds: count.openapi({ description: "Households with at least one member holding every active skill" }),
    proficientShare: share,
    neverVisited: count.openapi({ description: "Households with no visit recorded" }),
    staleVisited: count.openapi({ description: "Households whose latest visit is more than staleDays days before today" }),
    adults: count.openapi({ description: "Current household members born no later than this year minus 18" }),
    skills: z.array(z.object({ key: z.string(), adults: count, share })).openapi({ description: "Adults holding each active skill" }),
  })
  .openapi("CoverageFigures");

export const CoverageRow = CoverageFigures.extend({
  kind: z.enum(["commune", "village", "team", "unassigned"]),
  key: z.string().nullable().openapi({ description: "The unit code or the team id; null for households of no team" }),
  name: z.string(),
  nameEn: z.string().nullable(),
}).openapi("CoverageRow");

export const CoverageReport = z
  .object({
    unit: z.object({ code: z.string(), level: z.string(), name: z.string(), nameEn: z.string().nullable() }),
    /** Only some households of the unit: a team leader sees their teams'. */
    partial: z.boolean(),
    today: z.string(),
    staleDays: z.number().int(),
    adultBornBy: z.number().int().openapi({ description: "Adults are those born in this year or before" }),
    skills: z.array(SkillRef),
    total: CoverageFigures,
    rows: z.array(CoverageRow),
  })
  .openapi("CoverageReport");
export type CoverageReport = z.infer<typeof CoverageReport>;
export type CoverageFigures = z.infer<typeof CoverageFigures>;
export type CoverageRow = z.infer<typeof CoverageRow>;

export const GapRow = z
  .object({
    householdId: z.uuid(),
    villageCode: z.string(),
    villageName: z.string(),
    address: z.string(),
    residentId: z.uuid(),
    fullName: z.string(),
    birthYear: z.number().int(),
    lastVisitOn: z.string().nullable(),
    missing: z.array(z.string()).openapi({ description: "Keys of the active skills the person lacks, in checklist order" }),
  })
  .openapi("GapRow");

export const GapsReport = z
  .object({
    unit: z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() }),
    skills: z.array(SkillRef),
    rows: z.array(GapRow),
    truncated: z.boolean(),
    limit: z.number().int(),
  })
  .openapi("GapsReport");
export type GapsReport = z.infer<typeof GapsReport>;

export const SkillDefinition = z
  .strictObject({
    key: skillKey,
    labelVi: z.string().trim().min(1).max(200),
    labelEn: z.string().trim().min(1).max(200),
    sort: z.coerce.number().int().min(0).max(100000),
    active: z.boolean(),
  })
  .openapi("SkillDefinition");

export const SkillsQuery = z.strictObject({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .openapi({ example: "15" }),
});
export const SaveSkillsInput = z
  .strictObject({
    province: z
      .string()
      .regex(/^\d{2}$/)
      .openapi({ example: "15" }),
    skills: z.array(SkillDefinition).min(1).max(32),
  })
  .openapi("SaveSkillsInput");
export type SaveSkillsInput = z.infer<typeof SaveSkillsInput>;

export const Checklist = z.object({ provinceCode: z.string(), custom: z.boolean(), skills: z.array(SkillDefinition) }).openapi("SkillChecklist");

export const ConfirmSkillInput = z
  .strictObject({
    skillKey,
    method: z.enum(["seen", "self_declared"]),
  })
  .openapi("ConfirmSkillInput");
export type ConfirmSkillInput = z.infer<typeof ConfirmSkillInput>;

export const SkillConfirmed = z
  .object({
    residentId: z.uuid(),
    skillKey: z.string(),
    method: z.enum(["seen", "self_declared"]).openapi({ description: "The method now on record (a seen confirmation outranks a self-declared one)" }),
    confirmedBy: z.uuid().nullable(),
    confirmedAt: z.string(),
    changed: z.boolean().openapi({ description: "False when a confirmation seen in person was kept over a self-declared one" }),
  })
  .openapi("SkillConfirmed");
