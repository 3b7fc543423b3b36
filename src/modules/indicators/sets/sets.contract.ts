// The sets part's API contract (zod → validation and OpenAPI) and how sets, versions and targets are presented.
import { z } from "@hono/zod-openapi";
import { IndicatorSetDefinitionSchema } from "../set-definition.ts";
import type { ResolvedSet } from "../set-store.ts";
import type { SetVersion } from "./use-cases/sets-read.ts";
import { definitionOf } from "./use-cases/sets-read.ts";
import type { TargetsView } from "./use-cases/targets.ts";

export const SetKeyParam = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
    .openapi({ param: { name: "key", in: "path" }, description: "The set's key", example: "service-index-766" }),
});

const Province = z
  .string()
  .regex(/^\d{2}$/)
  .optional()
  .openapi({ description: "The province (2-digit GSO code); default: the first province of your grants", example: "15" });

export const ProvinceQuery = z.strictObject({ province: Province });
export const ExportQuery = z.strictObject({
  province: Province,
  version: z.coerce.number().int().min(1).max(100_000).optional().openapi({ description: "A version from the history; default: the one in use" }),
});

const Origin = z.enum(["file", "every", "own"]).openapi({ description: "file: shipped with XãSố; every: stored for every province; own: the province's own" });

export const SetSummary = z
  .object({
    key: z.string(),
    name: z.string(),
    nameEn: z.string(),
    version: z.number().int(),
    origin: Origin,
    index: z.boolean(),
    indicators: z.number().int(),
  })
  .openapi("IndicatorSetSummary");
export const SetList = z.object({ province: z.string(), items: z.array(SetSummary) }).openapi("IndicatorSetList");

const Version = z.object({
  version: z.number().int(),
  origin: Origin,
  active: z.boolean(),
  note: z.string(),
  createdAt: z.string().nullable(),
});
export const SetDefinition = IndicatorSetDefinitionSchema.openapi("IndicatorSetDefinition");
export const SetDetail = z
  .object({ province: z.string(), version: z.number().int(), origin: Origin, definition: SetDefinition, versions: z.array(Version) })
  .openapi("IndicatorSet");

export const SetFileBody = z
  .object({
    version: z.number().int().min(1).optional().openapi({ description: "The file's version (kept for information; the saved version is the next one)" }),
    set: z
      .unknown()
      .openapi({ type: "object", description: "The set's definition (IndicatorSetDefinition); checked in full, errors name e.g. indicators.3.denominator" }),
  })
  .openapi("IndicatorSetFile", { description: "The export format: { version, set }" });
export const ImportBody = SetFileBody.extend({ note: z.string().max(500).optional() }).openapi("IndicatorSetImport");
export const Saved = z.object({ key: z.string(), version: z.number().int(), province: z.string() }).openapi("IndicatorSetSaved");

export const TargetsQuery = z.strictObject({
  province: Province,
  indicator: z.string().max(63).optional().openapi({ description: "The indicator's key; default: the set's first" }),
  year: z.coerce.number().int().openapi({ example: 2026 }),
});
export const TargetsBody = z
  .strictObject({
    province: Province,
    indicator: z.string().min(1).max(63),
    year: z.number().int(),
    targets: z
      .array(
        z.strictObject({
          unit: z.string().max(20),
          target: z.number().nullable().openapi({ description: "In the indicator's unit; null removes the target" }),
        }),
      )
      .min(1)
      .max(500),
  })
  .openapi("IndicatorTargetsInput");
export const Targets = z
  .object({
    province: z.string(),
    set: z.string(),
    indicator: z.string(),
    unit: z.string().openapi({ description: "The indicator's unit: percent, ratio, points or count" }),
    year: z.number().int(),
    targets: z.array(z.object({ unit: z.string(), name: z.string(), level: z.string(), target: z.number().nullable() })),
  })
  .openapi("IndicatorTargets");

export const originOf = (s: ResolvedSet): z.infer<typeof Origin> => (s.rowId === null ? "file" : s.provinceCode ? "own" : "every");

export const presentSummary = (s: ResolvedSet): z.infer<typeof SetSummary> => ({
  key: s.key,
  name: s.name,
  nameEn: s.nameEn,
  version: s.version,
  origin: originOf(s),
  index: s.index,
  indicators: s.compiled.length,
});

export const presentDetail = (province: string, s: ResolvedSet, versions: SetVersion[]): z.infer<typeof SetDetail> => ({
  province,
  version: s.version,
  origin: originOf(s),
  definition: definitionOf(s),
  versions: versions.map((v) => ({ ...v, createdAt: v.createdAt ? v.createdAt.toISOString() : null })),
});

export const presentTargets = (v: TargetsView): z.infer<typeof Targets> => ({
  province: v.province.code,
  set: v.set.key,
  indicator: v.indicator.key,
  unit: v.indicator.unit,
  year: v.year,
  targets: v.units.map((u) => ({ unit: u.unit.code, name: u.unit.name, level: u.unit.level, target: u.target })),
});
