import { describe, expect, it } from "vitest";
import { badJsonPaths, badPairs, decodeComponent, hasBadText } from "./input-guard.ts";

describe("the edge check for text the database cannot store", () => {
  it("finds NUL and half surrogate pairs, and lets whole pairs and ordinary text through", () => {
    for (const bad of ["a\u0000b", "\u0000", "a\ud800", "\ud800b", "a\udc00b", "\udc00\ud800"]) expect(hasBadText(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ["", "Thôn Phú Hà", "🌾 lúa", "\ud83c\udf3e", "tab\tand\nnewline", "\uFFFD"]) expect(hasBadText(good), good).toBe(false);
  });

  it("decodes URL and form components strictly: %-escapes must be UTF-8 and hold no NUL; a stray % stays literal", () => {
    expect(decodeComponent("gia+ph%C3%BA", true)).toBe("gia phú");
    expect(decodeComponent("a+b", false)).toBe("a+b");
    expect(decodeComponent("100%", true)).toBe("100%");
    expect(decodeComponent("50%+off", true)).toBe("50% off");
    expect(decodeComponent("%F0%9F%8C%BE", true)).toBe("🌾");
    for (const bad of ["%00", "a%00b", "%C0", "%FF", "%C0%80", "%ED%A0%80", "%E1%BA", "%F0%9F%8C"]) expect(decodeComponent(bad, true), bad).toBeNull();
  });

  it("names each bad pair of a query string or url-encoded body by its key", () => {
    expect(badPairs("q=gia&limit=5&empty=&flag")).toEqual([]);
    expect(badPairs("q=%00&ok=1&x=%FF")).toEqual(["q", "x"]);
    expect(badPairs("%00=1")).toEqual(["%00"]);
    expect(badPairs("k%FF=1")).toEqual(["k%FF"]);
  });

  it("names bad strings and keys of a JSON value by their path, however deep", () => {
    expect(badJsonPaths({ a: "ok", b: ["x", { c: "\ud83c\udf3e" }] })).toEqual([]);
    expect(badJsonPaths({ applicant: { fullName: "A\u0000" }, items: ["ok", "b\ud800"] }).sort()).toEqual(["applicant.fullName", "items.1"]);
    expect(badJsonPaths({ "na\u0000me": "x" })).toEqual(["na\uFFFDme"]);
    expect(badJsonPaths("\u0000")).toEqual(["body"]);
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(badJsonPaths(deep)).toHaveLength(1);
  });
});
