// Sends one ZNS template message for a notice through the issuing commune's Official Account: fills the approved
// template's parameters from the notice, refreshes the access token when it is about to expire (or when Zalo refuses
// it), and tells a permanent refusal from one worth retrying.
import type { Deps } from "../../../deps.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { translator } from "../../../platform/i18n/i18n.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { noticePaths } from "../notice-paths.ts";
import { PermanentChannelError } from "./channel-errors.ts";
import type { ChannelMessage } from "./channel.ts";
import type { ZaloParamSource } from "./channels.contract.ts";
import { findZaloAccount, saveZaloError, saveZaloTokens, type ZaloAccountRow } from "./channels.repository.ts";
import { refreshZaloToken, sendZnsTemplate, type ZnsSendResult, znsPhone } from "./zalo-zns.ts";

/** Refreshed this long before the stated expiry, so a send never races the clock. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** ZNS parameters are short (Zalo's limits depend on the parameter's type); longer values are cut at a word. */
const PARAM_MAX = 100;

type D = Pick<Deps, "db" | "config" | "clock" | "log">;

function cut(text: string, max = PARAM_MAX): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max - 1);
  const space = head.lastIndexOf(" ");
  return `${space > max / 2 ? head.slice(0, space) : head}…`;
}

export function noticeLink(config: D["config"], noticeId: string): string {
  return `${(config.publicUrl ?? "").replace(/\/$/, "")}${noticePaths.publicNotice(noticeId)}`;
}

/** The template's parameters from the notice's fields, as the commune mapped them. */
export async function znsTemplateData(deps: D, params: Record<string, ZaloParamSource>, m: ChannelMessage): Promise<Record<string, string>> {
  const t = translator("vi");
  const unit = typeof m.unitCode === "string" ? await getAdminUnit(deps, m.unitCode).catch(() => null) : null;
  const source: Record<ZaloParamSource, () => string> = {
    title: () => cut(String(m.title ?? "")),
    category: () => (typeof m.category === "string" ? t(`notices.channels.category.${m.category}` as never) : ""),
    date: () => toLocalDay(deps.clock.now()).split("-").reverse().join("/"),
    link: () => noticeLink(deps.config, String(m.noticeId ?? "")),
    commune: () => cut(unit?.fullName ?? String(m.unitCode ?? "")),
    summary: () => cut(String(m.summary ?? m.title ?? "")),
  };
  return Object.fromEntries(Object.entries(params).map(([name, from]) => [name, source[from]()]));
}

/** A valid access token for the account, refreshed (and stored, under the row's lock) when due or `force`d. */
async function accessToken(deps: D, account: ZaloAccountRow, force: boolean): Promise<string> {
  const now = deps.clock.now();
  const due = account.tokenExpiresAt !== null && account.tokenExpiresAt.getTime() - REFRESH_MARGIN_MS <= now.getTime();
  if (!force && !due) return account.accessToken;
  return deps.db.tx(async (q) => {
    const current = (await findZaloAccount(q, account.unitCode, { lock: true }))!;
    // Another worker refreshed it meanwhile: the refresh token we hold is spent, use theirs.
    if (current.accessToken !== account.accessToken) return current.accessToken;
    if (!current.refreshToken) throw new PermanentChannelError("zalo: access token expired and no refresh token", "zalo_token");
    const got = await refreshZaloToken(
      deps.config.notices.zaloOauthUrl,
      { appId: current.appId, appSecret: current.appSecret, refreshToken: current.refreshToken },
      now,
    );
    if ("error" in got) {
      await saveZaloError(q, current.unitCode, `refresh: ${got.error}`);
      throw new Error(`zalo: token refresh refused (${got.error})`);
    }
    await saveZaloTokens(q, current.unitCode, got, now);
    return got.accessToken;
  });
}

/** Sends one message; resolves with Zalo's msg_id, or throws (PermanentChannelError when a retry cannot help). */
export async function sendZaloMessage(
  deps: D,
  m: ChannelMessage,
  opts: { unitCode?: string } = {},
): Promise<{ providerId: string; remainingQuota: number | null }> {
  const unitCode = opts.unitCode ?? (typeof m.unitCode === "string" ? m.unitCode : "");
  const account = await findZaloAccount(deps.db, unitCode);
  if (!account) throw new PermanentChannelError(`zalo: no Official Account configured for ${unitCode}`, "zalo_not_configured");
  const body = {
    phone: znsPhone(m.to),
    template_id: account.templateId,
    template_data: await znsTemplateData(deps, account.templateParams, m),
    tracking_id: m.deliveryId,
  };
  const api = deps.config.notices.zaloApiUrl;
  let result: ZnsSendResult = await sendZnsTemplate(api, await accessToken(deps, account, false), body);
  if (!result.ok && result.kind === "token") result = await sendZnsTemplate(api, await accessToken(deps, account, true), body);
  if (result.ok) return { providerId: result.msgId, remainingQuota: result.remainingQuota };
  const why = `zalo ${result.code}: ${result.message}`;
  if (result.kind === "permanent") throw new PermanentChannelError(why, `zalo_${result.code}`);
  throw new Error(why);
}
