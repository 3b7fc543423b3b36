// Who manages which station: notice.channels or broadcast.manage on the station's village or above. Another
// commune's station is a 404, like every office resource.
import { type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { findStation, type StationRow } from "../loudspeakers/loudspeakers.repository.ts";

export function stationPaths(p: Principal | null): string[] {
  return [...new Set([...scopePaths(p, "broadcast.manage"), ...scopePaths(p, "notice.channels")])];
}

export async function managedStation(q: Queryable, p: Principal | null, id: string, lock = false): Promise<StationRow> {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const station = isUuid(id) ? await findStation(q, id, lock) : null;
  if (!station || !stationPaths(p).some((path) => station.unitPath.startsWith(path))) throw new AppError("not_found", "error.notFound");
  return station;
}
