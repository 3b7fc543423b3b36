// Verifying the phone of the profile: a code is sent to the number saved there, and entering it proves it.
// The number is read from the saved profile, never from the URL or a cookie.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { readForm, validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../platform/http/page-kit.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, type FormState } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { PhoneCodeVerify } from "../citizens.contract.ts";
import { getProfileForPrefill } from "../use-cases/get-profile.ts";
import { requestPhoneCode } from "../use-cases/request-phone-code.ts";
import { verifyProfilePhone } from "../use-cases/verify-profile-phone.ts";
import { attemptWithStatus } from "./citizens-web.ts";
import { PhoneCodeForm } from "./phone-code-form.tsx";

export const PROFILE_PHONE_PATH = "/me/profile/phone";

export function profilePhonePages(w: PageKit) {
  const { deps, secure, page } = w;

  const form = (c: Context<AppEnv>, phone: string | null, state: FormState, status: 200 | 400 | 409 | 429 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    return c.html(
      <Layout ctx={ctx} title={t("citizens.phoneVerify.title")}>
        <Breadcrumbs
          t={t}
          items={[{ href: "/", label: t("nav.home") }, { href: "/me/profile", label: t("citizens.profile.title") }, { label: t("citizens.phoneVerify.title") }]}
        />
        <ErrorSummary t={t} errors={state.errors} labels={{ code: t("citizens.phoneSignIn.code"), phone: t("citizens.profile.phone") }} />
        <h1>{t("citizens.phoneVerify.title")}</h1>
        {phone ? (
          <>
            <PhoneCodeForm t={t} csrfToken={ctx.csrfToken} form={state} phone={phone} action={PROFILE_PHONE_PATH} submit={t("citizens.phoneVerify.submit")} />
            <form method="post" action={`${PROFILE_PHONE_PATH}/code`}>
              <CsrfField token={ctx.csrfToken} />
              <Button variant="secondary">{t("citizens.phoneSignIn.resend")}</Button>
            </form>
          </>
        ) : (
          <p>
            <a href="/me/profile">{t("citizens.phoneVerify.noPhone")}</a>
          </p>
        )}
      </Layout>,
      status,
    );
  };

  const savedPhone = async (userId: string) => (await getProfileForPrefill(deps, userId))?.phone ?? null;

  /** POST /me/profile/phone/code: sends a code to the profile's phone. */
  const sendCode = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const phone = await savedPhone(p.userId);
    if (!phone) return form(c, null, emptyForm(), 400);
    const ip = clientIp(c, deps.config.trustedProxies);
    const res = await attemptWithStatus(() => requestPhoneCode(deps, ctxOf(c), { phone, locale: c.get("locale"), ip }));
    if (!res.ok) return form(c, phone, { values: {}, errors: res.errors }, res.status);
    return c.redirect(PROFILE_PHONE_PATH, 303);
  };

  /** GET /me/profile/phone: the code form. */
  const show = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    return form(c, await savedPhone(p.userId), emptyForm());
  };

  /** POST /me/profile/phone: the code entered. */
  const verify = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const phone = await savedPhone(p.userId);
    if (!phone) return form(c, null, emptyForm(), 400);
    const values = await readForm(c);
    const parsed = validateForm(PhoneCodeVerify, { phone, code: values.code ?? "" });
    if (!parsed.ok) return form(c, phone, { values: {}, errors: parsed.errors }, 400);
    const ip = clientIp(c, deps.config.trustedProxies);
    const res = await attemptWithStatus(() => verifyProfilePhone(deps, ctxOf(c), p.userId, { ...parsed.data, ip }));
    if (!res.ok) return form(c, phone, { values: {}, errors: res.errors }, res.status);
    setFlash(c, "citizens.flash.phoneVerified", secure);
    return c.redirect("/me/profile", 303);
  };

  return { sendCode, show, verify };
}
