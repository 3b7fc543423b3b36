// Removes a unit's Zalo account (its tokens and secrets with it): Zalo messages then fail as "not configured" until a
// new account is saved. Audited as noticeZalo.removed.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { deleteZaloAccount } from "../channels/channels.repository.ts";
import { channelsUnit } from "./channels-unit.ts";

export async function removeZaloAccount(
  deps: Pick<Deps, "db" | "config" | "events">,
  ctx: Context & { principal: Principal | null },
  unitCode: string | undefined,
): Promise<void> {
  const unit = await channelsUnit(deps, ctx.principal, unitCode);
  await deps.db.tx(async (q) => {
    if (!(await deleteZaloAccount(q, unit.code))) throw new AppError("not_found", "error.notFound");
    await deps.events.publish(q, {
      type: "noticeZalo.removed",
      actor: ctx.actor,
      target: { type: "notice_zalo_account", id: unit.code },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: {},
    });
  });
}
