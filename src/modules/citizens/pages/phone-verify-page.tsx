// Sign in with a phone number, step 2: the code from the SMS; a right code starts a session.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { readForm, validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { emptyForm, ErrorSummary, type FormState } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { startBrowserSession } from "../../identity/index.ts";
import { PhoneCodeVerify } from "../citizens.contract.ts";
import { verifyPhoneCode } from "../use-cases/verify-phone-code.ts";
import { attemptWithStatus } from "./citizens-web.ts";
import { PhoneCodeForm } from "./phone-code-form.tsx";
import type { PageKit } from "../../../platform/http/page-kit.ts";
import { clearPhoneCookie, PHONE_PATH, readPhoneCookie } from "./phone-cookie.ts";

export function phoneVerifyPages(w: PageKit) {
  const { deps, secure, page } = w;

  const form = (c: Context<AppEnv>, phone: string, state: FormState, status: 200 | 400 | 429 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    return c.html(
      <Layout ctx={ctx} title={t("citizens.phoneSignIn.verifyTitle")}>
        <ErrorSummary t={t} errors={state.errors} labels={{ code: t("citizens.phoneSignIn.code") }} />
        <h1>{t("citizens.phoneSignIn.verifyTitle")}</h1>
        <PhoneCodeForm t={t} csrfToken={ctx.csrfToken} form={state} phone={phone} action={`${PHONE_PATH}/verify`} submit={t("citizens.phoneSignIn.verify")} />
        <p>
          <a href={PHONE_PATH}>{t("citizens.phoneSignIn.resend")}</a>
        </p>
      </Layout>,
      status,
    );
  };

  /** GET /sign-in/phone/verify */
  const show = async (c: Context<AppEnv>) => {
    const saved = await readPhoneCookie(c, deps.config);
    if (!saved) return c.redirect(PHONE_PATH, 303);
    return form(c, saved.phone, emptyForm());
  };

  /** POST /sign-in/phone/verify */
  const submit = async (c: Context<AppEnv>) => {
    const saved = await readPhoneCookie(c, deps.config);
    if (!saved) return c.redirect(PHONE_PATH, 303);
    const values = await readForm(c);
    const parsed = validateForm(PhoneCodeVerify, { phone: saved.phone, code: values.code ?? "" });
    if (!parsed.ok) return form(c, saved.phone, { values: {}, errors: parsed.errors }, 400);
    const ip = clientIp(c, deps.config.trustedProxies);
    const res = await attemptWithStatus(() => verifyPhoneCode(deps, ctxOf(c), { ...parsed.data, ip }));
    if (!res.ok) return form(c, saved.phone, { values: {}, errors: res.errors }, res.status === 429 ? 429 : 400);
    clearPhoneCookie(c, deps.config);
    await startBrowserSession(c, deps, res.data.userId, "phone");
    setFlash(c, "flash.signedIn", secure);
    return c.redirect(saved.next, 303);
  };

  return { show, submit };
}
