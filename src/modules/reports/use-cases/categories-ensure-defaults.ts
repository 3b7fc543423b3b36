// Gives a province the built-in category list the first time it is needed (admin page, demo seed, tests).
// Codes the province already has are left as its admin edited them; a second call adds nothing.
import type { Deps } from "../../../deps.ts";
import { DEFAULT_CATEGORIES } from "../categories/default-categories.ts";
import { insertDefaults } from "../categories/categories.repository.ts";

export async function ensureDefaultCategories(deps: Pick<Deps, "db">, provinceCode: string): Promise<{ added: number }> {
  return deps.db.tx(async (q) => ({ added: await insertDefaults(q, provinceCode, DEFAULT_CATEGORIES) }));
}
