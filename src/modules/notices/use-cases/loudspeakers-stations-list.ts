// The stations an officer manages, and the villages they may add one to.
import type { Deps } from "../../../deps.ts";
import { type Principal, scopeUnitCodes } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { listStations, type StationRow, villagesOf } from "../loudspeakers/loudspeakers.repository.ts";
import { stationPaths } from "./loudspeakers-station-access.ts";

export async function listManagedStations(
  deps: Pick<Deps, "db">,
  p: Principal | null,
): Promise<{ stations: StationRow[]; villages: Array<{ code: string; name: string; communeCode: string }> }> {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = stationPaths(p);
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  const communes = [...new Set([...scopeUnitCodes(p, "broadcast.manage"), ...scopeUnitCodes(p, "notice.channels")])].filter((c) => /^\d{5}$/.test(c));
  const [stations, villages] = await Promise.all([listStations(deps.db, paths), villagesOf(deps.db, communes)]);
  return { stations, villages };
}
