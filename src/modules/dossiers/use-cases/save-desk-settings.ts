// A commune's administrators change its desk settings: the agency code that starts every dossier code, the
// desk's address, and the bank account its VietQR codes pay into.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { validationError } from "../../../platform/http/app-error.ts";
import { DeskSettingsInput } from "../desk-settings.contract.ts";
import type { DeskSettings } from "../desk-settings.model.ts";
import * as repo from "../desk-settings.repository.ts";
import { settingsCommune } from "./get-desk-settings.ts";
import { forgetDeskSettings } from "./load-desk-settings.ts";

export async function saveDeskSettings(
  deps: Pick<Deps, "db" | "config" | "events">,
  ctx: Context & { principal: Principal | null },
  communeCode: string,
  input: unknown,
): Promise<DeskSettings> {
  const unit = await settingsCommune(deps, ctx, communeCode);
  const r = DeskSettingsInput.safeParse(input);
  if (!r.success) throw validationError(r.error.issues);
  const s = r.data;
  const saved = await deps.db.tx(async (q) => {
    const before = await repo.readDeskSettings(q, unit.code);
    const next = {
      communeCode: unit.code,
      agencyCode: s.agencyCode,
      deskAddress: s.deskAddress || null,
      bankBin: s.bankBin ?? null,
      accountNumber: s.accountNumber ?? null,
      accountName: s.accountName ?? null,
    };
    await repo.writeDeskSettings(q, next);
    // Who changed the account money is paid into is exactly what an audit must answer.
    await deps.events.publish(q, {
      type: "commune.settingsChanged",
      actor: ctx.actor,
      target: { type: "adminUnit", id: unit.code },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: {
        from: {
          agencyCode: before.configured ? before.agencyCode : null,
          bankBin: before.bankBin,
          accountNumber: before.accountNumber,
          accountName: before.accountName,
        },
        to: { agencyCode: next.agencyCode, bankBin: next.bankBin, accountNumber: next.accountNumber, accountName: next.accountName },
      },
    });
    return repo.readDeskSettings(q, unit.code);
  });
  forgetDeskSettings(deps.db, unit.code);
  return saved;
}

/**
 * Settings written by system code (the demo seed), inside the caller's transaction: no principal, no audit
 * event. The caller forgets the cached copy once its transaction commits (forgetDeskSettings).
 */
export async function writeDeskSettings(q: Queryable, s: Omit<DeskSettings, "configured">): Promise<void> {
  await repo.writeDeskSettings(q, s);
}
