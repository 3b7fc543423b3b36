// GET /office/notices/channels?unit=: the unit's per-person channels. SMS and e-mail show the gateway's state, the
// daily cap and the prices in force (from the server's configuration, read-only); Zalo shows the Official Account
// with its secrets masked, a form to enter or replace it, and a test send. POST …/zalo and …/zalo/test: saved or sent,
// then back here with a flash; a refusal shows the page again with the field's error (400), secrets never echoed.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { scopeUnitCodes } from "../../../../platform/auth/authorise.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt, readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import type { Translate } from "../../../../platform/i18n/i18n.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, emptyForm, Field, type FormState, SummaryList, Tag } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { getAdminUnit } from "../../../admin-units/index.ts";
import { noticeApiPaths, noticePaths } from "../../notice-paths.ts";
import { saveZaloAccount } from "../../use-cases/channels-save-zalo.ts";
import { type ChannelSettings, getChannelSettings } from "../../use-cases/channels-settings.ts";
import { testZaloAccount } from "../../use-cases/channels-test-zalo.ts";

const ZALO_FIELDS = ["appId", "oaId", "templateId", "templateParams"] as const;
const SECRET_FIELDS = ["appSecret", "accessToken", "refreshToken", "oaSecretKey"] as const;
const withUnit = (path: string, unit: string) => `${path}?unit=${encodeURIComponent(unit)}`;

function fieldLabels(t: Translate): Record<string, string> {
  return {
    ...Object.fromEntries([...ZALO_FIELDS, ...SECRET_FIELDS].map((f) => [f, t(`notices.channels.zalo.field.${f}`)])),
    phone: t("notices.channels.zalo.test.phone"),
  };
}

function zaloValues(s: ChannelSettings): Record<string, string> {
  const z = s.zalo;
  if (!z) return {};
  return {
    appId: z.appId,
    oaId: z.oaId,
    templateId: z.templateId,
    templateParams: Object.entries(z.templateParams)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n"),
  };
}

