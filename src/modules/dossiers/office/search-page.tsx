// GET /office/search: find a dossier by code, applicant name (diacritics optional), phone or ID number, in the
// units the officer's grants cover. A GET form: the address can be bookmarked, and it works without JavaScript.
import type { Context } from "hono";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import { scopePaths } from "../../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { requireSignedIn } from "../../../platform/http/page-kit.ts";
import { formatNumber } from "../../../platform/i18n/format.ts";
import { Breadcrumbs, ErrorSummary, TextField } from "../../../platform/views/components.tsx";
import { DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { communesGranted, getAdminUnit, isCommuneCode } from "../../admin-units/index.ts";
import { SEARCH_LIMIT, type SearchResult, searchDossiers } from "../use-cases/search-dossiers.ts";
import { Select } from "./fields.tsx";
import type { OfficeWeb } from "./office-context.ts";
import { workColumns } from "./work-columns.tsx";

export function searchPage(office: OfficeWeb) {
  const { deps, page } = office;
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const q = c.req.query("q") ?? "";
    const askedCommune = c.req.query("commune") || undefined;
    if (scopePaths(p, "dossier.read").length === 0) throw new AppError("forbidden", "error.forbidden");
    const choices = communesGranted(p, "dossier.read");
    const commune = askedCommune && isCommuneCode(askedCommune) ? askedCommune : undefined;
    let result: SearchResult | null = null;
    let errors: FieldError[] = [];
    if (q.trim() !== "") {
      try {
        result = await searchDossiers(deps, ctxOf(c), { q, ...(askedCommune ? { commune: askedCommune } : {}) });
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== "validation") throw err;
        errors = err.fields;
      }
    }
    const ctx = page(c);
    const { t, locale } = ctx;
    const label = t("dossiers.work.search.label");
    const names = await Promise.all(choices.map(async (x) => ({ value: x, label: (await getAdminUnit(deps, x)).fullName })));
    return c.html(
      <Layout ctx={ctx} title={t("dossiers.work.search.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("dossiers.work.search.title") }]} />
        <ErrorSummary t={t} errors={errors} labels={{ q: label, commune: t("dossiers.office.desk.commune") }} />
        <h1>{t("dossiers.work.search.title")}</h1>
        <form class="search-form" method="get" action="/office/search" role="search">
          <TextField t={t} form={{ values: { q }, errors }} name="q" type="search" label={label} hint={t("dossiers.work.search.hint")} />
          {names.length > 1 && (
            <Select
              t={t}
              id="f-commune"
              name="commune"
              label={t("dossiers.office.desk.commune")}
              value={commune ?? ""}
              options={[{ value: "", label: t("dossiers.work.search.allCommunes") }, ...names]}
            />
          )}
          <button type="submit" class="button">
            {t("dossiers.work.search.submit")}
          </button>
        </form>
        {names.length === 1 && <p class="hint">{t("dossiers.work.search.scope", { units: names[0]!.label })}</p>}
        {result && (
          <>
            <h2 id="results">{t("dossiers.work.search.results")}</h2>
            {result.items.length > 0 && <p>{t("dossiers.work.search.count", { n: formatNumber(result.items.length, locale) })}</p>}
            <DataTable
              caption={t("dossiers.work.search.results")}
              columns={workColumns(ctx, result)}
              rows={result.items}
              empty={<p>{t("dossiers.work.search.none")}</p>}
            />
            {result.limited && <p>{t("dossiers.work.search.limited", { n: formatNumber(SEARCH_LIMIT, locale) })}</p>}
          </>
        )}
      </Layout>,
      errors.length > 0 ? 400 : 200,
    );
  };
}
