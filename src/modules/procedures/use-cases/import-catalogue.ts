// Imports a whole catalogue file in one transaction: every procedure is published, or none is.
import { invalidateCurrentProcedure } from "./browse-procedures.ts";
import type { Deps } from "../../../deps.ts";
import { parseCatalogue } from "../catalogue-file.ts";
import type { CatalogueFormat } from "../procedures.contract.ts";
import { authoriseManage, type ManageCtx, publishInTx } from "./publish-procedure.ts";

export async function importCatalogue(
  deps: Pick<Deps, "db" | "events">,
  ctx: ManageCtx,
  file: { bytes: Uint8Array; format: CatalogueFormat },
): Promise<{ published: string[]; unchanged: string[] }> {
  authoriseManage(ctx.principal);
  const defs = await parseCatalogue(file.bytes, file.format);
  const result = await deps.db.tx(async (q) => {
    const published: string[] = [];
    const unchanged: string[] = [];
    for (const def of defs) ((await publishInTx(q, deps, ctx, def)).changed ? published : unchanged).push(def.code);
    await deps.events.publish(q, {
      type: "procedure.imported",
      actor: ctx.actor,
      target: { type: "procedureCatalogue", id: null },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: { format: file.format, bytes: file.bytes.byteLength, published, unchanged: unchanged.length },
    });
    return { published, unchanged };
  });
  invalidateCurrentProcedure(deps.db);
  return result;
}
