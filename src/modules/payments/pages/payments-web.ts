// What the payment pages share: the page context, and the prefixed field names of the desk's forms.
import type { Context } from "hono";
import type { Deps } from "../../../deps.ts";
import type { FieldError } from "../../../platform/http/app-error.ts";
import { takeFlash } from "../../../platform/http/flash.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { type PageContext, pageContext } from "../../../platform/views/page-context.ts";

export type PaymentsWeb = { deps: Deps; secure: boolean; page: (c: Context<AppEnv>) => PageContext };

export function paymentsWeb(web: WebContext): PaymentsWeb {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  return { deps, secure, page: (c) => pageContext(c, web.assets, takeFlash(c, secure)) };
}

// The desk's forms sit on the dossier page beside its other forms, so their field names carry a prefix
// (ids are derived from names and must stay unique on the page).
export const CONFIRM_FIELDS: Record<string, string> = { method: "payMethod", note: "payNote" };
export const EXEMPT_FIELDS: Record<string, string> = { reason: "exemptReason" };
export const REFUND_FIELDS: Record<string, string> = { reason: "refundReason" };

export const fromForm = (values: Record<string, string>, names: Record<string, string>) =>
  Object.fromEntries(Object.entries(names).map(([field, name]) => [field, values[name] ?? ""]));
export const errorsToForm = (errors: FieldError[], names: Record<string, string>) => errors.map((e) => ({ ...e, field: names[e.field] ?? e.field }));
