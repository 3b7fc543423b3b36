// Debian's Chromium driven by playwright-core (Playwright's own browser download does not work offline).
import { existsSync } from "node:fs";
import { type Browser, type BrowserContextOptions, chromium } from "playwright-core";
import { describe } from "vitest";
import { engine } from "../../support/test-db.ts";

export const CHROMIUM = process.env.XASO_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

export const chromiumAvailable = () => existsSync(CHROMIUM);

/**
 * describe() for browser tests: skipped, visibly, when Chromium is not installed on a developer machine
 * (scripts/test.sh installs it) or the run's database engine is unavailable; under CI=true a missing
 * browser fails instead of skipping.
 */
export const describeBrowser = (name: string, fn: () => void) =>
  describe.skipIf((!chromiumAvailable() && process.env.CI !== "true") || !engine()?.available)(`${name} [chromium]`, fn);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
}

/** Vietnamese first, like most of our visitors; bypassCSP only so that axe can be injected (our CSP forbids inline scripts). */
export const DEFAULT_CONTEXT: BrowserContextOptions = {
  locale: "vi-VN",
  bypassCSP: true,
  viewport: { width: 1280, height: 800 },
};

export const NARROW_VIEWPORT = { width: 360, height: 740 } as const;
