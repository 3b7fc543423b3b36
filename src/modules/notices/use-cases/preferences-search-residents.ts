// The desk picks a registry resident of the officer's units by name (typed with or without diacritics). The list
// shows names and phones, so it is audited as a personal-data read.
import type { Deps } from "../../../deps.ts";
import { type Principal, scopePaths, scopeUnitCodes } from "../../../platform/auth/authorise.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { type ResidentContact, searchResidents } from "../preferences/preferences.repository.ts";

export async function searchResidentsForPreferences(
  deps: Pick<Deps, "db" | "events">,
  ctx: Context & { principal: Principal | null },
  text: string,
): Promise<ResidentContact[]> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = scopePaths(p, "notice.preferences");
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  const folded = searchKey(text).slice(0, 60);
  if (folded.length < 2) return [];
  const rows = await searchResidents(deps.db, folded, paths);
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "residentList", id: null },
    adminUnitCode: scopeUnitCodes(p, "notice.preferences")[0] ?? null,
    details: { what: "noticePreferences", search: folded, rows: rows.length },
  });
  return rows;
}
