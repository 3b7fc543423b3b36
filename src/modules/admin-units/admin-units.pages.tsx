// The admin-unit browser: served provinces, search without diacritics, a unit and its children, villages.
import type { Context, Hono } from "hono";
import type { WebContext } from "../../platform/http/web-context.ts";
import { can } from "../../platform/auth/authorise.ts";
import { attempt, readForm, validateForm } from "../../platform/http/forms.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import type { MessageKey } from "../../platform/i18n/i18n.ts";
import { formatNumber } from "../../platform/i18n/format.ts";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  emptyForm,
  ErrorSummary,
  type FormState,
  Pagination,
  SelectField,
  SummaryList,
  TextField,
} from "../../platform/views/components.tsx";
import { type Column, DataTable } from "../../platform/views/data-table.tsx";
import { Layout } from "../../platform/views/layout.tsx";
import type { PageContext } from "../../platform/views/page-context.ts";
import { setFlash } from "../../platform/http/flash.ts";
import { useCaseContext as ctxOf } from "../../platform/auth/use-case-context.ts";
import { CreateVillageInput, RenameVillageInput, SearchQuery, VILLAGE_TYPES } from "./admin-units.contract.ts";
import type { AdminUnitRow } from "./admin-units.model.ts";
import * as units from "./index.ts";
import { pageKit } from "../../platform/http/page-kit.ts";

const unitName = (ctx: PageContext, u: AdminUnitRow) => (ctx.locale === "en" && u.fullNameEn ? u.fullNameEn : u.fullName);
const levelLabel = (ctx: PageContext, level: string) => ctx.t(`units.level.${level}` as MessageKey);

/** captionHidden: the caption is still read out with the table, but not shown twice under a heading that says the same. */
function UnitTable(props: { ctx: PageContext; caption: string; rows: AdminUnitRow[]; captionHidden?: boolean }) {
  const { t } = props.ctx;
  const columns: Column<AdminUnitRow>[] = [
    { header: t("units.name"), cell: (u) => <a href={`/units/${u.code}`}>{unitName(props.ctx, u)}</a> },
    { header: t("units.code"), cell: (u) => <code class="nowrap">{u.code}</code> },
    { header: t("units.levelLabel"), cell: (u) => levelLabel(props.ctx, u.level) },
  ];
  return <DataTable caption={props.caption} showCaption={!props.captionHidden} columns={columns} rows={props.rows} />;
}

