// Sets or clears a province's report area: four numbers in degrees, each checked and named in a refusal; min < max;
// the rectangle must overlap Vietnam's extent (else no report could be placed at all). Audited as reportArea.saved /
// reportArea.cleared with the numbers (no personal data).
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import { deleteReportArea, upsertReportArea } from "../categories/areas.repository.ts";
import { type ReportArea, VIETNAM_EXTENT } from "../reporting/place-check.ts";
import { areaProvince } from "./area-get.ts";

type Ctx = Context & { principal: Principal | null };
type D = Pick<Deps, "db" | "config" | "events">;

export const AREA_FIELDS = ["minLat", "maxLat", "minLon", "maxLon"] as const;
const NUMBER = /^[+-]?\d{1,3}([.,]\d{1,8})?$/;

/** A number as a person types it (a dot or a Vietnamese decimal comma) or as JSON sends it; null when it is not one. */
function degrees(v: unknown): number | null | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && NUMBER.test(v.trim())) return Number(v.trim().replace(",", "."));
  return null;
}

/** Every field at once, so the form shows all that is wrong. */
export function checkArea(raw: unknown): { area: ReportArea | null; errors: FieldError[] } {
  const body = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const errors: FieldError[] = [];
  const got: Partial<ReportArea> = {};
  for (const field of AREA_FIELDS) {
    const n = degrees(body[field]);
    const limit = field.endsWith("Lat") ? 90 : 180;
    if (n === undefined) errors.push({ field, code: "required", message: "reports.categories.area.error.required" });
    else if (n === null) errors.push({ field, code: "format", message: "reports.categories.area.error.number" });
    else if (n < -limit || n > limit)
      errors.push({ field, code: "range", message: "reports.categories.area.error.range", params: { min: -limit, max: limit } });
    // Six decimals are ten centimetres: more says nothing about a province.
    else got[field] = Math.round(n * 1e6) / 1e6;
  }
  const { minLat, maxLat, minLon, maxLon } = got;
  if (minLat !== undefined && maxLat !== undefined && minLat >= maxLat)
    errors.push({ field: "maxLat", code: "order", message: "reports.categories.area.error.maxLat" });
  if (minLon !== undefined && maxLon !== undefined && minLon >= maxLon)
    errors.push({ field: "maxLon", code: "order", message: "reports.categories.area.error.maxLon" });
  if (errors.length > 0 || minLat === undefined || maxLat === undefined || minLon === undefined || maxLon === undefined) return { area: null, errors };
  const v = VIETNAM_EXTENT;
  if (minLat > v.maxLat || maxLat < v.minLat) errors.push({ field: "minLat", code: "outside", message: "reports.categories.area.error.outsideVietnam" });
  if (minLon > v.maxLon || maxLon < v.minLon) errors.push({ field: "minLon", code: "outside", message: "reports.categories.area.error.outsideVietnam" });
  return errors.length > 0 ? { area: null, errors } : { area: { minLat, maxLat, minLon, maxLon }, errors };
}

export async function saveReportArea(deps: D, ctx: Ctx, provinceCode: string, raw: unknown): Promise<{ area: ReportArea; created: boolean }> {
  const unit = await areaProvince(deps, ctx.principal, provinceCode);
  const { area, errors } = checkArea(raw);
  if (!area) throw new AppError("validation", "error.validation", errors);
  return deps.db.tx(async (q) => {
    const created = await upsertReportArea(q, unit.code, area, ctx.principal?.userId ?? null);
    await deps.events.publish(q, {
      type: "reportArea.saved",
      actor: ctx.actor,
      target: { type: "report_area", id: unit.code },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: { ...area, created },
    });
    return { area, created };
  });
}

/** Clears the rectangle: the province's reports are checked against Vietnam's extent again. */
export async function clearReportArea(deps: D, ctx: Ctx, provinceCode: string): Promise<{ cleared: boolean }> {
  const unit = await areaProvince(deps, ctx.principal, provinceCode);
  return deps.db.tx(async (q) => {
    const cleared = await deleteReportArea(q, unit.code);
    if (cleared)
      await deps.events.publish(q, {
        type: "reportArea.cleared",
        actor: ctx.actor,
        target: { type: "report_area", id: unit.code },
        adminUnitCode: unit.code,
        requestId: ctx.requestId,
        details: {},
      });
    return { cleared };
  });
}
