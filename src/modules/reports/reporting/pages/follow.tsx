// The reporter's private page (reportPaths.follow): the report, its public history, photos, the answer, and while
// the answer waits for them, "Đã khắc phục, cảm ơn" and "Chưa khắc phục". Right after sending (?sent=1) it opens
// with the code, the link and what happens next. Nothing here is cached or sent on as a Referer: the link is a secret.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { formatDate, formatDateTime, formatNumber } from "../../../../platform/i18n/format.ts";
import type { Translate } from "../../../../platform/i18n/i18n.ts";
import { dayInputValue } from "../../../../platform/text/day-input.ts";
import { Button, CsrfField, ErrorSummary, Field, type FormState, SelectField, SummaryList } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import type { PageContext } from "../../../../platform/views/page-context.ts";
import { reportPaths } from "../../report-paths.ts";
import { CONFIRM_WINDOW_DAYS, type ReportRow } from "../../reports.model.ts";
import { confirmReport } from "../../use-cases/report-confirm.ts";
import { type FollowView, followReport, type ReporterProof } from "../../use-cases/report-follow.ts";
import { forwardOf } from "../../use-cases/public-report.ts";
import { reopenReport } from "../../use-cases/report-reopen.ts";
import { eventText, StatusTag } from "./shared.tsx";

export const privateHeaders = (c: Context) => {
  c.header("cache-control", "private, no-store");
  c.header("referrer-policy", "no-referrer");
};

export const awaitingReporter = (r: ReportRow, now: Date) => r.status === "resolved" && (!r.confirmUntil || r.confirmUntil.getTime() >= now.getTime());

/** Confirm and reopen, posted to `base`/confirm and `base`/reopen. */
export function ReporterAnswer(p: { ctx: PageContext; r: ReportRow; base: string; form?: FormState; idPrefix?: string }) {
  const { t, locale } = p.ctx;
  const form = p.form ?? { values: {}, errors: [] };
  const id = (name: string) => `${p.idPrefix ?? ""}f-${name}`;
  return (
    <section aria-labelledby={id("answer-title")}>
      <h2 id={id("answer-title")}>{t("reports.reporting.follow.confirmTitle")}</h2>
      {p.r.confirmUntil && <p>{t("reports.reporting.follow.confirmUntil", { date: formatDate(p.r.confirmUntil, locale) })}</p>}
      <form method="post" action={`${p.base}/confirm`}>
        <CsrfField token={p.ctx.csrfToken} />
        <SelectField
          t={t}
          form={form}
          id={id("satisfaction")}
          name="satisfaction"
          label={t("reports.reporting.follow.satisfaction")}
          placeholder={t("reports.reporting.follow.satisfaction.none")}
          options={(["5", "4", "3", "2", "1"] as const).map((v) => ({ value: v, label: t(`reports.reporting.follow.satisfaction.${v}`) }))}
        />
        <Button>{t("reports.reporting.follow.confirm")}</Button>
      </form>
      <form method="post" action={`${p.base}/reopen`}>
        <CsrfField token={p.ctx.csrfToken} />
        <Field t={t} form={form} id={id("reason")} name="reason" label={t("reports.reporting.follow.reopenReason")} kind="textarea" rows={3} required />
        <Button variant="warning">{t("reports.reporting.follow.reopen")}</Button>
      </form>
    </section>
  );
}

/** The first event says whether the SMS with the code and link was queued (it is skipped over the SMS limits). */
const smsQueued = (view: FollowView) => view.events.find((e) => e.kind === "submitted")?.data.sms === true;

