// A page object for the server-rendered pages: navigation and form posts wait on the real navigation, never on time.
import type { Locator, Page, Response } from "playwright-core";
import { DEMO_PASSWORD } from "../../../src/demo/seed-demo.ts";
import { type AxeViolation, axeViolations } from "./axe.ts";

export class XasoPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens a path and checks the HTTP status of the document. */
  async open(path: string, status = 200): Promise<Response> {
    const res = await this.page.goto(new URL(path, this.baseUrl).toString(), { waitUntil: "load" });
    if (!res) throw new Error(`no response for ${path}`);
    if (res.status() !== status) throw new Error(`GET ${path}: expected HTTP ${status}, got ${res.status()}`);
    return res;
  }

  /** Path and query of the current document, e.g. "/units?q=gia+phu". */
  get path(): string {
    const u = new URL(this.page.url());
    return `${u.pathname}${u.search}`;
  }

  /**
   * Activates a control that loads a new document (a link or a form's submit button) and waits until
   * that document has loaded. Returns the final (non-redirect) response, so callers can check its status.
   */
  async navigateBy(control: Locator): Promise<Response> {
    const page = this.page;
    const finalResponse = page.waitForResponse(
      (r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && !(r.status() >= 300 && r.status() < 400),
    );
    const committed = page.waitForEvent("framenavigated", { predicate: (f) => f === page.mainFrame() });
    const [res] = await Promise.all([finalResponse, committed, control.click()]);
    await page.waitForLoadState("load");
    return res;
  }

  /** Follows a link found by its accessible name (exact). */
  followLink(name: string, within: Locator | Page = this.page): Promise<Response> {
    return this.navigateBy(within.getByRole("link", { name, exact: true }).first());
  }

  h1(): Promise<string> {
    return this.page.locator("main h1").innerText();
  }

  /** The notice shown once after a redirect (sign-in, sign-out, saved …). */
  async flash(): Promise<string | null> {
    const n = this.page.locator("main .notice[role=status]");
    return (await n.count()) ? (await n.first().innerText()).trim() : null;
  }

  lang(): Promise<string | null> {
    return this.page.locator("html").getAttribute("lang");
  }

  /** The accessible names of the links in a table or list. */
  linkNames(within: string): Promise<string[]> {
    return this.page
      .locator(`${within} a`)
      .allInnerTexts()
      .then((xs) => xs.map((x) => x.trim()));
  }

  async signIn(username: string, password = DEMO_PASSWORD): Promise<Response> {
    await this.open("/sign-in");
    return this.submitSignIn(username, password);
  }

  async submitSignIn(username: string, password: string): Promise<Response> {
    const form = this.page.locator('main form[action="/sign-in"]');
    await form.locator("#f-username").fill(username);
    await form.locator("#f-password").fill(password);
    return this.navigateBy(form.locator("button[type=submit]"));
  }

  /** The sign-out button in the header. */
  signOut(): Promise<Response> {
    return this.navigateBy(this.page.locator('header form[action="/sign-out"] button[type=submit]'));
  }

  /** The language buttons in the header post the choice and come back to the same page. */
  chooseLanguage(lang: "vi" | "en"): Promise<Response> {
    return this.navigateBy(this.page.locator(`header form.lang button[name=lang][value=${lang}]`));
  }

  /** Types into the page's search form (home or /units) and submits it. */
  async search(q: string): Promise<Response> {
    const form = this.page.locator("main form[role=search]");
    await form.locator("input[type=search]").fill(q);
    return this.navigateBy(form.locator("button[type=submit]"));
  }

  /** How far the document is wider than the viewport (0 = no horizontal scrolling). */
  horizontalOverflow(): Promise<{ scrollWidth: number; viewport: number }> {
    return this.page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  }

  /**
   * The innermost elements that stick out past the right edge of a `width`-px screen, as short selectors
   * with their right edge: what to look at when a page scrolls sideways. Works with JavaScript off too.
   */
  overflowingElements(width = 360): Promise<string[]> {
    return this.page.locator("body *").evaluateAll((els, w) => {
      // Inside a container that scrolls or clips on its own (a wide table in .table-wrap), sticking out is
      // fine, unless the element is positioned against something outside that container: then it escapes the clip.
      const clipped = (e: Element) => {
        const abs = ["absolute", "fixed"].includes(getComputedStyle(e).position);
        const holder = (e as HTMLElement).offsetParent;
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX === "visible") continue;
          if (!abs || (holder !== null && (a === holder || a.contains(holder)))) return true;
        }
        return false;
      };
      const wide = els.filter((e) => e.getBoundingClientRect().right > w + 0.5 && !clipped(e));
      const innermost = wide.filter((e) => !wide.some((o) => o !== e && e.contains(o)));
      const name = (e: Element) =>
        `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.getAttribute("class")?.trim() ? `.${e.getAttribute("class")!.trim().split(/\s+/).join(".")}` : ""}`;
      return innermost
        .slice(0, 10)
        .map((e) => `${e.parentElement ? `${name(e.parentElement)} > ` : ""}${name(e)} (right ${Math.round(e.getBoundingClientRect().right)} px)`);
    }, width);
  }

  axe(): Promise<AxeViolation[]> {
    return axeViolations(this.page);
  }
}
