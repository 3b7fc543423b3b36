// Public reads of the admin-unit tree: names and codes of units are public information.
import type { Deps } from "../../../deps.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import { decodeCursor, type Page, toPage } from "../../../platform/http/cursor.ts";
import type { Level } from "../admin-units.contract.ts";
import type { AdminUnitRow } from "../admin-units.model.ts";
import * as repo from "../admin-units.repository.ts";

type D = Pick<Deps, "db" | "config">;

export async function getAdminUnit(deps: D, code: string): Promise<AdminUnitRow> {
  const unit = await repo.findByCode(deps.db, code, deps.config.servedProvinces);
  if (!unit) throw notFound();
  return unit;
}

export async function getAdminUnitWithAncestors(deps: D, code: string) {
  const unit = await getAdminUnit(deps, code);
  return { unit, ancestors: await repo.ancestors(deps.db, unit) };
}

export const listServedProvinces = (deps: D) => repo.listProvinces(deps.db, deps.config.servedProvinces);

export async function listAdminUnitChildren(deps: D, code: string, page: { cursor?: string; limit: number }): Promise<Page<AdminUnitRow>> {
  await getAdminUnit(deps, code);
  const after = decodeCursor(page.cursor, 2) as [string, string] | null;
  const rows = await repo.listChildren(deps.db, code, after, page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.sortName, r.code]);
}

export async function searchAdminUnits(deps: D, query: { q: string; level?: Level; cursor?: string; limit: number }): Promise<Page<AdminUnitRow>> {
  const after = decodeCursor(query.cursor, 3) as [number, string, string] | null;
  const rows = await repo.search(deps.db, { text: query.q, served: deps.config.servedProvinces, level: query.level, after, limit: query.limit + 1 });
  return toPage(rows, query.limit, (r) => [r.rank, r.sortName, r.code]);
}
