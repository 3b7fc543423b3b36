// Commits a checked import: every household and person of the file, or none. One commit per commune at a time
// (an advisory lock), one transaction; progress is written beside it (a separate, short statement) so the office
// page and the CLI can show it while the transaction is still open.
import type { Deps } from "../../../deps.ts";
import { withAdvisoryLock } from "../../../platform/db/database.ts";
import { AppError, type FieldError, notFound } from "../../../platform/http/app-error.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { PersonRow } from "../import/household-file.ts";
import * as repo from "../import/import.repository.ts";
import { findDuplicates } from "./import-check.ts";
import { type ImportCtx, manageableCommune } from "./import-context.ts";

export type Decision = { row: number; action: "skip" | "import" };
/** Households written per statement; progress is recorded after each chunk. */
const CHUNK = 250;
const MAX_ERRORS = 50;

const problemField = (p: { sheet: string; row: number; column: string | null }) => `${p.sheet}!${p.column ?? ""}${p.row}`;
const tooMany = (n: number): FieldError => ({ field: "file", code: "invalid", message: "registryImport.problem.more", params: { n } });

function refuse(errors: FieldError[], code: "validation" | "conflict" = "validation"): AppError {
  const shown = errors.slice(0, MAX_ERRORS);
  if (errors.length > MAX_ERRORS) shown.push(tooMany(errors.length - MAX_ERRORS));
  return new AppError(code, code === "conflict" ? "registryImport.error.conflict" : "error.validation", shown);
}

export type CommitJob = { importRow: repo.ImportRow; people: number; run(onProgress?: (done: number, total: number) => void): Promise<repo.ImportRow> };

/**
 * Everything that can be refused before the commit starts (problems left, duplicates undecided, a household whose
 * head is skipped, an import already committed), then claims the import. `run` does the writing.
 */
export async function prepareCommit(
  deps: Pick<Deps, "db" | "config" | "events" | "log">,
  ctx: ImportCtx,
  id: string,
  input: { decisions: Decision[] },
): Promise<CommitJob> {
  if (!isUuid(id)) throw notFound();
  const imp = await repo.findImport(deps.db, id);
  if (!imp) throw notFound();
  const commune = await manageableCommune(deps, ctx, imp.communeCode);
  if (imp.status === "committed") throw new AppError("conflict", "registryImport.error.alreadyCommitted");
  if (imp.status === "committing") throw new AppError("conflict", "registryImport.error.committing");
  if ((imp.summary.problemCount ?? imp.problems.length) > 0) {
    const errors = imp.problems.map(
      (p): FieldError => ({ field: problemField(p), code: "invalid", message: p.message, ...(p.params ? { params: p.params } : {}) }),
    );
    const more = (imp.summary.problemCount ?? 0) - imp.problems.length;
    throw refuse(more > 0 ? [...errors, tooMany(more)] : errors);
  }
  const decided = new Map<number, Decision["action"]>();
  const errors: FieldError[] = [];
  const dupRows = new Set(imp.duplicates.map((d) => d.row));
  for (const d of input.decisions) {
    if (!dupRows.has(d.row))
      errors.push({ field: `decisions.${d.row}`, code: "invalid", message: "registryImport.decision.notDuplicate", params: { row: d.row } });
    decided.set(d.row, d.action);
  }
  for (const d of imp.duplicates) {
    const action = decided.get(d.row);
    if (!action) errors.push({ field: `decisions.${d.row}`, code: "required", message: "registryImport.decision.required", params: { row: d.row } });
    else if (action === "import" && !d.canImport)
      errors.push({ field: `decisions.${d.row}`, code: "invalid", message: "registryImport.decision.cannotImport", params: { row: d.row } });
  }
  if (errors.length) throw refuse(errors);

  const rows = await repo.importRows(deps.db, id);
  const skipped = new Set([...decided].filter(([, a]) => a === "skip").map(([r]) => r));
  const byHousehold = new Map<string, PersonRow[]>();
  for (const p of rows) if (!skipped.has(p.row)) byHousehold.set(p.household, [...(byHousehold.get(p.household) ?? []), p]);
  for (const [key, members] of byHousehold) {
    if (!members.some((m) => m.relation === "head")) {
      const head = rows.find((r) => r.household === key && r.relation === "head");
      errors.push({
        field: `decisions.${head?.row ?? members[0]!.row}`,
        code: "invalid",
        message: "registryImport.decision.headSkipped",
        params: { household: key, row: head?.row ?? 0 },
      });
    }
  }
  if (errors.length) throw refuse(errors);
  const villages = new Map((await repo.communeVillages(deps.db, commune.code)).map((v) => [v.code, v]));
  const households = [...byHousehold.values()].map((members) => ({ village: villages.get(members[0]!.villageCode!)!, members }));
  if (households.some((h) => !h.village)) throw new AppError("conflict", "registryImport.error.villageGone");
  const people = households.reduce((n, h) => n + h.members.length, 0);
  if (!(await repo.claimForCommit(deps.db, id))) throw new AppError("conflict", "registryImport.error.committing");

  const run = async (onProgress?: (done: number, total: number) => void): Promise<repo.ImportRow> => {
    try {
      await withAdvisoryLock(deps.db, `registry-import:${commune.code}`, (s) =>
        s.tx(async (q) => {
          // What changed since the check: an ID number entered meanwhile (by hand or another import) stops the commit.
          const fresh = await findDuplicates(
            q,
            ctx,
            households.flatMap((h) => h.members),
          );
          const newer = fresh.filter((d) => d.kind === "idInRegistry" && !dupRows.has(d.row));
          if (newer.length) {
            throw refuse(
              newer.map((d) => ({ field: `row ${d.row}`, code: "duplicate", message: "registryImport.error.idTaken", params: { row: d.row } })),
              "conflict",
            );
          }
          let done = 0;
          for (let i = 0; i < households.length; i += CHUNK) {
            done += await repo.insertHouseholds(q, { communeCode: commune.code, createdBy: ctx.actor.userId, households: households.slice(i, i + CHUNK) });
            // Outside the transaction, so a reader sees it now; a rolled-back commit resets it (failImport).
            await repo.setProgress(deps.db, id, done);
            onProgress?.(done, people);
          }
          const summary: repo.ImportSummary = { imported: { households: households.length, people, skipped: skipped.size } };
          await deps.events.publish(q, {
            type: "household.imported",
            actor: ctx.actor,
            target: { type: "registryImport", id },
            adminUnitCode: commune.code,
            requestId: ctx.requestId,
            details: summary.imported,
          });
          await repo.finishImport(q, id, summary, people);
        }),
      );
    } catch (err) {
      const known =
        err instanceof AppError ? err : (err as { code?: string }).code === "23505" ? new AppError("conflict", "registryImport.error.idTaken") : null;
      const message: MessageKey = known ? (known.fields[0]?.message ?? known.messageKey) : "registryImport.error.commitFailed";
      await repo.failImport(deps.db, id, { message, ...(known?.fields[0]?.params ? { params: known.fields[0].params } : {}) });
      if (!known) deps.log.error({ err, importId: id }, "registry import commit failed");
      throw known ?? err;
    }
    return (await repo.findImport(deps.db, id))!;
  };
  return { importRow: imp, people, run };
}

/** Prepares and runs the commit, waiting for it. */
export async function commitImport(
  deps: Pick<Deps, "db" | "config" | "events" | "log">,
  ctx: ImportCtx,
  id: string,
  input: { decisions: Decision[] },
  onProgress?: (done: number, total: number) => void,
): Promise<repo.ImportRow> {
  return (await prepareCommit(deps, ctx, id, input)).run(onProgress);
}
