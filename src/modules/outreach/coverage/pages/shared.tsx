// What the coverage pages share: the query string, a share with what it was computed from, a skill's label.
import type { Context } from "hono";
import { formatNumber, formatPercent } from "../../../../platform/i18n/format.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageContext } from "../../../../platform/views/page-context.ts";

/** The query values a page was asked with (unknown names kept, so the strict contract can name them). */
export function queryValues(c: Context<AppEnv>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.req.query())) if (v !== "") out[k] = v;
  return out;
}

export const queryOf = (values: Record<string, string | number | undefined | null>) =>
  new URLSearchParams(
    Object.entries(values)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== "")
      .map(([k, v]) => [k, String(v)]),
  ).toString();

/** "66,7 % (2/3)", or a dash when there is nothing to divide by. */
export function ShareOf(props: { ctx: PageContext; share: number | null; n: number; of: number }) {
  const { t, locale } = props.ctx;
  if (props.share === null)
    return (
      <>
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">{t("coverage.na")}</span>
      </>
    );
  return <>{t("coverage.ofWhich", { share: formatPercent(props.share, locale), n: formatNumber(props.n, locale), of: formatNumber(props.of, locale) })}</>;
}

export const labelOf = (s: { labelVi: string; labelEn: string }, ctx: PageContext) => (ctx.locale === "en" ? s.labelEn : s.labelVi);
export const nameOf = (u: { name: string; nameEn: string | null }, ctx: PageContext) => (ctx.locale === "en" ? (u.nameEn ?? u.name) : u.name);
