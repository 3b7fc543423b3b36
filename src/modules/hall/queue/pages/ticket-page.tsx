// GET /hall/t/:id: the ticket's own page (the QR code on the printed ticket, the SMS link). While the ticket is in the
// queue its status is brought up to date every 30 s: in place by ticket.js, or by a timed refresh without JavaScript
// (inside <noscript>: a whole-page reload under a screen reader fails WCAG 2.2.1, axe's meta-refresh).
import type { Context } from "hono";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import { SummaryList } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { viewTicket } from "../../use-cases/queue-ticket-view.ts";
import type { QueueAssets } from "../queue-assets.ts";

export const TICKET_REFRESH_SECONDS = 30;

export function ticketPage(kit: PageKit, assets: QueueAssets) {
  const { deps, page } = kit;
  return async (c: Context<AppEnv>) => {
    const v = await viewTicket(deps, c.req.param("id") ?? "");
    const ctx = page(c);
    const { t, locale } = ctx;
    const live = v.ticket.status === "waiting" || v.ticket.status === "called";
    const rows: [string, string][] = [
      [t("hall.queue.field.service"), locale === "en" ? v.service.nameEn : v.service.nameVi],
      [t("hall.queue.field.status"), t(`hall.queue.status.${v.ticket.status}`)],
    ];
    if (v.ahead !== null) rows.push([t("hall.queue.field.ahead"), String(v.ahead)]);
    if (v.counterNumber !== null && live) rows.push([t("hall.queue.field.counter"), String(v.counterNumber)]);
    if (v.ticket.slotStart) rows.push([t("hall.queue.field.slot"), formatDateTime(v.ticket.slotStart, locale)]);
    rows.push([t("hall.queue.field.takenAt"), formatDateTime(v.ticket.takenAt, locale)]);
    return c.html(
      <Layout
        ctx={ctx}
        title={`${v.ticket.label} – ${t("hall.queue.ticket.title")}`}
        head={
          live ? (
            <>
              <noscript>
                <meta http-equiv="refresh" content={String(TICKET_REFRESH_SECONDS)} />
              </noscript>
              <script src={assets.url("ticket.js")} defer />
            </>
          ) : undefined
        }
      >
        <h1>
          {t("hall.queue.ticket.title")}: <span class="ticket__label">{v.ticket.label}</span>
        </h1>
        <div data-ticket-status aria-live="polite" data-ticket-live={live ? String(TICKET_REFRESH_SECONDS) : undefined}>
          {v.ticket.status === "called" && v.counterNumber !== null && (
            <p class="notice" role="status">
              {t("hall.queue.ticket.goTo", { counter: v.counterNumber })}
            </p>
          )}
          <SummaryList rows={rows} />
          {live && <p class="hint">{t("hall.queue.ticket.refresh", { seconds: TICKET_REFRESH_SECONDS })}</p>}
        </div>
      </Layout>,
    );
  };
}
