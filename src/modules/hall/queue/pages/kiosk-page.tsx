// GET/POST /hall/:commune/kiosk: the touch screen at the hall. One form, one big button per service (works without
// JavaScript); the form's token makes a double tap the same ticket. Vietnamese first, ?lang=en for English.
import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { toLocalDay } from "../../../../platform/calendar/vietnam-time.ts";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError, setRetryAfter } from "../../../../platform/http/app-error.ts";
import { clientIp } from "../../../../platform/http/client-ip.ts";
import { readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { type Locale, translator } from "../../../../platform/i18n/i18n.ts";
import { CsrfField } from "../../../../platform/views/components.tsx";
import { hallPaths } from "../../hall-paths.ts";
import { listServices } from "../../hall.repository.ts";
import { hallCommune } from "../../use-cases/queue-commune.ts";
import { takeTicket } from "../../use-cases/queue-take.ts";
import { KIOSK_COOKIE } from "../kiosk-cookie.ts";
import type { QueueAssets } from "../queue-assets.ts";
import { waitingCounts } from "../queue.repository.ts";
import { KioskShell } from "./kiosk-shell.tsx";

export const kioskLocale = (c: Context<AppEnv>): Locale => (c.req.query("lang") === "en" ? "en" : "vi");
export const withLang = (path: string, locale: Locale) => (locale === "en" ? `${path}?lang=en` : path);

export function kioskPage(kit: PageKit, assets: QueueAssets) {
  const { deps, page } = kit;
  const render = async (c: Context<AppEnv>, communeCode: string, error: { key: string; status: 400 | 409 | 429 } | null) => {
    const locale = kioskLocale(c);
    const t = translator(locale);
    const unit = await hallCommune(deps, communeCode);
    const [services, waiting] = await Promise.all([listServices(deps.db, unit.code), waitingCounts(deps.db, unit.code, toLocalDay(deps.clock.now()))]);
    const ctx = page(c);
    const other: Locale = locale === "en" ? "vi" : "en";
    const here = hallPaths.kiosk(unit.code);
    return c.html(
      <KioskShell locale={locale} title={`${t("hall.queue.kiosk.title")} – ${unit.fullName}`} assets={assets}>
        <div class="kiosk__bar">
          <p class="ticket__commune">{locale === "en" ? (unit.fullNameEn ?? unit.fullName) : unit.fullName}</p>
          <a href={withLang(here, other)} lang={other}>
            {t("hall.queue.kiosk.otherLanguage")}
          </a>
        </div>
        <h1>{t("hall.queue.kiosk.heading")}</h1>
        {error && (
          <p class="kiosk__error" role="alert">
            {error.key}
          </p>
        )}
        {services.length === 0 ? (
          <p>{t("hall.queue.kiosk.noServices")}</p>
        ) : (
          <form method="post" action={withLang(here, locale)} data-kiosk-take>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="requestToken" value={randomBytes(16).toString("base64url")} />
            <div class="kiosk__services">
              {services.map((s) => (
                <button type="submit" class="kiosk__service" name="serviceId" value={s.id}>
                  <span class="kiosk__letter" aria-hidden="true">
                    {s.letter}
                  </span>
                  {locale === "en" ? s.nameEn : s.nameVi}
                  <span class="kiosk__waiting">{t("hall.queue.kiosk.waiting", { n: waiting.get(s.id) ?? 0 })}</span>
                </button>
              ))}
            </div>
          </form>
        )}
      </KioskShell>,
      error?.status ?? 200,
    );
  };

  return {
    get: (c: Context<AppEnv>) => render(c, c.req.param("commune") ?? "", null),
    post: async (c: Context<AppEnv>) => {
      const commune = c.req.param("commune") ?? "";
      const locale = kioskLocale(c);
      const t = translator(locale);
      const values = await readForm(c);
      try {
        const { id } = await takeTicket(
          deps,
          useCaseContext(c),
          commune,
          { serviceId: values.serviceId ?? "", requestToken: values.requestToken || undefined },
          { kioskKey: getCookie(c, KIOSK_COOKIE) ?? null, clientIp: clientIp(c, deps.config.trustedProxies) },
        );
        return c.redirect(withLang(hallPaths.kioskTicket(commune, id), locale), 303);
      } catch (err) {
        if (!(err instanceof AppError) || !["validation", "conflict", "too_many_requests"].includes(err.code)) throw err;
        setRetryAfter(c, err);
        const key = err.code === "validation" ? t(err.fields[0]?.message ?? "error.validation") : t(err.messageKey, err.params);
        return render(c, commune, { key, status: err.status as 400 | 409 | 429 });
      }
    },
  };
}
