// Kiosk devices: hall.manage registers one and gets a one-time setup link (valid 24 hours); opening it on the device
// and confirming stores the device's key in a cookie. Only sha256 hashes are kept. Revoking stops the key at once.
import { randomBytes } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { listCounters, listServices } from "../hall.repository.ts";
import { KioskInput } from "../queue/queue.contract.ts";
import * as repo from "../queue/queue.repository.ts";
import { hallCommune } from "./queue-commune.ts";
import { sha256 } from "./queue-take.ts";

type Ctx = Context & { principal: Principal | null };
type KioskDeps = Pick<Deps, "db" | "events" | "config" | "clock">;

export const KIOSK_SETUP_HOURS = 24;

async function managed(deps: KioskDeps, ctx: Ctx, communeCode: string) {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const unit = await hallCommune(deps, communeCode);
  authorise(ctx.principal, "hall.manage", unit);
  return unit;
}

/** Registers a kiosk; the setup token is returned once (shown as a link), never stored in clear. */
export async function registerKiosk(
  deps: KioskDeps,
  ctx: Ctx,
  communeCode: string,
  raw: unknown,
): Promise<{ id: string; setupToken: string; expiresAt: Date }> {
  const unit = await managed(deps, ctx, communeCode);
  const parsed = KioskInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const setupToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(deps.clock.now().getTime() + KIOSK_SETUP_HOURS * 3_600_000);
  const id = await deps.db.tx(async (q) => {
    const kioskId = await repo.insertKiosk(q, {
      communeCode: unit.code,
      name: parsed.data.name,
      setupHash: sha256(setupToken),
      setupExpiresAt: expiresAt,
      createdBy: ctx.principal!.userId,
    });
    await deps.events.publish(q, {
      type: "hallKiosk.registered",
      actor: ctx.actor,
      target: { type: "hall_kiosk", id: kioskId },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: { name: parsed.data.name },
    });
    return kioskId;
  });
  return { id, setupToken, expiresAt };
}

/** The device confirms its setup link: a new key for its cookie, or null when the link is unknown, used or expired. */
export async function activateKiosk(deps: KioskDeps, ctx: Context, setupToken: string): Promise<{ key: string; communeCode: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(setupToken)) return null;
  const key = randomBytes(32).toString("base64url");
  return deps.db.tx(async (q) => {
    const k = await repo.activateKiosk(q, sha256(setupToken), sha256(key), deps.clock.now());
    if (!k) return null;
    await deps.events.publish(q, {
      type: "hallKiosk.activated",
      actor: ctx.actor,
      target: { type: "hall_kiosk", id: k.id },
      adminUnitCode: k.communeCode,
      requestId: ctx.requestId,
    });
    return { key, communeCode: k.communeCode };
  });
}

export async function revokeKiosk(deps: KioskDeps, ctx: Ctx, communeCode: string, id: string): Promise<void> {
  const unit = await managed(deps, ctx, communeCode);
  if (!isUuid(id)) throw new AppError("not_found", "error.notFound");
  await deps.db.tx(async (q) => {
    if (!(await repo.revokeKiosk(q, unit.code, id))) throw new AppError("not_found", "error.notFound");
    await deps.events.publish(q, {
      type: "hallKiosk.revoked",
      actor: ctx.actor,
      target: { type: "hall_kiosk", id },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
    });
  });
}

/** The settings page's read: services, counters and kiosks of a commune the caller manages. */
export async function hallSettings(deps: KioskDeps, ctx: Ctx, communeCode: string) {
  const unit = await managed(deps, ctx, communeCode);
  const [services, counters, kiosks] = await Promise.all([
    listServices(deps.db, unit.code, false),
    listCounters(deps.db, unit.code, false),
    repo.listKiosks(deps.db, unit.code),
  ]);
  return { unit, services, counters, kiosks };
}
