// A commune's administrators change its desk settings: the agency code that starts every dossier code, the
// desk's address, and the bank account its VietQR codes pay into.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { DeskSettingsInput } from "../desk-settings.contract.ts";
import { communeLabel, printedDeskName } from "../desk-settings.model.ts";
import * as repo from "../desk-settings.repository.ts";
import { type DeskSettingsRead, settingsCommune } from "./get-desk-settings.ts";
import { usersWithRole } from "../../identity/index.ts";
import { forgetDeskSettings } from "./load-desk-settings.ts";

export async function saveDeskSettings(
  deps: Pick<Deps, "db" | "config" | "events">,
  ctx: Context & { principal: Principal | null },
  communeCode: string,
  input: unknown,
): Promise<DeskSettingsRead> {
  const unit = await settingsCommune(deps, ctx, communeCode);
  const r = DeskSettingsInput.safeParse(input);
  if (!r.success) throw validationError(r.error.issues);
  const s = r.data;
  // The chair is one of the commune's leaders: the signer block is decided from who signs.
  if (s.chairUserId && !(await usersWithRole(deps, "leader", unit.path)).some((u) => u.id === s.chairUserId))
    throw new AppError("validation", "error.validation", [{ field: "chairUserId", code: "choice", message: "forms.settings.error.chair" }]);
  const saved = await deps.db.tx(async (q) => {
    const before = await repo.readDeskSettings(q, unit.code);
    const next = {
      communeCode: unit.code,
      agencyCode: s.agencyCode,
      deskAddress: s.deskAddress || null,
      deskName: s.deskName || null,
      chairUserId: s.chairUserId || null,
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
          deskName: before.deskName,
          chairUserId: before.chairUserId,
          bankBin: before.bankBin,
          accountNumber: before.accountNumber,
          accountName: before.accountName,
        },
        to: {
          agencyCode: next.agencyCode,
          deskName: next.deskName,
          chairUserId: next.chairUserId,
          bankBin: next.bankBin,
          accountNumber: next.accountNumber,
          accountName: next.accountName,
        },
      },
    });
    return repo.readDeskSettings(q, unit.code);
  });
  forgetDeskSettings(deps.db, unit.code);
  return { ...saved, printedDeskName: printedDeskName(saved, communeLabel(unit)) };
}

/**
 * Settings written by system code (the demo seed), inside the caller's transaction: no principal, no audit
 * event. The caller forgets the cached copy once its transaction commits (forgetDeskSettings).
 */
export async function writeDeskSettings(q: Queryable, s: repo.DeskSettingsWrite): Promise<void> {
  await repo.writeDeskSettings(q, s);
}
