// Installation-time seeding (demo, first start): publishes only the codes the catalogue lacks, so running it
// again never overwrites what an office has since edited. No principal: the caller is the system itself.
import type { Deps } from "../../../deps.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import * as repo from "../procedures.repository.ts";
import { invalidateCurrentProcedure } from "./browse-procedures.ts";
import { parseDefinition, publishInTx } from "./publish-procedure.ts";

/** Returns how many procedures were published; all or none (one transaction). */
export async function publishMissingProcedures(deps: Pick<Deps, "db" | "events">, ctx: Context, inputs: readonly unknown[]): Promise<number> {
  const defs = inputs.map(parseDefinition);
  const published = await deps.db.tx(async (q) => {
    const have = await repo.existingCodes(q);
    let n = 0;
    for (const def of defs) {
      if (have.has(def.code)) continue;
      await publishInTx(q, deps, ctx, def);
      have.add(def.code);
      n++;
    }
    return n;
  });
  invalidateCurrentProcedure(deps.db);
  return published;
}
