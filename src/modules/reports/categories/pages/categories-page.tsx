// GET /office/reports/categories?unit=: a province's defaults or a commune's list in force, each row marked as the
// province's, the commune's adjustment or the commune's own. No JavaScript: links and plain forms.
import type { Context } from "hono";
import { scopePaths } from "../../../../platform/auth/authorise.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import type { Principal } from "../../../../platform/auth/authorise.ts";
import { Breadcrumbs, ErrorSummary, type FormState, Tag } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { getAdminUnit } from "../../../admin-units/index.ts";
import { listCategoriesForAdmin } from "../../use-cases/categories-list.ts";
import { reportPaths } from "../../report-paths.ts";
import { findReportArea } from "../areas.repository.ts";
import { AreaSection, areaLabels, areaValues } from "./area-form.tsx";

/** The units a person administers categories for: their report.categories grants (provinces and communes). */
export function categoryUnits(p: Principal): Array<{ code: string; path: string }> {
  const paths = new Set(scopePaths(p, "report.categories"));
  return p.grants
    .filter((g) => paths.has(g.unitPath) && (/^\d{2}$/.test(g.unitCode) || /^\d{5}$/.test(g.unitCode)))
    .map((g) => ({ code: g.unitCode, path: g.unitPath }));
}

export const editHref = (unit: string, code?: string) =>
  `${reportPaths.categories}/edit?unit=${encodeURIComponent(unit)}${code ? `&code=${encodeURIComponent(code)}` : ""}`;

/** The page; `areaForm` is the province's area form as refused (shown with its errors, 400), else the saved values. */
export function renderCategoriesPage(kit: PageKit) {
  const { deps, page } = kit;
  return async (c: Context<AppEnv>, unit?: string, areaForm?: FormState) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const units = categoryUnits(p);
    const unitCode = unit || c.req.query("unit") || units[0]?.code;
    if (!unitCode) throw new AppError("forbidden", "error.forbidden");
    const list = await listCategoriesForAdmin(deps, p, unitCode);
    const area = await findReportArea(deps.db, list.provinceCode);
    const unitNames = new Map(
      await Promise.all(units.map(async (u) => [u.code, (await getAdminUnit(deps, u.code).catch(() => null))?.fullName ?? u.code] as const)),
    );
    const title = t("reports.categories.title");
    const heading = t(list.unit.level === "province" ? "reports.categories.unitProvince" : "reports.categories.unitCommune", { unit: list.unit.name });
    const yesNo = (b: boolean) => (b ? t("reports.categories.yes") : <Tag tone="grey">{t("reports.categories.no")}</Tag>);
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: reportPaths.desk, label: t("reports.desk.title") }, { label: title }]}
        />
        {areaForm && <ErrorSummary t={t} errors={areaForm.errors} labels={areaLabels(t)} />}
        <h1>{title}</h1>
        <p>{t("reports.categories.lead")}</p>
        {units.length > 1 && (
          <nav aria-label={t("reports.categories.chooseUnit")}>
            <ul class="desk-tools">
              {units.map((u) => (
                <li>
                  <a href={`${reportPaths.categories}?unit=${u.code}`} aria-current={u.code === list.unit.code ? "page" : undefined}>
                    {unitNames.get(u.code)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <h2 id="categories-caption">{heading}</h2>
        <p>
          <a class="button" href={editHref(list.unit.code)}>
            {t("reports.categories.new")}
          </a>
        </p>
        <DataTable
          caption={heading}
          stack
          rows={list.rows}
          empty={<p>{t("reports.categories.none")}</p>}
          columns={[
            { header: t("reports.categories.col.order"), num: true, cell: (r) => String(r.sortOrder) },
            {
              header: t("reports.categories.col.name"),
              rowHeader: true,
              cell: (r) => <a href={editHref(list.unit.code, r.code)}>{locale === "en" ? r.nameEn : r.nameVi}</a>,
            },
            { header: t("reports.categories.col.code"), cell: (r) => <code>{r.code}</code> },
            { header: t("reports.categories.col.responsible"), cell: (r) => r.responsibleUnit },
            { header: t("reports.categories.col.timeLimit"), nowrap: true, cell: (r) => t("reports.categories.days", { days: r.timeLimitDays }) },
            { header: t("reports.categories.col.public"), cell: (r) => yesNo(r.publicByDefault) },
            { header: t("reports.categories.col.active"), cell: (r) => yesNo(r.active) },
            { header: t("reports.categories.col.attributes"), num: true, cell: (r) => String(r.attributes.length) },
            {
              header: t("reports.categories.col.source"),
              cell: (r) =>
                t(
                  r.communeCode === null
                    ? "reports.categories.source.province"
                    : r.overridden
                      ? "reports.categories.source.override"
                      : "reports.categories.source.commune",
                ),
            },
          ]}
        />
        <AreaSection t={t} locale={locale} csrfToken={ctx.csrfToken} unit={list.unit} area={area} form={areaForm ?? { values: areaValues(area), errors: [] }} />
      </Layout>,
      areaForm ? 400 : 200,
    );
  };
}

export function categoriesPage(kit: PageKit) {
  const render = renderCategoriesPage(kit);
  return (c: Context<AppEnv>) => render(c);
}
