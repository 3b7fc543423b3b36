// The public map's markers (GET /api/v1/public/reports.geojson): public reports with coordinates, in the view asked
// for, newest first and capped, as GeoJSON (RFC 7946: [longitude, latitude]). No personal data: the same columns as
// the public list.
import type { Deps } from "../../../deps.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import type { z } from "@hono/zod-openapi";
import { reportPaths } from "../report-paths.ts";
import { type GeoJsonQuery, type ReportFeatureCollection, statusGroupOf } from "../public/public.contract.ts";
import * as repo from "../public/public.repository.ts";
import { publicCommune } from "./public-list.ts";

type D = Pick<Deps, "db" | "config">;

export async function publicReportsGeoJson(
  deps: D,
  t: Translate,
  locale: "vi" | "en",
  query: z.infer<typeof GeoJsonQuery>,
): Promise<z.infer<typeof ReportFeatureCollection>> {
  await publicCommune(deps, query.commune);
  const { commune, bbox, limit, ...filters } = query;
  const rows = await repo.listPublicPoints(deps.db, commune, filters, bbox, limit + 1);
  const shown = rows.slice(0, limit);
  return {
    type: "FeatureCollection",
    features: shown.map((r) => ({
      type: "Feature" as const,
      id: r.code,
      geometry: { type: "Point" as const, coordinates: [r.lon, r.lat] as [number, number] },
      properties: {
        code: r.code,
        url: reportPaths.publicReport(r.code),
        status: r.status,
        statusGroup: statusGroupOf(r.status),
        statusLabel: t(`reports.public.status.${r.status}`),
        category: locale === "en" ? r.categoryEn : r.categoryVi,
        village: (locale === "en" ? r.villageEn : null) ?? r.villageVi,
        landmark: r.landmark,
        createdAt: r.createdAt.toISOString(),
        supportCount: r.supportCount,
      },
    })),
    truncated: rows.length > limit,
  };
}
