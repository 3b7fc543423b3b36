// The citizen's profile: what prefills every form they file.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { attempt, readForm, validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, type FormState, TextField } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { type CitizenProfile, citizenProfileInput } from "../citizens.contract.ts";
import { getProfileForPrefill } from "../use-cases/get-profile.ts";
import { saveProfile } from "../use-cases/save-profile.ts";
import { type PageKit, requireSignedIn } from "../../../platform/http/page-kit.ts";
import { PROFILE_PHONE_PATH } from "./profile-phone-page.tsx";

const isoToDmy = (iso: string | null) => (iso && /^\d{4}-\d\d-\d\d$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : (iso ?? ""));

/** What the page says of the phone and ID number: verified, or only typed (and so linking nothing). */
function verification(t: Translate, profile: CitizenProfile | null) {
  const idHint = t("citizens.profile.citizenIdNumberHint");
  if (!profile) return { phone: undefined, id: idHint };
  const unverified = [
    profile.phone ? t("citizens.profile.phoneUnverified") : "",
    profile.verifiedPhone ? t("citizens.profile.phoneVerifiedOther", { phone: profile.verifiedPhone }) : "",
  ];
  const phone = profile.phoneVerified ? t("citizens.profile.phoneVerified") : unverified.filter(Boolean).join(" ") || undefined;
  const id = profile.citizenIdNumber
    ? `${idHint}. ${t(profile.citizenIdNumberVerified ? "citizens.profile.idVerified" : "citizens.profile.idUnverified")}`
    : idHint;
  return { phone, id };
}

const profileLabels = (t: Translate) => ({
  fullName: t("citizens.profile.fullName"),
  birthDate: t("citizens.profile.birthDate"),
  citizenIdNumber: t("citizens.profile.citizenIdNumber"),
  address: t("citizens.profile.address"),
  phone: t("citizens.profile.phone"),
  email: t("citizens.profile.email"),
});

export function profilePages(w: PageKit) {
  const { deps, secure, page } = w;
  const profileInput = citizenProfileInput(() => deps.clock.now());

  const form = (c: Context<AppEnv>, state: FormState, profile: CitizenProfile | null, status: 200 | 400 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    const labels = profileLabels(t);
    const hints = verification(t, profile);
    return c.html(
      <Layout ctx={ctx} title={t("citizens.profile.title")}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("citizens.profile.title") }]} />
        <ErrorSummary t={t} errors={state.errors} labels={labels} />
        <h1>{t("citizens.profile.title")}</h1>
        <p>{t("citizens.profile.intro")}</p>
        <form method="post" action="/me/profile" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField t={t} form={state} name="fullName" label={labels.fullName} autocomplete="name" required />
          <TextField
            t={t}
            form={state}
            name="birthDate"
            label={labels.birthDate}
            hint={t("citizens.profile.birthDateHint")}
            autocomplete="bday"
            inputmode="numeric"
            required
          />
          <TextField t={t} form={state} name="citizenIdNumber" label={labels.citizenIdNumber} hint={hints.id} autocomplete="off" inputmode="numeric" required />
          <TextField t={t} form={state} name="address" label={labels.address} hint={t("citizens.profile.addressHint")} autocomplete="street-address" required />
          <TextField t={t} form={state} name="phone" type="tel" label={labels.phone} hint={hints.phone} autocomplete="tel" inputmode="tel" required />
          <TextField t={t} form={state} name="email" type="email" label={labels.email} autocomplete="email" />
          <Button>{t("citizens.profile.save")}</Button>
        </form>
        {profile?.phone && !profile.phoneVerified && (
          <form method="post" action={`${PROFILE_PHONE_PATH}/code`}>
            <CsrfField token={ctx.csrfToken} />
            <Button variant="secondary">{t("citizens.profile.sendCode", { phone: profile.phone })}</Button>
          </form>
        )}
        <ul>
          <li>
            <a href="/me/vault">{t("citizens.vault.title")}</a>
          </li>
          <li>
            <a href="/me/household">{t("citizens.profile.householdLink")}</a>
          </li>
          <li>
            <a href="/me/reports">{t("nav.myReports")}</a>
          </li>
          <li>
            <a href="/me/notices">{t("nav.myNotices")}</a>
          </li>
        </ul>
      </Layout>,
      status,
    );
  };

  /** GET /me/profile */
  const show = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const profile = await getProfileForPrefill(deps, p.userId);
    const values: Record<string, string> = profile
      ? {
          fullName: profile.fullName,
          birthDate: isoToDmy(profile.birthDate),
          citizenIdNumber: profile.citizenIdNumber ?? "",
          address: profile.address ?? "",
          phone: profile.phone ?? "",
          email: profile.email ?? "",
        }
      : {};
    return form(c, emptyForm(values), profile);
  };

  /** POST /me/profile */
  const submit = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const values = await readForm(c);
    const parsed = validateForm(profileInput, values);
    if (!parsed.ok) return form(c, { values, errors: parsed.errors }, await getProfileForPrefill(deps, p.userId), 400);
    const res = await attempt(() => saveProfile(deps, ctxOf(c), p.userId, parsed.data));
    if (!res.ok) return form(c, { values, errors: res.errors }, await getProfileForPrefill(deps, p.userId), 400);
    setFlash(c, "flash.saved", secure);
    return c.redirect("/me/profile", 303);
  };

  return { show, submit };
}
