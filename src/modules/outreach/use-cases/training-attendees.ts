// Records who attended a training. Every attendee must be a resident the recorder may see (else 404 naming the
// row). With confirmSkills "seen" the training's skills are confirmed for them as seen: they practised each step in
// front of the trainer. Attendance alone confirms nothing but takes them off the "still needs training" list.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, type FieldError, validationError } from "../../../platform/http/app-error.ts";
import { householdAccess } from "../../registry/index.ts";
import { AttendeesInput } from "../campaigns/campaigns.contract.ts";
import * as repo from "../campaigns/trainings.repository.ts";
import { confirmSkills } from "./skills-confirm.ts";
import { loadTraining } from "./training-access.ts";

export async function recordAttendees(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: Context & { principal: Principal | null },
  id: string,
  raw: unknown,
): Promise<{ added: number; skillsConfirmed: number }> {
  const training = await loadTraining(deps, ctx.principal, id, { manage: true });
  const parsed = AttendeesInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const malformed: FieldError[] = input.residentIds.flatMap((rid, i) =>
    isUuid(rid) ? [] : [{ field: `residentIds.${i}`, code: "format", message: "validation.format" as const }],
  );
  if (malformed.length) throw new AppError("validation", "error.validation", malformed);
  const ids = [...new Set(input.residentIds)];
  const visible = await repo.visibleResidents(deps.db, ids, householdAccess(ctx.principal));
  const unseen: FieldError[] = input.residentIds.flatMap((rid, i) =>
    visible.has(rid) ? [] : [{ field: `residentIds.${i}`, code: "not_found", message: "trainings.error.attendeeUnknown" as const }],
  );
  if (unseen.length) throw new AppError("not_found", "error.notFound", unseen);
  return deps.db.tx(async (q) => {
    const added = await repo.insertAttendees(q, training.id, ids);
    // The one upsert of skills (skills-confirm.ts): a skill already seen keeps its date and its visit.
    const keys = training.skillKeys;
    const skillsConfirmed =
      input.confirmSkills === "seen"
        ? (
            await confirmSkills(
              q,
              deps,
              ctx,
              ids.flatMap((rid) =>
                keys.map((skillKey) => ({ residentId: rid, skillKey, method: "seen" as const, unitPath: visible.get(rid)!.unitPath, trainingId: training.id })),
              ),
              (i) => `skillKeys.${i % keys.length}`,
            )
          ).filter((r) => r.changed).length
        : 0;
    await deps.events.publish(q, {
      type: "training.attendeesRecorded",
      actor: ctx.actor,
      target: { type: "training", id: training.id },
      adminUnitCode: training.unitCode || training.communeCode,
      requestId: ctx.requestId,
      details: { residentIds: ids, added, confirmSkills: input.confirmSkills, skillsConfirmed },
    });
    return { added, skillsConfirmed };
  });
}
