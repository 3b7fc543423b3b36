// GET /reports/r/:code: one report in public: what, where, the photos, the answer with its photos, the public steps
// (a resident is "a resident", the office is its unit: never a name) and "tôi cũng gặp". A hidden, unpublished or
// rejected report is a 404, like an unknown code (not even confirmed to exist); a duplicate sends to its original.
import type { Context } from "hono";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { formatDate, formatDateTime, formatNumber } from "../../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../../platform/i18n/i18n.ts";
import { dayInputValue } from "../../../../platform/text/day-input.ts";
import { Breadcrumbs, CsrfField, SummaryList } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { reportPaths } from "../../report-paths.ts";
import { REJECT_REASONS, REPORT_STEP_KINDS, type RejectReason } from "../../reports.model.ts";
import { getPublicReport } from "../../use-cases/public-report.ts";
import { localName, ReportPhoto, ReportsCss, StatusTag } from "./shared.tsx";

const KNOWN_STEPS = new Set<string>(REPORT_STEP_KINDS);
const CHANNEL_NOTES: Record<string, MessageKey> = {
  assisted: "reports.public.channel.assisted",
  meeting: "reports.public.channel.meeting",
  open311: "reports.public.channel.open311",
};

export function reportPage(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    const found = await getPublicReport(kit.deps, c.req.param("code") as string);
    if (found.kind === "duplicate") return c.redirect(reportPaths.publicReport(found.originalCode), 303);
    const { report: r, photos, answerPhotos, steps, unit } = found;
    const ctx = kit.page(c);
    const { t, locale } = ctx;
    const title = t("reports.public.reportTitle", { code: r.code });
    const category = locale === "en" ? r.categoryEn : r.categoryVi;
    const village = localName(locale, r.villageVi, r.villageEn) ?? t("reports.public.placeUnknownVillage");
    const open = !["resolved", "closed"].includes(r.status);
    return c.html(
      <Layout ctx={ctx} title={`${title}: ${category}`}>
        <ReportsCss assets={ctx.assets} />
        <Breadcrumbs
          t={t}
          items={[{ href: "/", label: t("nav.home") }, { href: reportPaths.publicList(r.communeCode), label: t("reports.public.title") }, { label: r.code }]}
        />
        <h1>
          {category} <span class="report-meta">({r.code})</span>
        </h1>
        <SummaryList
          rows={[
            [t("reports.public.status"), <StatusTag t={t} status={r.status} />],
            [t("reports.public.place"), village],
            ...(r.landmark ? ([[t("reports.public.landmark"), r.landmark]] as [string, string][]) : []),
            [t("reports.public.sent"), formatDate(r.createdAt, locale)],
            ...(unit ? ([[t("reports.public.unit"), unit]] as [string, string][]) : []),
            ...(open && r.dueAt ? ([[t("reports.public.due"), formatDate(r.dueAt, locale)]] as [string, string][]) : []),
          ]}
        />
        <h2>{t("reports.public.description")}</h2>
        <p class="pre-line">{r.description}</p>
        {CHANNEL_NOTES[r.channel] && <p class="report-meta">{t(CHANNEL_NOTES[r.channel] as MessageKey)}</p>}
        {photos.length > 0 && (
          <>
            <h2>{t("reports.public.photos")}</h2>
            <ul class="report-photos">
              {photos.map((p) => (
                <li>
                  <a href={reportPaths.photo(p.id)}>
                    <ReportPhoto id={p.id} width={p.width} height={p.height} max={320} alt={t("reports.public.photoAlt", { code: r.code })} />
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
        <p>
          <strong>{t("reports.public.supportCountLong", { count: formatNumber(r.supportCount, locale) })}</strong>
        </p>
        {open && (
          <form method="post" action={reportPaths.support(r.code)}>
            <CsrfField token={ctx.csrfToken} />
            <p class="hint" id="me-too-hint">
              {t("reports.public.meTooHint")}
            </p>
            <button type="submit" class="button button--secondary" aria-describedby="me-too-hint">
              {t("reports.public.meToo")}
            </button>
          </form>
        )}
        <h2>{t("reports.public.answer")}</h2>
        {r.answer ? (
          <>
            {r.answeredAt && <p class="report-meta">{t("reports.public.answeredOn", { date: formatDate(r.answeredAt, locale) })}</p>}
            <p class="pre-line">{r.answer}</p>
            {answerPhotos.length > 0 && (
              <ul class="report-photos">
                {answerPhotos.map((p) => (
                  <li>
                    <a href={reportPaths.photo(p.id)}>
                      <ReportPhoto id={p.id} width={p.width} height={p.height} max={320} alt={t("reports.public.answerPhotoAlt", { code: r.code })} />
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {r.satisfaction && <p>{t("reports.public.satisfaction", { value: r.satisfaction })}</p>}
          </>
        ) : (
          <p>{r.statusNote ?? t("reports.public.noAnswerYet")}</p>
        )}
        <h2>{t("reports.public.timeline")}</h2>
        <ol class="report-steps">
          {steps.map((s) => (
            <li>
              <strong>{t((KNOWN_STEPS.has(s.kind) ? `reports.public.step.${s.kind}` : "reports.public.step.other") as MessageKey)}</strong>
              {" – "}
              {s.actor === "office" ? unit || t("reports.public.actor.system") : t(`reports.public.actor.${s.actor}`)}
              {", "}
              <time datetime={s.at.toISOString()}>{formatDateTime(s.at, locale)}</time>
              {s.forward && (
                <>
                  <br />
                  {s.forward.dueDate
                    ? t("reports.public.step.forwardedTo", { agency: s.forward.agency, due: dayInputValue(s.forward.dueDate) })
                    : s.forward.agency}
                </>
              )}
              {(s.reason || s.note) && (
                <>
                  <br />
                  {[s.reason && REJECT_REASONS.includes(s.reason as RejectReason) ? t(`reports.public.reject.${s.reason as RejectReason}`) : s.reason, s.note]
                    .filter(Boolean)
                    .join(" – ")}
                </>
              )}
            </li>
          ))}
        </ol>
        <p>
          <a href={reportPaths.publicList(r.communeCode)}>{t("reports.public.viewList")}</a>
        </p>
      </Layout>,
    );
  };
}
