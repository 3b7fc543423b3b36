// One campaign with its progress per village or per team, counted over the part of its unit the reader may see.
// Only counts leave this use case (no one's name): it is not a read of personal data.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import type { ProgressBy } from "../campaigns/campaigns.contract.ts";
import * as repo from "../campaigns/campaigns.repository.ts";
import { buildProgress, type Progress } from "./campaign-progress.ts";
import { narrowTo, overlaps, readPaths } from "./campaign-scope.ts";

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

export async function getCampaign(
  deps: Pick<Deps, "db" | "clock">,
  ctx: { principal: Principal | null },
  id: string,
  opts: { by: ProgressBy; t: Translate },
): Promise<{ campaign: repo.CampaignRow; progress: Progress }> {
  const paths = readPaths(ctx.principal, "campaign.manage");
  const campaign = isUuid(id) ? await repo.findCampaign(deps.db, id) : null;
  if (!campaign || !overlaps(campaign.unitPath, paths)) throw notFound();
  const viewerPaths = narrowTo(campaign.unitPath, paths);
  // Adults: 18 or more in the year of the campaign's last day, by birth year (the registry may hold no birth date).
  const adultBornBy = Number(campaign.endsOn.slice(0, 4)) - 18;
  const counts = await repo.countProgress(deps.db, {
    skillKey: campaign.skillKey,
    measure: campaign.measure,
    unitPath: campaign.unitPath,
    viewerPaths,
    adultBornBy,
  });
  const names =
    opts.by === "village"
      ? await repo.villageNames(deps.db, [...new Set(counts.map((c) => c.villageCode))])
      : await repo.teamNames(deps.db, [...new Set(counts.flatMap((c) => (c.teamId ? [c.teamId] : [])))]);
  const progress = buildProgress(
    counts,
    campaign,
    toLocalDay(deps.clock.now()),
    opts.by,
    { of: (k) => names.get(k), noTeam: opts.t("campaigns.progress.noTeam"), total: opts.t("campaigns.progress.total") },
    collator.compare,
  );
  return { campaign, progress };
}
