// GET/POST /hall/kiosk-setup/:token: opening the one-time link on the kiosk device and confirming stores the kiosk's
// key in a cookie. A confirmation button (POST), so a link preview or a scanner never uses the link up.
import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { Button, CsrfField } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { hallPaths } from "../../hall-paths.ts";
import { activateKiosk } from "../../use-cases/queue-kiosk-register.ts";
import { KIOSK_COOKIE, KIOSK_COOKIE_MAX_AGE } from "../kiosk-cookie.ts";

export function kioskSetupPage(kit: PageKit) {
  const { deps, page, secure } = kit;
  return {
    get: (c: Context<AppEnv>) => {
      const ctx = page(c);
      const { t } = ctx;
      return c.html(
        <Layout ctx={ctx} title={t("hall.queue.setup.title")}>
          <h1>{t("hall.queue.setup.title")}</h1>
          <p>{t("hall.queue.setup.intro")}</p>
          <form method="post" action={hallPaths.kioskSetup(c.req.param("token") ?? "")}>
            <CsrfField token={ctx.csrfToken} />
            <Button>{t("hall.queue.setup.confirm")}</Button>
          </form>
        </Layout>,
      );
    },
    post: async (c: Context<AppEnv>) => {
      const done = await activateKiosk(deps, useCaseContext(c), c.req.param("token") ?? "");
      if (!done) {
        const ctx = page(c);
        return c.html(
          <Layout ctx={ctx} title={ctx.t("hall.queue.setup.title")}>
            <h1>{ctx.t("hall.queue.setup.title")}</h1>
            <p class="error">{ctx.t("hall.queue.setup.invalid")}</p>
          </Layout>,
          404,
        );
      }
      setCookie(c, KIOSK_COOKIE, done.key, { path: "/", httpOnly: true, secure, sameSite: "Lax", maxAge: KIOSK_COOKIE_MAX_AGE });
      return c.redirect(hallPaths.kiosk(done.communeCode), 303);
    },
  };
}
