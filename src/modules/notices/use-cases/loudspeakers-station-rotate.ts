// Replaces a station's key (a lost player, a technician gone): the old key stops working at once.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { setStationKey } from "../loudspeakers/loudspeakers.repository.ts";
import { newStationKey, stationKeyHash } from "../loudspeakers/station-key.ts";
import { managedStation } from "./loudspeakers-station-access.ts";

export async function rotateStationKey(
  deps: Pick<Deps, "db" | "events">,
  ctx: Context & { principal: Principal | null },
  id: string,
): Promise<{ key: string }> {
  return deps.db.tx(async (q) => {
    const station = await managedStation(q, ctx.principal, id, true);
    const key = newStationKey();
    await setStationKey(q, station.id, stationKeyHash(key));
    await deps.events.publish(q, {
      type: "radioStation.keyRotated",
      actor: ctx.actor,
      target: { type: "radio_station", id: station.id },
      adminUnitCode: station.communeCode,
      requestId: ctx.requestId,
      details: {},
    });
    return { key };
  });
}
