import { describe, expect, it } from "vitest";
import { localInstant, localNoon, localYear, nextLocalDay, toLocalDay } from "./vietnam-time.ts";

describe("Vietnam time", () => {
  it("counts the local day from UTC+7: 17:00 UTC is already tomorrow in Hà Nội", () => {
    expect(toLocalDay(new Date("2026-12-31T16:59:59Z"))).toBe("2026-12-31");
    expect(toLocalDay(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
    expect(localYear(new Date("2026-12-31T17:00:00Z"))).toBe(2027);
  });

  it("turns a local day and time back into the instant", () => {
    expect(localInstant("2026-02-14").toISOString()).toBe("2026-02-13T17:00:00.000Z");
    expect(localInstant("2026-02-14", "17:30").toISOString()).toBe("2026-02-14T10:30:00.000Z");
    expect(toLocalDay(localNoon("2026-02-14"))).toBe("2026-02-14");
  });

  it("steps to the next day across months and leap years", () => {
    expect(nextLocalDay("2028-02-28")).toBe("2028-02-29");
    expect(nextLocalDay("2026-12-31")).toBe("2027-01-01");
  });
});