export function registerAdminUnitPages(app: Hono<AppEnv>, web: WebContext) {
  const { deps, secure, page } = pageKit(web);

  app.get("/units", async (c) => {
    const ctx = page(c);
    const { t } = ctx;
    const rawQ = c.req.query("q") ?? "";
    const cursor = c.req.query("cursor");
    const searching = rawQ.trim().length > 0;
    const parsed = searching ? validateForm(SearchQuery, { q: rawQ, ...(cursor ? { cursor } : {}), limit: "25" }) : null;
    const result = parsed?.ok ? await units.searchAdminUnits(deps, parsed.data) : null;
    const errors = parsed && !parsed.ok ? parsed.errors.map((e) => ({ ...e, field: "q" })) : [];
    const provinces = searching ? [] : await units.listServedProvinces(deps);
    return c.html(
      <Layout ctx={ctx} title={t("units.title")}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("units.title") }]} />
        <ErrorSummary t={t} errors={errors} labels={{ q: t("units.searchLabel") }} />
        <h1>{t("units.title")}</h1>
        <form class="search-form" method="get" action="/units" role="search">
          <TextField t={t} form={{ values: { q: rawQ }, errors }} name="q" type="search" label={t("units.searchLabel")} hint={t("units.searchHint")} />
          <button type="submit" class="button">
            {t("units.searchButton")}
          </button>
        </form>
        {result && (
          <>
            <h2 id="results">{t("units.results", { q: rawQ.trim() })}</h2>
            {result.items.length === 0 ? (
              <p>{t("units.noResults")}</p>
            ) : (
              <UnitTable ctx={ctx} caption={t("units.resultsCaption")} rows={result.items} captionHidden />
            )}
            <Pagination t={t} basePath="/units" params={{ q: rawQ.trim() }} nextCursor={result.nextCursor} isFirst={!cursor} />
          </>
        )}
        {!searching && <UnitTable ctx={ctx} caption={t("home.servedProvinces")} rows={provinces} />}
      </Layout>,
    );
  });

  const unitPage = async (c: Context<AppEnv>, code: string, forms: { village?: FormState; rename?: FormState } = {}, status: 200 | 400 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    const { unit, ancestors } = await units.getAdminUnitWithAncestors(deps, code);
    const cursor = c.req.query("cursor");
    const children = unit.level === "village" ? null : await units.listAdminUnitChildren(deps, code, { cursor, limit: 50 });
    const manage = can(c.get("principal"), "village.manage", unit);
    const villageForm = forms.village ?? emptyForm({ unitType: "Thôn" });
    const renameForm = forms.rename ?? emptyForm({ name: unit.name, unitType: unit.unitType });
    const errors = [...villageForm.errors, ...renameForm.errors];
    const childLevel = unit.level === "province" ? "units.childrenCommunes" : "units.childrenVillages";
    return c.html(
      <Layout ctx={ctx} title={unitName(ctx, unit)}>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/units", label: t("units.title") },
            ...ancestors.map((a) => ({ href: `/units/${a.code}`, label: unitName(ctx, a) })),
            { label: unitName(ctx, unit) },
          ]}
        />
        <ErrorSummary t={t} errors={errors} labels={{ unitType: t("units.villageType"), name: t("units.villageName") }} />
        <h1>{unitName(ctx, unit)}</h1>
        <SummaryList
          rows={[
            [t("units.code"), <code>{unit.code}</code>],
            [t("units.levelLabel"), levelLabel(ctx, unit.level)],
            [t("units.type"), unit.unitType],
            ...(unit.fullNameEn ? ([[t("units.englishName"), unit.fullNameEn]] as [string, string][]) : []),
          ]}
        />
        {children && (
          <>
            <h2>{t(childLevel)}</h2>
            {children.items.length === 0 ? <p>{t("units.noChildren")}</p> : <UnitTable ctx={ctx} caption={t(childLevel)} rows={children.items} captionHidden />}
            <Pagination t={t} basePath={`/units/${unit.code}`} params={{}} nextCursor={children.nextCursor} isFirst={!cursor} />
            {children.items.length > 0 && <p>{t("units.shown", { n: formatNumber(children.items.length, ctx.locale) })}</p>}
          </>
        )}
        {manage && unit.level === "commune" && (
          <>
            <h2 id="add-village">{t("units.addVillage")}</h2>
            <form method="post" action={`/units/${unit.code}/villages`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <SelectField
                t={t}
                form={villageForm}
                name="unitType"
                label={t("units.villageType")}
                options={VILLAGE_TYPES.map((v) => ({ value: v, label: v }))}
              />
              <TextField t={t} form={villageForm} name="name" label={t("units.villageName")} hint={t("units.villageNameHint")} required />
              <Button>{t("units.addVillage")}</Button>
            </form>
          </>
        )}
        {manage && unit.level === "village" && (
          <>
            <h2 id="rename">{t("units.rename")}</h2>
            <form method="post" action={`/units/${unit.code}/rename`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <SelectField
                t={t}
                form={renameForm}
                name="unitType"
                label={t("units.villageType")}
                options={VILLAGE_TYPES.map((v) => ({ value: v, label: v }))}
              />
              <TextField t={t} form={renameForm} name="name" label={t("units.villageName")} required />
              <Button>{t("units.rename")}</Button>
            </form>
          </>
        )}
      </Layout>,
      status,
    );
  };

  app.get("/units/:code", (c) => unitPage(c, c.req.param("code")));

  app.post("/units/:code/villages", async (c) => {
    const code = c.req.param("code");
    const values = await readForm(c);
    const parsed = validateForm(CreateVillageInput, values);
    if (!parsed.ok) return unitPage(c, code, { village: { values, errors: parsed.errors } }, 400);
    const res = await attempt(() => units.createVillage(deps, ctxOf(c), code, parsed.data));
    if (!res.ok) return unitPage(c, code, { village: { values, errors: res.errors } }, 400);
    setFlash(c, "flash.villageCreated", secure);
    return c.redirect(`/units/${code}`, 303);
  });

  app.post("/units/:code/rename", async (c) => {
    const code = c.req.param("code");
    const values = await readForm(c);
    const parsed = validateForm(RenameVillageInput, values);
    if (!parsed.ok) return unitPage(c, code, { rename: { values, errors: parsed.errors } }, 400);
    const res = await attempt(() => units.renameVillage(deps, ctxOf(c), code, parsed.data));
    if (!res.ok) return unitPage(c, code, { rename: { values, errors: res.errors } }, 400);
    setFlash(c, "flash.villageRenamed", secure);
    return c.redirect(`/units/${code}`, 303);
  });
}
