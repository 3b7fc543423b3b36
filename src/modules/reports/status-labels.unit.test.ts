// A report's status reads the same wherever one kind of reader meets it: the resident on the private page and on
// the public page; the officer on the desk and on the report page. The journey found "Mới tiếp nhận" on the public
// page for a report nobody had accepted yet, beside "Đã gửi, chờ tiếp nhận" on the reporter's own page.
import { expect, it } from "vitest";
import { registerModuleMessages } from "../../module-messages.ts";
import { type MessageKey, translator } from "../../platform/i18n/i18n.ts";
import { REPORT_STATUSES } from "./reports.model.ts";

registerModuleMessages();

const labels = (prefix: string, locale: "vi" | "en") => {
  const t = translator(locale);
  return Object.fromEntries(REPORT_STATUSES.map((s) => [s, t(`${prefix}.${s}` as MessageKey)]));
};

it.each(["vi", "en"] as const)("the resident's faces say the same for each status (%s)", (locale) => {
  expect(labels("reports.public.status", locale)).toEqual(labels("reports.reporting.status", locale));
});

it.each(["vi", "en"] as const)("the officer's faces say the same for each status (%s)", (locale) => {
  expect(labels("reports.handling.status", locale)).toEqual(labels("reports.desk.status", locale));
});

it("a report not yet accepted does not read as accepted to the resident", () => {
  const vi = labels("reports.public.status", "vi");
  expect(vi.received).not.toMatch(/^(Mới|Đã) tiếp nhận/);
  expect(new Set(Object.values(vi)).size).toBe(REPORT_STATUSES.length);
});
