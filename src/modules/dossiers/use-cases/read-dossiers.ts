// Reading dossiers: the office's queues, one dossier with its history, the applicant's own list, and files.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import { addWorkingHours, HOURS_PER_DAY } from "../../../platform/calendar/working-time.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { readStoredFile } from "../../../platform/files/file-store.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { decodeCursor } from "../../../platform/http/cursor.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import { usersWithRole } from "../../identity/index.ts";
import { getProcedureVersion } from "../../procedures/index.ts";
import { actorFacts, assertCanView } from "../dossier-access.ts";
import { availableActions } from "../dossier-workflow.ts";
import * as repo from "../dossiers.repository.ts";
import type { DossierRow, DossierView, QueueName } from "../dossiers.model.ts";
import { workflowFacts } from "./workflow-facts.ts";

type D = Pick<Deps, "db" | "events" | "clock" | "config">;
type Ctx = Context & { principal: Principal | null };

/** "Due soon" means within two working days, as desks plan their week. */
export const DUE_SOON_WORKING_DAYS = 2;

export async function queueBoundaries(deps: Pick<Deps, "db" | "clock">) {
  const now = deps.clock.now();
  const cal = await loadWorkCalendar(deps);
  return { now, dueSoon: addWorkingHours(cal, now, DUE_SOON_WORKING_DAYS * HOURS_PER_DAY) };
}

export async function deskQueues(deps: D, ctx: Ctx, communeCode: string, queue: QueueName, page: { cursor?: string; limit: number }) {
  const commune = await getAdminUnit(deps, communeCode);
  authorise(ctx.principal, "dossier.read", commune);
  const { now, dueSoon } = await queueBoundaries(deps);
  const after = decodeCursor(page.cursor, 2) as [string, string] | null;
  const [counts, items] = await Promise.all([
    repo.countQueues(deps.db, commune.code, now, dueSoon),
    repo.listQueue(deps.db, commune.code, queue, now, dueSoon, after, page.limit + 1),
  ]);
  const more = items.length > page.limit;
  const shown = items.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return { commune, counts, items: shown, next: more && last ? ([new Date(last.sortAt).toISOString(), last.id] as [string, string]) : null, now, dueSoon };
}

/** `as: "office"`: the office face answers 404 to anyone who cannot read the dossier as an officer, its applicant included. */
export type ReadAs = { as?: "office" };

async function loadViewable(deps: Pick<Deps, "db">, ctx: Ctx, id: string, opts: ReadAs): Promise<{ d: DossierRow; capacity: "office" | "applicant" }> {
  const d = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findById(deps.db, id) : null;
  if (!d) throw ctx.principal ? new AppError("not_found", "error.notFound") : new AppError("unauthenticated", "error.unauthenticated");
  const capacity = assertCanView(ctx.principal, d);
  if (opts.as === "office" && capacity !== "office") throw new AppError("not_found", "error.notFound");
  return { d, capacity };
}

/** Checks that the caller may open the dossier in the office face (before an office action). */
export async function assertOfficeAccess(deps: Pick<Deps, "db">, ctx: Ctx, id: string): Promise<void> {
  await loadViewable(deps, ctx, id, { as: "office" });
}

export async function getDossier(deps: D, ctx: Ctx, id: string, opts: ReadAs = {}): Promise<DossierView> {
  const { d, capacity } = await loadViewable(deps, ctx, id, opts);
  const cal = await loadWorkCalendar(deps);
  const facts = workflowFacts(d, cal, deps.clock.now());
  const [procedure, events, documents, supplements] = await Promise.all([
    getProcedureVersion(deps.db, d.procedureId, d.procedureVersion),
    repo.listEvents(deps.db, d.id),
    repo.listDocuments(deps.db, d.id),
    repo.listSupplementRequests(deps.db, d.id),
  ]);
  const actions = availableActions(facts, actorFacts(ctx.principal, d));
  const specialists = actions.includes("assign") ? await usersWithRole(deps, "specialist", d.unitPath) : [];
  // An officer opening a dossier reads the applicant's personal data: the law wants that on record.
  if (capacity === "office") {
    await deps.db.tx((q) =>
      deps.events.publish(q, {
        type: "personalData.read",
        actor: ctx.actor,
        target: { type: "dossier", id: d.id },
        adminUnitCode: d.communeCode,
        requestId: ctx.requestId,
      }),
    );
  }
  return { dossier: d, procedure, events, documents, supplements, actions, capacity, specialists, hoursToDue: facts.hoursToDue };
}

export async function getDossierByCode(deps: D, ctx: Ctx, code: string): Promise<DossierView> {
  const d = await repo.findByCode(deps.db, code);
  if (!d) throw new AppError("not_found", "error.notFound");
  return getDossier(deps, ctx, d.id);
}

export async function myDossiers(deps: Pick<Deps, "db">, ctx: Ctx) {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  return repo.listOwn(deps.db, ctx.principal.userId, 100);
}

/** A document of a dossier, for whoever may see the dossier. */
export async function getDossierFile(deps: D, ctx: Ctx, dossierId: string, documentId: string, opts: ReadAs = {}) {
  const { d } = await loadViewable(deps, ctx, dossierId, opts);
  const doc = (await repo.listDocuments(deps.db, d.id)).find((x) => x.id === documentId);
  const file = doc ? await readStoredFile(deps.db, doc.fileId) : null;
  if (!file) throw new AppError("not_found", "error.notFound");
  return file;
}

/** Register (Mẫu 07) of a commune for a period. */
export async function dossierRegister(deps: D, ctx: Ctx, communeCode: string, from: Date, to: Date) {
  const commune = await getAdminUnit(deps, communeCode);
  authorise(ctx.principal, "dossier.read", commune);
  return { commune, rows: await repo.listRegister(deps.db, commune.code, from, to) };
}
