// Loading a training for a reader or a manager: outside the reader's units it does not exist (404); a reader who
// may not manage it gets 403 on a write.
import type { Deps } from "../../../deps.ts";
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import * as repo from "../campaigns/trainings.repository.ts";
import { overlaps, readPaths } from "./campaign-scope.ts";

export async function loadTraining(deps: Pick<Deps, "db">, p: Principal | null, id: string, opts: { manage?: boolean } = {}): Promise<repo.TrainingRow> {
  const paths = readPaths(p, "training.manage");
  const training = isUuid(id) ? await repo.findTraining(deps.db, id) : null;
  if (!training || !overlaps(training.unitPath, paths)) throw notFound();
  if (opts.manage && !can(p, "training.manage", { code: training.unitCode, path: training.unitPath })) throw new AppError("forbidden", "error.forbidden");
  return training;
}
