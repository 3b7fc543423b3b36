import { describe, expect, it } from "vitest";
import { lunarMonthLength, lunarToSolar, solarToLunar } from "./lunar.ts";

const solar = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return { y, m, d };
};

describe("Vietnamese lunar calendar (UTC+7)", () => {
  it("puts Tết (1/1 lunar) on the published dates", () => {
    // Published Tết dates for Vietnam; they agree with China's except 2007 (see below).
    const tet: Record<number, string> = {
      2000: "2000-02-05",
      2001: "2001-01-24",
      2003: "2003-02-01",
      2008: "2008-02-07",
      2010: "2010-02-14",
      2015: "2015-02-19",
      2020: "2020-01-25",
      2021: "2021-02-12",
      2022: "2022-02-01",
      2023: "2023-01-22",
      2024: "2024-02-10",
      2025: "2025-01-29",
      2026: "2026-02-17",
      2027: "2027-02-06",
    };
    for (const [year, date] of Object.entries(tet)) {
      expect(lunarToSolar(1, 1, Number(year)), `Tết ${year}`).toEqual(solar(date));
      expect(solarToLunar(...(Object.values(solar(date)) as [number, number, number]))).toEqual({ day: 1, month: 1, year: Number(year), leap: false });
    }
  });

  it("puts Giỗ Tổ Hùng Vương (10/3 lunar) on the published dates", () => {
    expect(lunarToSolar(10, 3, 2024)).toEqual(solar("2024-04-18"));
    expect(lunarToSolar(10, 3, 2025)).toEqual(solar("2025-04-07"));
    expect(lunarToSolar(10, 3, 2026)).toEqual(solar("2026-04-26"));
    expect(lunarToSolar(10, 3, 2027)).toEqual(solar("2027-04-16"));
  });

  it("differs from the Chinese calendar (UTC+8) in some years, because its days start an hour later", () => {
    // Tết 1985: a whole month apart (21 Jan in Vietnam, 20 Feb in China).
    expect(lunarToSolar(1, 1, 1985)).toEqual(solar("1985-01-21"));
    expect(lunarToSolar(1, 1, 1985, false, 8)).toEqual(solar("1985-02-20"));
    // Tết 2007: the new moon of 17 Feb came at 23:14 in Hà Nội, 00:14 on the 18th in Beijing.
    expect(lunarToSolar(1, 1, 2007)).toEqual(solar("2007-02-17"));
    expect(lunarToSolar(1, 1, 2007, false, 8)).toEqual(solar("2007-02-18"));
  });

  it("knows the leap months of recent years and refuses leap months that do not exist", () => {
    expect(solarToLunar(2025, 7, 25)).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(solarToLunar(2023, 3, 22)).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar(2020, 5, 23)).toEqual({ day: 1, month: 4, year: 2020, leap: true });
    expect(() => lunarToSolar(1, 5, 2025, true)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 6, 2026, true)).toThrow(RangeError);
    expect(() => lunarToSolar(0, 1, 2026)).toThrow(RangeError);
    // The last month of Ất Tỵ has 29 days: 14/2/2026 is its 27th day, 16/2 its last.
    expect(lunarMonthLength(12, 2025)).toBe(29);
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(RangeError);
    expect(solarToLunar(2026, 2, 14)).toEqual({ day: 27, month: 12, year: 2025, leap: false });
    expect(solarToLunar(2026, 2, 22)).toEqual({ day: 6, month: 1, year: 2026, leap: false });
  });

  it("round-trips every day from 1900 to 2100, with days 1–30 only", () => {
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2101, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      const l = solarToLunar(y, m, day);
      if (l.day < 1 || l.day > 30) expect.fail(`${d.toISOString()} → lunar day ${l.day}`);
      const back = lunarToSolar(l.day, l.month, l.year, l.leap);
      if (back.y !== y || back.m !== m || back.d !== day) expect.fail(`${d.toISOString()} → ${JSON.stringify(l)} → ${JSON.stringify(back)}`);
    }
  });

  it("agrees with ICU's Chinese calendar at UTC+8 except where a new moon is minutes from Beijing midnight", () => {
    // An independent implementation: Node's Intl (ICU) computes the Chinese calendar with its own astronomy.
    // Both are approximations good to a few minutes, so they may disagree only on these months, each one's new
    // moon lying within 7 minutes of midnight in Beijing (1987: a solar term near midnight moves the leap month).
    // ICU is the one off for 2027: the new moon is at 23:56 Beijing time on 6 Feb (an eclipse day), and
    // the Hong Kong Observatory gives 6 Feb 2027 for the Chinese New Year.
    const expectedDisagreements = [
      "1954-02",
      "1954-03",
      "1955-02",
      "1955-03",
      "1987-07",
      "1987-08",
      "1987-09",
      "1999-01",
      "1999-02",
      "2012-08",
      "2012-09",
      "2018-11",
      "2018-12",
      "2027-02",
      "2027-03",
      "2030-02",
      "2030-03",
    ];
    const fmt = new Intl.DateTimeFormat("en-u-ca-chinese", { timeZone: "UTC", month: "numeric", day: "numeric" });
    const disagree = new Set<string>();
    for (let t = Date.UTC(1950, 0, 1); t < Date.UTC(2051, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const parts = fmt.formatToParts(d);
      const month = parts.find((p) => p.type === "month")?.value ?? "";
      const day = Number(parts.find((p) => p.type === "day")?.value);
      const ours = solarToLunar(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 8);
      if (ours.day !== day || ours.month !== Number.parseInt(month, 10) || ours.leap !== /bis/.test(month)) disagree.add(d.toISOString().slice(0, 7));
    }
    expect([...disagree]).toEqual(expectedDisagreements);
  });
});
