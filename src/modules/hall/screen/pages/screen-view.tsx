// The big screen's HTML (a TV at the hall, 1920×1080, readable on a small one). It works with JavaScript off: the
// page reloads itself every SCREEN_REFRESH_SECONDS (a meta refresh inside <noscript>, so that with JavaScript the
// live stream replaces it). public/hall-screen.js updates the same elements from the server-sent events.
import { raw } from "hono/html";
import { formatMoney, formatNumber, formatPercent } from "../../../../platform/i18n/format.ts";
import type { Translate } from "../../../../platform/i18n/i18n.ts";
import type { PageContext } from "../../../../platform/views/page-context.ts";
import type { ScreenDisplay } from "../../use-cases/screen-display.ts";
import type { CalledTicket, ServiceWaiting } from "../../use-cases/screen-state.ts";

export const SCREEN_REFRESH_SECONDS = 15;

const clockText = (now: Date) =>
  new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Ho_Chi_Minh" }).format(now);

export function NowCalling(p: { t: Translate; ticket: CalledTicket | undefined }) {
  const { t, ticket } = p;
  return ticket ? (
    <div id="hall-now" class="hs-now" data-key={ticket.key}>
      <p class="hs-now__lead">{t("hall.screen.nowCalling")}</p>
      <p class="hs-now__label">{ticket.label}</p>
      <p class="hs-now__counter">{t("hall.screen.toCounter", { counter: String(ticket.counter) })}</p>
    </div>
  ) : (
    <div id="hall-now" class="hs-now" data-key="">
      <p class="hs-now__lead">{t("hall.screen.noneCalled")}</p>
    </div>
  );
}

