import { describe, expect, it } from "vitest";
import { z } from "@hono/zod-openapi";
import { fieldErrorsFromZod } from "../../platform/http/app-error.ts";
import { checkPhone, MOBILE_PREFIXES, phoneSchema } from "./phone.ts";

const ok = { ok: true, national: "0912345678", e164: "+84912345678", last4: "5678" };

describe("checkPhone", () => {
  it("accepts the national, international and written forms", () => {
    for (const raw of [
      "0912345678",
      "+84912345678",
      "84912345678",
      "0084912345678",
      "0912 345 678",
      " 0912.345.678 ",
      "091-234-5678",
      "+84 912 345 678",
      "+84 (0)912 345 678",
    ]) {
      expect(checkPhone(raw), raw).toEqual(ok);
    }
  });

  it("accepts every mobile range", () => {
    for (const p of ["03", "05", "07", "08", "09"]) expect(checkPhone(`${p}61234567`)).toMatchObject({ ok: true, national: `${p}61234567` });
  });

  it("refuses landlines, wrong lengths and letters", () => {
    for (const raw of [
      "",
      "0243826888",
      "0112345678",
      "0612345678",
      "091234567",
      "09123456789",
      "849123456789",
      "+8491234567",
      "0912abc678",
      "912345678",
      "+",
    ]) {
      expect(checkPhone(raw), raw).toEqual({ ok: false, code: "format" });
    }
  });

  it("refuses the prefixes no network has been assigned, in every written form", () => {
    for (const p of ["030", "031", "050", "051", "053", "054", "057", "071", "072", "073", "074", "075", "080", "095"]) {
      expect(checkPhone(`${p}1234567`), p).toEqual({ ok: false, code: "unassigned" });
      expect(checkPhone(`+84 ${p.slice(1)} 123 4567`), p).toEqual({ ok: false, code: "unassigned" });
    }
  });

  it("accepts each network's assigned prefixes and nothing else in the mobile blocks", () => {
    for (const p of [
      "032",
      "039",
      "086",
      "098",
      "081",
      "085",
      "088",
      "091",
      "094",
      "070",
      "076",
      "079",
      "089",
      "090",
      "093",
      "052",
      "056",
      "058",
      "092",
      "059",
      "099",
      "087",
      "055",
    ])
      expect(checkPhone(`${p}1234567`), p).toMatchObject({ ok: true, national: `${p}1234567` });
    // Every three-digit prefix in 03x, 05x, 07x, 08x, 09x is either assigned (accepted) or unassigned (refused as such).
    const all = ["3", "5", "7", "8", "9"].flatMap((a) => [..."0123456789"].map((b) => `0${a}${b}`));
    const assigned = all.filter((p) => checkPhone(`${p}1234567`).ok);
    expect(assigned).toEqual(Object.keys(MOBILE_PREFIXES).sort());
    expect(assigned).toHaveLength(36);
  });

  it("says when a number belongs to another country", () => {
    expect(checkPhone("+33612345678")).toEqual({ ok: false, code: "notVietnamese" });
    expect(checkPhone("001 202 555 0123")).toEqual({ ok: false, code: "notVietnamese" });
  });
});

describe("phoneSchema", () => {
  const schema = z.object({ phone: phoneSchema() });

  it("outputs the national form", () => {
    expect(schema.parse({ phone: "+84 912.345.678" })).toEqual({ phone: "0912345678" });
  });

  it("names an unassigned prefix in the field error", () => {
    const r = schema.safeParse({ phone: "0951234567" });
    expect(fieldErrorsFromZod(r.error?.issues ?? [])).toEqual([expect.objectContaining({ field: "phone", message: "citizens.phone.unassigned" })]);
  });

  it("gives the code's message key to the field error", () => {
    const r = schema.safeParse({ phone: "+33612345678" });
    expect(r.error?.issues[0]).toMatchObject({
      code: "custom",
      path: ["phone"],
      params: { code: "notVietnamese", messageKey: "citizens.phone.notVietnamese" },
    });
    expect(fieldErrorsFromZod(r.error?.issues ?? [])).toEqual([expect.objectContaining({ field: "phone", message: "citizens.phone.notVietnamese" })]);
  });
});
