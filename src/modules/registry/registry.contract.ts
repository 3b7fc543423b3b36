// The one contract of the registry core: households, residents, moves and search. Form posts and API bodies both
// go through these schemas, so a bad field is named the same way in the office and in /api/v1.
import { z } from "@hono/zod-openapi";
import { localYear } from "../../platform/calendar/vietnam-time.ts";
import { birthDateSchema, citizenIdNumberSchema, idDisagreement, phoneSchema, SEXES } from "../citizens/index.ts";

export const RELATIONS = ["head", "spouse", "child", "parent", "grandchild", "grandparent", "sibling", "in_law", "other"] as const;
export type Relation = (typeof RELATIONS)[number];
/** A member's relation; "head" is given only by creating a household or changing its head. */
export const MEMBER_RELATIONS = RELATIONS.filter((r) => r !== "head") as unknown as readonly [Exclude<Relation, "head">, ...Exclude<Relation, "head">[]];
export const RESIDENT_FLAGS = ["elderly_alone", "disability", "no_smartphone", "little_vietnamese"] as const;
export type ResidentFlag = (typeof RESIDENT_FLAGS)[number];
export const POVERTY = ["poor", "near_poor"] as const;
/** What the search filters on: a person's flag, or the household's poverty. */
export const SEARCH_FLAGS = [...RESIDENT_FLAGS, ...POVERTY] as const;
export type SearchFlag = (typeof SEARCH_FLAGS)[number];
export const ARCHIVE_REASONS = ["died", "duplicate"] as const;
export const MOVE_KINDS = ["household", "newHousehold", "away"] as const;

const villageCode = z
  .string()
  .regex(/^\d{5}\.\d{3}$/)
  .openapi({ description: "The village's code (the commune's code, a dot, three digits)", example: "02923.001" });
const address = z.string().trim().min(1).max(300).openapi({ example: "Số 12, Thôn Phú Hà" });
const version = z.number().int().min(1).openapi({ description: "The version you saw; a stale one is answered with 409" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === "" ? null : v))
    .optional();

/** The resident's own fields, as entered; a birth date or a birth year is required (checked by residentInput). */
function residentShape(today: () => Date) {
  return {
    fullName: z.string().trim().min(1).max(200).openapi({ example: "Nguyễn Thị Lan" }),
    birthDate: birthDateSchema(today).nullable().optional(),
    birthYear: z.coerce
      .number()
      .int()
      .min(1890)
      .max(2100)
      .optional()
      .openapi({ description: "Needed when the birth date is not known; taken from the date otherwise", example: 1958 }),
    sex: z.enum(SEXES).nullable().optional(),
    phone: phoneSchema().nullable().optional(),
    citizenIdNumber: citizenIdNumberSchema(today).nullable().optional(),
    ethnicity: optionalText(60).openapi({ example: "Tày" }),
    language: optionalText(60).openapi({ example: "Tiếng Tày" }),
    flags: z.array(z.enum(RESIDENT_FLAGS)).max(RESIDENT_FLAGS.length).optional(),
  };
}

type ResidentFields = {
  birthDate?: string | null;
  birthYear?: number;
  sex?: (typeof SEXES)[number] | null;
  citizenIdNumber?: string | null;
};

/** The checks across fields: a year or a date, the year agreeing with the date, the ID number with both. */
function crossCheck(today: () => Date, requireBirth: boolean) {
  return (v: ResidentFields, ctx: z.RefinementCtx) => {
    const fromDate = v.birthDate && /^\d{4}-/.test(v.birthDate) ? Number(v.birthDate.slice(0, 4)) : null;
    if (requireBirth && fromDate === null && v.birthYear === undefined)
      ctx.addIssue({ code: "custom", path: ["birthYear"], message: "required", params: { code: "required", messageKey: "registry.error.birthRequired" } });
    if (fromDate !== null && v.birthYear !== undefined && v.birthYear !== fromDate)
      ctx.addIssue({ code: "custom", path: ["birthYear"], message: "birthYear", params: { code: "mismatch", messageKey: "registry.error.birthYearMismatch" } });
    if (v.birthYear !== undefined && v.birthYear > localYear(today()))
      ctx.addIssue({ code: "custom", path: ["birthYear"], message: "future", params: { code: "future", messageKey: "registry.error.birthYearFuture" } });
    if (v.citizenIdNumber) {
      const year = fromDate ?? v.birthYear;
      const d = idDisagreement(v.citizenIdNumber, { birthDate: year !== undefined && year !== null ? `${year}-01-01` : null, sex: v.sex ?? null });
      if (d) ctx.addIssue({ code: "custom", path: ["citizenIdNumber"], message: d.code, params: { code: d.code, messageKey: d.messageKey, params: d.params } });
    }
  };
}

export function residentInput(today: () => Date) {
  return z.strictObject(residentShape(today)).superRefine(crossCheck(today, true));
}

export function memberInput(today: () => Date) {
  return z
    .strictObject({ ...residentShape(today), relationToHead: z.enum(MEMBER_RELATIONS).default("other") })
    .superRefine(crossCheck(today, true))
    .openapi("ResidentInput");
}

export function createHouseholdInput(today: () => Date) {
  return z
    .strictObject({
      villageCode,
      address,
      poverty: z.enum(POVERTY).nullable().optional(),
      // The first member is the head; the others carry their relation to the head.
      members: z.array(memberInput(today)).min(1).max(30),
    })
    .openapi("CreateHouseholdInput");
}

