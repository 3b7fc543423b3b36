// Removes a slot from a station's week (its plays go with it; the notice stays).
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { deleteSlot, findSlot } from "../loudspeakers/loudspeakers.repository.ts";
import { managedStation } from "./loudspeakers-station-access.ts";

export async function removeSlot(
  deps: Pick<Deps, "db" | "events">,
  ctx: Context & { principal: Principal | null },
  stationId: string,
  slotId: string,
): Promise<void> {
  await deps.db.tx(async (q) => {
    const station = await managedStation(q, ctx.principal, stationId, true);
    const slot = isUuid(slotId) ? await findSlot(q, station.id, slotId, true) : null;
    if (!slot) throw new AppError("not_found", "error.notFound");
    await deleteSlot(q, slot.id);
    await deps.events.publish(q, {
      type: "broadcastSlot.removed",
      actor: ctx.actor,
      target: { type: "broadcast_slot", id: slot.id },
      adminUnitCode: station.communeCode,
      requestId: ctx.requestId,
      details: { stationId: station.id, noticeId: slot.noticeId },
    });
  });
}
