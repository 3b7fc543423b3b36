// Gives a province the built-in category list the first time it is needed (start-up, admin page, demo seed, tests).
// Codes the province already has are left as its admin edited them; a second call adds nothing.
import type { Deps } from "../../../deps.ts";
import { DEFAULT_CATEGORIES } from "../categories/default-categories.ts";
import { insertDefaults } from "../categories/categories.repository.ts";

export async function ensureDefaultCategories(deps: Pick<Deps, "db">, provinceCode: string): Promise<{ added: number }> {
  return deps.db.tx(async (q) => ({ added: await insertDefaults(q, provinceCode, DEFAULT_CATEGORIES) }));
}

/**
 * At start-up (bootstrap, after the reference data): every served province gets the defaults it lacks, so that a
 * commune nobody has configured yet offers them on the report form, the public page and Open311's service list. A
 * default the province admin switched off stays off (its code exists: nothing is added); categories are never deleted.
 */
export async function ensureServedProvinceCategories(deps: Pick<Deps, "db" | "config">): Promise<{ added: number }> {
  let added = 0;
  for (const province of deps.config.servedProvinces) added += (await ensureDefaultCategories(deps, province)).added;
  return { added };
}
