// The public list of a commune's reports (reportPaths.publicList): newest first, filtered, a page at a time.
// Anyone may read it; what "public" means is PUBLIC_SQL (public.repository.ts).
import type { Deps } from "../../../deps.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { decodeCursor, encodeCursor } from "../../../platform/http/cursor.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { PublicListQuery } from "../public/public.contract.ts";
import * as repo from "../public/public.repository.ts";

type D = Pick<Deps, "db" | "config">;

export const PUBLIC_PAGE_SIZE = 20;

/** The commune of a public page: a served commune, else 404 (a village or a province has no page of its own). */
export async function publicCommune(deps: D, code: string) {
  const unit = await getAdminUnit(deps, code);
  if (unit.level !== "commune" || !unit.parentCode) throw new AppError("not_found", "error.notFound");
  return unit;
}

export async function listPublicReportPage(deps: D, communeCode: string, query: PublicListQuery) {
  const commune = await publicCommune(deps, communeCode);
  const key = decodeCursor(query.cursor, 2) as [string, string] | null;
  // A cursor is ours (base64url JSON) but comes back from the URL: check its parts before they reach SQL.
  const [at, id] = key ?? [];
  const after =
    typeof at === "string" && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(at) && !Number.isNaN(Date.parse(at)) && typeof id === "string" && isUuid(id)
      ? { createdAt: at, id }
      : null;
  if (key && !after) throw new AppError("validation", "error.validation", [{ field: "cursor", code: "format", message: "validation.cursor" }]);
  const { cursor: _cursor, ...filters } = query;
  const rows = await repo.listPublicReports(deps.db, communeCode, filters, after, PUBLIC_PAGE_SIZE + 1);
  const items = rows.slice(0, PUBLIC_PAGE_SIZE);
  const last = items[items.length - 1];
  const provinceCode = commune.parentCode as string;
  const [categories, villages] = await Promise.all([repo.communeCategories(deps.db, communeCode, provinceCode), repo.communeVillages(deps.db, communeCode)]);
  return {
    commune,
    items,
    nextCursor: rows.length > PUBLIC_PAGE_SIZE && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    categories,
    villages,
  };
}

export async function listPublicCommunes(deps: D) {
  return repo.servedCommunes(deps.db, deps.config.servedProvinces);
}
