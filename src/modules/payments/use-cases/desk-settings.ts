// A commune's desk settings: the agency code that starts every dossier code, the desk's address, and the
// bank account its VietQR codes pay into. Only the commune's administrators (and above) change them.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { type DeskSettings, loadDeskSettings, readDeskSettings, writeDeskSettings, forgetDeskSettings } from "../../dossiers/index.ts";
import { DeskSettingsInput } from "../payments.contract.ts";

type Ctx = Context & { principal: Principal | null };

async function communeFor(deps: Pick<Deps, "db" | "config">, ctx: { principal: Principal | null }, communeCode: string) {
  const unit = await getAdminUnit(deps, communeCode);
  authorise(ctx.principal, "commune.settings", unit);
  if (unit.level !== "commune") throw new AppError("not_found", "error.notFound");
  return unit;
}

export async function getDeskSettings(deps: Pick<Deps, "db" | "config">, ctx: { principal: Principal | null }, communeCode: string): Promise<DeskSettings> {
  const unit = await communeFor(deps, ctx, communeCode);
  return loadDeskSettings(deps, unit.code);
}

export async function saveDeskSettings(deps: Pick<Deps, "db" | "config" | "events">, ctx: Ctx, communeCode: string, input: unknown): Promise<DeskSettings> {
  const unit = await communeFor(deps, ctx, communeCode);
  const r = DeskSettingsInput.safeParse(input);
  if (!r.success) throw validationError(r.error.issues);
  const s = r.data;
  const saved = await deps.db.tx(async (q) => {
    const before = await readDeskSettings(q, unit.code);
    const next = {
      communeCode: unit.code,
      agencyCode: s.agencyCode,
      deskAddress: s.deskAddress || null,
      bankBin: s.bankBin ?? null,
      accountNumber: s.accountNumber ?? null,
      accountName: s.accountName ?? null,
    };
    await writeDeskSettings(q, next);
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
    return readDeskSettings(q, unit.code);
  });
  forgetDeskSettings(deps.db, unit.code);
  return saved;
}
