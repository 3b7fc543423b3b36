// GET /office/notices/:id: the notice with its text, its channel versions (SMS with its parts, the spoken script),
// attachments, history, the audience panel (audiences part) and the steps the viewer may take, each a plain form.
// POST /office/notices/:id/{submit,approve,send-back,publish,withdraw}: one step; errors come back on this page.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { fileResponse } from "../../../../platform/http/file-response.ts";
import { type FlashKey, setFlash } from "../../../../platform/http/flash.ts";
import { readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import type { Translate } from "../../../../platform/i18n/i18n.ts";
import { formatDate, formatDateTime, formatNumber } from "../../../../platform/i18n/format.ts";
import { localInstant } from "../../../../platform/calendar/vietnam-time.ts";
import { parseDayInput } from "../../../../platform/text/day-input.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Field, type FormState, SummaryList, Tag } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { countSmsSegments } from "../../../notifications/index.ts";
import { audiencePanel } from "../../audiences/audience-panel.tsx";
import { noticePaths } from "../../notice-paths.ts";
import { type Block, type Inline, parseNoticeBody } from "../../notice-text.ts";
import { approveNotice } from "../../use-cases/authoring-approve.ts";
import { readOfficeAttachment } from "../../use-cases/authoring-attachment.ts";
import { getOfficeNotice } from "../../use-cases/authoring-get.ts";
import { publishEmergencyNotice } from "../../use-cases/authoring-publish.ts";
import { sendBackNotice } from "../../use-cases/authoring-send-back.ts";
import { submitNotice } from "../../use-cases/authoring-submit.ts";
import { withdrawNotice } from "../../use-cases/authoring-withdraw.ts";
import { categoryText, channelText, StatusTag } from "./shared.tsx";

const inline = (xs: Inline[]) =>
  xs.map((x) =>
    x.kind === "bold" ? (
      <strong>{x.text}</strong>
    ) : x.kind === "link" ? (
      <a href={x.href} rel="noopener noreferrer nofollow">
        {x.href}
      </a>
    ) : (
      x.text
    ),
  );

/** The body's limited rich text as HTML (text only: nothing the author typed becomes markup). */
export function NoticeBody(props: { body: string }) {
  return (
    <>
      {parseNoticeBody(props.body).map((b: Block) =>
        b.kind === "list" ? (
          <ul>
            {b.items.map((i) => (
              <li>{inline(i)}</li>
            ))}
          </ul>
        ) : (
          <p>
            {b.lines.map((l, i) => (
              <>
                {i > 0 && <br />}
                {inline(l)}
              </>
            ))}
          </p>
        ),
      )}
    </>
  );
}

export const STEPS = ["submit", "approve", "send-back", "publish", "withdraw"] as const;
type Step = (typeof STEPS)[number];
const FLASH: Record<Step, FlashKey> = {
  submit: "notices.authoring.flash.submitted",
  approve: "notices.authoring.flash.approved",
  "send-back": "notices.authoring.flash.sentBack",
  publish: "notices.authoring.flash.published",
  withdraw: "notices.authoring.flash.withdrawn",
};

const labelsOf = (t: Translate) => ({
  note: t("notices.authoring.field.note"),
  reason: t("notices.authoring.field.reason"),
  correction: t("notices.authoring.field.correction"),
  scheduledAt: t("notices.authoring.field.scheduledAt"),
  scheduledDay: t("notices.authoring.field.scheduledDay"),
  scheduledTime: t("notices.authoring.field.scheduledTime"),
  version: t("notices.authoring.field.version"),
  status: t("notices.authoring.field.status"),
  category: t("notices.authoring.field.category"),
  smsText: t("notices.authoring.field.smsText"),
});

export function noticePages(kit: PageKit) {
  const { deps, page, secure } = kit;

  const show = async (c: Context<AppEnv>, form: FormState & { step?: Step } = { values: {}, errors: [] }, status: 200 | 400 | 403 | 409 = 200) => {
    requireSignedIn(c);
    const o = await getOfficeNotice(deps, useCaseContext(c), c.req.param("id") ?? "");
    const n = o.notice;
    const ctx = page(c);
    const { t, locale } = ctx;
    const a = o.actions;
    const panel: Child = await audiencePanel(kit, c, n);
    const version = <input type="hidden" name="version" value={String(n.version)} />;
    const stepForm = (step: Step, children: Child, button: string, variant?: "secondary" | "warning") => (
      <form method="post" action={noticePaths.officeStep(n.id, step)}>
        <CsrfField token={ctx.csrfToken} />
        {version}
        {children}
        <Button variant={variant}>{button}</Button>
      </form>
    );
    const f = (step: Step): FormState => (form.step === step ? form : { values: {}, errors: [] });
    const sms = n.smsText ? countSmsSegments(n.smsText) : null;
    return c.html(
      <Layout ctx={ctx} title={n.title} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: noticePaths.desk, label: t("notices.authoring.title") }, { label: n.title }]}
        />
        <ErrorSummary t={t} errors={form.errors} labels={labelsOf(t)} />
        <h1>{n.title}</h1>
        <p>
          <StatusTag t={t} status={n.status} /> {categoryText(t, n.category)}
          {n.reviewSkipped && (
            <>
              {" "}
              <Tag tone="red">{t("notices.authoring.reviewSkipped")}</Tag>
            </>
          )}
        </p>
        {n.reviewNote && n.status === "draft" && <p class="notice">{t("notices.authoring.reviewNote", { note: n.reviewNote })}</p>}
        {o.correctedById && (
          <p>
            <a href={noticePaths.officeNotice(o.correctedById)}>{t("notices.authoring.correctedBy")}</a>
          </p>
        )}
        {n.correctsId && (
          <p>
            <a href={noticePaths.officeNotice(n.correctsId)}>{t("notices.authoring.corrects")}</a>
          </p>
        )}
        <SummaryList
          rows={[
            [t("notices.authoring.field.scope"), `${t(`notices.authoring.scope.${n.scope}`)}${n.villageCodes.length ? ` (${n.villageCodes.join(", ")})` : ""}`],
            [
              t("notices.authoring.validity"),
              `${formatDate(localInstant(n.validFrom, "12:00"), locale)}${n.validUntil ? ` – ${formatDate(localInstant(n.validUntil, "12:00"), locale)}` : ""}`,
            ],
            [t("notices.authoring.field.channels"), n.channels.map((ch) => channelText(t, ch)).join(", ")],
            [
              t("notices.authoring.audience"),
              [
                ...(n.audience.flags ?? []).map((x) => t(`notices.authoring.flag.${x}`)),
                ...(n.audience.roles ?? []).map((x) => t(`notices.authoring.role.${x}` as "notices.authoring.role.team_members")),
                ...(n.audience.list?.length ? [t("notices.authoring.listCount", { n: formatNumber(n.audience.list.length, locale) })] : []),
              ].join("; ") || "—",
            ],
            ...(n.scheduledAt ? [[t("notices.authoring.field.scheduledAt"), formatDateTime(n.scheduledAt, locale)] as [string, Child]] : []),
            ...(n.withdrawalReason ? [[t("notices.authoring.field.reason"), n.withdrawalReason] as [string, Child]] : []),
          ]}
        />
        <section aria-labelledby="notice-body">
          <h2 id="notice-body">{t("notices.authoring.field.body")}</h2>
          <NoticeBody body={n.body} />
        </section>
        <section aria-labelledby="notice-versions">
          <h2 id="notice-versions">{t("notices.authoring.versions")}</h2>
          <h3>
            {t("notices.authoring.smsPreview")} {n.smsEdited ? t("notices.authoring.edited") : t("notices.authoring.derived")}
          </h3>
          <pre class="sms-text">{n.smsText ?? "—"}</pre>
          {sms && n.smsText && <p class="hint">{t("notices.authoring.smsCount", { chars: [...n.smsText].length, parts: sms.segments })}</p>}
          <h3>
            {t("notices.authoring.speechPreview")} {n.speechEdited ? t("notices.authoring.edited") : t("notices.authoring.derived")}
          </h3>
          <p style="white-space: pre-line">{n.speechText ?? "—"}</p>
        </section>
        {o.attachments.length > 0 && (
          <section aria-labelledby="notice-files">
            <h2 id="notice-files">{t("notices.authoring.attachments")}</h2>
            <ul>
              {o.attachments.map((x) => (
                <li>
                  <a href={noticePaths.officeAttachment(n.id, x.fileId)}>{x.name}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
        <p>
          <a href={noticePaths.officeAudience(n.id)}>{t("notices.authoring.audienceLink")}</a> ·{" "}
          <a href={noticePaths.officeDeliveries(n.id)}>{t("notices.authoring.deliveriesLink")}</a>
        </p>
        {panel}
        {Object.values(a).some(Boolean) && (
          <section aria-labelledby="notice-actions">
            <h2 id="notice-actions">{t("notices.authoring.actions")}</h2>
            {a.edit && (
              <p>
                <a class="button button--secondary" href={noticePaths.officeEdit(n.id)}>
                  {t("notices.authoring.edit")}
                </a>
              </p>
            )}
            {a.submit && stepForm("submit", null, t("notices.authoring.submit"))}
            {a.approve &&
              stepForm(
                "approve",
                <>
                  <Field t={t} form={f("approve")} name="scheduledDay" errorName="scheduledAt" label={labelsOf(t).scheduledDay} kind="date" />
                  <Field t={t} form={f("approve")} name="scheduledTime" id="f-scheduledTime" label={labelsOf(t).scheduledTime} />
                </>,
                t("notices.authoring.approve"),
              )}
            {a.sendBack &&
              stepForm(
                "send-back",
                <Field t={t} form={f("send-back")} name="note" label={labelsOf(t).note} kind="textarea" rows={3} required />,
                t("notices.authoring.sendBack"),
                "secondary",
              )}
            {a.publish && stepForm("publish", <p class="hint">{t("notices.authoring.publishHint")}</p>, t("notices.authoring.publish"), "warning")}
            {a.withdraw &&
              stepForm(
                "withdraw",
                <>
                  <Field t={t} form={f("withdraw")} name="reason" label={labelsOf(t).reason} kind="textarea" rows={2} required />
                  {n.status === "published" && (
                    <Field
                      t={t}
                      form={f("withdraw")}
                      name="correction"
                      label={labelsOf(t).correction}
                      hint={t("notices.authoring.field.correctionHint")}
                      kind="textarea"
                      rows={5}
                      required
                    />
                  )}
                </>,
                t("notices.authoring.withdraw"),
                "warning",
              )}
          </section>
        )}
        <section aria-labelledby="notice-history">
          <h2 id="notice-history">{t("notices.authoring.history")}</h2>
          <ol class="timeline">
            {o.events.map((e) => (
              <li>
                <strong>{t(`notices.authoring.event.${e.kind}`)}</strong> – {formatDateTime(e.at, locale)}
                {e.actorName && ` – ${e.actorName}`}
                {e.note && <p>{e.note}</p>}
              </li>
            ))}
          </ol>
        </section>
      </Layout>,
      status,
    );
  };

  /** The page's fields as the step's body: the send time from a dd/mm/yyyy day and an HH:MM time in Vietnam. */
  const bodyOf = (step: Step, v: Record<string, string>): { body: Record<string, unknown>; errors: FieldError[] } => {
    const version = Number(v.version);
    if (step === "approve") {
      const day = (v.scheduledDay ?? "").trim();
      const time = (v.scheduledTime ?? "").trim() || "07:00";
      if (!day) return { body: { version }, errors: [] };
      const d = parseDayInput(day);
      if (!d.ok) return { body: {}, errors: [{ field: "scheduledAt", code: "date", message: "validation.date" }] };
      if (!/^([01]?\d|2[0-3])[:h]([0-5]\d)$/.test(time))
        return { body: {}, errors: [{ field: "scheduledAt", code: "time", message: "notices.authoring.error.time" }] };
      const [hh, mm] = time.split(/[:h]/);
      const at = localInstant(d.iso, `${hh!.padStart(2, "0")}:${mm}`);
      return { body: { version, scheduledAt: at.toISOString() }, errors: [] };
    }
    if (step === "send-back") return { body: { version, note: v.note ?? "" }, errors: [] };
    if (step === "withdraw") return { body: { version, reason: v.reason ?? "", ...(v.correction ? { correction: v.correction } : {}) }, errors: [] };
    return { body: { version }, errors: [] };
  };

  const act = (step: Step) => async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const id = c.req.param("id") ?? "";
    const values = await readForm(c);
    const { body, errors } = bodyOf(step, values);
    try {
      if (errors.length) throw new AppError("validation", "error.validation", errors);
      const ctx = useCaseContext(c);
      if (step === "submit") await submitNotice(deps, ctx, id, body);
      else if (step === "approve") await approveNotice(deps, ctx, id, body);
      else if (step === "send-back") await sendBackNotice(deps, ctx, id, body);
      else if (step === "publish") await publishEmergencyNotice(deps, ctx, id, body);
      else await withdrawNotice(deps, ctx, id, body);
      setFlash(c, FLASH[step], secure);
      return c.redirect(noticePaths.officeNotice(id), 303);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0 && err.status !== 404)
        return show(c, { values, errors: err.fields, step }, err.status === 409 ? 409 : err.status === 403 ? 403 : 400);
      throw err;
    }
  };

  const attachment = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const file = await readOfficeAttachment(deps, useCaseContext(c), c.req.param("id") ?? "", c.req.param("fileId") ?? "");
    return fileResponse(c, file);
  };

  return { show: (c: Context<AppEnv>) => show(c), act, attachment };
}