export const UpdateHouseholdInput = z
  .strictObject({ version, address: address.optional(), villageCode: villageCode.optional(), poverty: z.enum(POVERTY).nullable().optional() })
  .openapi("UpdateHouseholdInput");

export function updateResidentInput(today: () => Date) {
  const s = residentShape(today);
  return z
    .strictObject({
      version,
      ...s,
      fullName: s.fullName.optional(),
      relationToHead: z.enum(MEMBER_RELATIONS).optional(),
      flags: s.flags,
    })
    .superRefine(crossCheck(today, false))
    .openapi("UpdateResidentInput");
}

export const ChangeHeadInput = z
  .strictObject({
    version,
    residentId: z.uuid(),
    formerHeadRelation: z.enum(MEMBER_RELATIONS).default("other").openapi({ description: "What the former head becomes to the new head" }),
  })
  .openapi("ChangeHeadInput");

export const MoveResidentInput = z
  .strictObject({
    version,
    kind: z.enum(MOVE_KINDS).openapi({ description: "household: into an existing household; newHousehold: heads a new one; away: left the commune" }),
    toHouseholdId: z.uuid().optional(),
    relationToHead: z.enum(MEMBER_RELATIONS).optional(),
    toVillageCode: villageCode.optional(),
    address: address.optional(),
    reason: optionalText(300),
  })
  .superRefine((v, ctx) => {
    const need = (field: "toHouseholdId" | "toVillageCode" | "address") =>
      ctx.addIssue({ code: "custom", path: [field], message: "required", params: { code: "required", messageKey: "validation.required" } });
    if (v.kind === "household" && !v.toHouseholdId) need("toHouseholdId");
    if (v.kind === "newHousehold" && !v.toVillageCode) need("toVillageCode");
    if (v.kind === "newHousehold" && !v.address) need("address");
  })
  .openapi("MoveResidentInput");

export const ArchiveResidentInput = z
  .strictObject({ version, reason: z.enum(ARCHIVE_REASONS), mergedInto: z.uuid().optional().openapi({ description: "For a duplicate: the record kept" }) })
  .superRefine((v, ctx) => {
    if (v.reason === "duplicate" && !v.mergedInto)
      ctx.addIssue({ code: "custom", path: ["mergedInto"], message: "required", params: { code: "required", messageKey: "validation.required" } });
  })
  .openapi("ArchiveResidentInput");

export const SEARCH_MAX_LENGTH = 100;

export const SearchQuery = z.strictObject({
  q: z.string().trim().max(SEARCH_MAX_LENGTH).optional().openapi({ description: "A name (diacritics optional), a phone or an ID number" }),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  village: villageCode.optional(),
  flag: z.enum(SEARCH_FLAGS).optional(),
  heads: z.enum(["1", "true"]).optional().openapi({ description: "Only household heads (a household search by its head)" }),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type SearchInput = { q?: string; commune?: string; village?: string; flag?: SearchFlag; heads?: boolean; cursor?: string; limit: number };

// ── answers ──────────────────────────────────────────────────────────────────────────────────────────────────────
export const ResidentSummaryOut = z
  .object({
    id: z.uuid(),
    householdId: z.uuid().nullable(),
    fullName: z.string(),
    birthYear: z.number().int(),
    birthDate: z.string().nullable(),
    sex: z.enum(SEXES).nullable(),
    relationToHead: z.enum(RELATIONS),
    phone: z.string().nullable(),
    citizenIdNumber: z.string().nullable(),
    flags: z.array(z.enum(RESIDENT_FLAGS)),
    villageCode: z.string(),
    version: z.number().int(),
    archived: z.boolean(),
  })
  .openapi("ResidentSummary");

export const MoveOut = z
  .object({
    residentId: z.uuid(),
    residentName: z.string(),
    fromHouseholdId: z.uuid().nullable(),
    toHouseholdId: z.uuid().nullable(),
    fromVillageCode: z.string().nullable(),
    toVillageCode: z.string().nullable(),
    relationToHead: z.string().nullable(),
    reason: z.string().nullable(),
    movedAt: z.string(),
    movedBy: z.string().nullable(),
  })
  .openapi("ResidentMove");

export const HouseholdOut = z
  .object({
    id: z.uuid(),
    communeCode: z.string(),
    villageCode: z.string(),
    address: z.string(),
    poverty: z.enum(POVERTY).nullable(),
    headId: z.uuid().nullable(),
    version: z.number().int(),
    archived: z.boolean(),
    members: z.array(ResidentSummaryOut),
    moves: z.array(MoveOut),
  })
  .openapi("Household");

export const ResidentOut = ResidentSummaryOut.extend({
  communeCode: z.string(),
  ethnicity: z.string().nullable(),
  language: z.string().nullable(),
  householdAddress: z.string().nullable(),
  archivedReason: z.enum(ARCHIVE_REASONS).nullable(),
  mergedInto: z.uuid().nullable(),
  moves: z.array(MoveOut),
}).openapi("Resident");

export const SearchItemOut = ResidentSummaryOut.extend({
  householdAddress: z.string().nullable(),
  headName: z.string().nullable(),
  poverty: z.enum(POVERTY).nullable(),
}).openapi("RegistrySearchItem");
