// What the counter page shows an officer: the commune's counters, the one they sit at, waiting counts per service,
// and the tickets open at their counter.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal, scopeUnitCodes } from "../../../platform/auth/authorise.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { isCommuneCode } from "../../admin-units/index.ts";
import { listCounters, listServices } from "../hall.repository.ts";
import * as repo from "../queue/queue.repository.ts";
import { hallCommune } from "./queue-commune.ts";

/** The communes where the principal serves at counters (grants on a commune). */
export function servedCommunes(p: Principal | null): string[] {
  return scopeUnitCodes(p, "hall.serve").filter(isCommuneCode);
}

export async function counterBoard(deps: Pick<Deps, "db" | "config" | "clock">, p: Principal | null, communeCode: string | undefined) {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const code = communeCode ?? servedCommunes(p)[0];
  if (!code) throw new AppError("forbidden", "error.forbidden");
  const unit = await hallCommune(deps, code);
  authorise(p, "hall.serve", unit);
  const day = toLocalDay(deps.clock.now());
  const [services, counters, waiting] = await Promise.all([
    listServices(deps.db, unit.code),
    listCounters(deps.db, unit.code),
    repo.waitingCounts(deps.db, unit.code, day),
  ]);
  const mine = counters.find((k) => k.officerId === p.userId) ?? null;
  const open = mine ? await repo.openTicketsAtCounter(deps.db, mine.id, day) : [];
  return { unit, services, counters, waiting, mine, open, day };
}
