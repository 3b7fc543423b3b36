// Enter once, step 2: the person confirms ("yes, this is me") or rejects a proposed link, or an officer who manages
// the household does. A confirmed link sets the resident's account: one account, one resident; everything audited.
import type { Deps } from "../../../deps.ts";
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import { verifiedCitizenIdNumber, verifiedPhoneOf } from "../../citizens/index.ts";
import { accountState } from "../../identity/index.ts";
import { householdAccess, householdVisibleSql } from "../household-access.ts";
import * as repo from "../links/links.repository.ts";

type D = Pick<Deps, "db" | "events" | "clock">;
type Ctx = Context & { principal: Principal | null };
export type LinkDecision = "confirm" | "reject";
export type DecidedLink = { id: string; residentId: string; userId: string; status: repo.LinkStatus; matchedOn: repo.MatchedOn };

const conflict = (message: "links.error.decided" | "links.error.residentTaken" | "links.error.accountTaken" | "links.error.accountInactive") =>
  new AppError("conflict", message, [{ field: "decision", code: "conflict", message }]);

/** The signed-in citizen decides a link proposed to them; another account's link is not found. */
export async function decideMyLink(deps: D, ctx: Ctx, linkId: string, decision: LinkDecision): Promise<DecidedLink> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  return deps.db.tx(async (q) => {
    await repo.lockAccountLinks(q, p.userId);
    const link = await repo.findLink(q, linkId, true);
    if (!link || link.userId !== p.userId) throw notFound();
    return decide(deps, q, ctx, p, link, decision, "citizen");
  });
}

/**
 * An officer decides a link proposed for a resident of a household they see and manage (registry.manage);
 * a household they do not see is not found, one they see but do not manage is forbidden.
 */
export async function decideResidentLink(deps: D, ctx: Ctx, residentId: string, input: { linkId: string; decision: LinkDecision }): Promise<DecidedLink> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const params: unknown[] = [];
  const visible = householdVisibleSql(householdAccess(p), "h", params);
  const resident = await repo.findVisibleResident(deps.db, residentId, visible, params);
  if (!resident) throw notFound();
  if (!can(p, "registry.manage", { code: resident.villageCode, path: resident.unitPath })) throw new AppError("forbidden", "error.forbidden");
  const first = await repo.findLink(deps.db, input.linkId);
  if (!first || first.residentId !== residentId) throw notFound();
  return deps.db.tx(async (q) => {
    await repo.lockAccountLinks(q, first.userId);
    const link = await repo.findLink(q, input.linkId, true);
    if (!link) throw notFound();
    return decide(deps, q, ctx, p, link, input.decision, "officer");
  });
}

async function decide(deps: D, q: Queryable, ctx: Ctx, p: Principal, link: repo.LinkRow, decision: LinkDecision, how: "citizen" | "officer") {
  if (link.status !== "proposed") throw conflict("links.error.decided");
  const resident = await repo.findResident(q, link.residentId, true);
  if (!resident) throw notFound();
  const now = deps.clock.now();
  const event = { actor: ctx.actor, target: { type: "resident", id: resident.id }, adminUnitCode: resident.communeCode, requestId: ctx.requestId };
  if (decision === "reject") {
    await repo.decideLink(q, link.id, "rejected", how, p.userId, now);
    await deps.events.publish(q, { ...event, type: "resident.linkRejected", details: { linkId: link.id, userId: link.userId, how } });
    return { ...view(link), status: "rejected" as const };
  }
  if (resident.userId) throw conflict("links.error.residentTaken");
  if (await repo.findResidentOfUser(q, link.userId)) throw conflict("links.error.accountTaken");
  const state = await accountState(q, link.userId);
  if (state?.kind !== "citizen" || state.disabled) throw conflict("links.error.accountInactive");
  await repo.decideLink(q, link.id, "confirmed", how, p.userId, now);
  await repo.setResidentUser(q, resident.id, link.userId, now);
  const closed = await repo.closeOtherProposals(q, link, how, p.userId, now);
  // From now on the registry's phone is the one the person proved, and an empty ID number is filled from a verified one.
  const contacts = { phone: await verifiedPhoneOf(q, link.userId), citizenIdNumber: await verifiedCitizenIdNumber(q, link.userId) };
  const tookContacts = await repo.takeVerifiedContacts(q, resident.id, contacts, now);
  await deps.events.publish(q, {
    ...event,
    type: "resident.linked",
    details: { linkId: link.id, userId: link.userId, how, matchedOn: link.matchedOn, closedProposals: closed, tookContacts },
  });
  return { ...view(link), status: "confirmed" as const };
}

const view = (l: repo.LinkRow): DecidedLink => ({ id: l.id, residentId: l.residentId, userId: l.userId, status: l.status, matchedOn: l.matchedOn });
