// The whole catalogue (current versions, active or not) as a file; public data, so no permission needed.
import type { Deps } from "../../../deps.ts";
import { MEDIA_TYPES, writeCatalogue } from "../catalogue-file.ts";
import type { CatalogueFormat } from "../procedures.contract.ts";
import * as repo from "../procedures.repository.ts";

export async function exportCatalogue(deps: Pick<Deps, "db">, format: CatalogueFormat): Promise<{ bytes: Uint8Array; mediaType: string; filename: string }> {
  const defs = await repo.listDefinitions(deps.db);
  return { bytes: await writeCatalogue(defs, format), mediaType: MEDIA_TYPES[format], filename: `xaso-procedures.${format}` };
}
