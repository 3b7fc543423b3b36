// A person's current choice and consent history, as the citizen's page, the desk and the API show them.
import type { Queryable } from "../../../platform/db/database.ts";
import { displayNames } from "../../identity/index.ts";
import type { ConsentMethod } from "../notices.model.ts";
import { type Choice, choiceOf } from "./choice.ts";
import * as repo from "./preferences.repository.ts";

export type ConsentView = { at: Date; method: ConsentMethod; recordedBy: string | null; note: string | null; before: Choice | null; after: Choice };
export type PersonView = {
  phone: string | null;
  residentId: string | null;
  name: string | null;
  choice: Choice;
  chosen: boolean;
  history: ConsentView[];
};

export async function personView(q: Queryable, keys: Partial<repo.PreferenceKeys>, name: string | null = null): Promise<PersonView> {
  const rows = await repo.matchingRows(q, keys);
  const entries = await repo.consentHistory(
    q,
    rows.map((r) => r.id),
  );
  const names = await displayNames(
    q,
    entries.map((e) => e.recordedBy),
  );
  const history = entries.map((e): ConsentView => {
    const c = e.change as { before?: Choice | null; after?: Choice; channels_off?: string[]; channels_on?: string[]; categories_off?: string[] };
    const after = c.after ?? choiceOf([{ channelsOff: c.channels_off ?? [], channelsOn: c.channels_on ?? [], categoriesOff: c.categories_off ?? [] }]);
    return {
      at: e.at,
      method: e.method as ConsentMethod,
      recordedBy: e.recordedBy ? (names.get(e.recordedBy) ?? null) : null,
      note: e.note,
      before: c.before ?? null,
      after,
    };
  });
  return { phone: keys.phone ?? null, residentId: keys.residentId ?? null, name, choice: choiceOf(rows), chosen: rows.length > 0, history };
}
