// A signed-in person saves their channels and categories: one consent entry (method 'online') with what changed,
// against their account and their verified phone (so an SMS STOP and this page are one record).
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { type PersonView, personView } from "../preferences/person-view.ts";
import { PreferenceChoice } from "../preferences/preferences.contract.ts";
import { myKeys } from "./preferences-get-mine.ts";
import { recordPreferenceChoice } from "./preferences-record.ts";

export async function saveMyNoticePreferences(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: Context & { principal: Principal | null },
  raw: unknown,
): Promise<PersonView> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const parsed = PreferenceChoice.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const keys = await myKeys(deps, p);
  return deps.db.tx(async (q) => {
    await recordPreferenceChoice(q, {
      keys,
      primary: "userId",
      choice: parsed.data,
      method: "online",
      recordedBy: null,
      note: null,
      now: deps.clock.now(),
      audit: { events: deps.events, actor: ctx.actor, requestId: ctx.requestId, adminUnitCode: null },
    });
    return personView(q, keys);
  });
}
