// Where a report may be placed. The project holds no geometry of provinces or communes, and no bounding boxes of
// provinces could be sourced under a licence we can ship, so coordinates are checked against Vietnam's national
// extent, islands included (docs/reports/reporting.md): a point in the sea off Cà Mau passes, one in Bangkok does not;
// the box is coarse (Vientiane and Phnom Penh fall inside it).
// Everything closer than that (the village, the landmark) is the resident's word and the officer's judgement.

/** Southernmost Trường Sa features to Lũng Cú; A Pa Chải to the eastern Trường Sa features. */
export const VIETNAM_EXTENT = { minLat: 6.0, maxLat: 23.45, minLon: 102.1, maxLon: 117.9 } as const;

export function withinVietnam(lat: number, lon: number): boolean {
  const b = VIETNAM_EXTENT;
  return lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon;
}
