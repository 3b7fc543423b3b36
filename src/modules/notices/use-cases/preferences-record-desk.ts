// An officer records a person's choice at the desk or in the field: the method, who recorded it, a note of how the
// person consented. Scoped like the lookup: a resident of another commune is a 404.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { validationError } from "../../../platform/http/app-error.ts";
import { type PersonView, personView } from "../preferences/person-view.ts";
import { DeskPreferenceInput } from "../preferences/preferences.contract.ts";
import { resolveDeskPerson } from "./preferences-find-person.ts";
import { recordPreferenceChoice } from "./preferences-record.ts";

export async function recordDeskPreferences(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: Context & { principal: Principal | null },
  raw: unknown,
): Promise<PersonView> {
  const parsed = DeskPreferenceInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const person = await resolveDeskPerson(deps, ctx.principal, input.residentId ? { residentId: input.residentId } : { phone: input.phone });
  const officer = ctx.principal!;
  return deps.db.tx(async (q) => {
    await recordPreferenceChoice(q, {
      keys: person.keys,
      primary: person.resident ? "residentId" : "phone",
      choice: { sms: input.sms, zalo: input.zalo, email: input.email, categoriesOff: input.categoriesOff },
      method: input.method,
      recordedBy: officer.userId,
      note: input.note || null,
      now: deps.clock.now(),
      audit: { events: deps.events, actor: ctx.actor, requestId: ctx.requestId, adminUnitCode: person.unitCode },
    });
    return personView(q, person.keys, person.resident?.fullName ?? null);
  });
}
