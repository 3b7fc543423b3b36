// The citizen's household as the registry knows it (/me/household): the links proposed to them, and once linked,
// their own record and their household's members by name and relation only (never another member's ID number or phone).
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import * as repo from "../links/links.repository.ts";

type D = Pick<Deps, "db" | "config">;
type Ctx = Context & { principal: Principal | null };

export type LinkProposal = { linkId: string; fullName: string; birthYear: number; villageName: string; matchedOn: repo.MatchedOn; proposedAt: string };
export type MyHousehold = {
  proposals: LinkProposal[];
  household: {
    id: string;
    address: string;
    villageName: string;
    communeName: string;
    me: {
      residentId: string;
      fullName: string;
      birthDate: string | null;
      birthYear: number;
      sex: "male" | "female" | null;
      phone: string | null;
      citizenIdNumber: string | null;
      relationToHead: string;
    };
    members: { fullName: string; relationToHead: string; isHead: boolean; isMe: boolean }[];
  } | null;
};

const unitName = async (deps: D, code: string) => (await getAdminUnit(deps, code).catch(() => null))?.name ?? code;

/** The caller's own: not audited as someone else's read (the members' names are what the household book shows them). */
export async function myHousehold(deps: D, ctx: Ctx): Promise<MyHousehold> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const me = await repo.findResidentOfUser(deps.db, p.userId);
  const proposals = me ? [] : await repo.listProposalsOfUser(deps.db, p.userId);
  const names = new Map<string, string>();
  for (const code of new Set([...proposals.map((x) => x.villageCode), ...(me ? [me.villageCode, me.communeCode] : [])]))
    names.set(code, await unitName(deps, code));
  const household =
    me?.householdId != null
      ? {
          id: me.householdId,
          address: me.address ?? "",
          villageName: names.get(me.villageCode) ?? me.villageCode,
          communeName: names.get(me.communeCode) ?? me.communeCode,
          me: {
            residentId: me.id,
            fullName: me.fullName,
            birthDate: me.birthDate,
            birthYear: me.birthYear,
            sex: me.sex,
            phone: me.phone,
            citizenIdNumber: me.citizenIdNumber,
            relationToHead: me.relationToHead,
          },
          members: (await repo.listMembers(deps.db, me.householdId)).map((m) => ({
            fullName: m.fullName,
            relationToHead: m.relationToHead,
            isHead: m.isHead,
            isMe: m.id === me.id,
          })),
        }
      : null;
  return {
    proposals: proposals.map((x) => ({
      linkId: x.id,
      fullName: x.fullName,
      birthYear: x.birthYear,
      villageName: names.get(x.villageCode) ?? x.villageCode,
      matchedOn: x.matchedOn,
      proposedAt: new Date(x.proposedAt).toISOString(),
    })),
    household,
  };
}
