import { describe, expect, it } from "vitest";
import { accepts, changesBetween, choiceOf, columnsOf, DEFAULT_CHOICE } from "./choice.ts";

describe("a person's notice choice", () => {
  it("defaults to SMS and e-mail, Zalo only when accepted", () => {
    expect(choiceOf([])).toEqual(DEFAULT_CHOICE);
    expect(choiceOf([{ channelsOff: [], channelsOn: ["zalo"], categoriesOff: [] }]).zalo).toBe(true);
  });

  it("lets a refusal on any matching row win", () => {
    const phoneRow = { channelsOff: ["sms"], channelsOn: [], categoriesOff: ["events"] };
    const accountRow = { channelsOff: ["zalo"], channelsOn: ["zalo"], categoriesOff: ["health"] };
    expect(choiceOf([phoneRow, accountRow])).toEqual({ sms: false, zalo: false, email: true, categoriesOff: ["events", "health"] });
  });

  it("never reads emergency as refused", () => {
    expect(choiceOf([{ channelsOff: [], channelsOn: [], categoriesOff: ["emergency"] }]).categoriesOff).toEqual([]);
    const choice = { sms: true, zalo: false, email: true, categoriesOff: ["events" as const] };
    expect(accepts(choice, "sms", "emergency")).toBe(true);
    expect(accepts(choice, "sms", "events")).toBe(false);
    expect(accepts(choice, "zalo", "health")).toBe(false);
  });

  it("writes a choice back as columns and says what changed", () => {
    const after = { sms: false, zalo: true, email: true, categoriesOff: ["health" as const] };
    expect(columnsOf(after)).toEqual({ channelsOff: ["sms"], channelsOn: ["zalo"], categoriesOff: ["health"] });
    expect(choiceOf([columnsOf(after)])).toEqual(after);
    expect(changesBetween(DEFAULT_CHOICE, after)).toEqual(["sms:off", "zalo:on", "category:health:off"]);
  });
});
