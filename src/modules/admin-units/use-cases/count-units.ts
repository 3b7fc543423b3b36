// How many units of each level are loaded: bootstrap loads the official list into an empty tree.
import type { Queryable } from "../../../platform/db/database.ts";
import type { Level } from "../admin-units.contract.ts";
import * as repo from "../admin-units.repository.ts";

export const countUnits = (q: Queryable): Promise<Record<Level, number>> => repo.countUnits(q);
