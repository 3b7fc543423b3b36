// A province's new version of a set: from an imported file (indicatorSet.imported) or from the set's page, edited
// (indicatorSet.versionSaved). The definition is checked in full first (a 400 naming the field, nothing saved); the
// version then goes in with the older one retired, in one transaction with its event. Versions are never edited.
import type { Deps } from "../../../../deps.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { compileSetDefinition } from "../../set-definition.ts";
import { setsForProvince } from "../../set-store.ts";
import type { SetFile } from "../set-file.ts";
import { provinceAccess, type SetsCtx } from "../sets-access.ts";
import * as repo from "../sets.repository.ts";

type D = Pick<Deps, "db" | "events">;

export type SaveInput = {
  province?: string | null;
  file: SetFile;
  note?: string;
  /** import: a file or a JSON body; edit: the set's page, whose key must stay the same. */
  source: "import" | "edit";
  format?: "json" | "xlsx";
  expectedKey?: string;
};

export async function saveSetVersion(deps: D, ctx: SetsCtx, input: SaveInput): Promise<{ key: string; version: number; id: string; provinceCode: string }> {
  const unit = await provinceAccess(deps, ctx.principal, input.province, "manage");
  const compiled = compileSetDefinition(input.file.set);
  if (compiled.key === "import") {
    throw new AppError("validation", "error.validation", [
      { field: "key", code: "reserved", message: "indicators.sets.keyReserved", params: { key: compiled.key } },
    ]);
  }
  if (input.expectedKey && compiled.key !== input.expectedKey) {
    throw new AppError("validation", "error.validation", [
      { field: "key", code: "changed", message: "indicators.sets.keyChanged", params: { key: input.expectedKey } },
    ]);
  }
  const note = (input.note ?? "").trim().slice(0, 500);
  const current = (await setsForProvince(deps, unit.code)).find((s) => s.key === compiled.key);
  // The stored definition is the checked one (defaults filled in), not the raw input.
  const { compiled: _c, manualKeys: _m, ...definition } = compiled;
  return deps.db.tx(async (q) => {
    const saved = await repo.insertVersion(q, {
      key: compiled.key,
      provinceCode: unit.code,
      definition,
      note,
      createdBy: ctx.actor.userId,
      atLeast: current?.version ?? 0,
    });
    await deps.events.publish(q, {
      type: input.source === "import" ? "indicatorSet.imported" : "indicatorSet.versionSaved",
      actor: ctx.actor,
      target: { type: "indicatorSet", id: saved.id },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: {
        key: compiled.key,
        version: saved.version,
        previousVersion: current?.version ?? null,
        indicators: compiled.indicators.length,
        ...(input.format ? { format: input.format } : {}),
        ...(note ? { note } : {}),
      },
    });
    return { ...saved, key: compiled.key, provinceCode: unit.code };
  });
}
