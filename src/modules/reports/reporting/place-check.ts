// Where a report may be placed. The project holds no geometry of provinces or communes, and no boundaries could be
// sourced under a licence we can ship. So: a province's category admin may set its rectangle (report_areas: the
// province's extreme points with a margin), and coordinates outside it are refused; without one, coordinates are
// checked against Vietnam's national extent, islands included (docs/reports/reporting.md): a point in the sea off
// Cà Mau passes, one in Bangkok does not; that box is coarse (Vientiane and Phnom Penh fall inside it).
// Everything closer than that (the village, the landmark) is the resident's word and the officer's judgement.

/** Southernmost Trường Sa features to Lũng Cú; A Pa Chải to the eastern Trường Sa features. */
export const VIETNAM_EXTENT = { minLat: 6.0, maxLat: 23.45, minLon: 102.1, maxLon: 117.9 } as const;

/** A rectangle in degrees (WGS 84), bounds included. */
export type ReportArea = { minLat: number; maxLat: number; minLon: number; maxLon: number };

export function withinArea(b: ReportArea, lat: number, lon: number): boolean {
  return lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon;
}

export function withinVietnam(lat: number, lon: number): boolean {
  return withinArea(VIETNAM_EXTENT, lat, lon);
}

/** Which of a point's coordinates fall outside the rectangle: the fields a refusal names. */
export function outsideFields(b: ReportArea, lat: number, lon: number): Array<"lat" | "lon"> {
  const out: Array<"lat" | "lon"> = [];
  if (lat < b.minLat || lat > b.maxLat) out.push("lat");
  if (lon < b.minLon || lon > b.maxLon) out.push("lon");
  return out;
}
