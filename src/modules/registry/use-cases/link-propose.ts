// Enter once, step 1: a citizen whose verified ID number or verified phone is a resident's gets a link proposed,
// for them (or an officer) to confirm. Only verified contacts count: a number typed in a profile proposes nothing.
// Once linked, a newly verified phone or ID number of the account flows into the resident's record.
import type { Clock } from "../../../deps.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { DomainEvent, EventBus } from "../../../platform/events/domain-events.ts";
import { VERIFIED_CONTACT_EVENTS, verifiedCitizenIdNumber, verifiedPhoneOf } from "../../citizens/index.ts";
import { accountState } from "../../identity/index.ts";
import * as repo from "../links/links.repository.ts";

/** A shared family phone may match several people; more than this is no longer a useful question to ask. */
export const MAX_PHONE_PROPOSALS = 6;

/** The events after which an account's verified contacts are compared with the registry: sign-ins and verifications. */
export const LINK_TRIGGER_EVENTS: readonly string[] = [...VERIFIED_CONTACT_EVENTS, "session.started", "user.createdFromSso", "user.createdFromPhone"];

/**
 * Proposes links from this account to the residents its verified contacts match (an ID number match alone when
 * there is one; else the residents with its phone and no other ID number), each audited as `resident.linkProposed`.
 * An account already linked instead gives its resident its newly verified contacts. Runs in the caller's transaction.
 */
export async function proposeResidentLinks(
  events: EventBus,
  q: Queryable,
  userId: string,
  cause: Pick<DomainEvent, "actor" | "requestId" | "type">,
  now: Date,
) {
  const state = await accountState(q, userId);
  if (state?.kind !== "citizen" || state.disabled) return 0;
  const phone = await verifiedPhoneOf(q, userId);
  const citizenIdNumber = await verifiedCitizenIdNumber(q, userId);
  if (!phone && !citizenIdNumber) return 0;
  const linked = await repo.findResidentOfUser(q, userId);
  if (linked) {
    if (VERIFIED_CONTACT_EVENTS.includes(cause.type) && (await repo.takeVerifiedContacts(q, linked.id, { phone, citizenIdNumber }, now)))
      await events.publish(q, {
        type: "resident.contactsFromAccount",
        actor: cause.actor,
        target: { type: "resident", id: linked.id },
        adminUnitCode: linked.communeCode,
        requestId: cause.requestId,
        details: { userId, after: cause.type },
      });
    return 0;
  }
  const matches = await repo.findUnlinkedMatches(q, { citizenIdNumber, phone }, MAX_PHONE_PROPOSALS);
  const byId = matches.filter((m) => m.matchedOn === "id_number");
  let proposed = 0;
  for (const m of byId.length > 0 ? byId : matches) {
    const linkId = await repo.insertProposal(q, m.id, userId, m.matchedOn, now);
    if (!linkId) continue;
    proposed++;
    await events.publish(q, {
      type: "resident.linkProposed",
      actor: cause.actor,
      target: { type: "resident", id: m.id },
      adminUnitCode: m.communeCode,
      requestId: cause.requestId,
      details: { linkId, userId, matchedOn: m.matchedOn, after: cause.type },
    });
  }
  return proposed;
}

/** Wired once by the composition root (bootstrap.ts), as the dossiers' links are. */
export function subscribeResidentLinks(events: EventBus, clock: Clock): void {
  events.subscribe(async (q, e) => {
    if (e.target.id && LINK_TRIGGER_EVENTS.includes(e.type)) await proposeResidentLinks(events, q, e.target.id, e, clock.now());
  });
}
