// The categories a resident of a commune may report under: the commune's own rows and the province defaults it
// does not override, active only. Reporting, the public page and Open311's service list all read this.
import type { Deps } from "../../../deps.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { CategoryAttribute } from "../categories/categories.contract.ts";
import { type CategoryRow, effectiveCategories } from "../categories/categories.repository.ts";
import { communeUnit, provinceOfPath } from "./categories-scope.ts";

export type ActiveCategory = {
  /** The effective row's id: what reports.category_id stores. */
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  keywords: string[];
  /** Working days to answer (the #3 calendar). */
  timeLimitDays: number;
  publicByDefault: boolean;
  /** Open311 attributes of the service definition, ordered by `order`. */
  attributes: CategoryAttribute[];
  /** The unit or officer named to the public. */
  responsibleUnit: string;
  /** Who gets new reports of the category to assign (optional). */
  responsibleUserId: string | null;
  sortOrder: number;
  provinceCode: string;
  /** The commune when the row is the commune's own (an override or a commune-only category), null for a province default. */
  communeCode: string | null;
};

export const splitKeywords = (s: string): string[] =>
  s
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);

export function toActiveCategory(r: CategoryRow): ActiveCategory {
  return {
    id: r.id,
    code: r.code,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    descriptionVi: r.descriptionVi,
    descriptionEn: r.descriptionEn,
    keywords: splitKeywords(r.keywords),
    timeLimitDays: r.timeLimitDays,
    publicByDefault: r.publicByDefault,
    attributes: [...r.attributes].sort((a, b) => a.order - b.order),
    responsibleUnit: r.responsibleUnit,
    responsibleUserId: r.responsibleUserId,
    sortOrder: r.sortOrder,
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
  };
}

/** The effective list of a commune (public reference data: no principal needed). 400 naming `commune` if not a commune. */
export async function activeCategories(deps: Pick<Deps, "db" | "config">, communeCode: string): Promise<ActiveCategory[]> {
  const unit = await communeUnit(deps, communeCode, "commune");
  return activeCategoriesIn(deps.db, { code: unit.code, provinceCode: provinceOfPath(unit.path) });
}

/**
 * The same list for a caller that already knows the commune and its province (the report form, Open311): the one
 * rule, one query. `code` narrows it to one category (Open311's service definition).
 */
export async function activeCategoriesIn(q: Queryable, commune: { code: string; provinceCode: string }, code?: string): Promise<ActiveCategory[]> {
  const rows = await effectiveCategories(q, commune.provinceCode, commune.code, false);
  return (code === undefined ? rows : rows.filter((r) => r.code === code)).map(toActiveCategory);
}
