// Records a training session (tập huấn) for a commune or a village: date, place, topic, trainer, the skills it counts toward.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { TrainingInput } from "../campaigns/campaigns.contract.ts";
import * as repo from "../campaigns/trainings.repository.ts";
import { assertKnownSkills } from "./campaign-skills.ts";
import { unitOfField } from "./campaign-scope.ts";

export async function createTraining(
  deps: Pick<Deps, "db" | "config" | "events">,
  ctx: Context & { principal: Principal | null },
  raw: unknown,
): Promise<{ id: string }> {
  const parsed = TrainingInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const unit = await unitOfField(deps, input.unitCode, "unitCode");
  const p = ctx.principal;
  authorise(p, "training.manage", unit);
  if (unit.level !== "commune" && unit.level !== "village")
    throw new AppError("validation", "error.validation", [{ field: "unitCode", code: "level", message: "trainings.error.unitLevel" }]);
  const skillKeys = [...new Set(input.skillKeys)];
  await assertKnownSkills(deps, unit.path, skillKeys, "skillKeys", true);
  const communeCode = unit.level === "commune" ? unit.code : (unit.parentCode as string);
  return deps.db.tx(async (q) => {
    const id = await repo.insertTraining(q, { ...input, skillKeys, communeCode, unitPath: unit.path, createdBy: p.userId });
    await deps.events.publish(q, {
      type: "training.created",
      actor: ctx.actor,
      target: { type: "training", id },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: { heldOn: input.heldOn, topic: input.topic, skillKeys },
    });
    return { id };
  });
}