export function ScreenView(p: { ctx: PageContext; display: ScreenDisplay; eventsUrl: string; voice: boolean; now: Date }) {
  const { ctx, display: d, now } = p;
  const { t, locale, assets } = ctx;
  const [newest, ...previous] = d.state.called;
  const title = `${t("hall.screen.title")} – ${d.commune.fullName}`;
  const serviceName = (s: ServiceWaiting) => (locale === "en" ? s.nameEn : s.nameVi);
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <noscript>
          <meta http-equiv="refresh" content={String(SCREEN_REFRESH_SECONDS)} />
        </noscript>
        <title>{title}</title>
        <link rel="stylesheet" href={assets.url("hall-screen.css")} />
        <link rel="icon" href={assets.url("favicon.svg")} type="image/svg+xml" />
        <script src={assets.url("hall-screen.js")} defer />
      </head>
      <body
        class="hs"
        id="hall-screen"
        data-events={p.eventsUrl}
        data-voice={p.voice ? "1" : "0"}
        data-lang={locale === "en" ? "en-US" : "vi-VN"}
        data-call={t("hall.screen.call", { label: "{label}", counter: "{counter}" })}
        data-to-counter={t("hall.screen.toCounter", { counter: "{counter}" })}
        data-counter={t("hall.screen.counter", { counter: "{counter}" })}
        data-waiting={t("hall.screen.waitingCount", { n: "{n}" })}
        data-now-calling={t("hall.screen.nowCalling")}
        data-none-called={t("hall.screen.noneCalled")}
        data-last-called={t("hall.screen.lastCalled", { label: "{label}" })}
        data-refresh={String(SCREEN_REFRESH_SECONDS)}
      >
        <header class="hs-head">
          <h1>{t("hall.screen.heading", { commune: d.commune.fullName })}</h1>
          <p class="hs-clock">
            <span class="visually-hidden">{t("hall.screen.clock")} </span>
            <time id="hall-clock">{clockText(now)}</time>
          </p>
        </header>
        <main class="hs-main" id="main">
          <section class="hs-calls" aria-labelledby="hall-calls-h">
            <h2 id="hall-calls-h" class="visually-hidden">
              {t("hall.screen.nowCalling")}
            </h2>
            <div aria-live="polite" aria-atomic="true">
              <NowCalling t={t} ticket={newest} />
            </div>
            <h3 class="hs-sub">{t("hall.screen.previous")}</h3>
            <ol id="hall-previous" class="hs-previous">
              {previous.map((c) => (
                <li>
                  <span class="hs-previous__label">{c.label}</span>
                  <span class="hs-previous__counter">{t("hall.screen.counter", { counter: String(c.counter) })}</span>
                </li>
              ))}
            </ol>
          </section>
          <section class="hs-waiting" aria-labelledby="hall-waiting-h">
            <h2 id="hall-waiting-h">{t("hall.screen.waiting")}</h2>
            {d.state.services.length === 0 ? (
              <p>{t("hall.screen.noServices")}</p>
            ) : (
              <ul id="hall-services" class="hs-services">
                {d.state.services.map((s) => (
                  <li data-letter={s.letter}>
                    <span class="hs-services__letter" aria-hidden="true">
                      {s.letter}
                    </span>
                    <span class="hs-services__name">{serviceName(s)}</span>
                    <span class="hs-services__count">{t("hall.screen.waitingCount", { n: formatNumber(s.waiting, locale) })}</span>
                    <span class="hs-services__last">{s.lastCalled ? t("hall.screen.lastCalled", { label: s.lastCalled }) : ""}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div class={`hs-rotate hs-rotate--${d.figures ? 3 : 2}`}>
            <section class="hs-panel hs-panel--1" aria-labelledby="hall-notices-h">
              <h2 id="hall-notices-h">{t("hall.screen.notices")}</h2>
              {d.notices.length === 0 ? (
                <p>{t("hall.screen.noNotices")}</p>
              ) : (
                <ul class="hs-notices">
                  {d.notices.map((n) => (
                    <li class={n.category === "emergency" ? "hs-notice hs-notice--emergency" : "hs-notice"}>
                      {n.category === "emergency" ? <strong class="hs-badge">{t("hall.screen.emergency")}</strong> : null}
                      <span>{n.title}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section class="hs-panel hs-panel--2" aria-labelledby="hall-guide-h">
              <h2 id="hall-guide-h">{t("hall.screen.guide")}</h2>
              <p class="hs-hint">{t("hall.screen.guideScan")}</p>
              <ul class="hs-guide">
                {d.guide.map((g) => (
                  <li>
                    <span class="hs-guide__qr" role="img" aria-label={g.url}>
                      {raw(g.qrSvg)}
                    </span>
                    <span class="hs-guide__text">
                      <strong>{g.name}</strong>
                      <span>{g.fee > 0 ? t("hall.screen.fee", { fee: formatMoney(g.fee, locale) }) : t("hall.screen.free")}</span>
                      <span>
                        {g.processing.unit === "sameDay"
                          ? t("hall.screen.sameDay")
                          : t("hall.screen.timeLimit", {
                              amount: formatNumber(g.processing.amount, locale),
                              unit: t(g.processing.unit === "hours" ? "procedures.unit.hours" : "procedures.unit.days").toLowerCase(),
                            })}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            </section>
            {d.figures ? (
              <section class="hs-panel hs-panel--3" aria-labelledby="hall-figures-h">
                <h2 id="hall-figures-h">{t("hall.screen.figures", { year: String(d.figures.year) })}</h2>
                <dl class="hs-figures">
                  <div>
                    <dt>{t("hall.screen.received")}</dt>
                    <dd>{formatNumber(d.figures.received, locale)}</dd>
                  </div>
                  <div>
                    <dt>{t("hall.screen.onTime")}</dt>
                    <dd>{d.figures.onTimeShare === null ? "–" : formatPercent(d.figures.onTimeShare, locale)}</dd>
                  </div>
                </dl>
              </section>
            ) : null}
          </div>
        </main>
        <footer class="hs-foot">
          <p id="hall-status" data-live={t("hall.screen.live")} data-offline={t("hall.screen.offline")}>
            {t("hall.screen.updated", { time: clockText(now) })}
          </p>
        </footer>
      </body>
    </html>
  );
}
