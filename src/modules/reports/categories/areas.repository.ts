// The SQL of report_areas: one rectangle per province within which its reports may be placed.
import type { Queryable } from "../../../platform/db/database.ts";
import type { ReportArea } from "../reporting/place-check.ts";

export type ReportAreaRow = ReportArea & { provinceCode: string; updatedBy: string | null; updatedAt: Date };

export async function findReportArea(q: Queryable, provinceCode: string): Promise<ReportAreaRow | null> {
  const { rows } = await q.query<ReportAreaRow>(
    `SELECT province_code AS "provinceCode", min_lat AS "minLat", max_lat AS "maxLat", min_lon AS "minLon", max_lon AS "maxLon",
            updated_by AS "updatedBy", updated_at AS "updatedAt"
     FROM report_areas WHERE province_code = $1`,
    [provinceCode],
  );
  return rows[0] ?? null;
}

/** Sets the rectangle; true when the province had none before. */
export async function upsertReportArea(q: Queryable, provinceCode: string, a: ReportArea, userId: string | null): Promise<boolean> {
  const { rows } = await q.query<{ created: boolean }>(
    `INSERT INTO report_areas (province_code, min_lat, max_lat, min_lon, max_lon, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (province_code) DO UPDATE
       SET min_lat = EXCLUDED.min_lat, max_lat = EXCLUDED.max_lat, min_lon = EXCLUDED.min_lon, max_lon = EXCLUDED.max_lon,
           updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING (xmax = 0) AS created`,
    [provinceCode, a.minLat, a.maxLat, a.minLon, a.maxLon, userId],
  );
  return rows[0]?.created ?? false;
}

export async function deleteReportArea(q: Queryable, provinceCode: string): Promise<boolean> {
  const { rowCount } = await q.query("DELETE FROM report_areas WHERE province_code = $1", [provinceCode]);
  return (rowCount ?? 0) > 0;
}
