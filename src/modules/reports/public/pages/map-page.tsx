// GET /reports/:commune/map: the public reports on a map, only where JavaScript runs. Without JavaScript (or with
// MAP_TILE_URL=none) the page says so and links the list, which stands alone with the village and the landmark.
import type { Context } from "hono";
import { validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { Breadcrumbs, ErrorSummary } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { reportPaths } from "../../report-paths.ts";
import { listPublicReportPage } from "../../use-cases/public-list.ts";
import { MapScript } from "../map-components.tsx";
import type { MapSettings } from "../map-settings.ts";
import { PublicFilters } from "../public.contract.ts";
import { FilterForm, filterLabels, filterParams, filterQuery, localName, recentMonths, ReportsCss } from "./shared.tsx";

const FILTER_NAMES = ["status", "category", "village", "month"] as const;

export function mapPage(kit: PageKit, map: MapSettings) {
  return async (c: Context<AppEnv>) => {
    const communeCode = c.req.param("commune") as string;
    const ctx = kit.page(c);
    const { t, locale } = ctx;
    const raw: Record<string, string> = {};
    for (const name of FILTER_NAMES) raw[name] = c.req.query(name) ?? "";
    const parsed = validateForm(PublicFilters, raw);
    // The filter choices (categories, villages) come with the list's first page; the markers come from the GeoJSON.
    const options = await listPublicReportPage(kit.deps, communeCode, {});
    const name = localName(locale, options.commune.fullName, options.commune.fullNameEn) ?? options.commune.fullName;
    const filters = parsed.ok ? filterParams(parsed.data) : {};
    const qs = filterQuery(filters);
    const listUrl = qs.size ? `${reportPaths.publicList(communeCode)}?${qs}` : reportPaths.publicList(communeCode);
    qs.set("commune", communeCode);
    if (!parsed.ok) c.status(400);
    return c.html(
      <Layout ctx={ctx} title={t("reports.public.mapTitle", { commune: name })}>
        <ReportsCss assets={ctx.assets} />
        <Breadcrumbs
          t={t}
          items={[
            { href: "/", label: t("nav.home") },
            { href: reportPaths.index, label: t("reports.public.title") },
            { href: reportPaths.publicList(communeCode), label: name },
            { label: t("reports.public.viewMap") },
          ]}
        />
        <ErrorSummary t={t} errors={parsed.ok ? [] : parsed.errors} labels={filterLabels(t)} />
        <h1>{t("reports.public.mapTitle", { commune: name })}</h1>
        <p class="lead">{t("reports.public.mapLead")}</p>
        <FilterForm
          t={t}
          locale={locale}
          action={reportPaths.publicMap(communeCode)}
          values={raw}
          errors={parsed.ok ? [] : parsed.errors}
          categories={options.categories}
          villages={options.villages}
          months={recentMonths(kit.deps.clock.now())}
        />
        <p data-map-noscript>{map.tileUrl ? t("reports.public.mapNeedsScript") : t("reports.public.mapOff")}</p>
        <p role="status" aria-live="polite" data-map-status />
        {map.tileUrl && parsed.ok && (
          <>
            <div
              class="report-map"
              hidden
              data-report-map
              data-geojson={`/api/v1/public/reports.geojson?${qs}`}
              role="region"
              aria-label={t("reports.public.mapLabel")}
            />
            <MapScript map={map} t={t} />
          </>
        )}
        <p>
          <a href={listUrl}>{t("reports.public.viewList")}</a>
        </p>
      </Layout>,
    );
  };
}
