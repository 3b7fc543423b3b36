// Sends one template message to a number the officer types, through the unit's account, to prove the settings work
// (the same path as a notice's messages, with a sample notice). Audited as noticeZalo.tested with the number masked.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { translator } from "../../../platform/i18n/i18n.ts";
import { toE164Vn } from "../../notifications/index.ts";
import { PermanentChannelError } from "../channels/channel-errors.ts";
import { ZaloTestInput } from "../channels/channels.contract.ts";
import { findZaloAccount } from "../channels/channels.repository.ts";
import { sendZaloMessage } from "../channels/zalo-transport.ts";
import { channelsUnit } from "./channels-unit.ts";

type Ctx = Context & { principal: Principal | null };

export async function testZaloAccount(
  deps: Pick<Deps, "db" | "config" | "events" | "clock" | "log">,
  ctx: Ctx,
  unitCode: string | undefined,
  raw: unknown,
): Promise<{ msgId: string; remainingQuota: number | null }> {
  const unit = await channelsUnit(deps, ctx.principal, unitCode);
  const parsed = ZaloTestInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const phone = toE164Vn(parsed.data.phone);
  if (!phone) throw new AppError("validation", "error.validation", [{ field: "phone", code: "format", message: "notices.channels.error.phone" }]);
  if (!(await findZaloAccount(deps.db, unit.code))) throw new AppError("conflict", "notices.channels.error.noZalo");
  const t = translator("vi");
  const sample = {
    deliveryId: "0",
    to: phone,
    unitCode: unit.code,
    noticeId: "00000000-0000-0000-0000-000000000000",
    title: t("notices.channels.test.title"),
    category: "administrative",
    summary: t("notices.channels.test.summary"),
  };
  let result: { providerId: string; remainingQuota: number | null };
  try {
    result = await sendZaloMessage(deps, sample, { unitCode: unit.code });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new AppError(err instanceof PermanentChannelError ? "conflict" : "unavailable", "notices.channels.error.testFailed", [], { reason: why });
  }
  await deps.db.tx((q) =>
    deps.events.publish(q, {
      type: "noticeZalo.tested",
      actor: ctx.actor,
      target: { type: "notice_zalo_account", id: unit.code },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: { to: `${phone.slice(0, 5)}…${phone.slice(-3)}`, msgId: result.providerId },
    }),
  );
  return { msgId: result.providerId, remainingQuota: result.remainingQuota };
}
