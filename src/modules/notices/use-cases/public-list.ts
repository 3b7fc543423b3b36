// The public list of a commune's notices (noticePaths.publicList / villageList, the feeds, the public API): the ones
// in force first (emergencies on top), then the others, filtered by category and village, a page at a time.
// Anyone may read it; what "public" means is publicNoticeSql (notice-access.ts).
import type { Deps } from "../../../deps.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import type { NoticeCategory } from "../notices.model.ts";
import * as repo from "../public/public.repository.ts";

type D = Pick<Deps, "db" | "config" | "clock">;

export const PUBLIC_NOTICES_PAGE_SIZE = 20;

/** The commune of a public page: a served commune, else 404 (a village or a province has no list of its own). */
export async function publicNoticeCommune(deps: D, code: string) {
  const unit = await getAdminUnit(deps, code);
  if (unit.level !== "commune" || !unit.parentCode) throw notFound();
  return unit;
}

export type PublicNoticeListQuery = { category?: NoticeCategory; village?: string; page?: number };

/**
 * One page of the list. `villageFrom`: "path" when the village is the page's own address (an unknown one is a 404),
 * "query" when it is a filter (an unknown one is a 400 naming the field).
 */
export async function listPublicNoticePage(deps: D, communeCode: string, query: PublicNoticeListQuery, villageFrom: "path" | "query" = "query") {
  const commune = await publicNoticeCommune(deps, communeCode);
  const villages = await repo.communeVillages(deps.db, communeCode);
  const village = query.village ? villages.find((v) => v.code === query.village) : undefined;
  if (query.village && !village) {
    if (villageFrom === "path") throw notFound();
    throw new AppError("validation", "error.validation", [{ field: "village", code: "unknown", message: "notices.public.error.village" }]);
  }
  const page = query.page ?? 1;
  const today = toLocalDay(deps.clock.now());
  const rows = await repo.listPublicNotices(
    deps.db,
    { communeCode, communePath: commune.path, village: query.village, category: query.category },
    today,
    (page - 1) * PUBLIC_NOTICES_PAGE_SIZE,
    PUBLIC_NOTICES_PAGE_SIZE + 1,
  );
  return {
    commune,
    village: village ?? null,
    villages,
    items: rows.slice(0, PUBLIC_NOTICES_PAGE_SIZE),
    page,
    nextPage: rows.length > PUBLIC_NOTICES_PAGE_SIZE ? page + 1 : null,
  };
}

/** Every served commune, by province, with how many notices are in force there. */
export async function listPublicNoticeCommunes(deps: D) {
  return repo.servedCommunes(deps.db, deps.config.servedProvinces, toLocalDay(deps.clock.now()));
}
