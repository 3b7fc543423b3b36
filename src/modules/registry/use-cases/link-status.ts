// The officer's view of a resident's account link: who it is linked to, what was proposed and decided. Audited.
import type { Deps } from "../../../deps.ts";
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { displayNames } from "../../identity/index.ts";
import { householdAccess, householdVisibleSql } from "../household-access.ts";
import * as repo from "../links/links.repository.ts";

type D = Pick<Deps, "db" | "events">;
type Ctx = Context & { principal: Principal | null };

export type ResidentLinkStatus = {
  resident: { id: string; fullName: string; birthYear: number; householdId: string | null; communeCode: string; villageCode: string };
  account: { userId: string; displayName: string } | null;
  links: {
    id: string;
    userId: string;
    displayName: string;
    matchedOn: repo.MatchedOn;
    status: repo.LinkStatus;
    decidedHow: "citizen" | "officer" | null;
    decidedByName: string | null;
    proposedAt: string;
    decidedAt: string | null;
  }[];
  /** May confirm or reject (registry.manage on the household). */
  canDecide: boolean;
};

/** A resident of a household the caller sees (else 404), with its link status; the read is audited. */
export async function residentLinkStatus(deps: D, ctx: Ctx, residentId: string): Promise<ResidentLinkStatus> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const params: unknown[] = [];
  const resident = await repo.findVisibleResident(deps.db, residentId, householdVisibleSql(householdAccess(p), "h", params), params);
  if (!resident) throw notFound();
  const links = await repo.listLinksOfResident(deps.db, residentId);
  const names = await displayNames(deps.db, [resident.userId, ...links.flatMap((l) => [l.userId, l.decidedBy])]);
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "resident", id: resident.id },
    adminUnitCode: resident.communeCode,
    details: { part: "accountLink" },
  });
  return {
    resident: {
      id: resident.id,
      fullName: resident.fullName,
      birthYear: resident.birthYear,
      householdId: resident.householdId,
      communeCode: resident.communeCode,
      villageCode: resident.villageCode,
    },
    account: resident.userId ? { userId: resident.userId, displayName: names.get(resident.userId) ?? "" } : null,
    links: links.map((l) => ({
      id: l.id,
      userId: l.userId,
      displayName: names.get(l.userId) ?? "",
      matchedOn: l.matchedOn,
      status: l.status,
      decidedHow: l.decidedHow,
      decidedByName: l.decidedBy ? (names.get(l.decidedBy) ?? null) : null,
      proposedAt: new Date(l.proposedAt).toISOString(),
      decidedAt: l.decidedAt ? new Date(l.decidedAt).toISOString() : null,
    })),
    canDecide: can(p, "registry.manage", { code: resident.villageCode, path: resident.unitPath }),
  };
}
