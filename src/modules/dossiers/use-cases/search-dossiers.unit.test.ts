import { describe, expect, it } from "vitest";
import { parseSearch } from "./search-dossiers.ts";

describe("what a dossier search looks for", () => {
  it("folds a name, with or without diacritics, into words", () => {
    expect(parseSearch("Nguyễn Văn  An")).toEqual({ words: ["nguyen", "van", "an"], code: null, digits: null });
    expect(parseSearch("ĐỖ")).toEqual({ words: ["do"], code: null, digits: null });
  });

  it("reads phones as people write them, and ID numbers", () => {
    expect(parseSearch("0912.345.678")?.digits).toBe("0912345678");
    expect(parseSearch("+84 912 345 678")?.digits).toBe("0912345678");
    expect(parseSearch("010090001234")?.digits).toBe("010090001234");
  });

  it("takes a code or part of one, in capitals", () => {
    expect(parseSearch("000.29.23.h39-261124-0001")?.code).toBe("000.29.23.H39-261124-0001");
    expect(parseSearch("0001")).toEqual({ words: [], code: "0001", digits: null });
  });

  it("finds nothing to look for in what is too short", () => {
    for (const q of ["", "  ", "a", "12", "-.-"]) expect(parseSearch(q), q).toBeNull();
  });
});
