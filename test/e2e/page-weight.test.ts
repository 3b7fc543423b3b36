// A first visit on a slow, metered phone connection: the home and sign-in pages, with everything they
// load (HTML, CSS, JavaScript, fonts, icons), must weigh at most 30 KB compressed, as transferred.
import { expect, it } from "vitest";
import { describeBrowser } from "./support/browser.ts";
import { useE2e } from "./support/e2e-app.ts";
import { formatWeight, measureFirstVisit } from "./support/page-weight.ts";

const BUDGET = 30 * 1024;

describeBrowser("page weight on a first visit", () => {
  const e2e = useE2e();

  it.each([
    { name: "home", path: "/" },
    { name: "sign-in", path: "/sign-in" },
  ])("$name ($path) weighs at most 30 KB compressed in total", async ({ name, path }) => {
    // A fresh context: empty cache and no cookies, like a first visit.
    const context = await e2e().newContext();
    const w = await measureFirstVisit(context, new URL(path, e2e().baseUrl).toString());
    const report = formatWeight(name, w);
    console.log(report);

    const doc = w.transfers.find((t) => t.type === "Document");
    expect(doc?.status).toBe(200);
    expect(doc?.encoding, "the HTML is sent compressed").toMatch(/^(gzip|br|deflate|zstd)$/);
    const css = w.transfers.find((t) => t.type === "Stylesheet");
    expect(css?.status).toBe(200);
    expect(w.transfers.some((t) => new URL(t.url).pathname.includes("favicon")), "the icon is counted").toBe(true);
    expect(w.total, report).toBeLessThanOrEqual(BUDGET);
  });
});

describeBrowser("page weight of the two entry pages together", () => {
  const e2e = useE2e();

  it("home then sign-in, each a first visit, stay within 30 KB compressed together", async () => {
    let total = 0;
    for (const path of ["/", "/sign-in"]) {
      const context = await e2e().newContext();
      const w = await measureFirstVisit(context, new URL(path, e2e().baseUrl).toString());
      total += w.total;
      await context.close();
    }
    console.log(`home + sign-in: ${(total / 1024).toFixed(1)} KB`);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });
});