export function renderChannelsPage(kit: PageKit) {
  const { deps, page } = kit;
  return async (c: Context<AppEnv>, forms: { zalo?: FormState; test?: FormState } = {}) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const s = await getChannelSettings(deps, p, c.req.query("unit") || undefined);
    const unit = s.unit.code;
    const codes = scopeUnitCodes(p, "notice.channels").filter((code) => /^\d{2}(\d{3})?$/.test(code));
    const units = await Promise.all(codes.map(async (code) => ({ code, name: (await getAdminUnit(deps, code).catch(() => null))?.fullName ?? code })));
    const zaloForm = forms.zalo ?? emptyForm(zaloValues(s));
    const testForm = forms.test ?? emptyForm();
    const errors = [...(forms.zalo?.errors ?? []), ...(forms.test?.errors ?? [])];
    const when = (d: string | null) => (d ? new Date(d).toLocaleString(locale === "en" ? "en-GB" : "vi-VN", { timeZone: "Asia/Ho_Chi_Minh" }) : null);
    const money = (n: number) => t("notices.channels.price", { amount: n.toLocaleString("vi-VN") });
    const origin = (deps.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, "");
    const title = t("notices.channels.title");
    const status = (errors.length ? 400 : 200) as 200 | 400;
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { href: noticePaths.desk, label: title }, { label: s.unit.name }]} />
        {errors.length > 0 && <ErrorSummary t={t} errors={errors} labels={fieldLabels(t)} />}
        <h1>
          {title}: {s.unit.name}
        </h1>
        <p>{t("notices.channels.lead")}</p>
        {units.length > 1 && (
          <nav aria-label={t("notices.channels.chooseUnit")}>
            <ul class="desk-tools">
              {units.map((u) => (
                <li>
                  <a href={withUnit(noticePaths.channelSettings, u.code)} aria-current={u.code === unit ? "page" : undefined}>
                    {u.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}

        <section aria-labelledby="sms-title">
          <h2 id="sms-title">{t("notices.channels.sms.title")}</h2>
          <SummaryList
            rows={[
              [
                t("notices.channels.sms.gateway"),
                s.sms.gateway === "http" ? t("notices.channels.sms.gatewayHttp") : <Tag tone="grey">{t("notices.channels.sms.gatewayLog")}</Tag>,
              ],
              [
                t("notices.channels.sms.reports"),
                s.sms.reportsSigned ? t("notices.channels.sms.reportsOn") : <Tag tone="red">{t("notices.channels.sms.reportsOff")}</Tag>,
              ],
              [t("notices.channels.sms.callback"), <code>{`${origin}${noticeApiPaths.smsDeliveryReports}`}</code>],
              [
                t("notices.channels.sms.cap"),
                s.sms.dailyCap === null
                  ? t("notices.channels.sms.capNone")
                  : t("notices.channels.sms.capValue", { count: s.sms.dailyCap.toLocaleString("vi-VN") }),
              ],
              [t("notices.channels.sms.price"), money(s.sms.priceVnd)],
            ]}
          />
        </section>

        <section aria-labelledby="email-title">
          <h2 id="email-title">{t("notices.channels.email.title")}</h2>
          <SummaryList
            rows={[
              [
                t("notices.channels.email.smtp"),
                s.email.smtp ? t("notices.channels.email.smtpOn") : <Tag tone="grey">{t("notices.channels.email.smtpOff")}</Tag>,
              ],
              [t("notices.channels.email.price"), money(s.email.priceVnd)],
            ]}
          />
          <p class="hint">{t("notices.channels.configNote")}</p>
        </section>

        <section aria-labelledby="zalo-title">
          <h2 id="zalo-title">{t("notices.channels.zalo.title")}</h2>
          <p>{t("notices.channels.zalo.lead")}</p>
          <SummaryList
            rows={[
              [t("notices.channels.zalo.state"), s.zalo ? t("notices.channels.zalo.ready") : <Tag tone="grey">{t("notices.channels.zalo.none")}</Tag>],
              ...(s.zalo
                ? ([
                    [t("notices.channels.zalo.tokenExpires"), when(s.zalo.tokenExpiresAt) ?? t("notices.channels.zalo.tokenUnknown")],
                    [t("notices.channels.zalo.lastRefresh"), when(s.zalo.lastRefreshAt) ?? t("notices.channels.zalo.never")],
                    ...(s.zalo.lastError ? [[t("notices.channels.zalo.lastError"), <Tag tone="red">{s.zalo.lastError}</Tag>] as [string, Child]] : []),
                  ] as [string, Child][])
                : []),
              [t("notices.channels.zalo.callback"), <code>{`${origin}${noticeApiPaths.zaloCallbacks}`}</code>],
              [t("notices.channels.zalo.price"), money(s.zaloPriceVnd)],
            ]}
          />
          <form method="post" action={withUnit(noticePaths.channelSettingsZalo, unit)} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Field t={t} form={zaloForm} name="appId" label={t("notices.channels.zalo.field.appId")} kind="numericId" required autocomplete="off" />
            <Field t={t} form={zaloForm} name="oaId" label={t("notices.channels.zalo.field.oaId")} kind="numericId" required autocomplete="off" />
            <Field t={t} form={zaloForm} name="templateId" label={t("notices.channels.zalo.field.templateId")} kind="numericId" required autocomplete="off" />
            <Field
              t={t}
              form={zaloForm}
              name="templateParams"
              label={t("notices.channels.zalo.field.templateParams")}
              hint={t("notices.channels.zalo.field.templateParamsHint")}
              kind="textarea"
              rows={4}
              required
            />
            {SECRET_FIELDS.map((f) => {
              const end = s.zalo
                ? f === "appSecret"
                  ? s.zalo.appSecretEnd
                  : f === "accessToken"
                    ? s.zalo.accessTokenEnd
                    : f === "refreshToken"
                      ? s.zalo.refreshTokenEnd
                      : s.zalo.oaSecretKeyEnd
                : null;
              return (
                <Field
                  t={t}
                  form={{ values: {}, errors: zaloForm.errors }}
                  name={f}
                  label={t(`notices.channels.zalo.field.${f}`)}
                  hint={end ? t("notices.channels.zalo.secretKeep", { end }) : t("notices.channels.zalo.secretNew")}
                  required={!s.zalo && f !== "refreshToken"}
                  autocomplete="off"
                />
              );
            })}
            <Button>{t("notices.channels.zalo.save")}</Button>
          </form>
          {s.zalo && (
            <section aria-labelledby="zalo-test-title">
              <h3 id="zalo-test-title">{t("notices.channels.zalo.test.title")}</h3>
              <p>{t("notices.channels.zalo.test.lead")}</p>
              <form method="post" action={withUnit(noticePaths.channelSettingsZaloTest, unit)} novalidate>
                <CsrfField token={ctx.csrfToken} />
                <Field t={t} form={testForm} name="phone" label={t("notices.channels.zalo.test.phone")} kind="tel" required autocomplete="off" />
                <Button variant="secondary">{t("notices.channels.zalo.test.send")}</Button>
              </form>
            </section>
          )}
        </section>
      </Layout>,
      status,
    );
  };
}

export function channelsPage(kit: PageKit) {
  const render = renderChannelsPage(kit);
  return (c: Context<AppEnv>) => render(c);
}

export function zaloSavePost(kit: PageKit) {
  const render = renderChannelsPage(kit);
  return async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const unit = c.req.query("unit") || undefined;
    const values = await readForm(c);
    const res = await attempt(() => saveZaloAccount(kit.deps, useCaseContext(c), unit, values));
    // Secrets typed in a refused form are not sent back to the browser.
    if (!res.ok) return render(c, { zalo: { values: Object.fromEntries(ZALO_FIELDS.map((f) => [f, values[f] ?? ""])), errors: res.errors } });
    setFlash(c, "notices.channels.flash.zaloSaved", kit.secure);
    return c.redirect(withUnit(noticePaths.channelSettings, res.data.account.unitCode), 303);
  };
}

export function zaloTestPost(kit: PageKit) {
  const render = renderChannelsPage(kit);
  return async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const unit = c.req.query("unit") || undefined;
    const values = await readForm(c);
    try {
      await testZaloAccount(kit.deps, useCaseContext(c), unit, values);
    } catch (err) {
      if (!(err instanceof AppError) || !["validation", "conflict", "unavailable"].includes(err.code)) throw err;
      const errors = err.fields.length ? err.fields : [{ field: "phone", code: err.code, message: err.messageKey, params: err.params }];
      return render(c, { test: { values: { phone: values.phone ?? "" }, errors } });
    }
    setFlash(c, "notices.channels.flash.zaloTested", kit.secure);
    return c.redirect(withUnit(noticePaths.channelSettings, unit ?? ""), 303);
  };
}
