/** The procedure catalogue: national procedures with their documents, forms, steps and fees, versioned. */
import type { Deps } from "../../deps.ts";
import type { Context } from "../../platform/events/domain-events.ts";
import { DEMO_CATALOGUE } from "./demo-catalogue.ts";
import { ProcedureDefinition } from "./procedures.contract.ts";
import * as repo from "./procedures.repository.ts";
import { publishInTx } from "./use-cases/publish-procedure.ts";
import { invalidateCurrentProcedure } from "./use-cases/browse-procedures.ts";

export * from "./procedures.contract.ts";
export {
  type ProcedureRecord,
  getProcedure,
  getProcedureVersion,
  getProcedureVersionByCode,
  searchProcedures,
  totalFeeOf,
} from "./use-cases/browse-procedures.ts";
export { publishProcedure, authoriseManage, searchTextOf } from "./use-cases/publish-procedure.ts";
export { setProcedureActive } from "./use-cases/set-procedure-active.ts";
export { importCatalogue } from "./use-cases/import-catalogue.ts";
export { exportCatalogue } from "./use-cases/export-catalogue.ts";
export { parseCatalogue, writeCatalogue, MAX_FILE_BYTES as MAX_CATALOGUE_BYTES } from "./catalogue-file.ts";
export { DEMO_CATALOGUE };

/** Publishes the demo procedures whose codes are missing; safe to run again (the CLI and demo seed call it). */
export async function seedDemoCatalogue(deps: Pick<Deps, "db" | "events">, ctx: Context): Promise<number> {
  const seeded = await deps.db.tx(async (q) => {
    const have = await repo.existingCodes(q);
    let n = 0;
    for (const input of DEMO_CATALOGUE) {
      const def = ProcedureDefinition.parse(input);
      if (have.has(def.code)) continue;
      await publishInTx(q, deps, ctx, def);
      n++;
    }
    return n;
  });
  invalidateCurrentProcedure(deps.db);
  return seeded;
}
