// Each publish is a new immutable version; dossiers keep the version they were filed under.
import { invalidateCurrentProcedure } from "./browse-procedures.ts";
import type { Deps } from "../../../deps.ts";
import { type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { messagesEn, messagesVi } from "../procedures.messages.ts";
import { ProcedureDefinition } from "../procedures.contract.ts";
import * as repo from "../procedures.repository.ts";
import { type ProcedureRecord, toRecord } from "./browse-procedures.ts";

export type ManageCtx = Context & { principal: Principal | null };

/** The catalogue is province-wide data of this installation: any grant carrying the permission will do. */
export function authoriseManage(p: Principal | null): asserts p is Principal {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (scopePaths(p, "procedure.manage").length === 0) throw new AppError("forbidden", "error.forbidden");
}

/** Code, name and field label in both languages, folded: "khai sinh" finds "Đăng ký khai sinh". */
export function searchTextOf(def: ProcedureDefinition): string {
  const field = `procedures.field.${def.field}` as const;
  return searchKey(`${def.code} ${def.name} ${messagesVi[field]} ${messagesEn[field]}`);
}

/** JSON with sorted keys, so a definition read back from jsonb compares equal to the same one just parsed. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

export function parseDefinition(input: unknown): ProcedureDefinition {
  const parsed = ProcedureDefinition.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return parsed.data;
}

/** Inside the caller's transaction: a new version unless the definition is unchanged. */
export async function publishInTx(
  q: Queryable,
  deps: Pick<Deps, "events">,
  ctx: Context,
  def: ProcedureDefinition,
): Promise<{ record: ProcedureRecord; changed: boolean }> {
  await repo.lockCode(q, def.code);
  const current = await repo.lockCurrent(q, def.code);
  if (current && canonical(current.definition) === canonical(def)) return { record: toRecord(current), changed: false };
  const text = searchTextOf(def);
  let id: string;
  let version: number;
  if (current) {
    id = current.id;
    version = current.version + 1;
    await repo.insertVersion(q, id, version, def, ctx.actor.userId);
    await repo.updateCurrent(q, id, version, def, text);
  } else {
    version = 1;
    id = await repo.insertProcedure(q, def, text, ctx.actor.userId);
  }
  await deps.events.publish(q, {
    type: "procedure.published",
    actor: ctx.actor,
    target: { type: "procedure", id: def.code },
    adminUnitCode: null,
    requestId: ctx.requestId,
    details: { version, name: def.name },
  });
  return { record: toRecord({ id, code: def.code, version, active: current?.active ?? true, definition: def }), changed: true };
}

export async function publishProcedure(deps: Pick<Deps, "db" | "events">, ctx: ManageCtx, input: unknown): Promise<ProcedureRecord> {
  authoriseManage(ctx.principal);
  const def = parseDefinition(input);
  const record = await deps.db.tx(async (q) => (await publishInTx(q, deps, ctx, def)).record);
  invalidateCurrentProcedure(deps.db, def.code);
  return record;
}
