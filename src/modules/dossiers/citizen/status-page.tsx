// The public status look-up: a dossier code and 4 digits of the applicant's phone or ID number, no sign-in.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { AppError, setRetryAfter } from "../../../platform/http/app-error.ts";
import { validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { Button, CsrfField, emptyForm, ErrorSummary, type FormState, SummaryList, TextField } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import { type PublicStatus, StatusLookupInput } from "../dossiers.contract.ts";
import { lookupStatus } from "../use-cases/lookup-status.ts";
import { type CitizenWeb, dateOf, textValues, timeOf } from "./citizen-context.ts";

const statusLabels = (t: Translate) => ({ code: t("dossiers.citizen.statusCode"), last4: t("dossiers.citizen.statusLast4") });

export function statusPages(citizen: CitizenWeb) {
  const { deps, page } = citizen;

  function statusPage(c: Context<AppEnv>, form: FormState, result: PublicStatus | null, status: 200 | 400 | 404 | 429 = 200) {
    const ctx = page(c);
    const { t } = ctx;
    return c.html(
      <Layout ctx={ctx} title={t("dossiers.citizen.statusTitle")}>
        <ErrorSummary t={t} errors={form.errors} labels={statusLabels(t)} />
        <h1>{t("dossiers.citizen.statusTitle")}</h1>
        {result ? <StatusResult ctx={ctx} s={result} /> : <p>{t("dossiers.citizen.statusLead")}</p>}
        {result && <h2>{t("dossiers.citizen.statusAgain")}</h2>}
        <form method="post" action="/status" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField
            t={t}
            form={form}
            name="code"
            label={t("dossiers.citizen.statusCode")}
            hint={t("dossiers.citizen.statusCodeHint")}
            autocomplete="off"
            required
          />
          <TextField
            t={t}
            form={form}
            name="last4"
            label={t("dossiers.citizen.statusLast4")}
            hint={t("dossiers.citizen.statusLast4Hint")}
            inputmode="numeric"
            autocomplete="off"
            required
          />
          <Button>{t("dossiers.citizen.statusSend")}</Button>
        </form>
      </Layout>,
      status,
    );
  }

  /** GET /status?code=… */
  const lookupForm = (c: Context<AppEnv>) => {
    const code = (c.req.query("code") ?? "").slice(0, 60);
    return statusPage(c, emptyForm(code ? { code } : {}), null);
  };

  /** POST /status */
  const lookup = async (c: Context<AppEnv>) => {
    const values = textValues(await c.req.parseBody());
    const form = { code: values.code ?? "", last4: values.last4 ?? "" };
    const parsed = validateForm(StatusLookupInput, form);
    if (!parsed.ok) return statusPage(c, { values: form, errors: parsed.errors }, null, 400);
    try {
      const result = await lookupStatus(deps, c.get("t"), { ...parsed.data, client: clientIp(c, deps.config.trustedProxies) });
      return statusPage(c, emptyForm(), result);
    } catch (err) {
      if (err instanceof AppError && err.code === "not_found") return statusPage(c, { values: form, errors: err.fields }, null, 404);
      if (err instanceof AppError && err.code === "too_many_requests") {
        setRetryAfter(c, err);
        return statusPage(c, { values: form, errors: [{ field: "code", code: "throttled", message: err.messageKey, params: err.params }] }, null, 429);
      }
      throw err;
    }
  };

  return { lookupForm, lookup };
}

function StatusResult(props: { ctx: PageContext; s: PublicStatus }) {
  const { ctx, s } = props;
  const { t } = ctx;
  return (
    <>
      <h2>{t("dossiers.citizen.statusResult", { code: s.code })}</h2>
      <SummaryList
        rows={[
          [t("dossiers.citizen.procedure"), s.procedureName],
          [t("dossiers.citizen.applicantName"), s.applicantName],
          [
            t("dossiers.citizen.state"),
            <>
              {s.stateLabel}
              {s.nationalStatus !== null && <> {t("dossiers.citizen.nationalStatus", { n: s.nationalStatus })}</>}
            </>,
          ],
          [t("dossiers.citizen.submittedAt"), timeOf(ctx, s.submittedAt)],
          [t("dossiers.citizen.receivedAt"), timeOf(ctx, s.receivedAt)],
          [t("dossiers.citizen.dueAt"), dateOf(ctx, s.dueAt)],
          ...(s.newDueAt ? ([[t("dossiers.citizen.newDueAt"), <strong>{dateOf(ctx, s.newDueAt)}</strong>]] as [string, Child][]) : []),
          ...(s.returnedAt ? ([[t("dossiers.citizen.returnedAt"), timeOf(ctx, s.returnedAt)]] as [string, Child][]) : []),
        ]}
      />
      <h3>{t("dossiers.citizen.stepsSection")}</h3>
      <ol>
        {s.steps.map((step) => (
          <li>
            {step.label} – {timeOf(ctx, step.at)}
          </li>
        ))}
      </ol>
    </>
  );
}
