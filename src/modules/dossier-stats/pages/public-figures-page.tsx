// GET /figures: the public transparency summary of a year, by commune. Works without JavaScript.
import type { Context } from "hono";
import { AppError } from "../../../platform/http/app-error.ts";
import { validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { Breadcrumbs } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { PublicFiguresQuery } from "../dossier-stats.contract.ts";
import { computePublicFigures, type PublicFigures, yearOf } from "../use-cases/compute-figures.ts";
import { Definitions } from "./definitions.tsx";
import { FiguresTable, PUBLIC_FIGURES, rowLabel } from "./figures-table.tsx";
import { pageKit } from "../../../platform/http/page-kit.ts";

export function publicFiguresPage(web: WebContext) {
  const { deps, page } = pageKit(web);
  return async (c: Context<AppEnv>) => {
    const ctx = page(c);
    const { t } = ctx;
    const parsed = validateForm(PublicFiguresQuery, { ...(c.req.query("year") ? { year: c.req.query("year")! } : {}) });
    if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
    const year = parsed.data.year ?? yearOf(deps);
    const figures = await computePublicFigures(deps, year);
    return c.html(
      <Layout ctx={ctx} title={t("stats.public.title", { year })}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("stats.public.title", { year }) }]} />
        <h1>{t("stats.public.title", { year })}</h1>
        <p>{t("stats.public.intro")}</p>
        <nav aria-label={t("stats.public.yearNav")}>
          <ul class="pagination">
            <li>
              <a href={`/figures?year=${year - 1}`} rel="prev">
                « {t("stats.public.year", { year: year - 1 })}
              </a>
            </li>
            {year < yearOf(deps) && (
              <li>
                <a href={`/figures?year=${year + 1}`} rel="next">
                  {t("stats.public.year", { year: year + 1 })} »
                </a>
              </li>
            )}
          </ul>
        </nav>
        {figures.rows.length === 0 ? (
          <p>{t("stats.public.none")}</p>
        ) : (
          <FiguresTable
            ctx={ctx}
            caption={t("stats.public.caption", { year: figures.year })}
            id="public-caption"
            rowHeader="stats.col.commune"
            rowName={(r: PublicFigures["rows"][number]) => rowLabel(ctx, r)}
            figures={PUBLIC_FIGURES}
            rows={figures.rows}
            totals={figures.totals}
          />
        )}
        <Definitions t={t} only={["stats.term.received", "stats.term.online", "stats.term.onTime", "stats.term.satisfaction"]} />
      </Layout>,
    );
  };
}
