// Codes of every unit in some subtrees: for data keyed by unit code elsewhere (the audit log) to be filtered
// by a principal's scope without reading the tree itself.
import type { Deps } from "../../../deps.ts";
import * as repo from "../admin-units.repository.ts";

export const listUnitCodesWithin = (deps: Pick<Deps, "db">, paths: string[]): Promise<string[]> => repo.listCodesWithin(deps.db, paths);
