// The coverage bench's province: 100 communes × 10 villages × 500 households × 4 people = 2,000,000 residents, one
// team per village, skills for about four in ten person-skills, visits for about 70 % of households. The generation
// is the synthetic province's (src/demo/synthetic-province.ts, also behind `xaso generate-province`), here without
// dossiers or reports: deterministic, loaded with triggers off, rollups built once with coverage_refresh_under.
import type pg from "pg";
import { generateSyntheticProvince, PROVINCE_DEFAULTS } from "../../src/demo/synthetic-province.ts";
import { toLocalDay } from "../../src/platform/calendar/vietnam-time.ts";

export const PROVINCE = "99";
export const COMMUNES = 100;
export const VILLAGES_PER_COMMUNE = 10;
export const HOUSEHOLDS_PER_VILLAGE = 500;
export const PEOPLE_PER_HOUSEHOLD = 4;

/** The village of a given index 0…999: 99001.001 is the first; its 500 households are the village scenario. */
export const villageCode = (i: number) =>
  `${PROVINCE}${String(Math.floor(i / VILLAGES_PER_COMMUNE) + 1).padStart(3, "0")}.${String((i % VILLAGES_PER_COMMUNE) + 1).padStart(3, "0")}`;

export async function generateProvince(c: pg.Client, log: (msg: string) => void): Promise<Record<string, number>> {
  const r = await generateSyntheticProvince(
    c,
    {
      ...PROVINCE_DEFAULTS,
      provinceCode: PROVINCE,
      communes: COMMUNES,
      villagesPerCommune: VILLAGES_PER_COMMUNE,
      households: COMMUNES * VILLAGES_PER_COMMUNE * HOUSEHOLDS_PER_VILLAGE,
      peoplePerHousehold: PEOPLE_PER_HOUSEHOLD,
      dossiers: 0,
      reports: 0,
      lastDay: toLocalDay(new Date()),
    },
    log,
  );
  return r.ms;
}
