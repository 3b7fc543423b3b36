// The visits of a sync batch, applied a run at a time: consecutive visit items are checked with one query per kind
// of fact (their households, visits already there, the people named, the photos) and written with one statement per
// table, instead of a dozen round trips per visit (docs/performance.md, "Field sync"). The answers are the same
// as applying them one by one, in order.
import { can } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { type FieldWriter, householdAccess, householdVisibleSql } from "../../registry/index.ts";
import { provinceOfPath } from "../skills.ts";
import type { SyncItem } from "../sync/sync.contract.ts";
import { confirmSkills } from "./skills-confirm.ts";

type VisitItem = Extract<SyncItem, { kind: "visit" }>;
type Stored = {
  outcome: "applied" | "conflict" | "rejected";
  status?: number;
  error?: { field: string; message: MessageKey };
  householdId?: string;
};
export type RunAnswer = Omit<Stored, "outcome"> & { itemId: string; outcome: Stored["outcome"] | "duplicate"; firstOutcome?: Stored["outcome"] };

const reject = (status: number, field: string, message: MessageKey): Stored => ({ outcome: "rejected", status, error: { field, message } });

export async function applyVisitRun(
  q: Queryable,
  w: FieldWriter,
  run: { item: VisitItem; at: string }[],
  env: { batchId: string; now: Date; knownSkills: (q: Queryable, province: string) => Promise<Set<string>> },
): Promise<RunAnswer[]> {
  const p = w.principal;
  const ids = run.map((r) => r.item.itemId);
  const claimed = new Set(
    (
      await q.query<{ item_id: string }>(
        `INSERT INTO sync_items (item_id, batch_id, user_id, kind, outcome) SELECT unnest($1::uuid[]), $2, $3, 'visit', 'rejected'
         ON CONFLICT (item_id) DO NOTHING RETURNING item_id`,
        [ids, env.batchId, p.userId],
      )
    ).rows.map((r) => r.item_id),
  );
  const earlier = ids.filter((id) => !claimed.has(id));
  const before = new Map(
    earlier.length
      ? (
          await q.query<{ item_id: string; user_id: string; outcome: Stored["outcome"]; result: Stored }>(
            "SELECT item_id, user_id, outcome, result FROM sync_items WHERE item_id = ANY($1::uuid[])",
            [earlier],
          )
        ).rows.map((r) => [r.item_id, r])
      : [],
  );

  const visits = run.map((r) => r.item.visit);
  const params: unknown[] = [visits.map((v) => v.householdId)];
  const visible = householdVisibleSql(householdAccess(p), "h", params);
  // One after another: a transaction's client runs one query at a time.
  const households = await q.query<{ id: string; commune_code: string; village_code: string; unit_path: string; team_id: string | null }>(
    `SELECT h.id, h.commune_code, h.village_code, h.unit_path, h.team_id FROM household_refs h WHERE h.id = ANY($1::uuid[]) AND h.archived_at IS NULL AND ${visible}`,
    params,
  );
  const existing = await q.query<{ id: string; volunteer_user_id: string; household_id: string }>(
    "SELECT id, volunteer_user_id, household_id FROM visits WHERE id = ANY($1::uuid[])",
    [visits.map((v) => v.id)],
  );
  const people = await q.query<{ id: string; household_id: string }>(
    "SELECT id, household_id FROM resident_refs WHERE household_id = ANY($1::uuid[]) AND archived_at IS NULL AND id = ANY($2::uuid[])",
    [visits.map((v) => v.householdId), [...new Set(visits.flatMap((v) => [...v.present, ...v.skills.map((s) => s.residentId)]))]],
  );
  const photos = await q.query<{ id: string; file_id: string }>("SELECT id, file_id FROM field_photos WHERE id = ANY($1::uuid[]) AND user_id = $2", [
    visits.flatMap((v) => (v.photoId ? [v.photoId] : [])),
    p.userId,
  ]);
  const householdOf = new Map(households.rows.map((h) => [h.id, h]));
  const visitThere = new Map(existing.rows.map((v) => [v.id, v]));
  const memberOf = new Map(people.rows.map((r) => [r.id, r.household_id]));
  const photoFile = new Map(photos.rows.map((r) => [r.id, r.file_id]));

  const answers: RunAnswer[] = [];
  const firstAnswer = new Map<string, RunAnswer>();
  const toInsert: { v: VisitItem["visit"]; h: (typeof households.rows)[number]; photoFileId: string | null; itemId: string }[] = [];
  const results = new Map<string, Stored>();
  for (const { item, at: itemAt } of run) {
    const at = `${itemAt}.visit`;
    const v = item.visit;
    const repeated = firstAnswer.get(item.itemId);
    if (repeated) {
      answers.push({
        ...repeated,
        outcome: "duplicate",
        firstOutcome: repeated.outcome === "duplicate" ? (repeated.firstOutcome ?? "applied") : repeated.outcome,
      });
      continue;
    }
    if (!claimed.has(item.itemId)) {
      const first = before.get(item.itemId)!;
      const answer: RunAnswer =
        first.user_id !== p.userId
          ? { itemId: item.itemId, ...reject(409, `${itemAt}.itemId`, "sync.itemTaken") }
          : { ...first.result, itemId: item.itemId, outcome: "duplicate", firstOutcome: first.outcome };
      answers.push(answer);
      firstAnswer.set(item.itemId, answer);
      continue;
    }
    const result = await decide();
    results.set(item.itemId, result.stored);
    const answer: RunAnswer = result.duplicate
      ? { ...result.stored, itemId: item.itemId, outcome: "duplicate", firstOutcome: "applied" }
      : { ...result.stored, itemId: item.itemId };
    answers.push(answer);
    firstAnswer.set(item.itemId, answer);

    async function decide(): Promise<{ stored: Stored; duplicate?: boolean }> {
      const h = householdOf.get(v.householdId);
      if (!h || !can(p, "outreach.record", { code: h.village_code, path: h.unit_path })) return { stored: reject(404, `${at}.householdId`, "sync.notFound") };
      const same = visitThere.get(v.id);
      if (same) {
        // The same visit queued twice under two item ids: recorded once.
        if (same.volunteer_user_id === p.userId && same.household_id === h.id) return { stored: { outcome: "applied", householdId: h.id }, duplicate: true };
        return { stored: reject(409, `${at}.id`, "sync.idTaken") };
      }
      const presentAt = v.present.findIndex((id) => memberOf.get(id) !== h.id);
      if (presentAt >= 0) return { stored: reject(422, `${at}.present[${presentAt}]`, "sync.notMember") };
      const skillAt = v.skills.findIndex((s) => memberOf.get(s.residentId) !== h.id);
      if (skillAt >= 0) return { stored: reject(422, `${at}.skills[${skillAt}].residentId`, "sync.notMember") };
      const skills = await env.knownSkills(q, provinceOfPath(h.unit_path));
      const unknownSkill = v.skills.findIndex((s) => !skills.has(s.skillKey));
      if (unknownSkill >= 0) return { stored: reject(422, `${at}.skills[${unknownSkill}].skillKey`, "sync.unknownSkill") };
      const photoFileId = v.photoId ? (photoFile.get(v.photoId) ?? null) : null;
      if (v.photoId && !photoFileId) return { stored: reject(422, `${at}.photoId`, "sync.photoMissing") };
      visitThere.set(v.id, { id: v.id, volunteer_user_id: p.userId, household_id: h.id });
      toInsert.push({ v, h, photoFileId, itemId: item.itemId });
      return { stored: { outcome: "applied", householdId: h.id } };
    }
  }

  if (toInsert.length) {
    const rows = toInsert.map(({ v, h, photoFileId }) => ({
      id: v.id,
      household_id: h.id,
      commune_code: h.commune_code,
      unit_path: h.unit_path,
      team_id: h.team_id,
      volunteer_user_id: p.userId,
      visited_on: v.visitedOn,
      present: v.present,
      skills_helped: v.skills,
      outcome: v.outcome,
      next_step: v.nextStep?.trim() || null,
      notes: v.notes?.trim() || null,
      photo_file_id: photoFileId,
      recorded_at: v.recordedAt,
      sync_batch_id: env.batchId,
    }));
    const cols = Object.keys(rows[0]!).join(", ");
    const inserted = new Set(
      (
        await q.query<{ id: string }>(
          `INSERT INTO visits (${cols}) SELECT ${cols} FROM json_populate_recordset(null::visits, $1::json) ON CONFLICT (id) DO NOTHING RETURNING id`,
          [JSON.stringify(rows)],
        )
      ).rows.map((r) => r.id),
    );
    const written = toInsert.filter((x) => inserted.has(x.v.id));
    // A visit another sync wrote between the check and the insert (a race): refused, never written twice.
    for (const x of toInsert.filter((y) => !inserted.has(y.v.id))) {
      const stored = reject(409, `${run.find((r) => r.item.itemId === x.itemId)!.at}.visit.id`, "sync.idTaken");
      results.set(x.itemId, stored);
      const i = answers.findIndex((a) => a.itemId === x.itemId);
      answers[i] = { ...stored, itemId: x.itemId };
    }
    // Every key was checked against the active checklist above (a wrong one rejected its own item only).
    await confirmSkills(
      q,
      { events: w.events, clock: { now: () => env.now } },
      { actor: w.actor, requestId: w.requestId },
      written.flatMap(({ v, h }) =>
        v.skills.flatMap((s) =>
          s.confirmed
            ? [{ residentId: s.residentId, skillKey: s.skillKey, method: s.confirmed, unitPath: h.unit_path, confirmedAt: env.now, visitId: v.id }]
            : [],
        ),
      ),
    );
    for (const { v, h } of written) {
      await w.events.publish(q, {
        type: "visit.recorded",
        actor: w.actor,
        target: { type: "visit", id: v.id },
        adminUnitCode: h.commune_code,
        requestId: w.requestId,
        details: {
          householdId: h.id,
          visitedOn: v.visitedOn,
          outcome: v.outcome,
          skillsConfirmed: v.skills.filter((s) => s.confirmed).length,
          batchId: env.batchId,
        },
      });
    }
  }
  if (results.size) {
    const entries = [...results];
    await q.query(
      `UPDATE sync_items SET outcome = u.outcome, result = u.result
       FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) AS u (item_id, outcome, result) WHERE sync_items.item_id = u.item_id`,
      [entries.map(([id]) => id), entries.map(([, r]) => r.outcome), entries.map(([, r]) => JSON.stringify(r))],
    );
  }
  return answers;
}
