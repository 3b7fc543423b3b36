// Every notice the reports pages set after a redirect must be one the platform agrees to show: a catalogue key
// of the "<module>.flash." form (platform/http/flash.ts). A key of another form is silently dropped, and the
// officer or resident sees no word of what happened (the journey found the reporter's confirm, the "me too" and
// the Open311 key revocation saying nothing).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { registerModuleMessages } from "../../module-messages.ts";
import { isFlashKey } from "../../platform/http/flash.ts";
import { HANDLING_ACTIONS } from "./handling/handling-steps.ts";

registerModuleMessages();

const root = new URL(".", import.meta.url).pathname;
const sources = (readdirSync(root, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."))
  .map((f) => ({ file: f, text: readFileSync(join(root, f), "utf8") }))
  .filter((s) => s.text.includes("setFlash("));

it("finds the pages that set notices", () => {
  expect(sources.length).toBeGreaterThanOrEqual(5);
});

it("every literal notice key is shown by the platform", () => {
  const keys: { file: string; key: string }[] = [];
  for (const s of sources) {
    // The literals inside setFlash(…) and, where the key is chosen beforehand, every "reports.flash." literal.
    for (const call of s.text.matchAll(/setFlash\(c, ([^;]*?), secure\)/g))
      for (const lit of call[1]!.matchAll(/"(\w+\.[\w.]+)"/g)) keys.push({ file: s.file, key: lit[1]! });
    for (const lit of s.text.matchAll(/"(reports\.flash\.[\w.]+)"/g)) keys.push({ file: s.file, key: lit[1]! });
  }
  expect(keys.length).toBeGreaterThanOrEqual(10);
  expect(keys.filter((k) => !isFlashKey(k.key))).toEqual([]);
});

it("every officer's step has its notice", () => {
  expect(HANDLING_ACTIONS.map((a) => `reports.flash.handling.${a}`).filter((k) => !isFlashKey(k))).toEqual([]);
});
