// The office report page's steps as the journey tests drive them, with JavaScript off.
import { expect } from "vitest";
import { reportPaths } from "../../../src/modules/reports/report-paths.ts";
import type { XasoPage } from "./xaso-page.ts";

export type StepForm = ReturnType<XasoPage["page"]["locator"]>;

/**
 * A step on the report page `x` shows: unfold its form (a <details>, no script needed), fill it, press its button.
 * The page comes back to the report with a notice, which is returned.
 */
export async function officeStep(
  x: XasoPage,
  reportId: string,
  action: string,
  label: string,
  fill: (form: StepForm) => Promise<unknown> = async () => undefined,
): Promise<string | null> {
  const form = x.page.locator(`main form[action="${reportPaths.officeReport(reportId)}/actions/${action}"]`);
  await x.page.locator("main details summary", { hasText: label }).click();
  await fill(form);
  const res = await x.navigateBy(form.getByRole("button", { name: label, exact: true }));
  expect(res.status(), `${action} comes back to the report`).toBe(200);
  expect(x.path).toBe(reportPaths.officeReport(reportId));
  return x.flash();
}
