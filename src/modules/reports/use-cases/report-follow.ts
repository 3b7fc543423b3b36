// The reporter's own view of their report: by the private link (code + secret), by code + the phone they gave
// (a new link is issued: only the secret's hash is kept, so the old link stops working), or as the account that sent
// it (/me/reports). A support ("tôi cũng gặp") never reaches here: it gives no access to the reporter's data.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, tooManyRequests } from "../../../platform/http/app-error.ts";
import { release, reserve } from "../../../platform/throttle/throttle.ts";
import { checkPhone } from "../../citizens/index.ts";
import { FOLLOW_TOKEN_PATTERN, hashFollowToken, newFollowToken, normaliseReportCode } from "../reporting/report-code.ts";
import * as repo from "../reporting/reporting.repository.ts";
import type { ReportRow } from "../reports.model.ts";
import { findReportByCode, listReportEvents, listReportPhotos, type ReportEventRow, type ReportPhotoRow } from "../reports.repository.ts";

type D = Pick<Deps, "db" | "clock">;
type Ctx = Context & { principal: Principal | null };

/** How the reporter proves the report is theirs: the private link, or the account that sent it. */
export type ReporterProof = { code: string; token: string } | { code: string; account: true };

export type FollowView = {
  report: ReportRow;
  category: { code: string; nameVi: string; nameEn: string; responsibleUnit: string } | null;
  placeName: string | null;
  events: ReportEventRow[];
  photos: ReportPhotoRow[];
};

/** The report the proof opens, or 404 (a wrong secret and an unknown code look the same). */
export async function reporterReport(q: Queryable, ctx: Ctx, proof: ReporterProof, lock = false): Promise<ReportRow> {
  const code = normaliseReportCode(proof.code);
  if ("token" in proof) {
    if (!FOLLOW_TOKEN_PATTERN.test(proof.token)) throw new AppError("not_found", "error.notFound");
    const r = await repo.findByCodeAndTokenHash(q, code, hashFollowToken(proof.token), lock);
    if (!r) throw new AppError("not_found", "error.notFound");
    return r;
  }
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const r = await findReportByCode(q, code, lock);
  if (!r || r.reporterUserId !== p.userId) throw new AppError("not_found", "error.notFound");
  return r;
}

export async function followReport(deps: D, ctx: Ctx, proof: ReporterProof): Promise<FollowView> {
  const report = await reporterReport(deps.db, ctx, proof);
  const [categories, places, events, photos] = await Promise.all([
    repo.categoryNames(deps.db, [report.categoryId]),
    repo.unitNames(deps.db, [report.villageCode ?? report.communeCode]),
    listReportEvents(deps.db, report.id, { publicOnly: true }),
    listReportPhotos(deps.db, report.id, { includeHidden: false }),
  ]);
  return {
    report,
    category: categories.get(report.categoryId) ?? null,
    placeName: places.get(report.villageCode ?? report.communeCode) ?? null,
    events,
    photos,
  };
}

export const LOOKUP_WINDOW_MS = 15 * 60_000;
/** Wrong look-ups per window from one address, and on one code from everywhere. */
export const LOOKUP_MAX_PER_ADDRESS = 10;
export const LOOKUP_MAX_PER_CODE = 20;

/**
 * Code + the phone given at sending → a new private link (the old one stops working). Wrong guesses are counted per
 * address and per code; a right one gives its count back. Anonymous reports have no phone: only their link opens them.
 */
export async function lookupReport(deps: D, input: { code: string; phone: string; clientIp: string | null }): Promise<{ code: string; token: string }> {
  const code = normaliseReportCode(input.code ?? "");
  const phone = checkPhone(input.phone ?? "");
  const now = deps.clock.now();
  const counted = await reserve(
    deps.db,
    "reportLookup",
    [
      ...(input.clientIp ? [{ key: `ip:${input.clientIp}`, limit: LOOKUP_MAX_PER_ADDRESS, windowMs: LOOKUP_WINDOW_MS }] : []),
      { key: `code:${code}`, limit: LOOKUP_MAX_PER_CODE, windowMs: LOOKUP_WINDOW_MS },
    ],
    now,
  );
  if (!counted.allowed) throw tooManyRequests("reports.reporting.lookup.throttled", counted.retryAfterSeconds);
  const notFound = () =>
    new AppError("not_found", "reports.reporting.lookup.notFound", [{ field: "code", code: "notFound", message: "reports.reporting.lookup.notFound" }]);
  if (!phone.ok) throw notFound();
  return deps.db.tx(async (q) => {
    const r = await findReportByCode(q, code, true);
    if (!r || r.anonymous || r.reporterPhone !== phone.national) throw notFound();
    const token = newFollowToken();
    await repo.setFollowTokenHash(q, r.id, hashFollowToken(token));
    await release(q, counted);
    return { code: r.code, token };
  });
}

export type MyReport = ReportRow & { categoryCode: string | null; categoryNameVi: string; categoryNameEn: string; placeName: string | null };

/** The signed-in reporter's own reports, newest first. */
export async function listMyReports(deps: D, ctx: Ctx, limit = 100): Promise<MyReport[]> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const rows = await repo.listReporterReports(deps.db, p.userId, limit);
  const [cats, places] = await Promise.all([
    repo.categoryNames(
      deps.db,
      rows.map((r) => r.categoryId),
    ),
    repo.unitNames(
      deps.db,
      rows.map((r) => r.villageCode ?? r.communeCode),
    ),
  ]);
  return rows.map((r) => ({
    ...r,
    categoryCode: cats.get(r.categoryId)?.code ?? null,
    categoryNameVi: cats.get(r.categoryId)?.nameVi ?? "",
    categoryNameEn: cats.get(r.categoryId)?.nameEn ?? "",
    placeName: places.get(r.villageCode ?? r.communeCode) ?? null,
  }));
}
