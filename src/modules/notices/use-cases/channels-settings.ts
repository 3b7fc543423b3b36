// The channel settings page and API read: the unit's Zalo account (secrets shown only by their last characters), the
// SMS gateway's state, and the daily cap and prices in force (from the configuration, read-only).
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { AdminUnitRow } from "../../admin-units/index.ts";
import { findZaloAccount, type ZaloAccountRow } from "../channels/channels.repository.ts";
import { channelsUnit } from "./channels-unit.ts";

/** "…a1b2": enough to tell two tokens apart, too little to use one. */
export const secretEnd = (s: string): string => `…${s.slice(-4)}`;

export type ZaloAccountView = {
  unitCode: string;
  appId: string;
  oaId: string;
  templateId: string;
  templateParams: ZaloAccountRow["templateParams"];
  appSecretEnd: string;
  accessTokenEnd: string;
  refreshTokenEnd: string | null;
  oaSecretKeyEnd: string;
  tokenExpiresAt: string | null;
  lastRefreshAt: string | null;
  lastError: string | null;
  updatedAt: string;
};

export function presentZaloAccount(a: ZaloAccountRow): ZaloAccountView {
  return {
    unitCode: a.unitCode,
    appId: a.appId,
    oaId: a.oaId,
    templateId: a.templateId,
    templateParams: a.templateParams,
    appSecretEnd: secretEnd(a.appSecret),
    accessTokenEnd: secretEnd(a.accessToken),
    refreshTokenEnd: a.refreshToken ? secretEnd(a.refreshToken) : null,
    oaSecretKeyEnd: secretEnd(a.oaSecretKey),
    tokenExpiresAt: a.tokenExpiresAt?.toISOString() ?? null,
    lastRefreshAt: a.lastRefreshAt?.toISOString() ?? null,
    lastError: a.lastError,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export type ChannelSettings = {
  unit: AdminUnitRow;
  zalo: ZaloAccountView | null;
  sms: { gateway: "http" | "log"; reportsSigned: boolean; dailyCap: number | null; priceVnd: number };
  zaloPriceVnd: number;
  email: { smtp: boolean; priceVnd: number };
};

export async function getChannelSettings(deps: Pick<Deps, "db" | "config">, p: Principal | null, unitCode?: string): Promise<ChannelSettings> {
  const unit = await channelsUnit(deps, p, unitCode);
  const account = await findZaloAccount(deps.db, unit.code);
  const c = deps.config;
  const cap = c.notices.smsDailyCap;
  return {
    unit,
    zalo: account ? presentZaloAccount(account) : null,
    sms: {
      gateway: c.sms.gatewayUrl ? "http" : "log",
      reportsSigned: !!c.notices.smsWebhookSecret,
      dailyCap: Number.isFinite(cap) ? cap : null,
      priceVnd: c.notices.priceVnd.sms,
    },
    zaloPriceVnd: c.notices.priceVnd.zalo,
    email: { smtp: !!c.mail.smtpUrl, priceVnd: c.notices.priceVnd.email },
  };
}
