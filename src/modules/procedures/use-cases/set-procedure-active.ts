// Withdrawing a procedure stops new dossiers; its versions stay for the dossiers already filed.
import { invalidateCurrentProcedure } from "./browse-procedures.ts";
import type { Deps } from "../../../deps.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import * as repo from "../procedures.repository.ts";
import { authoriseManage, type ManageCtx } from "./publish-procedure.ts";

export async function setProcedureActive(deps: Pick<Deps, "db" | "events">, ctx: ManageCtx, code: string, active: boolean): Promise<void> {
  authoriseManage(ctx.principal);
  await deps.db.tx(async (q) => {
    const current = await repo.lockCurrent(q, code);
    if (!current) throw notFound();
    if (!(await repo.setActive(q, code, active))) return; // already so: nothing to record
    await deps.events.publish(q, {
      type: active ? "procedure.activated" : "procedure.deactivated",
      actor: ctx.actor,
      target: { type: "procedure", id: code },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: { version: current.version },
    });
  });
  invalidateCurrentProcedure(deps.db, code);
}
