// GET services/{service_code}: the attributes a request of this category takes.
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { Locale } from "../../../platform/i18n/i18n.ts";
import { readAttributes } from "../open311/open311-attributes.ts";
import type { XNode } from "../open311/open311-format.ts";
import { presentDefinition } from "../open311/open311-present.ts";
import type { CommuneRef, ServiceRow } from "../open311/open311.repository.ts";
import { effectiveServices } from "./open311-services.ts";

/** The category of this code in force in the commune, or Open311's 404 naming service_code. */
export async function open311Service(deps: Pick<Deps, "db">, commune: CommuneRef, code: string): Promise<ServiceRow> {
  const [row] = code ? await effectiveServices(deps.db, commune, code) : [];
  if (!row)
    throw new AppError("not_found", "error.notFound", [{ field: "service_code", code: "unknown", message: "reports.open311.error.serviceCodeUnknown" }]);
  return row;
}

export async function open311ServiceDefinition(deps: Pick<Deps, "db">, commune: CommuneRef, code: string, locale: Locale): Promise<XNode> {
  const row = await open311Service(deps, commune, code);
  return presentDefinition(row.code, readAttributes(row.attributes, locale));
}
