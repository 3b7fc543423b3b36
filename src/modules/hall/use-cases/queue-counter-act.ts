// What an officer at a counter does: sit at a counter, call the next number, call again, start serving, finish,
// mark a no-show, link the dossier filed. Every change checks the ticket's version (two officers, two tabs) and
// signals the hall's screens in its transaction.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { getDossierByCode } from "../../dossiers/index.ts";
import { signalHallChange } from "../hall-events.ts";
import { canMoveTicket, type HallCounter, type QueueTicket, type TicketStatus } from "../hall.model.ts";
import { findTicket } from "../hall.repository.ts";
import { LinkDossierInput, TicketVersion } from "../queue/queue.contract.ts";
import * as repo from "../queue/queue.repository.ts";

type Ctx = Context & { principal: Principal | null };
type ActDeps = Pick<Deps, "db" | "events" | "clock" | "config">;

const notFound = () => new AppError("not_found", "error.notFound");
const stale = () => new AppError("conflict", "hall.queue.error.stale");

async function unitOf(deps: ActDeps, communeCode: string) {
  return getAdminUnit(deps, communeCode);
}

/** A counter the officer may serve at; another commune's counter is a 404. */
export async function counterFor(deps: ActDeps, ctx: Ctx, counterId: string): Promise<HallCounter> {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const counter = isUuid(counterId) ? await repo.findCounter(deps.db, counterId) : null;
  if (!counter) throw notFound();
  authorise(ctx.principal, "hall.serve", await unitOf(deps, counter.communeCode));
  if (!counter.active) throw new AppError("conflict", "hall.queue.error.counterClosed");
  return counter;
}

/** The officer sits at this counter (and leaves any other of the commune). */
export async function sitAtCounter(deps: ActDeps, ctx: Ctx, counterId: string): Promise<HallCounter> {
  const counter = await counterFor(deps, ctx, counterId);
  const officerId = ctx.principal!.userId;
  await deps.db.tx(async (q) => {
    await repo.sitAtCounter(q, counter.communeCode, counter.id, officerId);
    await signalHallChange(q, counter.communeCode);
  });
  return { ...counter, officerId };
}

async function publish(q: Queryable, deps: ActDeps, ctx: Ctx, type: string, t: QueueTicket, details: Record<string, unknown> = {}) {
  await deps.events.publish(q, {
    type,
    actor: ctx.actor,
    target: { type: "queue_ticket", id: t.id },
    adminUnitCode: t.communeCode,
    requestId: ctx.requestId,
    details: { label: t.label, ...details },
  });
}

/**
 * Calls the next number for the counter's services: online slots already due first, then the order taken. Null when
 * nobody is waiting. SKIP LOCKED: two counters pressing at once get two different tickets.
 */
export async function callNext(deps: ActDeps, ctx: Ctx, counterId: string): Promise<QueueTicket | null> {
  const counter = await counterFor(deps, ctx, counterId);
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const next = await repo.lockNextTicket(q, counter.communeCode, toLocalDay(now), counter.serviceIds, now);
    if (!next) return null;
    await repo.updateTicket(q, next.id, next.version, {
      status: "called",
      counterId: counter.id,
      calledBy: ctx.principal!.userId,
      callCount: 1,
      calledAt: now,
    });
    if (counter.officerId !== ctx.principal!.userId) await repo.sitAtCounter(q, counter.communeCode, counter.id, ctx.principal!.userId);
    await signalHallChange(q, counter.communeCode);
    await publish(q, deps, ctx, "queueTicket.called", next, { counter: counter.number });
    return findTicket(q, next.id);
  });
}

export const COUNTER_ACTIONS = ["recall", "serve", "done", "no_show"] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];
const TARGET: Record<CounterAction, TicketStatus> = { recall: "called", serve: "serving", done: "done", no_show: "no_show" };

/** The ticket, locked, checked against the officer's scope (another commune's: 404) and the version they saw. */
async function lockForOfficer(q: Queryable, deps: ActDeps, ctx: Ctx, id: string, version: number): Promise<QueueTicket> {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const t = isUuid(id) ? await findTicket(q, id, true) : null;
  if (!t) throw notFound();
  authorise(ctx.principal, "hall.serve", await unitOf(deps, t.communeCode));
  if (t.version !== version) throw stale();
  return t;
}

/** Recall (call the same number again), start serving, done, or no-show (only after being called). */
export async function actOnTicket(deps: ActDeps, ctx: Ctx, id: string, action: CounterAction, raw: unknown): Promise<QueueTicket> {
  const parsed = TicketVersion.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const t = await lockForOfficer(q, deps, ctx, id, parsed.data.version);
    const to = TARGET[action];
    if (!canMoveTicket(t.status, to)) throw new AppError("conflict", "hall.queue.error.transition", [], { from: t.status, to });
    await repo.updateTicket(q, t.id, t.version, {
      status: to,
      ...(action === "recall" ? { callCount: t.callCount + 1, calledAt: now, calledBy: ctx.principal!.userId } : {}),
      ...(action === "serve" ? { servingAt: now } : {}),
      ...(action === "done" || action === "no_show" ? { doneAt: now } : {}),
    });
    await signalHallChange(q, t.communeCode);
    await publish(
      q,
      deps,
      ctx,
      `queueTicket.${action === "no_show" ? "noShow" : action === "recall" ? "recalled" : action === "serve" ? "serving" : "done"}`,
      t,
      {
        from: t.status,
      },
    );
    return (await findTicket(q, t.id))!;
  });
}

/**
 * Links the dossier filed for this ticket's holder (found by its code in the officer's scope: someone else's or
 * an unknown code is a 400 on dossierCode) and records its procedure for the figures.
 */
export async function linkDossier(deps: ActDeps, ctx: Ctx, id: string, raw: unknown): Promise<QueueTicket> {
  const parsed = LinkDossierInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const badCode = () => new AppError("validation", "error.validation", [{ field: "dossierCode", code: "unknown", message: "hall.queue.error.dossier" }]);
  // Check the ticket first, so another commune's ticket is a 404 whatever the code.
  const before = isUuid(id) ? await findTicket(deps.db, id) : null;
  if (!before || !ctx.principal) throw before ? new AppError("unauthenticated", "error.unauthenticated") : notFound();
  authorise(ctx.principal, "hall.serve", await unitOf(deps, before.communeCode));
  const view = await getDossierByCode(deps, ctx, parsed.data.dossierCode).catch((err: unknown) => {
    if (err instanceof AppError && (err.code === "not_found" || err.code === "forbidden")) throw badCode();
    throw err;
  });
  if (view.dossier.communeCode !== before.communeCode) throw badCode();
  return deps.db.tx(async (q) => {
    const t = await lockForOfficer(q, deps, ctx, id, parsed.data.version);
    if (t.status === "waiting" || t.status === "cancelled")
      throw new AppError("conflict", "hall.queue.error.transition", [], { from: t.status, to: "dossier" });
    await repo.updateTicket(q, t.id, t.version, { status: t.status, dossierId: view.dossier.id, procedureCode: view.procedure.code });
    await signalHallChange(q, t.communeCode);
    await publish(q, deps, ctx, "queueTicket.dossierLinked", t, { dossierCode: view.dossier.code, procedureCode: view.procedure.code });
    return (await findTicket(q, t.id))!;
  });
}
