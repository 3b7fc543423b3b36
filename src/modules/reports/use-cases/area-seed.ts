// A province's report area set by the installation (the demo seed), without a person: never over one the province
// has set itself.
import type { Deps } from "../../../deps.ts";
import type { ReportArea } from "../reporting/place-check.ts";
import { checkArea } from "./area-save.ts";

export async function ensureReportArea(deps: Pick<Deps, "db">, provinceCode: string, area: ReportArea): Promise<boolean> {
  const checked = checkArea(area);
  if (!checked.area) throw new Error(`invalid report area for province ${provinceCode}: ${checked.errors.map((e) => e.field).join(", ")}`);
  const a = checked.area;
  const { rowCount } = await deps.db.query(
    `INSERT INTO report_areas (province_code, min_lat, max_lat, min_lon, max_lon) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (province_code) DO NOTHING`,
    [provinceCode, a.minLat, a.maxLat, a.minLon, a.maxLon],
  );
  return (rowCount ?? 0) > 0;
}
