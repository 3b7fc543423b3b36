// The office's work queues of a commune, one page at a time, with the count of every queue.
import type { Deps } from "../../../deps.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { authorise, can, type Principal, type ScopedUnit } from "../../../platform/auth/authorise.ts";
import { addWorkingHours, HOURS_PER_DAY } from "../../../platform/calendar/working-time.ts";
import { decodeCursor } from "../../../platform/http/cursor.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { displayNames } from "../../identity/index.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import * as repo from "../dossiers.repository.ts";
import { PERSONAL_QUEUES, QUEUES, type QueueItem, type QueueName } from "../dossiers.model.ts";
import { receiveByOf } from "../online-receipt.ts";
import { isPauseGround, type PauseGround } from "../pause-grounds.ts";
import type { ReadCtx, ReadDeps } from "./dossier-reads.ts";

/** "Due soon" means within two working days, as desks plan their week. */
export const DUE_SOON_WORKING_DAYS = 2;

export async function queueBoundaries(deps: Pick<Deps, "db" | "clock">) {
  const now = deps.clock.now();
  const cal = await loadWorkCalendar(deps);
  return { now, cal, dueSoon: addWorkingHours(cal, now, DUE_SOON_WORKING_DAYS * HOURS_PER_DAY) };
}

/** The queues this person sees on a commune's desk: the shared ones, and the personal ones their role has. */
export function queuesFor(p: Principal | null, commune: ScopedUnit): QueueName[] {
  return QUEUES.filter((q) => {
    const needs = PERSONAL_QUEUES[q];
    return !needs || (p !== null && can(p, needs, commune));
  });
}

/** The queue a person starts from: their own work first (a specialist's dossiers, a leader's approvals). */
export const defaultQueue = (p: Principal | null, commune: ScopedUnit): QueueName => queuesFor(p, commune)[0] ?? "newOnline";

/**
 * A queue line with its handler's name (the assigned specialist), for the worklists' columns; an online dossier
 * waiting at the desk also carries the time by which it must be received or refused.
 */
export type WorkItem = QueueItem & { assigneeName: string | null; receiveBy?: Date | null };

/** Adds the handler's name to each line. */
export async function withHandlers<T extends QueueItem>(deps: Pick<ReadDeps, "db">, items: T[]): Promise<Array<T & { assigneeName: string | null }>> {
  const names = await displayNames(
    deps.db,
    items.map((i) => i.assigneeId),
  );
  return items.map((i) => ({ ...i, assigneeName: i.assigneeId ? (names.get(i.assigneeId) ?? null) : null }));
}

export async function deskQueues(deps: ReadDeps, ctx: ReadCtx, communeCode: string, queue: QueueName, page: { cursor?: string; limit: number }) {
  const commune = await getAdminUnit(deps, communeCode);
  authorise(ctx.principal, "dossier.read", commune);
  const { now, cal, dueSoon } = await queueBoundaries(deps);
  const after = decodeCursor(page.cursor, 3) as [string, string, string] | null;
  const me = ctx.principal?.userId ?? null;
  const [counts, items, paused] = await Promise.all([
    repo.countQueues(deps.db, commune.code, now, dueSoon, me),
    repo.listQueue(deps.db, commune.code, queue, now, dueSoon, after, page.limit + 1, me),
    repo.countPausedByGround(deps.db, commune.code),
  ]);
  // The queue names every applicant on the page: one audit entry for the page, naming the queue and where it starts.
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "deskQueue", id: commune.code },
    adminUnitCode: commune.code,
    details: { queue, ...(page.cursor ? { cursor: page.cursor } : {}), limit: page.limit },
  });
  const more = items.length > page.limit;
  // Online dossiers waiting at the desk carry the time by which they must be received or refused.
  const shown = items.slice(0, page.limit).map((i) => ({ ...i, receiveBy: receiveByOf(cal, i) }));
  const last = shown[shown.length - 1];
  // Pauses are reported by their legal ground; one recorded before grounds existed counts as "other".
  const pausedByGround: Partial<Record<PauseGround, number>> = {};
  for (const r of paused) {
    const g = isPauseGround(r.ground) ? r.ground : "other";
    pausedByGround[g] = (pausedByGround[g] ?? 0) + r.n;
  }
  return {
    commune,
    counts,
    pausedByGround,
    items: await withHandlers(deps, shown),
    next: more && last ? ([new Date(last.sortAt).toISOString(), new Date(last.arrivedAt).toISOString(), last.id] as [string, string, string]) : null,
    now,
    dueSoon,
  };
}
