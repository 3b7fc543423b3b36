import { describe, expect, it } from "vitest";
import { FormField } from "../procedures/index.ts";
import { checkFormData } from "./form-data.ts";

describe("a person field's ID number", () => {
  const fields = [FormField.parse({ key: "mother", label: "Mẹ", type: "person" })];
  const today = new Date("2026-06-15T03:00:00Z");

  it("must agree with the person's year of birth (century digit and YY)", () => {
    const off = checkFormData(
      fields,
      { mother: { fullName: "Lê Thị Hoa", birthDate: "1995-04-02", citizenIdNumber: "001190012345" } },
      { partial: false, today },
    );
    expect(off.errors).toEqual([
      { field: "form.mother.citizenIdNumber", code: "birthYear", message: "citizens.idNumber.birthYear", params: { idYear: 1990, year: 1995 } },
    ]);
    const ok = checkFormData(
      fields,
      { mother: { fullName: "Lê Thị Hoa", birthDate: "1990-04-02", citizenIdNumber: "001190012345" } },
      { partial: false, today },
    );
    expect(ok.errors).toEqual([]);
  });
});
