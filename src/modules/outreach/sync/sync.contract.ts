// The field sync protocol's shapes (docs/community/field-sync.md): what the field app sends and gets back.
import { z } from "@hono/zod-openapi";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const Day = z
  .string()
  .refine(realDay, { params: { code: "format", messageKey: "validation.format" } })
  .openapi({ format: "date", example: "2026-11-23" });
const Id = z.uuid();
const Sex = z.enum(["male", "female"]);
const Poverty = z.enum(["poor", "near_poor"]);
const Flag = z.enum(["elderly_alone", "disability", "no_smartphone", "little_vietnamese"]);
const Relation = z.enum(["head", "spouse", "child", "parent", "grandchild", "grandparent", "sibling", "in_law", "other"]);
const Name = z.string().min(1).max(120);
const BirthYear = z.number().int().min(1890).max(2100);
const Phone = z.string().max(30).nullable();

export const OUTCOMES = ["helped", "not_home", "refused", "follow_up", "moved_away"] as const;

export const VisitInput = z
  .object({
    id: Id,
    householdId: Id,
    visitedOn: Day,
    present: z.array(Id).max(50).default([]),
    skills: z
      .array(z.object({ residentId: Id, skillKey: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), confirmed: z.enum(["seen", "self_declared"]).nullable() }))
      .max(200)
      .default([]),
    outcome: z.enum(OUTCOMES),
    nextStep: z.string().max(500).optional(),
    notes: z.string().max(2000).optional(),
    photoId: Id.optional(),
    recordedAt: z.iso.datetime({ offset: true }),
  })
  .openapi("FieldVisit");

const MemberInput = z.object({
  id: Id,
  fullName: Name,
  birthYear: BirthYear,
  sex: Sex.nullable().optional(),
  relationToHead: Relation,
  phone: Phone.optional(),
  flags: z.array(Flag).optional(),
});

const item = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) => z.object({ itemId: Id, kind: z.literal(kind), ...shape });

export const SyncItem = z
  .discriminatedUnion("kind", [
    item("visit", { visit: VisitInput }),
    item("household.update", {
      householdId: Id,
      baseVersion: z.number().int().min(1),
      changes: z.object({ address: z.string().min(1).max(300).optional(), poverty: Poverty.nullable().optional() }),
    }),
    item("resident.update", {
      residentId: Id,
      baseVersion: z.number().int().min(1),
      changes: z.object({
        fullName: Name.optional(),
        birthYear: BirthYear.optional(),
        sex: Sex.nullable().optional(),
        phone: Phone.optional(),
        flags: z.array(Flag).optional(),
        relationToHead: Relation.optional(),
      }),
    }),
    item("household.create", {
      household: z.object({
        id: Id,
        villageCode: z.string().min(1).max(20),
        address: z.string().min(1).max(300),
        poverty: Poverty.nullable().optional(),
        members: z.array(MemberInput).min(1).max(30),
      }),
    }),
    item("resident.create", { resident: MemberInput.extend({ householdId: Id }) }),
  ])
  .openapi("FieldSyncItem");
export type SyncItem = z.infer<typeof SyncItem>;

export const SyncRequest = z.object({ batchId: Id, deviceId: Id.optional(), items: z.array(SyncItem).min(1).max(1000) }).openapi("FieldSyncRequest");
export type SyncRequest = z.infer<typeof SyncRequest>;

export const ResidentRecord = z.object({
  id: z.string(),
  version: z.number().int(),
  fullName: z.string(),
  birthYear: z.number().int(),
  sex: Sex.nullable(),
  relationToHead: z.string(),
  phone: z.string().nullable(),
  flags: z.array(z.string()),
  skills: z.array(z.string()),
});
export const HouseholdRecord = z
  .object({
    id: z.string(),
    version: z.number().int(),
    villageCode: z.string(),
    address: z.string(),
    poverty: Poverty.nullable(),
    lastVisitOn: z.string().nullable(),
    residents: z.array(ResidentRecord),
  })
  .openapi("FieldHousehold");

export const SyncResult = z.object({
  itemId: z.string(),
  outcome: z.enum(["applied", "duplicate", "conflict", "rejected"]),
  /** For a duplicate: what the item's first answer was. */
  firstOutcome: z.enum(["applied", "conflict", "rejected"]).optional(),
  status: z.number().int().optional(),
  error: z.object({ field: z.string(), message: z.string() }).optional(),
  conflictId: z.string().optional(),
  version: z.number().int().optional(),
});
export const SyncResponse = z.object({ batchId: z.string(), results: z.array(SyncResult), households: z.array(HouseholdRecord) }).openapi("FieldSyncResponse");

export const Snapshot = z
  .object({
    csrfToken: z.string(),
    serverTime: z.string(),
    user: z.object({ id: z.string(), displayName: z.string() }),
    skills: z.array(z.object({ key: z.string(), label: z.string() })),
    villages: z.array(z.object({ code: z.string(), name: z.string() })),
    households: z.array(HouseholdRecord),
  })
  .openapi("FieldSnapshot");

export const PhotoOut = z.object({ id: z.string() }).openapi("FieldPhoto");

export const VisitOut = z
  .object({
    id: z.string(),
    householdId: z.string(),
    visitedOn: z.string(),
    outcome: z.enum(OUTCOMES),
    volunteer: z.object({ id: z.string(), displayName: z.string() }),
    present: z.array(z.string()),
    skills: z.array(z.object({ residentId: z.string(), skillKey: z.string(), confirmed: z.enum(["seen", "self_declared"]).nullable() })),
    nextStep: z.string().nullable(),
    notes: z.string().nullable(),
    photoFileId: z.string().nullable(),
    recordedAt: z.string(),
    syncedAt: z.string(),
  })
  .openapi("Visit");
