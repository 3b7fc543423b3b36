// Who may read which figures: the office reads a unit under its report.read grants (404 outside, as everywhere);
// the public reads a commune's (counts only, no personal data).
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { FiguresQuery } from "../figures/figures.contract.ts";
import { defaultPeriod, type ReportFigures, reportFigures } from "./figures-compute.ts";

type D = Pick<Deps, "db" | "config" | "clock">;

function parse(raw: unknown) {
  const parsed = FiguresQuery.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return parsed.data;
}

export async function officeReportFigures(deps: D, ctx: { principal: Principal | null }, raw: unknown): Promise<ReportFigures> {
  const q = parse(raw);
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const first = p.grants.find((g) => scopePaths(p, "report.read").includes(g.unitPath) && /^\d{2}(\d{3})?$/.test(g.unitCode));
  const unitCode = q.unit ?? first?.unitCode;
  if (!unitCode) throw new AppError("forbidden", "error.forbidden");
  const unit = await getAdminUnit(deps, unitCode).catch(() => null);
  if (!unit) throw new AppError("not_found", "error.notFound");
  authorise(p, "report.read", unit);
  return reportFigures(deps, { unitCode: unit.code, ...defaultPeriod(deps.clock.now(), q.from, q.to) });
}

export async function publicReportFigures(deps: D, communeCode: string, raw: unknown): Promise<ReportFigures> {
  const q = parse(raw);
  const unit = await getAdminUnit(deps, communeCode).catch(() => null);
  if (unit?.level !== "commune") throw new AppError("not_found", "error.notFound");
  return reportFigures(deps, { unitCode: unit.code, ...defaultPeriod(deps.clock.now(), q.from, q.to) });
}
