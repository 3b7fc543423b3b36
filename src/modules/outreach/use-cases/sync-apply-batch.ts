// POST /api/v1/field/sync: a device's queue, applied item by item (each under its own savepoint, committed in chunks),
// so that a batch cut halfway is simply sent again. Every item id is recorded with its first answer: a replay changes nothing.
import type { Deps } from "../../../deps.ts";
import { type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { localYear } from "../../../platform/calendar/vietnam-time.ts";
import {
  applyFieldHouseholdUpdate,
  applyFieldResidentUpdate,
  createFieldHousehold,
  createFieldResident,
  type FieldWriter,
  type FieldWriteResult,
} from "../../registry/index.ts";
import { loadChecklist } from "../skills.ts";
import type { SyncItem, SyncRequest } from "../sync/sync.contract.ts";
import { fieldRecords } from "./sync-field-records.ts";
import { applyVisitRun } from "./sync-visit-run.ts";

/** Items per transaction. */
const CHUNK = 100;

type Ctx = { actor: Actor; requestId: string | null; principal: Principal | null };

/** An item's answer as stored in sync_items: the message is a key, said in the reader's language when answered. */
export type StoredResult = {
  outcome: "applied" | "conflict" | "rejected";
  status?: number;
  error?: { field: string; message: MessageKey; params?: Record<string, string | number> };
  conflictId?: string;
  version?: number;
  householdId?: string;
};
export type ItemAnswer = Omit<StoredResult, "outcome"> & {
  itemId: string;
  outcome: StoredResult["outcome"] | "duplicate";
  firstOutcome?: StoredResult["outcome"];
};

const rejected = (status: number, field: string, message: MessageKey, params?: Record<string, string | number>): StoredResult => ({
  outcome: "rejected",
  status,
  error: { field, message, ...(params ? { params } : {}) },
});

/** The answer to an item that was already applied some other way (its visit id, for one). */
type Applied = StoredResult | { outcome: "duplicate"; householdId?: string };

export async function applySyncBatch(deps: Pick<Deps, "db" | "events" | "clock">, ctx: Ctx, input: SyncRequest) {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  // A volunteer whose grant was revoked: nothing is applied, the device keeps its queue.
  if (scopePaths(p, "outreach.record").length === 0) throw new AppError("forbidden", "sync.revoked");
  const batch = await deps.db.query(
    `INSERT INTO sync_batches (id, user_id, item_count) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET item_count = greatest(sync_batches.item_count, excluded.item_count) WHERE sync_batches.user_id = excluded.user_id
     RETURNING id`,
    [input.batchId, p.userId, input.items.length],
  );
  if (!batch.rowCount) throw new AppError("conflict", "sync.batchTaken", [{ field: "batchId", code: "taken", message: "sync.batchTakenField" }]);

  const writer: FieldWriter = { principal: p, actor: ctx.actor, requestId: ctx.requestId, events: deps.events };
  const now = deps.clock.now();
  const thisYear = localYear(now);
  // The active keys of each province's checklist (outreach/skills.ts), read once per batch.
  const skillKeys = new Map<string, Set<string>>();
  const knownSkills = async (q: Queryable, province: string) => {
    if (!skillKeys.has(province)) skillKeys.set(province, new Set((await loadChecklist(q, province)).skills.filter((s) => s.active).map((s) => s.key)));
    return skillKeys.get(province)!;
  };

  const applyOne = async (q: Queryable, item: SyncItem, at: string): Promise<ItemAnswer> => {
    const claimed = await q.query(
      `INSERT INTO sync_items (item_id, batch_id, user_id, kind, outcome) VALUES ($1, $2, $3, $4, 'rejected') ON CONFLICT (item_id) DO NOTHING RETURNING item_id`,
      [item.itemId, input.batchId, p.userId, item.kind],
    );
    if (!claimed.rowCount) {
      const prev = await q.query<{ user_id: string; outcome: StoredResult["outcome"]; result: StoredResult }>(
        "SELECT user_id, outcome, result FROM sync_items WHERE item_id = $1",
        [item.itemId],
      );
      const first = prev.rows[0]!;
      if (first.user_id !== p.userId) return { itemId: item.itemId, ...rejected(409, `${at}.itemId`, "sync.itemTaken") };
      return { ...first.result, itemId: item.itemId, outcome: "duplicate", firstOutcome: first.outcome };
    }
    await q.query("SAVEPOINT item");
    let result: Applied;
    try {
      result = await applyItem(q, writer, item, { at, batchId: input.batchId, now, thisYear, knownSkills });
    } catch (err) {
      // A row the device's ids collide with after all (a race with another sync): refused, the rest goes on.
      if ((err as { code?: string }).code !== "23505") throw err;
      result = rejected(409, `${at}.itemId`, "sync.idTaken");
    }
    await q.query(result.outcome === "rejected" ? "ROLLBACK TO SAVEPOINT item" : "RELEASE SAVEPOINT item");
    const stored: StoredResult =
      result.outcome === "duplicate" ? { outcome: "applied", ...(result.householdId ? { householdId: result.householdId } : {}) } : result;
    await q.query("UPDATE sync_items SET outcome = $2, result = $3 WHERE item_id = $1", [item.itemId, stored.outcome, JSON.stringify(stored)]);
    if (result.outcome === "duplicate") return { ...stored, itemId: item.itemId, outcome: "duplicate", firstOutcome: "applied" };
    return { ...stored, itemId: item.itemId };
  };

  const answers: ItemAnswer[] = [];
  const touched = new Set<string>();
  const counts = { applied: 0, conflicts: 0, rejected: 0 };
  // Items go in chunks, one transaction each, a savepoint per item: a commit per item would cost a disk flush each
  // (500 visits took 5.7 s that way; see docs/performance.md). A chunk that fails as a whole (the database lost)
  // leaves the chunks before it committed: the device sends the batch again and gets them back as duplicates.
  for (let start = 0; start < input.items.length; start += CHUNK) {
    const chunk = input.items.slice(start, start + CHUNK);
    const chunkAnswers = await deps.db.tx(async (q) => {
      const out: ItemAnswer[] = [];
      let run: { item: Extract<SyncItem, { kind: "visit" }>; at: string }[] = [];
      const flush = async () => {
        if (run.length) out.push(...(await applyVisitRun(q, writer, run, { batchId: input.batchId, now, knownSkills })));
        run = [];
      };
      for (const [k, item] of chunk.entries()) {
        const at = `items[${start + k}]`;
        if (item.kind === "visit") run.push({ item, at });
        else {
          await flush();
          out.push(await applyOne(q, item, at));
        }
      }
      await flush();
      return out;
    });
    for (const answer of chunkAnswers) {
      if (answer.outcome === "applied") counts.applied++;
      else if (answer.outcome === "conflict") counts.conflicts++;
      else if (answer.outcome === "rejected") counts.rejected++;
      if ((answer.outcome === "applied" || answer.outcome === "duplicate") && answer.householdId) touched.add(answer.householdId);
      answers.push(answer);
    }
  }
  await deps.db.query("UPDATE sync_batches SET applied = applied + $2, conflicts = conflicts + $3, rejected = rejected + $4 WHERE id = $1", [
    input.batchId,
    counts.applied,
    counts.conflicts,
    counts.rejected,
  ]);
  const households = touched.size ? await fieldRecords(deps.db, p, [...touched]) : [];
  return { batchId: input.batchId, results: answers, households };
}

type ItemEnv = {
  at: string;
  batchId: string;
  now: Date;
  thisYear: number;
  knownSkills: (q: Queryable, province: string) => Promise<Set<string>>;
};

async function applyItem(q: Queryable, w: FieldWriter, item: SyncItem, env: ItemEnv): Promise<Applied> {
  const { at } = env;
  switch (item.kind) {
    case "visit":
      throw new Error("visits are applied in runs (sync-visit-run.ts)");
    case "household.update":
      return fromRegistry(q, w, item, `${at}.householdId`, await applyFieldHouseholdUpdate(q, w, item), at);
    case "resident.update":
      return fromRegistry(q, w, item, `${at}.residentId`, await applyFieldResidentUpdate(q, w, { ...item, thisYear: env.thisYear }), at);
    case "household.create":
      return fromRegistry(
        q,
        w,
        item,
        `${at}.household.villageCode`,
        await createFieldHousehold(q, w, { household: item.household, thisYear: env.thisYear }),
        at,
      );
    case "resident.create":
      return fromRegistry(q, w, item, `${at}.resident.householdId`, await createFieldResident(q, w, { resident: item.resident, thisYear: env.thisYear }), at);
  }
}

/** The registry's answer as the item's result; a conflict is kept, both sides, for a team leader to settle. */
async function fromRegistry(q: Queryable, w: FieldWriter, item: SyncItem, notFoundField: string, r: FieldWriteResult, at: string): Promise<StoredResult> {
  switch (r.outcome) {
    case "applied":
      return { outcome: "applied", version: r.version, householdId: r.householdId };
    case "notFound":
      return rejected(404, notFoundField, "sync.notFound");
    case "exists":
      return rejected(409, `${at}.${r.field}`, "registryField.exists");
    case "invalid":
      return rejected(422, `${at}.${r.field}`, r.message, r.params);
    case "conflict": {
      const update = item as Extract<SyncItem, { kind: "household.update" | "resident.update" }>;
      const entity = update.kind === "household.update" ? "household" : "resident";
      const entityId = update.kind === "household.update" ? update.householdId : update.residentId;
      const { rows } = await q.query<{ id: string }>(
        `INSERT INTO sync_conflicts (item_id, entity, entity_id, household_id, commune_code, unit_path, submitted_by, base_version, server_version, proposed, server_state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          item.itemId,
          entity,
          entityId,
          r.householdId,
          r.communeCode,
          r.unitPath,
          w.principal.userId,
          update.baseVersion,
          r.serverVersion,
          JSON.stringify(update.changes),
          JSON.stringify(r.serverState),
        ],
      );
      return { outcome: "conflict", status: 409, conflictId: rows[0]!.id, version: r.serverVersion, householdId: r.householdId };
    }
  }
}
