// Sign in with a phone number, step 1: the number, to which an SMS code is sent.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import { readForm, safeNext, validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { Button, CsrfField, emptyForm, ErrorSummary, type FormState, TextField } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { PhoneCodeRequest } from "../citizens.contract.ts";
import { requestPhoneCode } from "../use-cases/request-phone-code.ts";
import { attemptWithStatus } from "./citizens-web.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";
import { DEFAULT_NEXT, PHONE_PATH, writePhoneCookie } from "./phone-cookie.ts";

export function phoneSignInPages(w: PageKit) {
  const { deps, page } = w;

  const form = (c: Context<AppEnv>, state: FormState, next: string, status: 200 | 400 | 429 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    return c.html(
      <Layout ctx={ctx} title={t("citizens.phoneSignIn.title")}>
        <ErrorSummary t={t} errors={state.errors} labels={{ phone: t("citizens.phoneSignIn.phone") }} />
        <h1>{t("citizens.phoneSignIn.title")}</h1>
        <p>{t("citizens.phoneSignIn.intro")}</p>
        <form method="post" action={PHONE_PATH} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <TextField
            t={t}
            form={state}
            name="phone"
            type="tel"
            label={t("citizens.phoneSignIn.phone")}
            hint={t("citizens.phoneSignIn.phoneHint")}
            autocomplete="tel"
            inputmode="tel"
            required
          />
          <Button>{t("citizens.phoneSignIn.send")}</Button>
        </form>
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(next)}`}>{t("citizens.phoneSignIn.withPassword")}</a>
        </p>
      </Layout>,
      status,
    );
  };

  /** GET /sign-in/phone */
  const show = (c: Context<AppEnv>) => form(c, emptyForm(), safeNext(c.req.query("next"), DEFAULT_NEXT));

  /** POST /sign-in/phone */
  const submit = async (c: Context<AppEnv>) => {
    const values = await readForm(c);
    const next = safeNext(values.next, DEFAULT_NEXT);
    const parsed = validateForm(PhoneCodeRequest, { phone: values.phone ?? "" });
    if (!parsed.ok) return form(c, { values, errors: parsed.errors }, next, 400);
    const phone = parsed.data.phone;
    const res = await attemptWithStatus(() =>
      requestPhoneCode(deps, ctxOf(c), { phone, locale: c.get("locale"), ip: clientIp(c, deps.config.trustedProxies) }),
    );
    if (!res.ok) {
      if (res.retryAfterSeconds) c.header("Retry-After", String(res.retryAfterSeconds));
      return form(c, { values, errors: res.errors }, next, res.status === 429 ? 429 : 400);
    }
    await writePhoneCookie(c, deps.config, phone, next);
    return c.redirect(`${PHONE_PATH}/verify`, 303);
  };

  return { show, submit };
}
