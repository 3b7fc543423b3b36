// Accessibility checks with axe-core, injected into the page (the context must bypass our CSP to allow that).
import axe from "axe-core";
import type { Page } from "playwright-core";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export type AxeViolation = { id: string; impact: string | null; help: string; helpUrl: string; nodes: { target: string; html: string; summary: string }[] };

type AxeWindow = { axe?: typeof axe };

/**
 * Runs axe on the current document. Needs JavaScript in the page: with `javaScriptEnabled: false`
 * Chromium closes the page when axe runs, so check narrow layouts in a JavaScript-enabled context
 * (our pages render the same either way: the app ships no JavaScript).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => typeof (window as unknown as AxeWindow).axe === "object");
  if (!injected) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const a = (window as unknown as AxeWindow).axe!;
    const res = await a.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html, summary: n.failureSummary ?? "" })),
    }));
  }, AXE_TAGS);
}

export function formatViolations(where: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no axe violations`;
  const lines = [`${where}: ${violations.length} axe violation(s)`];
  for (const v of violations) {
    lines.push(`  [${v.impact ?? "?"}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes) lines.push(`      at ${n.target}\n        ${n.html}\n        ${n.summary.replace(/\n/g, "\n        ")}`);
  }
  return lines.join("\n");
}
