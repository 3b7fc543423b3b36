// POST reportPaths.support(code): "tôi cũng gặp" from a page (the form's similar list, the public report page).
import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { clientIp } from "../../../../platform/http/client-ip.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { readForm, safeNext } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { reportPaths } from "../../report-paths.ts";
import { BROWSER_KEY_PATTERN, supportReport } from "../../use-cases/report-support.ts";
import { SUPPORT_COOKIE } from "./shared.tsx";

export function supportPages(kit: PageKit) {
  const { deps, secure } = kit;
  return async (c: Context<AppEnv>) => {
    const values = await readForm(c);
    let key = getCookie(c, SUPPORT_COOKIE);
    if (!key || !BROWSER_KEY_PATTERN.test(key)) {
      key = randomBytes(18).toString("base64url");
      setCookie(c, SUPPORT_COOKIE, key, { path: "/reports", httpOnly: true, sameSite: "Lax", secure, maxAge: 365 * 86_400 });
    }
    const code = c.req.param("code") ?? "";
    const res = await supportReport(deps, useCaseContext(c), { code, browserKey: key, clientIp: clientIp(c, deps.config.trustedProxies) });
    setFlash(c, res.added ? "reports.flash.reporting.supportDone" : "reports.flash.reporting.supportAlready", secure);
    return c.redirect(safeNext(values.next, reportPaths.publicReport(res.code)), 303);
  };
}
