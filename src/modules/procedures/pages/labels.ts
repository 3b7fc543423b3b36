// Labels shared by the catalogue's pages: fields, online levels, processing time and fees as text.
import { formatMoney, formatNumber } from "../../../platform/i18n/format.ts";
import type { MessageKey, Translate } from "../../../platform/i18n/i18n.ts";
import type { PageContext } from "../../../platform/views/page-context.ts";

export const k = (s: string) => s as MessageKey;
export const fieldLabel = (t: Translate, f: string) => t(k(`procedures.field.${f}`));
export const onlineTone = (l: string) => (l === "full" ? "green" : l === "none" ? "grey" : undefined);

export function timeText(t: Translate, locale: PageContext["locale"], p: { unit: string; amount: number }) {
  return t(k(`procedures.processing.${p.unit}`), { n: formatNumber(p.amount, locale) });
}
export const feeText = (ctx: PageContext, amount: number) => (amount === 0 ? ctx.t("procedures.free") : formatMoney(amount, ctx.locale));
