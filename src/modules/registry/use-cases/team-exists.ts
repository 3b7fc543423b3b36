// Whether a commune has set up any digital team: no personal data, so no audit entry (the demo seed asks it at every start).
import type { Deps } from "../../../deps.ts";
import { communeHasTeams } from "../teams/teams.repository.ts";

export const hasTeams = (deps: Pick<Deps, "db">, communeCode: string): Promise<boolean> => communeHasTeams(deps.db, communeCode);
