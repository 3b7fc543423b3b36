// Saves a unit's Zalo Official Account: ids and the template's parameter mapping; secrets entered the first time and
// replaced only when typed again (an empty field keeps the stored one). A new access token without a stated expiry
// is trusted until Zalo refuses it, then refreshed. Audited as noticeZalo.saved, without any secret.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, type FieldError, validationError } from "../../../platform/http/app-error.ts";
import { ZaloAccountInput } from "../channels/channels.contract.ts";
import { findZaloAccount, upsertZaloAccount } from "../channels/channels.repository.ts";
import { presentZaloAccount, type ZaloAccountView } from "./channels-settings.ts";
import { channelsUnit } from "./channels-unit.ts";

type Ctx = Context & { principal: Principal | null };
const SECRETS = ["appSecret", "accessToken", "oaSecretKey"] as const;

export async function saveZaloAccount(
  deps: Pick<Deps, "db" | "config" | "events" | "clock">,
  ctx: Ctx,
  unitCode: string | undefined,
  raw: unknown,
): Promise<{ account: ZaloAccountView; created: boolean }> {
  const unit = await channelsUnit(deps, ctx.principal, unitCode);
  const parsed = ZaloAccountInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  return deps.db.tx(async (q) => {
    const before = await findZaloAccount(q, unit.code, { lock: true });
    const missing: FieldError[] = SECRETS.filter((f) => !input[f] && !before).map((field) => ({ field, code: "required", message: "validation.required" }));
    if (missing.length) throw new AppError("validation", "error.validation", missing);
    const accessToken = input.accessToken ?? before!.accessToken;
    const now = deps.clock.now();
    const created = await upsertZaloAccount(
      q,
      {
        unitCode: unit.code,
        unitPath: unit.path,
        appId: input.appId,
        oaId: input.oaId,
        templateId: input.templateId,
        templateParams: input.templateParams,
        appSecret: input.appSecret ?? before!.appSecret,
        accessToken,
        refreshToken: input.refreshToken ?? before?.refreshToken ?? null,
        // A token typed now has an unknown age: keep the old expiry only for the old token.
        tokenExpiresAt: input.accessToken ? null : (before?.tokenExpiresAt ?? null),
        oaSecretKey: input.oaSecretKey ?? before!.oaSecretKey,
      },
      ctx.principal?.userId ?? null,
      now,
    );
    await deps.events.publish(q, {
      type: "noticeZalo.saved",
      actor: ctx.actor,
      target: { type: "notice_zalo_account", id: unit.code },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: {
        created,
        appId: input.appId,
        oaId: input.oaId,
        templateId: input.templateId,
        replaced: [...SECRETS, "refreshToken" as const].filter((f) => input[f] !== undefined),
      },
    });
    return { account: presentZaloAccount((await findZaloAccount(q, unit.code))!), created };
  });
}
