// GET /office/indicators/sets: the sets the province uses, each with its version and origin; a link to import one.
import type { Context } from "hono";
import { can } from "../../../../platform/auth/authorise.ts";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { formatNumber } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, Tag } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { indicatorPaths } from "../../indicator-paths.ts";
import { originOf } from "../sets.contract.ts";
import { listSets } from "../use-cases/sets-read.ts";
import { provinceParam, withProvince } from "./shared.ts";

export function setsListPage(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    const province = provinceParam(c);
    const { province: unit, sets } = await listSets(kit.deps, useCaseContext(c), province);
    const ctx = kit.page(c);
    const { t, locale } = ctx;
    const manage = can(ctx.principal, "indicator.manage", unit);
    return c.html(
      <Layout ctx={ctx} title={t("indicators.sets.title")} office>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            { href: indicatorPaths.office, label: t("indicators.title") },
            { label: t("indicators.sets.title") },
          ]}
        />
        <h1>{t("indicators.sets.title")}</h1>
        <p>{t("indicators.sets.lead", { province: unit.name })}</p>
        <DataTable
          caption={t("indicators.sets.title")}
          stack
          rows={sets}
          columns={[
            {
              header: t("indicators.sets.col.name"),
              rowHeader: true,
              cell: (s) => <a href={withProvince(indicatorPaths.set(s.key), province)}>{locale === "en" ? s.nameEn : s.name}</a>,
            },
            { header: t("indicators.sets.col.key"), nowrap: true, cell: (s) => <code>{s.key}</code> },
            { header: t("indicators.sets.col.version"), num: true, cell: (s) => formatNumber(s.version, locale) },
            {
              header: t("indicators.sets.col.origin"),
              cell: (s) => <Tag tone={originOf(s) === "own" ? "green" : "grey"}>{t(`indicators.sets.origin.${originOf(s)}`)}</Tag>,
            },
            { header: t("indicators.sets.col.indicators"), num: true, cell: (s) => formatNumber(s.compiled.length, locale) },
          ]}
        />
        {manage && (
          <p>
            <a href={withProvince(indicatorPaths.setImport, province)}>{t("indicators.sets.importLink")}</a>
          </p>
        )}
      </Layout>,
    );
  };
}
