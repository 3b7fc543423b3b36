// The campaigns a person may follow: those inside their units and those of a unit above them.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import * as repo from "../campaigns/campaigns.repository.ts";
import { readPaths } from "./campaign-scope.ts";

export async function listCampaigns(deps: Pick<Deps, "db">, ctx: { principal: Principal | null }): Promise<repo.CampaignRow[]> {
  return repo.listCampaigns(deps.db, readPaths(ctx.principal, "campaign.manage"));
}