function SentPanel(p: { t: Translate; view: FollowView; link: string; locale: "vi" | "en"; unit: string }) {
  const { t, view } = p;
  const r = view.report;
  return (
    <div class="panel report-sent">
      <p>{t("reports.reporting.sent.code")}</p>
      <p class="report-code">
        <strong>{r.code}</strong>
      </p>
      <p>{t("reports.reporting.sent.keep")}</p>
      <p>
        {t("reports.reporting.sent.link")}:{" "}
        <a href={p.link} class="code-value">
          {p.link}
        </a>
      </p>
      <p>
        {smsQueued(view) && r.reporterPhone
          ? t("reports.reporting.sent.sms", { phone: r.reporterPhone })
          : r.notifySms
            ? t("reports.reporting.sent.smsLater")
            : t("reports.reporting.sent.noSms")}
      </p>
      <h2>{t("reports.reporting.sent.next")}</h2>
      <ol>
        <li>{t("reports.reporting.sent.next1")}</li>
        <li>{t("reports.reporting.sent.next2", { unit: p.unit, due: r.dueAt ? formatDate(r.dueAt, p.locale) : "–" })}</li>
        <li>{t("reports.reporting.sent.next3", { days: CONFIRM_WINDOW_DAYS })}</li>
      </ol>
      <p>{r.public ? t("reports.reporting.sent.public") : t("reports.reporting.sent.private")}</p>
    </div>
  );
}

