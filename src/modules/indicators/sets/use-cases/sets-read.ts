// Reading sets: the list a province uses, one set with its version history, one version's definition for export.
import type { Deps } from "../../../../deps.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import type { UnitRef } from "../../indicators.repository.ts";
import { compileSetDefinition, type IndicatorSetDefinition } from "../../set-definition.ts";
import { type ResolvedSet, setForProvince, setsForProvince, shippedSets } from "../../set-store.ts";
import { provinceAccess, type SetsCtx } from "../sets-access.ts";
import * as repo from "../sets.repository.ts";

type D = Pick<Deps, "db">;

/** The plain definition of a resolved set (what a file holds). */
export function definitionOf(s: ResolvedSet): IndicatorSetDefinition {
  const { compiled: _c, manualKeys: _m, version: _v, rowId: _r, provinceCode: _p, shipped: _s, ...def } = s;
  return def;
}

export async function listSets(deps: D, ctx: SetsCtx, province?: string | null): Promise<{ province: UnitRef; sets: ResolvedSet[] }> {
  const unit = await provinceAccess(deps, ctx.principal, province, "read");
  return { province: unit, sets: await setsForProvince(deps, unit.code) };
}

export type SetVersion = {
  version: number;
  /** file: shipped with XãSố; every: stored for every province; own: the province's own. */
  origin: "file" | "every" | "own";
  active: boolean;
  note: string;
  createdAt: Date | null;
};

export type SetView = { province: UnitRef; set: ResolvedSet; versions: SetVersion[] };

export async function readSet(deps: D, ctx: SetsCtx, province: string | null | undefined, key: string): Promise<SetView> {
  const unit = await provinceAccess(deps, ctx.principal, province, "read");
  const set = await setForProvince(deps, unit.code, key);
  const rows = await repo.versionsOf(deps.db, key, unit.code);
  const versions: SetVersion[] = rows.map((r) => ({
    version: r.version,
    origin: r.provinceCode ? "own" : "every",
    active: r.id === set.rowId,
    note: r.note,
    createdAt: r.createdAt,
  }));
  const shipped = shippedSets().find((s) => s.key === key);
  if (shipped) versions.push({ version: shipped.version, origin: "file", active: set.rowId === null, note: "", createdAt: null });
  return { province: unit, set, versions };
}

/** A set as in use, or one of its versions (stored or the shipped file). */
export async function setVersion(
  deps: D,
  ctx: SetsCtx,
  province: string | null | undefined,
  key: string,
  version?: number | null,
): Promise<{ province: UnitRef; version: number; definition: IndicatorSetDefinition }> {
  const unit = await provinceAccess(deps, ctx.principal, province, "read");
  const current = await setForProvince(deps, unit.code, key);
  if (!version || version === current.version) return { province: unit, version: current.version, definition: definitionOf(current) };
  const shipped = shippedSets().find((s) => s.key === key && s.version === version);
  const row = shipped ? null : await repo.versionRow(deps.db, key, unit.code, version);
  if (!shipped && !row) throw new AppError("not_found", "error.notFound");
  const def = shipped
    ? definitionOf(shipped)
    : definitionOf({ ...compileSetDefinition(row?.definition), version, rowId: null, provinceCode: null, shipped: false });
  return { province: unit, version, definition: def };
}
