// What a person chose, for other parts (audiences, channels): the effective choice over every row that matches them.
// Nothing recorded: SMS and e-mail on, Zalo not accepted, every category.
import type { Queryable } from "../../../platform/db/database.ts";
import { toE164Vn } from "../../notifications/index.ts";
import { type Choice, choiceOf } from "../preferences/choice.ts";
import { matchingRows } from "../preferences/preferences.repository.ts";

export type NoticePreferences = Choice & { chosen: boolean };

export async function preferencesFor(
  q: Queryable,
  who: { phone?: string | null; userId?: string | null; residentId?: string | null },
): Promise<NoticePreferences> {
  const rows = await matchingRows(q, { phone: who.phone ? toE164Vn(who.phone) : null, userId: who.userId ?? null, residentId: who.residentId ?? null });
  return { ...choiceOf(rows), chosen: rows.length > 0 };
}
