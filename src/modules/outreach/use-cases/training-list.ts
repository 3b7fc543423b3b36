// The trainings a person may see: date, place, topic, trainer and counts, no one's name.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import * as repo from "../campaigns/trainings.repository.ts";
import { readPaths } from "./campaign-scope.ts";

export async function listTrainings(deps: Pick<Deps, "db">, ctx: { principal: Principal | null }): Promise<repo.TrainingRow[]> {
  return repo.listTrainings(deps.db, readPaths(ctx.principal, "training.manage"));
}
