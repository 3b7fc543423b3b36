// A dossier filed for someone (at the desk, or by a volunteer) joins the citizen's account only through a verified
// link: their verified phone and verified ID number are the applicant's. Filing checks it; so does the moment an
// account gets the second of the two (or a new one), so a citizen who verifies after the desk filed for them finds
// those dossiers, and the results already issued, in their account.
import type { Queryable } from "../../../platform/db/database.ts";
import type { DomainEvent, EventBus } from "../../../platform/events/domain-events.ts";
import { addToVault, citizenAccountFor, VERIFIED_CONTACT_EVENTS, verifiedCitizenIdNumber, verifiedPhoneOf } from "../../citizens/index.ts";
import { getProcedureVersion } from "../../procedures/index.ts";
import * as repo from "../dossiers.repository.ts";

/**
 * Links to the account the dossiers filed earlier for its verified phone and ID number and not linked yet, puts
 * their results into its vault, and audits each link (`dossier.linkedToAccount`, in the dossier's commune).
 * Runs inside the caller's transaction, as the verification that caused it; returns how many were linked.
 */
export async function linkEarlierDossiers(events: EventBus, q: Queryable, userId: string, cause: Pick<DomainEvent, "actor" | "requestId" | "type">) {
  const phone = await verifiedPhoneOf(q, userId);
  const citizenIdNumber = phone ? await verifiedCitizenIdNumber(q, userId) : null;
  // The same rule as at filing: an active citizen account whose verified phone and ID number both match.
  if (!phone || !citizenIdNumber || (await citizenAccountFor(q, phone, citizenIdNumber)) !== userId) return 0;
  const linked = await repo.linkUnlinkedDossiers(q, userId, { phone, citizenIdNumber });
  const results = await repo.listResultFiles(
    q,
    linked.map((d) => d.id),
  );
  for (const d of linked) {
    const files = results.filter((r) => r.dossierId === d.id);
    if (files.length > 0) {
      const { definition } = await getProcedureVersion(q, d.procedureId, d.procedureVersion);
      // Named by the day the result was issued, not the day the account was linked.
      for (const f of files)
        await addToVault(q, {
          userId,
          fileId: f.fileId,
          title: definition.resultName,
          kind: "result",
          documentType: "result",
          sourceDossierId: d.id,
          now: f.at,
        });
    }
    await events.publish(q, {
      type: "dossier.linkedToAccount",
      actor: cause.actor,
      target: { type: "dossier", id: d.id },
      adminUnitCode: d.communeCode,
      requestId: cause.requestId,
      details: { ownerUserId: userId, after: cause.type, results: files.length },
    });
  }
  return linked.length;
}

/** Wired once by the composition root: every verification of a phone or an ID number links what it now can. */
export function subscribeDossierLinks(events: EventBus): void {
  events.subscribe(async (q, e) => {
    if (e.target.id && VERIFIED_CONTACT_EVENTS.includes(e.type)) await linkEarlierDossiers(events, q, e.target.id, e);
  });
}
