import { expect, it } from "vitest";
import { searchKey } from "./search-key.ts";

it("folds Vietnamese diacritics, đ and case so 'gia phu' matches 'Xã Gia Phú'", () => {
  expect(searchKey("Xã Gia Phú")).toBe("xa gia phu");
  expect(searchKey("ĐẶC KHU Côn Đảo")).toBe("dac khu con dao");
  expect(searchKey("  Thôn  Phú-Hà ")).toBe("thon phu ha");
  // Decomposed input (as some keyboards send it) folds the same way.
  expect(searchKey("Gia Phu\u0301")).toBe("gia phu");
});
