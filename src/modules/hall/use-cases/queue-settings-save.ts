// The commune's hall settings (hall.manage): services (keyed by letter) and counters (keyed by number). Saving the
// same letter or number again updates it. Audited; the screens are signalled.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { signalHallChange } from "../hall-events.ts";
import { CounterInput, ServiceInput } from "../queue/queue.contract.ts";
import * as repo from "../queue/queue.repository.ts";
import { hallCommune } from "./queue-commune.ts";

type Ctx = Context & { principal: Principal | null };
type SaveDeps = Pick<Deps, "db" | "events" | "config">;

async function managed(deps: SaveDeps, ctx: Ctx, communeCode: string) {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const unit = await hallCommune(deps, communeCode);
  authorise(ctx.principal, "hall.manage", unit);
  return unit;
}

export async function saveService(deps: SaveDeps, ctx: Ctx, communeCode: string, raw: unknown): Promise<{ id: string; created: boolean }> {
  const unit = await managed(deps, ctx, communeCode);
  const parsed = ServiceInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const s = parsed.data;
  return deps.db.tx(async (q) => {
    const row = await repo.upsertService(q, unit.code, s);
    await signalHallChange(q, unit.code);
    await deps.events.publish(q, {
      type: "hallService.saved",
      actor: ctx.actor,
      target: { type: "hall_service", id: row.id },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: { letter: s.letter, created: row.created, active: s.active },
    });
    return row;
  });
}

export async function saveCounter(deps: SaveDeps, ctx: Ctx, communeCode: string, raw: unknown): Promise<{ id: string; created: boolean }> {
  const unit = await managed(deps, ctx, communeCode);
  const parsed = CounterInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const k = parsed.data;
  const services = await deps.db.query<{ id: string }>("SELECT id FROM hall_services WHERE commune_code = $1 AND id = ANY($2::uuid[])", [
    unit.code,
    k.serviceIds,
  ]);
  const known = new Set(services.rows.map((r) => r.id));
  const unknown = k.serviceIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw new AppError("validation", "error.validation", [{ field: "serviceIds", code: "unknown", message: "hall.queue.error.service" }]);
  return deps.db.tx(async (q) => {
    const row = await repo.upsertCounter(q, unit.code, { ...k, serviceIds: [...new Set(k.serviceIds)] });
    await signalHallChange(q, unit.code);
    await deps.events.publish(q, {
      type: "hallCounter.saved",
      actor: ctx.actor,
      target: { type: "hall_counter", id: row.id },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: { number: k.number, created: row.created, active: k.active, services: k.serviceIds.length },
    });
    return row;
  });
}
