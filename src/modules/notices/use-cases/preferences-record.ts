// Records a person's choice with its consent entry, in the caller's transaction. The rows that match the person (by
// phone, account or registry entry) are folded into one where their keys agree, so a STOP by SMS and a later choice
// online are one record; a row that cannot be folded (the same phone on another registry resident) gets the same
// choice and its own consent entry, so no matching row keeps contradicting what the person last said.
import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor, EventBus } from "../../../platform/events/domain-events.ts";
import type { ConsentMethod } from "../notices.model.ts";
import { type Choice, changesBetween, choiceOf, columnsOf } from "../preferences/choice.ts";
import * as repo from "../preferences/preferences.repository.ts";

export type RecordChoiceInput = {
  keys: repo.PreferenceKeys;
  /** The key this channel of consent is sure of (the account online, the resident at the desk, the phone by SMS). */
  primary: keyof repo.PreferenceKeys;
  choice: Choice;
  method: ConsentMethod;
  recordedBy: string | null;
  note: string | null;
  now: Date;
  audit: { events: EventBus; actor: Actor; requestId: string | null; adminUnitCode: string | null };
};

const KEYS = ["phone", "userId", "residentId"] as const;

const agrees = (a: repo.PreferenceKeys, b: repo.PreferenceKeys) => KEYS.every((k) => a[k] === null || b[k] === null || a[k] === b[k]);

export async function recordPreferenceChoice(
  q: Queryable,
  input: RecordChoiceInput,
): Promise<{ id: string; before: Choice | null; after: Choice; changes: string[] }> {
  const rows = await repo.matchingRows(q, input.keys, { lock: true });
  const before = rows.length > 0 ? choiceOf(rows) : null;
  const cols = columnsOf(input.choice);
  const after = choiceOf([cols]);
  const changes = changesBetween(before ?? choiceOf([]), after);
  const change = { channels_off: cols.channelsOff, channels_on: cols.channelsOn, categories_off: cols.categoriesOff, before, after, changes };
  const written: string[] = [];

  let id: string;
  if (rows.length === 0) {
    id = await repo.insertPreference(q, input.keys, cols, input.now);
    written.push(id);
  } else {
    const wanted = input.keys[input.primary];
    const primary = rows.find((r) => wanted !== null && r[input.primary] === wanted) ?? rows[0]!;
    const keys: repo.PreferenceKeys = {
      phone: input.keys.phone ?? primary.phone,
      userId: input.keys.userId ?? primary.userId,
      residentId: input.keys.residentId ?? primary.residentId,
    };
    const apart: repo.PreferenceRow[] = [];
    for (const r of rows) {
      if (r.id === primary.id) continue;
      if (agrees(keys, r)) {
        await repo.mergeInto(q, primary.id, r.id);
        for (const k of KEYS) keys[k] ??= r[k];
      } else apart.push(r);
    }
    // A key still held by a row apart stays with it (the columns are unique).
    for (const r of apart) for (const k of KEYS) if (keys[k] !== null && r[k] === keys[k]) keys[k] = primary[k];
    id = primary.id;
    await repo.updatePreference(q, id, keys, cols, input.now);
    written.push(id);
    for (const r of apart) {
      await repo.updatePreference(q, r.id, r, cols, input.now);
      written.push(r.id);
    }
  }
  for (const preferenceId of written)
    await repo.insertConsent(q, { preferenceId, method: input.method, recordedBy: input.recordedBy, change, note: input.note, at: input.now });
  await input.audit.events.publish(q, {
    type: "noticePreference.changed",
    actor: input.audit.actor,
    target: { type: "notice_preference", id },
    adminUnitCode: input.audit.adminUnitCode,
    requestId: input.audit.requestId,
    details: { method: input.method, changes, ...(input.note ? { note: input.note } : {}) },
  });
  return { id, before, after, changes };
}
