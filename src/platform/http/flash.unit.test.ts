// Which cookie values the flash reader shows: catalogue keys marked as flashes, whatever the module's depth.
import { expect, it } from "vitest";
import { registerModuleMessages } from "../../module-messages.ts";
import { isFlashKey } from "./flash.ts";

registerModuleMessages();

it("shows core, module and module-part flash keys of the catalogue", () => {
  expect(["flash.signedIn", "skills.flash.saved", "sync.flash.conflictSettled", "reports.flash.handling.accept"].filter((k) => !isFlashKey(k))).toEqual([]);
});

it("refuses a catalogue key that is not a flash, and a flash-looking key the catalogue lacks", () => {
  expect(isFlashKey("calendar.title")).toBe(false);
  expect(isFlashKey("skills.flash.noSuchText")).toBe(false);
  expect(isFlashKey("flash.<script>")).toBe(false);
});
