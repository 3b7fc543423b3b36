// GET services: the categories in force in the commune (its own, and the province's it has not overridden).
import type { Deps } from "../../../deps.ts";
import type { Locale } from "../../../platform/i18n/i18n.ts";
import { readAttributes } from "../open311/open311-attributes.ts";
import { presentService } from "../open311/open311-present.ts";
import type { XNode } from "../open311/open311-format.ts";
import { type CommuneRef, effectiveServices } from "../open311/open311.repository.ts";

export async function listOpen311Services(deps: Pick<Deps, "db">, commune: CommuneRef, locale: Locale): Promise<XNode[]> {
  const rows = await effectiveServices(deps.db, commune);
  // The group says whose list the category comes from: the province's defaults or the commune's own.
  return rows.map((s) => presentService(s, locale, s.fromProvince ? "province" : "commune", readAttributes(s.attributes, locale).length > 0));
}
