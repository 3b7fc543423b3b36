import { describe, expect, it } from "vitest";
import { registerModuleMessages } from "../../module-messages.ts";
import { localizeField, wordList } from "../http/app-error.ts";
import { translator } from "../i18n/i18n.ts";
import { dayInputValue, parseDayInput, readDayFields, withDayErrors } from "./day-input.ts";

registerModuleMessages();

describe("the typed day (dd/mm/yyyy)", () => {
  it("reads d/m/yyyy, dd/mm/yyyy, dd-mm-yyyy and dd.mm.yyyy, and YYYY-MM-DD, as one day", () => {
    for (const typed of ["12/02/2026", "12/2/2026", " 12-02-2026 ", "12.02.2026", "2026-02-12"])
      expect(parseDayInput(typed)).toEqual({ ok: true, iso: "2026-02-12" });
    expect(parseDayInput("1/1/2000")).toEqual({ ok: true, iso: "2000-01-01" });
    expect(parseDayInput("29/02/2028")).toEqual({ ok: true, iso: "2028-02-29" });
  });

  it("refuses days the calendar does not have, and text that is no day", () => {
    for (const impossible of ["31/02/2026", "29/02/2026", "00/01/2026", "31/04/2026", "12/13/2026", "2026-02-30"])
      expect(parseDayInput(impossible), impossible).toEqual({ ok: false, code: "impossible" });
    for (const junk of ["", "12/02/26", "12 02 2026", "hôm nay", "2026/02/12", "12/02/2026x"])
      expect(parseDayInput(junk), junk).toEqual({ ok: false, code: "format" });
  });

  it("shows a stored day as dd/mm/yyyy and leaves what was typed as it was", () => {
    expect(dayInputValue("2026-02-12")).toBe("12/02/2026");
    expect(dayInputValue("31/02/2026")).toBe("31/02/2026");
    expect(dayInputValue(undefined)).toBe("");
  });

  it("turns a page's day fields into YYYY-MM-DD and names the field of a bad one, in Vietnamese and English", () => {
    const read = readDayFields({ "applicant.birthDate": "5/3/1990", "form.deathDate": "31/02/2026", other: "31/02/2026", empty: "" }, [
      "applicant.birthDate",
      "form.deathDate",
      "empty",
    ]);
    expect(read.values).toMatchObject({ "applicant.birthDate": "1990-03-05", "form.deathDate": "31/02/2026", other: "31/02/2026", empty: "" });
    expect(read.errors).toEqual([{ field: "form.deathDate", code: "date", message: "validation.dateImpossible" }]);
    const [err] = read.errors;
    expect(localizeField(err!, translator("vi"), "Ngày chết")).toBe("Trường “Ngày chết”: không có ngày này trong lịch, hãy kiểm tra ngày và tháng");
    expect(localizeField(err!, translator("en"), "Date of death")).toBe(
      "Field “Date of death”: there is no such day in the calendar; check the day and the month",
    );
    const bad = readDayFields({ d: "tomorrow" }, ["d"]).errors[0]!;
    expect(localizeField(bad, translator("vi"), "Ngày")).toContain("ngày/tháng/năm, ví dụ 12/02/2026");
    // The page's words replace the use case's error on the same field; other errors stay.
    const merged = withDayErrors(
      [
        { field: "form.deathDate", code: "date", message: "dossiers.error.date" },
        { field: "x", code: "required", message: "validation.required" },
      ],
      read.errors,
    );
    expect(merged.map((e) => e.message)).toEqual(["validation.dateImpossible", "validation.required"]);
  });
});

describe("choice errors in plain words", () => {
  it("name the options from the catalogue in the reader's language, never their stored values", () => {
    const err = {
      field: "delivery.method",
      code: "choice",
      message: "dossiers.error.deliveryChoice" as const,
      options: (["desk", "post", "online"] as const).map((m) => ({ key: `dossiers.deliveryWord.${m}` as const })),
    };
    const vi = localizeField(err, translator("vi"));
    expect(vi).toBe("Chọn một cách nhận kết quả: tại bộ phận một cửa, qua bưu điện hoặc trực tuyến");
    expect(localizeField(err, translator("en"))).toBe("Choose how to receive the result: at the one-stop desk, by post or online");
    expect(vi).not.toMatch(/desk|post|online/);
  });

  it("join two options without a comma and one alone as it is", () => {
    const t = translator("vi");
    expect(wordList(["Chưa kết hôn", "Đã ly hôn"], t)).toBe("Chưa kết hôn hoặc Đã ly hôn");
    expect(wordList(["Một"], t)).toBe("Một");
  });
});
