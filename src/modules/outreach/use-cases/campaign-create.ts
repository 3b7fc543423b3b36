// Creates a campaign: a time-boxed drive with a target share for one skill over a province, commune or village.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { CampaignInput } from "../campaigns/campaigns.contract.ts";
import * as repo from "../campaigns/campaigns.repository.ts";
import { assertKnownSkills } from "./campaign-skills.ts";
import { unitOfField } from "./campaign-scope.ts";

type Ctx = Context & { principal: Principal | null };

export async function createCampaign(deps: Pick<Deps, "db" | "config" | "events">, ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  const parsed = CampaignInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const unit = await unitOfField(deps, input.unitCode, "unitCode");
  const p = ctx.principal;
  authorise(p, "campaign.manage", unit);
  if (unit.level === "district")
    throw new AppError("validation", "error.validation", [{ field: "unitCode", code: "level", message: "campaigns.error.unitLevel" }]);
  await assertKnownSkills(deps, unit.path, [input.skillKey], "skillKey");
  return deps.db.tx(async (q) => {
    const id = await repo.insertCampaign(q, {
      name: input.name,
      unitCode: unit.code,
      unitPath: unit.path,
      skillKey: input.skillKey,
      measure: input.measure,
      targetPercent: input.targetPercent,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      createdBy: p.userId,
    });
    await deps.events.publish(q, {
      type: "campaign.created",
      actor: ctx.actor,
      target: { type: "campaign", id },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: {
        name: input.name,
        skillKey: input.skillKey,
        measure: input.measure,
        targetPercent: input.targetPercent,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      },
    });
    return { id };
  });
}
