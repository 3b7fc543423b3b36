// Before a report is sent: open public reports of the same category in the same village, or within ~300 m when
// coordinates are given, so that a resident can say "tôi cũng gặp" instead of sending a duplicate.
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { findSimilar, type SimilarReport } from "../reporting/reporting.repository.ts";
import { withinVietnam } from "../reporting/place-check.ts";
import { activeCategoriesIn } from "./categories-active.ts";
import { provinceOf, reportCommune } from "./report-submit.ts";

export const SIMILAR_RADIUS_M = 300;
export const SIMILAR_LIMIT = 5;

export type SimilarQuery = { communeCode: string; categoryCode: string; villageCode?: string | null; lat?: number | null; lon?: number | null };

export async function similarReports(deps: Pick<Deps, "db" | "config">, query: SimilarQuery): Promise<SimilarReport[]> {
  const commune = await reportCommune(deps, query.communeCode ?? "");
  const code = (query.categoryCode ?? "").trim();
  const [category] = code ? await activeCategoriesIn(deps.db, { code: commune.code, provinceCode: provinceOf(commune) }, code) : [];
  if (!category)
    throw new AppError("validation", "error.validation", [{ field: "categoryCode", code: "unknown", message: "reports.reporting.error.categoryUnknown" }]);
  const lat = query.lat ?? null;
  const lon = query.lon ?? null;
  // Coordinates that could not be sent are no filter either: the village still is.
  const located = lat !== null && lon !== null && Number.isFinite(lat) && Number.isFinite(lon) && withinVietnam(lat, lon);
  return findSimilar(deps.db, {
    communeCode: commune.code,
    categoryId: category.id,
    villageCode: query.villageCode?.trim() || null,
    lat: located ? lat : null,
    lon: located ? lon : null,
    radiusM: SIMILAR_RADIUS_M,
    limit: SIMILAR_LIMIT,
  });
}
