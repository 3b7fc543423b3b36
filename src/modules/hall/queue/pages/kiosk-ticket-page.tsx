// GET /hall/:commune/kiosk/t/:id: the ticket just taken, on screen and printed on the 80 mm receipt printer (the
// print stylesheet keeps only the ticket). With JavaScript it prints at once and returns to the services; without,
// a print button and a timed refresh back.
import type { Context } from "hono";
import QRCode from "qrcode";
import { raw } from "hono/html";
import { AppError } from "../../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import { translator } from "../../../../platform/i18n/i18n.ts";
import { hallPaths } from "../../hall-paths.ts";
import { hallCommune } from "../../use-cases/queue-commune.ts";
import { viewTicket } from "../../use-cases/queue-ticket-view.ts";
import type { QueueAssets } from "../queue-assets.ts";
import { kioskLocale, withLang } from "./kiosk-page.tsx";
import { KioskShell } from "./kiosk-shell.tsx";

export const KIOSK_RETURN_SECONDS = 8;

export function kioskTicketPage(kit: PageKit, assets: QueueAssets) {
  const { deps } = kit;
  return async (c: Context<AppEnv>) => {
    const locale = kioskLocale(c);
    const t = translator(locale);
    const unit = await hallCommune(deps, c.req.param("commune") ?? "");
    const v = await viewTicket(deps, c.req.param("id") ?? "");
    if (v.ticket.communeCode !== unit.code) throw new AppError("not_found", "error.notFound");
    const url = `${deps.config.publicUrl ?? new URL(c.req.url).origin}${hallPaths.ticket(v.ticket.id)}`;
    const qr = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    const back = withLang(hallPaths.kiosk(unit.code), locale);
    return c.html(
      <KioskShell
        locale={locale}
        title={`${v.ticket.label} – ${t("hall.queue.kiosk.title")}`}
        assets={assets}
        refresh={{ seconds: KIOSK_RETURN_SECONDS * 3, url: back }}
      >
        <section class="ticket" aria-labelledby="ticket-label" data-kiosk-return={back} data-kiosk-seconds={String(KIOSK_RETURN_SECONDS)}>
          <p class="ticket__commune">{locale === "en" ? (unit.fullNameEn ?? unit.fullName) : unit.fullName}</p>
          <p class="ticket__meta">{t("hall.queue.ticket.yourNumber")}</p>
          <h1 class="ticket__label" id="ticket-label">
            {v.ticket.label}
          </h1>
          <p class="ticket__service">{locale === "en" ? v.service.nameEn : v.service.nameVi}</p>
          <p class="ticket__meta">{v.ahead === null ? "" : t("hall.queue.ticket.ahead", { n: v.ahead })}</p>
          <p class="ticket__meta">{formatDateTime(v.ticket.takenAt, locale)}</p>
          <div class="ticket__qr" role="img" aria-label={t("hall.queue.ticket.qr")}>
            {raw(qr)}
          </div>
          <p class="ticket__meta">{t("hall.queue.ticket.qr")}</p>
        </section>
        <div class="kiosk__actions">
          <a href={back}>{t("hall.queue.kiosk.again")}</a>
          <a href={hallPaths.ticket(v.ticket.id)}>{t("hall.queue.kiosk.follow")}</a>
        </div>
      </KioskShell>,
    );
  };
}
