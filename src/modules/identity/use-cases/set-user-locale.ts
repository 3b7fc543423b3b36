// Remembers a signed-in person's language across devices.
import type { Deps } from "../../../deps.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import * as repo from "../identity.repository.ts";

export async function setUserLocale(deps: Pick<Deps, "db" | "events">, ctx: Context, userId: string, locale: "vi" | "en") {
  await deps.db.tx(async (q) => {
    await repo.setLocale(q, userId, locale);
    await deps.events.publish(q, {
      type: "user.localeChanged",
      actor: ctx.actor,
      target: { type: "user", id: userId },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: { locale },
    });
  });
}
