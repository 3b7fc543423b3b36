import { describe, expect, it } from "vitest";
import { z } from "@hono/zod-openapi";
import { fieldErrorsFromZod } from "../../platform/http/app-error.ts";
import { BIRTH_PROVINCE_CODES, checkCitizenIdNumber, citizenIdNumberSchema, idDisagreement } from "./citizen-id.ts";
import { messagesEn, messagesVi } from "./citizens.messages.ts";

const today = new Date("2026-06-15T03:00:00Z");

describe("checkCitizenIdNumber", () => {
  it("reads province, sex and year of birth", () => {
    expect(checkCitizenIdNumber("001099012345", today)).toEqual({ ok: true, value: "001099012345", provinceCode: "001", sex: "male", birthYear: 1999 });
    expect(checkCitizenIdNumber("079305000123", today)).toEqual({ ok: true, value: "079305000123", provinceCode: "079", sex: "female", birthYear: 2005 });
    expect(checkCitizenIdNumber("096126000001", today)).toMatchObject({ ok: true, provinceCode: "096", sex: "female", birthYear: 1926 });
    expect(checkCitizenIdNumber("038226000001", today)).toMatchObject({ ok: true, sex: "male", birthYear: 2026 });
  });

  it("ignores the spaces and dots people copy from the card", () => {
    expect(checkCitizenIdNumber(" 001 099 012345 ", today)).toMatchObject({ ok: true, value: "001099012345" });
    expect(checkCitizenIdNumber("001.099.012.345", today)).toMatchObject({ ok: true, value: "001099012345" });
  });

  it("names what is wrong", () => {
    expect(checkCitizenIdNumber("", today)).toEqual({ ok: false, code: "length" });
    expect(checkCitizenIdNumber("00109901234", today)).toEqual({ ok: false, code: "length" });
    expect(checkCitizenIdNumber("0010990123456", today)).toEqual({ ok: false, code: "length" });
    expect(checkCitizenIdNumber("00109901234A", today)).toEqual({ ok: false, code: "digits" });
    expect(checkCitizenIdNumber("001-099-012345", today)).toEqual({ ok: false, code: "digits" });
    // 003, 005, 097 and 000 are not province codes.
    for (const p of ["000", "003", "005", "097", "099", "100"]) expect(checkCitizenIdNumber(`${p}099012345`, today)).toEqual({ ok: false, code: "province" });
  });

  it("refuses a year of birth after this year, in Vietnam's time", () => {
    expect(checkCitizenIdNumber("001227000001", today)).toEqual({ ok: false, code: "century" });
    expect(checkCitizenIdNumber("001400000001", today)).toEqual({ ok: false, code: "century" });
    expect(checkCitizenIdNumber("001900000001", today)).toEqual({ ok: false, code: "century" });
    // 31 Dec 2026 18:00 UTC is already 1 Jan 2027 in Hà Nội.
    expect(checkCitizenIdNumber("001227000001", new Date("2026-12-31T18:00:00Z"))).toMatchObject({ ok: true, birthYear: 2027 });
    expect(checkCitizenIdNumber("001227000001", new Date("2026-12-31T16:00:00Z"))).toEqual({ ok: false, code: "century" });
  });

  it("knows the 63 provinces of birth registration", () => {
    const codes = Object.keys(BIRTH_PROVINCE_CODES);
    expect(codes).toHaveLength(63);
    expect(codes.every((c) => /^0\d\d$/.test(c))).toBe(true);
    expect(BIRTH_PROVINCE_CODES["046"]).toBe("Thừa Thiên Huế");
  });
});

describe("idDisagreement", () => {
  it("agrees when the century/sex digit and the year match the birth date and sex", () => {
    expect(idDisagreement("001099012345", { birthDate: "1999-03-04", sex: "male" })).toBeNull();
    expect(idDisagreement("001199012345", { birthDate: "1999-03-04", sex: "female" })).toBeNull();
    expect(idDisagreement("079205000123", { birthDate: "2005-12-31", sex: "male" })).toBeNull();
    expect(idDisagreement("079 305 000123", { birthDate: "2005-01-01", sex: "female" })).toBeNull();
  });

  it("names a year of birth that differs, century included", () => {
    expect(idDisagreement("001099012345", { birthDate: "1998-03-04" })).toMatchObject({ code: "birthYear", params: { idYear: 1999, year: 1998 } });
    // Same two digits, other century: G = 0 is 1900–1999, so 2099 and 1999 differ.
    expect(idDisagreement("001205012345", { birthDate: "1905-03-04" })).toMatchObject({ code: "birthYear", params: { idYear: 2005, year: 1905 } });
    expect(idDisagreement("001005012345", { birthDate: "2005-03-04", sex: "male" })).toMatchObject({ code: "birthYear" });
  });

  it("names the sex the digit encodes when the sex chosen differs", () => {
    expect(idDisagreement("001099012345", { birthDate: "1999-03-04", sex: "female" })).toMatchObject({
      code: "sexMale",
      messageKey: "citizens.idNumber.sexMale",
    });
    expect(idDisagreement("001305012345", { sex: "male" })).toMatchObject({ code: "sexFemale", messageKey: "citizens.idNumber.sexFemale" });
  });

  it("has nothing to compare without a date or sex, or with a malformed number", () => {
    expect(idDisagreement("001099012345", {})).toBeNull();
    expect(idDisagreement("001099012345", { birthDate: null, sex: null })).toBeNull();
    expect(idDisagreement("00109901234", { birthDate: "1950-01-01", sex: "female" })).toBeNull();
  });
});

describe("citizenIdNumberSchema", () => {
  const schema = z.object({ idNumber: citizenIdNumberSchema(() => today) });

  it("outputs the 12 digits", () => {
    expect(schema.parse({ idNumber: "001 099 012345" })).toEqual({ idNumber: "001099012345" });
  });

  it("turns a bad number into a field error with the code's message key", () => {
    const r = schema.safeParse({ idNumber: "003099012345" });
    expect(r.success).toBe(false);
    const issue = r.error?.issues[0];
    expect(issue).toMatchObject({ code: "custom", path: ["idNumber"], params: { code: "province", messageKey: "citizens.idNumber.province" } });
    expect(fieldErrorsFromZod(r.error?.issues ?? [])).toEqual([expect.objectContaining({ field: "idNumber", message: "citizens.idNumber.province" })]);
  });

  it("keeps zod's own errors for a missing field", () => {
    const r = schema.safeParse({});
    expect(fieldErrorsFromZod(r.error?.issues ?? [])).toEqual([expect.objectContaining({ field: "idNumber", code: "required" })]);
  });
});

it("has a message in both languages for every key, naming the field", () => {
  for (const [key, vi] of Object.entries(messagesVi).filter(([k]) => /^citizens\.(idNumber|phone|upload)\./.test(k))) {
    expect(vi, key).toContain("{field}");
    expect(messagesEn[key as keyof typeof messagesVi], key).toContain("{field}");
  }
});
