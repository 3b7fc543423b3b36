import { describe, expect, it } from "vitest";
import { vietnameseNumberWords as w, vndInWords } from "./number-words.ts";

describe("Vietnamese number words", () => {
  it("reads zero, units, tens and their special forms", () => {
    expect(w(0)).toBe("không");
    expect(w(1)).toBe("một");
    expect(w(10)).toBe("mười");
    expect(w(15)).toBe("mười lăm");
    expect(w(21)).toBe("hai mươi mốt");
    expect(w(24)).toBe("hai mươi tư");
    expect(w(25)).toBe("hai mươi lăm");
    expect(w(11)).toBe("mười một");
    expect(w(14)).toBe("mười bốn");
    expect(w(90)).toBe("chín mươi");
  });

  it("reads a zero ten as linh and a zero hundred in full after a larger group", () => {
    expect(w(105)).toBe("một trăm linh năm");
    expect(w(110)).toBe("một trăm mười");
    expect(w(1_000_005)).toBe("một triệu không trăm linh năm");
    expect(w(2_050)).toBe("hai nghìn không trăm năm mươi");
    expect(w(1_005_000)).toBe("một triệu không trăm linh năm nghìn");
  });

  it("leaves out groups of zero and repeats tỷ above a billion", () => {
    expect(w(1_000_000)).toBe("một triệu");
    expect(w(20_000)).toBe("hai mươi nghìn");
    expect(w(1_000_000_000)).toBe("một tỷ");
    expect(w(1_500_000_000)).toBe("một tỷ năm trăm triệu");
    expect(w(1_000_000_000_000)).toBe("một nghìn tỷ");
    expect(w(3_000_000_021)).toBe("ba tỷ không trăm hai mươi mốt");
  });

  it("writes an amount of đồng with a capital letter, and refuses what is not a whole number", () => {
    expect(vndInWords(20_000)).toBe("Hai mươi nghìn đồng");
    expect(vndInWords(0)).toBe("Không đồng");
    expect(vndInWords(1_000_005)).toBe("Một triệu không trăm linh năm đồng");
    expect(() => w(-1)).toThrow(RangeError);
    expect(() => w(1.5)).toThrow(RangeError);
  });
});
