// A station reports what it played. Idempotent per (slot, start): a player that resends after a lost answer adds
// nothing. Slots of another station are refused by name (400), the whole batch with them: nothing half-recorded.
import type { Deps } from "../../../deps.ts";
import { validationError, AppError } from "../../../platform/http/app-error.ts";
import { PlaysInput } from "../loudspeakers/loudspeakers.contract.ts";
import * as repo from "../loudspeakers/loudspeakers.repository.ts";
import { stationByKey } from "./loudspeakers-feed.ts";

export async function recordPlays(deps: Pick<Deps, "db">, id: string, key: string | null, raw: unknown): Promise<{ recorded: number; duplicates: number }> {
  const station = await stationByKey(deps.db, id, key);
  const parsed = PlaysInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const slots = new Map((await repo.listSlots(deps.db, station.id)).map((s) => [s.id, s]));
  const plays: repo.PlayWrite[] = [];
  const seen = new Set<string>();
  for (const [i, p] of parsed.data.plays.entries()) {
    const slot = slots.get(p.slotId);
    if (!slot)
      throw new AppError("validation", "error.validation", [{ field: `plays.${i}.slotId`, code: "unknown", message: "notices.loudspeakers.error.playSlot" }]);
    const startedAt = new Date(p.startedAt);
    const duration = p.durationSeconds ?? (p.endedAt ? Math.max(0, Math.round((Date.parse(p.endedAt) - startedAt.getTime()) / 1000)) : null);
    if (duration !== null && duration > 86400)
      throw new AppError("validation", "error.validation", [{ field: `plays.${i}.endedAt`, code: "range", message: "notices.loudspeakers.error.playEnd" }]);
    const k = `${slot.id} ${startedAt.toISOString()}`;
    if (seen.has(k)) continue;
    seen.add(k);
    plays.push({ slotId: slot.id, noticeId: slot.noticeId, startedAt, durationSeconds: duration, status: p.status });
  }
  const recorded = await repo.insertPlays(deps.db, station.id, plays);
  return { recorded, duplicates: parsed.data.plays.length - recorded };
}
