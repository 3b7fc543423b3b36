// GET services: the categories in force in the commune (its own, and the province's it has not overridden), by the
// categories part's one rule (activeCategoriesIn).
import type { Deps } from "../../../deps.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Locale } from "../../../platform/i18n/i18n.ts";
import { readAttributes } from "../open311/open311-attributes.ts";
import type { XNode } from "../open311/open311-format.ts";
import { presentService } from "../open311/open311-present.ts";
import type { CommuneRef, ServiceRow } from "../open311/open311.repository.ts";
import { type ActiveCategory, activeCategoriesIn } from "./categories-active.ts";

const toService = (c: ActiveCategory): ServiceRow => ({
  id: c.id,
  code: c.code,
  nameVi: c.nameVi,
  nameEn: c.nameEn,
  descriptionVi: c.descriptionVi,
  descriptionEn: c.descriptionEn,
  keywords: c.keywords.join(","),
  responsibleUnit: c.responsibleUnit,
  timeLimitDays: c.timeLimitDays,
  publicByDefault: c.publicByDefault,
  attributes: c.attributes,
  fromProvince: c.communeCode === null,
});

/** The commune's services; `code` narrows to one. */
export async function effectiveServices(q: Queryable, commune: CommuneRef, code?: string): Promise<ServiceRow[]> {
  return (await activeCategoriesIn(q, commune, code)).map(toService);
}

export async function listOpen311Services(deps: Pick<Deps, "db">, commune: CommuneRef, locale: Locale): Promise<XNode[]> {
  const rows = await effectiveServices(deps.db, commune);
  // The group says whose list the category comes from: the province's defaults or the commune's own.
  return rows.map((s) => presentService(s, locale, s.fromProvince ? "province" : "commune", readAttributes(s.attributes, locale).length > 0));
}
