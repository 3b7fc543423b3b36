// A province's skill checklist: read by anyone working in the province, changed by those with skills.manage.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import type { SaveSkillsInput } from "../coverage/coverage.contract.ts";
import { replaceChecklist } from "../coverage/coverage.repository.ts";
import { loadChecklist, type SkillChecklist } from "../skills.ts";

type D = Pick<Deps, "db" | "config" | "events">;
type Ctx = Context & { principal: Principal | null };

/** The province asked for, else the one of the viewer's first grant. Anyone with a grant in or above it may read. */
export async function getChecklist(deps: D, ctx: Ctx, provinceCode: string | undefined): Promise<SkillChecklist> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const code = provinceCode ?? p.grants[0]?.unitPath.split("/")[1];
  if (!code) throw new AppError("forbidden", "error.forbidden");
  const province = await getAdminUnit(deps, code);
  if (province.level !== "province" || !p.grants.some((g) => g.unitPath.startsWith(province.path) || province.path.startsWith(g.unitPath))) {
    throw new AppError("not_found", "error.notFound");
  }
  return loadChecklist(deps.db, province.code);
}

export async function saveChecklist(deps: D, ctx: Ctx, input: SaveSkillsInput): Promise<SkillChecklist> {
  const province = await getAdminUnit(deps, input.province);
  if (province.level !== "province") throw new AppError("not_found", "error.notFound");
  authorise(ctx.principal, "skills.manage", province);
  const seen = new Set<string>();
  input.skills.forEach((s, i) => {
    if (seen.has(s.key))
      throw new AppError("validation", "error.validation", [{ field: `skills.${i}.key`, code: "duplicate", message: "skills.error.duplicate" }]);
    seen.add(s.key);
  });
  return deps.db.tx(async (q) => {
    await replaceChecklist(q, province.code, input.skills);
    await deps.events.publish(q, {
      type: "skill.checklistSaved",
      actor: ctx.actor,
      target: { type: "skillChecklist", id: province.code },
      adminUnitCode: province.code,
      requestId: ctx.requestId,
      details: { keys: input.skills.map((s) => s.key), active: input.skills.filter((s) => s.active).map((s) => s.key) },
    });
    return loadChecklist(q, province.code);
  });
}
