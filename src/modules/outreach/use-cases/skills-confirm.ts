// Confirming a person's skill: who, when and how (seen in person, self-declared). A confirmation seen in person
// outranks a self-declared one: a later self-declaration never replaces it. The field sync and training attendance
// reuse confirmSkills inside their own transactions; the office confirms one skill with confirmResidentSkill.
import type { Deps } from "../../../deps.ts";
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Context, EventBus } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { visibleResident } from "../../registry/index.ts";
import type { ConfirmSkillInput } from "../coverage/coverage.contract.ts";
import { skillRecord, upsertSkills } from "../coverage/coverage.repository.ts";
import { loadChecklist, provinceOfPath } from "../skills.ts";

export type SkillConfirmationInput = {
  residentId: string;
  skillKey: string;
  method: "seen" | "self_declared";
  /** The resident's village path now (resident_refs.unit_path). */
  unitPath: string;
  confirmedAt?: Date;
  visitId?: string | null;
  trainingId?: string | null;
};

/**
 * Writes confirmations in the caller's transaction (the caller has checked who may see the residents). Each key
 * must be an active skill of the resident's province: otherwise a 400 naming `items.<i>.skillKey`. Publishes one
 * skill.confirmed event per confirmation written. Returns, per item, whether it changed the record.
 */
export async function confirmSkills(
  q: Queryable,
  deps: { events: EventBus; clock: { now(): Date } },
  ctx: Context,
  items: SkillConfirmationInput[],
  fieldOf: (index: number) => string = (i) => `items.${i}.skillKey`,
): Promise<{ residentId: string; skillKey: string; method: "seen" | "self_declared"; changed: boolean }[]> {
  const active = new Map<string, Set<string>>();
  for (const [i, item] of items.entries()) {
    const province = provinceOfPath(item.unitPath);
    if (!active.has(province)) active.set(province, new Set((await loadChecklist(q, province)).skills.filter((s) => s.active).map((s) => s.key)));
    if (!active.get(province)!.has(item.skillKey)) {
      throw new AppError("validation", "error.validation", [{ field: fieldOf(i), code: "skill", message: "coverage.error.skill" }]);
    }
  }
  const now = deps.clock.now();
  // One row per person and skill (an upsert may touch a row once): seen before self-declared, then the later item.
  const best = new Map<string, SkillConfirmationInput>();
  for (const it of items) {
    const key = `${it.residentId}:${it.skillKey}`;
    if (best.get(key)?.method === "seen" && it.method !== "seen") continue;
    best.set(key, it);
  }
  const written = await upsertSkills(
    q,
    [...best.values()].map((it) => ({ ...it, confirmedBy: ctx.actor.userId, confirmedAt: it.confirmedAt ?? now })),
  );
  const done = new Set(written.map((w) => `${w.residentId}:${w.skillKey}`));
  for (const w of written) {
    await deps.events.publish(q, {
      type: "skill.confirmed",
      actor: ctx.actor,
      target: { type: "resident", id: w.residentId },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: { skillKey: w.skillKey, method: w.method },
    });
  }
  return items.map((it) => ({
    residentId: it.residentId,
    skillKey: it.skillKey,
    method: done.has(`${it.residentId}:${it.skillKey}`) ? it.method : "seen",
    changed: done.has(`${it.residentId}:${it.skillKey}`),
  }));
}

/**
 * The office: a team member (outreach.record) or a registry officer (registry.manage) confirms one skill of a
 * resident they may see. Anyone else, or a resident outside their households: 404.
 */
export async function confirmResidentSkill(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: Context & { principal: Principal | null },
  residentId: string,
  input: ConfirmSkillInput,
) {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  return deps.db.tx(async (q) => {
    // The registry's own look-up (404 outside the viewer's households); a person no longer in a household has no skills to gain.
    const resident = await visibleResident(q, ctx, residentId);
    if (resident.archivedAt || !resident.householdId) throw new AppError("not_found", "error.notFound");
    const unit = { code: resident.villageCode, path: resident.unitPath };
    if (!can(p, "outreach.record", unit) && !can(p, "registry.manage", unit)) throw new AppError("forbidden", "error.forbidden");
    const [result] = await confirmSkills(
      q,
      deps,
      ctx,
      [{ residentId, skillKey: input.skillKey, method: input.method, unitPath: resident.unitPath }],
      () => "skillKey",
    );
    const row = (await skillRecord(q, residentId, input.skillKey))!;
    return {
      residentId,
      skillKey: input.skillKey,
      method: row.method,
      confirmedBy: row.confirmedBy,
      confirmedAt: row.confirmedAt.toISOString(),
      changed: result!.changed,
    };
  });
}
