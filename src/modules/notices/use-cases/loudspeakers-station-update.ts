// Renames a station or turns it off (an inactive station's feed is empty: its player stays quiet).
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { validationError } from "../../../platform/http/app-error.ts";
import { StationUpdate } from "../loudspeakers/loudspeakers.contract.ts";
import { updateStation } from "../loudspeakers/loudspeakers.repository.ts";
import { managedStation } from "./loudspeakers-station-access.ts";

export async function changeStation(
  deps: Pick<Deps, "db" | "events">,
  ctx: Context & { principal: Principal | null },
  id: string,
  raw: unknown,
): Promise<void> {
  const parsed = StationUpdate.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  await deps.db.tx(async (q) => {
    const station = await managedStation(q, ctx.principal, id, true);
    await updateStation(q, station.id, parsed.data);
    await deps.events.publish(q, {
      type: "radioStation.changed",
      actor: ctx.actor,
      target: { type: "radio_station", id: station.id },
      adminUnitCode: station.communeCode,
      requestId: ctx.requestId,
      details: parsed.data,
    });
  });
}
