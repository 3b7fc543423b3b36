// Creates a village's loudspeaker station and its player's key (returned this once; only the hash is kept).
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { StationInput } from "../loudspeakers/loudspeakers.contract.ts";
import { insertStation, villageUnit } from "../loudspeakers/loudspeakers.repository.ts";
import { newStationKey, stationKeyHash } from "../loudspeakers/station-key.ts";
import { stationPaths } from "./loudspeakers-station-access.ts";

type Ctx = Context & { principal: Principal | null };

export async function createStation(deps: Pick<Deps, "db" | "events">, ctx: Ctx, raw: unknown): Promise<{ id: string; key: string }> {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const parsed = StationInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const village = await villageUnit(deps.db, input.villageCode);
  const badVillage = () =>
    new AppError("validation", "error.validation", [{ field: "villageCode", code: "unknown", message: "notices.loudspeakers.error.village" }]);
  if (village?.level !== "village" || !village.parentCode) throw badVillage();
  // Another commune's village is a 404, like every resource outside the officer's units.
  if (!stationPaths(ctx.principal).some((p) => village.path.startsWith(p))) throw new AppError("not_found", "error.notFound");
  const key = newStationKey();
  return deps.db.tx(async (q) => {
    const id = await insertStation(q, {
      communeCode: village.parentCode as string,
      villageCode: village.code,
      unitPath: village.path,
      name: input.name,
      keyHash: stationKeyHash(key),
    });
    await deps.events.publish(q, {
      type: "radioStation.created",
      actor: ctx.actor,
      target: { type: "radio_station", id },
      adminUnitCode: village.parentCode as string,
      requestId: ctx.requestId,
      details: { villageCode: village.code, name: input.name },
    });
    return { id, key };
  });
}
