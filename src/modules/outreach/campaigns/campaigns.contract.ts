// The one contract of campaigns, trainings and recognition: validates the office forms and the API, generates OpenAPI.
import { z } from "@hono/zod-openapi";

/** A calendar day as YYYY-MM-DD that exists (2026-02-30 does not). */
export const isDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
export const Day = z
  .string()
  .refine(isDay, {
    message: "not a day",
    params: { messageKey: "validation.dateImpossible", code: "date" },
  })
  .openapi({ format: "date", example: "2026-12-01" });

/** A skill of the checklist (outreach/skills.ts or the province's skill_definitions). */
export const SkillKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/)
  .openapi({ example: "vneid_level2" });
const UnitCode = z
  .string()
  .regex(/^\d{2}(\d{3}(\.\d{3})?)?$/)
  .openapi({ description: "A province (2 digits), a commune (5 digits) or a village (commune code and .NNN)", example: "02923" });
const Uuid = z.uuid();
const order = (message: string) => ({ message, path: ["endsOn"], params: { messageKey: "campaigns.error.order", code: "order" } });

export const MEASURES = ["adults", "households"] as const;
export type Measure = (typeof MEASURES)[number];

export const CampaignInput = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    unitCode: UnitCode,
    skillKey: SkillKey,
    measure: z.enum(MEASURES).default("adults").openapi({
      description: "adults: share of residents aged 18+ (by birth year) holding the skill; households: share of households with at least one person holding it",
    }),
    targetPercent: z.coerce
      .number()
      .gt(0)
      .max(100)
      .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, {
        message: "two decimals",
        params: { messageKey: "campaigns.error.decimals", code: "decimals" },
      })
      .openapi({ example: 80 }),
    startsOn: Day,
    endsOn: Day,
  })
  .refine((c) => !isDay(c.startsOn) || !isDay(c.endsOn) || c.endsOn >= c.startsOn, order("ends before it starts"))
  .openapi("CampaignInput");
export type CampaignInput = z.infer<typeof CampaignInput>;

export const Campaign = z
  .object({
    id: Uuid,
    name: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    skillKey: z.string(),
    measure: z.enum(MEASURES),
    targetPercent: z.number(),
    startsOn: z.string(),
    endsOn: z.string(),
    createdAt: z.string(),
  })
  .openapi("Campaign");

const share = z.number().min(0).max(100).nullable().openapi({ description: "A percentage with one decimal; null when nothing to divide by" });
export const ProgressPoint = z
  .object({ day: z.string(), counted: z.number().int(), total: z.number().int(), percent: share, expectedPercent: z.number() })
  .openapi("CampaignProgressPoint");
export const ProgressRow = z
  .object({
    key: z.string().nullable().openapi({ description: "The village code or team id; null: households with no team" }),
    label: z.string(),
    counted: z.number().int(),
    total: z.number().int(),
    percent: share,
    expectedPercent: z.number(),
    onTrack: z.boolean(),
    series: z.array(ProgressPoint),
  })
  .openapi("CampaignProgressRow");
export const PROGRESS_BY = ["village", "team"] as const;
export type ProgressBy = (typeof PROGRESS_BY)[number];
export const CampaignProgress = z
  .object({
    asOf: z.string().openapi({ description: "The last day counted: today, or the campaign's last day once it is over" }),
    by: z.enum(PROGRESS_BY),
    total: ProgressRow,
    rows: z.array(ProgressRow),
  })
  .openapi("CampaignProgress");
export const CampaignWithProgress = z.object({ campaign: Campaign, progress: CampaignProgress }).openapi("CampaignWithProgress");
export const ProgressQuery = z.strictObject({ by: z.enum(PROGRESS_BY).default("village") });

export const IdParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" }, example: "6f1c2e0a-0000-4000-8000-000000000000" }) });
export const MaterialParam = IdParam.extend({ fileId: z.string().openapi({ param: { name: "fileId", in: "path" } }) });