/** The report as its reporter sees it: used by the private link page and /me/reports. */
export function ReportDetails(p: { ctx: PageContext; view: FollowView; token: string }) {
  const { t, locale } = p.ctx;
  const { report: r, view } = { report: p.view.report, view: p.view };
  const category = view.category ? (locale === "en" ? view.category.nameEn : view.category.nameVi) : "–";
  const contact = r.anonymous ? t("reports.reporting.follow.anonymous") : [r.reporterName, r.reporterPhone, r.reporterEmail].filter(Boolean).join(" · ") || "–";
  const reportPhotos = view.photos.filter((x) => x.stage === "report");
  const answerPhotos = view.photos.filter((x) => x.stage === "answer");
  return (
    <>
      <SummaryList
        rows={[
          [t("reports.reporting.follow.status"), <StatusTag t={t} status={r.status} />],
          [t("reports.reporting.follow.category"), category],
          [t("reports.reporting.follow.place"), [view.placeName, r.landmark].filter(Boolean).join(" – ") || "–"],
          [t("reports.reporting.follow.sentAt"), formatDateTime(r.createdAt, locale)],
          [t("reports.reporting.follow.dueAt"), r.dueAt ? formatDate(r.dueAt, locale) : "–"],
          [t("reports.reporting.follow.contact"), contact],
          [t("reports.reporting.follow.supporters"), formatNumber(r.supportCount, locale)],
        ]}
      />
      <h2>{t("reports.reporting.follow.description")}</h2>
      <p class="report-text">{r.description}</p>
      {reportPhotos.length > 0 && <Photos t={t} code={r.code} token={p.token} ids={reportPhotos.map((x) => x.id)} />}
      {r.status === "rejected" && (r.rejectReason || r.statusNote) && (
        <>
          <h2>{t("reports.reporting.follow.note")}</h2>
          {/* Why, in the commune's words and as one of the three reasons the issue names. */}
          {r.rejectReason && <p>{t("reports.reporting.follow.rejectReason", { reason: t(`reports.public.reject.${r.rejectReason}`) })}</p>}
          {r.statusNote && <p class="report-text">{r.statusNote}</p>}
        </>
      )}
      {r.answer && (
        <>
          <h2>{t("reports.reporting.follow.answer")}</h2>
          <p class="report-text">{r.answer}</p>
          {answerPhotos.length > 0 && <Photos t={t} code={r.code} token={p.token} ids={answerPhotos.map((x) => x.id)} offset={reportPhotos.length} />}
        </>
      )}
      <h2>{t("reports.reporting.follow.timeline")}</h2>
      <ol class="timeline">
        {view.events.map((e) => (
          <li>
            <time datetime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, locale)}</time> – {eventText(t, e.kind)}
            {forwardText(t, e)}
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * One photo a line, no list indent: at 360 px a list's padding would push a 300-px photo off the screen. Served
 * through the private link: the public copy is refused for a report that is not public or a photo that was hidden.
 */
function Photos(p: { t: Translate; code: string; token: string; ids: string[]; offset?: number }) {
  return (
    <div class="report-photos">
      {p.ids.map((id, i) => (
        <p>
          <img
            src={reportPaths.followPhoto(p.code, p.token, id)}
            alt={p.t("reports.reporting.follow.photoAlt", { n: i + 1 + (p.offset ?? 0), code: p.code })}
            loading="lazy"
            width="300"
          />
        </p>
      ))}
    </div>
  );
}

export function followPages(kit: PageKit) {
  const { deps, page, secure } = kit;
  const proofOf = (c: Context<AppEnv>): ReporterProof => ({ code: c.req.param("code") ?? "", token: c.req.param("token") ?? "" });
  const baseOf = (c: Context<AppEnv>) => reportPaths.follow(c.req.param("code") ?? "", c.req.param("token") ?? "");

  const show = async (c: Context<AppEnv>, form?: FormState, status: 200 | 400 | 409 = 200) => {
    privateHeaders(c);
    const view = await followReport(deps, useCaseContext(c), proofOf(c));
    const ctx = page(c);
    const { t, locale } = ctx;
    const r = view.report;
    const sent = c.req.query("sent") === "1";
    const base = reportPaths.follow(r.code, c.req.param("token") ?? "");
    const publicBase = (deps.config.publicUrl ?? "").replace(/\/$/, "");
    const link = `${publicBase || new URL(c.req.url).origin}${base}`;
    const unit = view.category?.responsibleUnit ?? "";
    return c.html(
      <Layout ctx={ctx} title={sent ? t("reports.reporting.sent.title") : t("reports.reporting.follow.title", { code: r.code })}>
        <ErrorSummary
          t={t}
          errors={form?.errors ?? []}
          labels={{ satisfaction: t("reports.reporting.follow.satisfaction"), reason: t("reports.reporting.follow.reopenReason") }}
        />
        <h1>{sent ? t("reports.reporting.sent.title") : t("reports.reporting.follow.title", { code: r.code })}</h1>
        {sent ? <SentPanel t={t} view={view} link={link} locale={locale} unit={unit} /> : <p class="hint">{t("reports.reporting.follow.keepLink")}</p>}
        {awaitingReporter(r, deps.clock.now()) && <ReporterAnswer ctx={ctx} r={r} base={base} form={form} />}
        <ReportDetails ctx={ctx} view={view} token={c.req.param("token") ?? ""} />
      </Layout>,
      status,
    );
  };

  const act = (which: "confirm" | "reopen") => async (c: Context<AppEnv>) => {
    privateHeaders(c);
    const body = await c.req.parseBody();
    const values = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("_")));
    try {
      if (which === "confirm") await confirmReport(deps, useCaseContext(c), proofOf(c), { satisfaction: values.satisfaction });
      else await reopenReport(deps, useCaseContext(c), proofOf(c), { reason: values.reason });
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) return show(c, { values, errors: err.fields }, 400);
      if (err instanceof AppError && err.code === "conflict") return show(c, { values, errors: [conflictField(err)] }, 409);
      throw err;
    }
    setFlash(c, which === "confirm" ? "reports.flash.reporting.confirmed" : "reports.flash.reporting.reopened", secure);
    return c.redirect(baseOf(c), 303);
  };

  return { show, confirm: act("confirm"), reopen: act("reopen") };
}

/** A step no longer possible (answered meanwhile, window closed) shown as the form's error. */
export const conflictField = (err: AppError): FieldError => ({ field: "reason", code: "conflict", message: err.messageKey });

/** Where a forwarded report went and by when: the reporter learns who has it now. */
function forwardText(t: Translate, e: { kind: string; data: Record<string, unknown> }): string {
  const f = forwardOf(e);
  if (!f) return "";
  return `: ${f.dueDate ? t("reports.reporting.event.forwardedTo", { agency: f.agency, due: dayInputValue(f.dueDate) }) : f.agency}`;
}
