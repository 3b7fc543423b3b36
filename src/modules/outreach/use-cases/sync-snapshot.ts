// GET /api/v1/field/snapshot: what the field app caches, only the caller's assigned households; one audit entry.
import type { Deps } from "../../../deps.ts";
import { type Principal, scopePaths, scopeUnitCodes } from "../../../platform/auth/authorise.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import type { Actor } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { loadChecklist, provinceOfPath, skillLabel } from "../skills.ts";
import { fieldRecords } from "./sync-field-records.ts";

type Ctx = { actor: Actor; requestId: string | null; principal: Principal | null };

export async function fieldSnapshot(deps: Pick<Deps, "db" | "events" | "clock">, ctx: Ctx, locale: "vi" | "en") {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = scopePaths(p, "outreach.record");
  if (paths.length === 0) throw new AppError("forbidden", "sync.revoked");
  const households = await fieldRecords(deps.db, p);
  const villageCodes = [...new Set(households.map((h) => h.villageCode))];
  const { rows: villages } = await deps.db.query<{ code: string; name: string }>(
    `SELECT code, name FROM admin_unit_refs WHERE level = 'village' AND (path LIKE ANY($1::text[]) OR code = ANY($2::text[])) ORDER BY name, code`,
    [paths.map((x) => `${x}%`), villageCodes],
  );
  // The province's active checklist, labelled in the reader's language.
  const skills = (await loadChecklist(deps.db, provinceOfPath(paths[0]!))).skills
    .filter((s) => s.active)
    .map((s) => ({ key: s.key, label: skillLabel(s, locale) }));
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "fieldSnapshot", id: null },
    adminUnitCode: scopeUnitCodes(p, "outreach.record")[0] ?? null,
    details: { households: households.length },
  });
  return {
    serverTime: deps.clock.now().toISOString(),
    user: { id: p.userId, displayName: p.displayName },
    skills,
    villages,
    households: households.map(({ communeCode: _c, ...h }) => h),
  };
}