export const TrainingInput = z
  .strictObject({
    unitCode: UnitCode.openapi({ description: "The commune or village the training is for" }),
    heldOn: Day,
    place: z.string().trim().min(1).max(300),
    topic: z.string().trim().min(1).max(300),
    trainer: z.string().trim().min(1).max(200),
    skillKeys: z.array(SkillKey).max(20).default([]),
  })
  .openapi("TrainingInput");
export type TrainingInput = z.infer<typeof TrainingInput>;

export const CONFIRM = ["none", "seen"] as const;
export const AttendeesInput = z
  .strictObject({
    residentIds: z.array(z.string()).min(1).max(200),
    confirmSkills: z.enum(CONFIRM).default("none").openapi({
      description:
        "seen: the attendees practised each skill of the training in front of the trainer, so the skills are confirmed as seen; none: attendance only",
    }),
  })
  .openapi("TrainingAttendeesInput");
export type AttendeesInput = z.infer<typeof AttendeesInput>;

export const Training = z
  .object({
    id: Uuid,
    communeCode: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    heldOn: z.string(),
    place: z.string(),
    topic: z.string(),
    trainer: z.string(),
    skillKeys: z.array(z.string()),
    attendeeCount: z.number().int(),
    materialCount: z.number().int(),
  })
  .openapi("Training");
export const Attendee = z
  .object({ residentId: Uuid, fullName: z.string(), birthYear: z.number().int(), villageCode: z.string(), villageName: z.string() })
  .openapi("TrainingAttendee");
export const Material = z.object({ fileId: Uuid, name: z.string(), mediaType: z.string(), sizeBytes: z.number().int() }).openapi("TrainingMaterial");
export const NeedsTraining = z
  .object({ residentId: Uuid, fullName: z.string(), birthYear: z.number().int(), villageName: z.string(), missing: z.array(z.string()) })
  .openapi("NeedsTraining");
export const TrainingDetail = z
  .object({
    training: Training,
    attendees: z.array(Attendee).openapi({ description: "The attendees whose households you may see" }),
    attendeesHidden: z.number().int().openapi({ description: "Attendees whose households you may not see" }),
    materials: z.array(Material),
    needsTraining: z
      .array(NeedsTraining)
      .openapi({ description: "Adults in the training's unit, visible to you, lacking one of its skills and not trained on it" }),
    needsTrainingTotal: z.number().int(),
  })
  .openapi("TrainingDetail");
export const AttendeesResult = z.object({ added: z.number().int(), skillsConfirmed: z.number().int() }).openapi("TrainingAttendeesResult");

export const RecognitionQuery = z
  .strictObject({
    from: Day.optional().openapi({ description: "First day (Vietnam time), inclusive; default the first day of this month" }),
    to: Day.optional().openapi({ description: "Last day, inclusive; default today" }),
    unit: UnitCode.optional().openapi({ description: "A unit in your scope; all you may see when absent" }),
  })
  .refine((q) => !q.from || !q.to || !isDay(q.from) || !isDay(q.to) || q.from <= q.to, {
    message: "to before from",
    path: ["to"],
    params: { messageKey: "campaigns.error.order", code: "order" },
  });
export type RecognitionQuery = z.infer<typeof RecognitionQuery>;

const Figures = {
  visits: z.number().int().openapi({ description: "Visits recorded in the period" }),
  householdsHelped: z.number().int().openapi({ description: "Distinct households with a visit whose outcome is helped" }),
  skillsConfirmed: z.number().int().openapi({ description: "Skills confirmed (seen or self-declared) during those visits" }),
};
export const RecognisedMember = z
  .object({ rank: z.number().int(), userId: Uuid, name: z.string(), teamName: z.string().nullable(), villageName: z.string().nullable(), ...Figures })
  .openapi("RecognisedMember");
export const RecognisedTeam = z
  .object({ rank: z.number().int(), teamId: Uuid, name: z.string(), villageName: z.string().nullable(), members: z.number().int(), ...Figures })
  .openapi("RecognisedTeam");
export const Recognition = z
  .object({ from: z.string(), to: z.string(), unitCode: z.string().nullable(), teams: z.array(RecognisedTeam), members: z.array(RecognisedMember) })
  .openapi("Recognition");
