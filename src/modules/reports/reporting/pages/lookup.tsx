// /reports/follow: type the code and the phone given to get back to the private page (a new link is issued).
import type { Context } from "hono";
import { AppError } from "../../../../platform/http/app-error.ts";
import { clientIp } from "../../../../platform/http/client-ip.ts";
import { readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { Button, CsrfField, ErrorSummary, Field, type FormState } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { reportPaths } from "../../report-paths.ts";
import { lookupReport } from "../../use-cases/report-follow.ts";
import { privateHeaders } from "./follow.tsx";

export function lookupPages(kit: PageKit) {
  const { deps, page } = kit;

  const form = async (c: Context<AppEnv>, f: FormState = { values: {}, errors: [] }, status: 200 | 400 | 404 | 429 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    const labels = { code: t("reports.reporting.lookup.code"), phone: t("reports.reporting.lookup.phone") };
    return c.html(
      <Layout ctx={ctx} title={t("reports.reporting.lookup.title")}>
        <ErrorSummary t={t} errors={f.errors} labels={labels} />
        <h1>{t("reports.reporting.lookup.title")}</h1>
        <p>{t("reports.reporting.lookup.lead")}</p>
        <form method="post" action={reportPaths.followLookup} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field t={t} form={f} name="code" label={labels.code} autocomplete="off" required />
          <Field t={t} form={f} name="phone" label={labels.phone} kind="tel" autocomplete="tel" required />
          <Button>{t("reports.reporting.lookup.submit")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  const submit = async (c: Context<AppEnv>) => {
    privateHeaders(c);
    const values = await readForm(c);
    try {
      const found = await lookupReport(deps, { code: values.code ?? "", phone: values.phone ?? "", clientIp: clientIp(c, deps.config.trustedProxies) });
      return c.redirect(reportPaths.follow(found.code, found.token), 303);
    } catch (err) {
      if (err instanceof AppError && (err.code === "not_found" || err.code === "too_many_requests")) {
        const errors = err.fields.length > 0 ? err.fields : [{ field: "code", code: "throttled", message: err.messageKey, params: err.params }];
        return form(c, { values, errors }, err.code === "not_found" ? 404 : 429);
      }
      throw err;
    }
  };

  return { form: (c: Context<AppEnv>) => form(c), submit };
}
