// One dossier with its history, documents and the actions open to the caller.
import type { Deps } from "../../../deps.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import { usersWithRole } from "../../identity/index.ts";
import { getProcedureVersion } from "../../procedures/index.ts";
import { actorFacts } from "../dossier-access.ts";
import { availableActions, supplementLimit } from "../dossier-workflow.ts";
import * as repo from "../dossiers.repository.ts";
import type { DossierView } from "../dossiers.model.ts";
import { loadViewable, type ReadAs, type ReadCtx, type ReadDeps, recordDossierRead } from "./dossier-reads.ts";
import { workflowFacts } from "./workflow-facts.ts";
import { receiveByOf } from "../online-receipt.ts";

/** Checks that the caller may open the dossier in the office face (before an office action). */
export async function assertOfficeAccess(deps: Pick<Deps, "db">, ctx: ReadCtx, id: string): Promise<void> {
  await loadViewable(deps, ctx, id, { as: "office" });
}

export async function getDossier(deps: ReadDeps, ctx: ReadCtx, id: string, opts: ReadAs = {}): Promise<DossierView> {
  const { d, capacity } = await loadViewable(deps, ctx, id, opts);
  const cal = await loadWorkCalendar(deps);
  const now = deps.clock.now();
  const receiveAt = receiveByOf(cal, d);
  const [procedure, events, documents, supplements, originalsSeen, interagencySteps] = await Promise.all([
    getProcedureVersion(deps.db, d.procedureId, d.procedureVersion),
    repo.listEvents(deps.db, d.id),
    repo.listDocuments(deps.db, d.id),
    repo.listSupplementRequests(deps.db, d.id),
    repo.listOriginalsSeen(deps.db, d.id),
    repo.listInteragencySteps(deps.db, d.id),
  ]);
  const facts = workflowFacts(d, cal, now, { supplements, procedure: procedure.definition });
  const actions = availableActions(facts, actorFacts(ctx.principal, d));
  const specialists = actions.includes("assign") ? await usersWithRole(deps, "specialist", d.unitPath) : [];
  await recordDossierRead(deps, ctx, d, capacity, opts.part);
  return {
    dossier: d,
    procedure,
    events,
    documents,
    originalsSeen,
    supplements,
    interagencySteps,
    supplementLimit: supplementLimit(facts),
    actions,
    capacity,
    specialists,
    hoursToDue: facts.hoursToDue,
    receiveBy: receiveAt ? { at: receiveAt, late: receiveAt.getTime() < now.getTime() } : null,
  };
}
