// The contract of report categories: the admin forms and the API validate with it; OpenAPI is generated from it.
import { z } from "@hono/zod-openapi";

export const ATTRIBUTE_DATATYPES = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"] as const;
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];

export const CATEGORY_CODE_RE = /^[a-z][a-z0-9_-]{1,39}$/;
export const ATTRIBUTE_CODE_RE = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
export const TIME_LIMIT_MIN = 1;
export const TIME_LIMIT_MAX = 60;

const isList = (d: AttributeDatatype) => d === "singlevaluelist" || d === "multivaluelist";

/** One value of a list attribute, as stored (Open311's `key` and `name`; `name` is Vietnamese). */
export const AttributeValue = z
  .strictObject({
    key: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9_-]+$/),
    name: z.string().trim().min(1).max(100),
    name_en: z.string().trim().max(100).default(""),
  })
  .openapi("ReportCategoryAttributeValue");

/** An Open311 attribute of a category's service definition, stored as is in report_categories.attributes. */
export const CategoryAttribute = z
  .strictObject({
    code: z.string().trim().regex(ATTRIBUTE_CODE_RE),
    datatype: z.enum(ATTRIBUTE_DATATYPES),
    required: z.boolean().default(false),
    description_vi: z.string().trim().min(1).max(300),
    description_en: z.string().trim().max(300).default(""),
    order: z.number().int().min(1).max(100),
    values: z.array(AttributeValue).max(50).default([]),
  })
  .superRefine((a, ctx) => {
    if (isList(a.datatype) && a.values.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["values"],
        message: "list needs values",
        params: { messageKey: "reports.categories.error.values", code: "values" },
      });
    if (!isList(a.datatype) && a.values.length > 0)
      ctx.addIssue({
        code: "custom",
        path: ["values"],
        message: "only lists have values",
        params: { messageKey: "reports.categories.error.noValues", code: "values" },
      });
    const keys = a.values.map((v) => v.key);
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({
        code: "custom",
        path: ["values"],
        message: "duplicate key",
        params: { messageKey: "reports.categories.error.duplicateKey", code: "duplicate" },
      });
  })
  .openapi("ReportCategoryAttribute");
export type CategoryAttribute = z.infer<typeof CategoryAttribute>;

const attributes = z
  .array(CategoryAttribute)
  .max(20)
  .superRefine((list, ctx) => {
    const codes = list.map((a) => a.code);
    if (new Set(codes).size !== codes.length)
      ctx.addIssue({ code: "custom", message: "duplicate code", params: { messageKey: "reports.categories.error.duplicateKey", code: "duplicate" } });
  });

/** The fields an admin edits on any row. */
const editable = {
  nameVi: z.string().trim().min(1).max(120),
  nameEn: z.string().trim().min(1).max(120),
  descriptionVi: z.string().trim().max(500).default(""),
  descriptionEn: z.string().trim().max(500).default(""),
  keywords: z.string().trim().max(300).default("").openapi({ description: "Comma separated (Open311 keywords)" }),
  responsibleUnit: z.string().trim().max(200).default(""),
  responsibleUserId: z.uuid().nullable().default(null).openapi({ description: "Only in a commune's row: an officer who may handle its reports" }),
  timeLimitDays: z.coerce.number().int().min(TIME_LIMIT_MIN).max(TIME_LIMIT_MAX).openapi({ description: "Working days to answer", example: 5 }),
  publicByDefault: z.boolean().default(true),
  active: z.boolean().default(true),
  sortOrder: z.coerce.number().int().min(0).max(9999).default(100),
  attributes: attributes.default([]),
};
const scope = {
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .openapi({ description: "The province (2 digits); implied by communeCode", example: "15" }),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable()
    .optional()
    .openapi({ description: "A commune: its own row, overriding the province default of the same code", example: "02923" }),
};

/** What an admin saves. `communeCode` absent or null: the province's default; a commune: its own row (an override). */
export const CategoryInput = z
  .strictObject({
    ...scope,
    code: z.string().trim().regex(CATEGORY_CODE_RE).openapi({ description: "Also Open311's service_code", example: "road" }),
    ...editable,
  })
  .refine((c) => c.provinceCode || c.communeCode, {
    message: "a province or a commune",
    path: ["communeCode"],
    params: { messageKey: "validation.required", code: "required" },
  })
  .openapi("ReportCategoryInput");
export type CategoryInput = z.infer<typeof CategoryInput>;

/** PUT by id: the editable fields; scope and code may be repeated but not changed. */
export const CategoryUpdate = z.strictObject({ ...scope, code: z.string().optional(), ...editable }).openapi("ReportCategoryUpdate");

/** A category as the API shows it (the effective row of a commune, or a province default). */
export const Category = z
  .object({
    id: z.uuid(),
    provinceCode: z.string(),
    communeCode: z.string().nullable(),
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    descriptionVi: z.string(),
    descriptionEn: z.string(),
    keywords: z.array(z.string()),
    responsibleUnit: z.string(),
    responsibleUserId: z.string().nullable(),
    timeLimitDays: z.number().int(),
    publicByDefault: z.boolean(),
    active: z.boolean(),
    sortOrder: z.number().int(),
    attributes: z.array(z.any().openapi({ type: "object" })),
    version: z.number().int().optional().openapi({ description: "The row's version (admin lists)" }),
  })
  .openapi("ReportCategory");

export const CategoriesQuery = z.strictObject({
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .openapi({ description: "The commune whose effective list to show (defaults to province rows with province)" }),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .openapi({ description: "The province whose defaults to show" }),
  all: z.enum(["0", "1"]).optional().openapi({ description: "1: include inactive rows (admins)" }),
});

const degreesField = (what: string, example: number) => z.number().openapi({ description: `${what}, decimal degrees (WGS 84)`, example });

/** A province's report area: the rectangle its reports may be placed in (its extreme points with a margin). */
export const ReportAreaInput = z
  .object({
    minLat: degreesField("Southern edge", 21.3),
    maxLat: degreesField("Northern edge", 22.9),
    minLon: degreesField("Western edge", 103.5),
    maxLon: degreesField("Eastern edge", 105.2),
  })
  .openapi("ReportAreaInput");

export const ReportArea = z
  .object({
    provinceCode: z.string().openapi({ example: "15" }),
    area: ReportAreaInput.nullable().openapi({ description: "null: none set; places are checked against Vietnam's extent" }),
    updatedAt: z.string().nullable(),
  })
  .openapi("ReportArea");
