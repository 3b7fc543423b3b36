// Every landed element is written by exactly one refresh step, and every element is named in both languages.
import { expect, it } from "vitest";
import { COMPUTED_ELEMENTS } from "./element-catalogue.ts";
import { countedOn, refreshSourceOf, STOCK_KEYS, SUM_SOURCES, sumSourceKeys } from "./element-sources.ts";
import { messagesEn, messagesVi } from "./elements.messages.ts";

it("writes every landed element from exactly one step, with the catalogue's aggregation", () => {
  const written = [...SUM_SOURCES.flatMap(sumSourceKeys), ...STOCK_KEYS];
  expect(new Set(written).size).toBe(written.length);
  const landed = COMPUTED_ELEMENTS.filter((e) => e.landed);
  expect([...written].sort()).toEqual(landed.map((e) => e.key).sort());
  for (const e of landed) {
    expect(refreshSourceOf(e.key)).not.toBeNull();
    expect(countedOn(e.key) === "snapshot").toBe(e.aggregation === "last");
  }
});

it("names every element in Vietnamese and English", () => {
  for (const e of COMPUTED_ELEMENTS) {
    const key = `indicators.element.${e.key}` as keyof typeof messagesVi;
    expect(messagesVi[key], e.key).toBeTruthy();
    expect(messagesEn[key], e.key).toBeTruthy();
    expect(messagesVi[key]).not.toBe(messagesEn[key]);
  }
});
