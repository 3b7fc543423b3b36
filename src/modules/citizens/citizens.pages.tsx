// Citizen face: sign in with a phone number and an SMS code, the profile, and the document vault.
import type { Context, Hono } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import type { WebContext } from "../../platform/http/web-context.ts";
import type { Principal } from "../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../platform/auth/use-case-context.ts";
import { uploadMessageParams } from "../../platform/files/sniff-upload.ts";
import { AppError, type FieldError, localizeField } from "../../platform/http/app-error.ts";
import { fileResponse } from "../../platform/http/file-response.ts";
import { attempt, readForm, safeNext, validateForm } from "../../platform/http/forms.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { formatDate, formatNumber } from "../../platform/i18n/format.ts";
import type { Locale, Translate } from "../../platform/i18n/i18n.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, fieldId, type FormState, PostButton, TextField } from "../../platform/views/components.tsx";
import { Layout } from "../../platform/views/layout.tsx";
import { pageContext, type PageContext } from "../../platform/views/page-context.ts";
import { setFlash, takeFlash } from "../../platform/http/flash.ts";
import { clientIp } from "../../platform/http/client-ip.ts";
import { startBrowserSession } from "../identity/index.ts";
import { citizenProfileInput, PhoneCodeRequest, PhoneCodeVerify, VaultUploadFields } from "./citizens.contract.ts";
import { getProfileForPrefill } from "./use-cases/get-profile.ts";
import { maskPhone, PHONE_CODE, requestPhoneCode } from "./use-cases/request-phone-code.ts";
import { saveProfile } from "./use-cases/save-profile.ts";
import { getVaultFile, listVault, removeFromVault, uploadToVault, type VaultItem } from "./use-cases/vault.ts";
import { verifyPhoneCode } from "./use-cases/verify-phone-code.ts";

// Between "send code" and "enter code" the number travels in a signed cookie, not in the URL (and so not in logs).
const PHONE_COOKIE = "xaso_phone";
const PHONE_PATH = "/sign-in/phone";
const DEFAULT_NEXT = "/me/profile";

function requireSignedIn(c: Context<AppEnv>): Principal {
  const p = c.var.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  return p;
}

/** Expected refusals (wrong code, too many tries) go back to the form beside their field, with their own status. */
async function attemptWithStatus<T>(fn: () => Promise<T>): Promise<{ ok: true; data: T } | { ok: false; errors: FieldError[]; status: 400 | 409 | 429 }> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    if (err instanceof AppError && err.fields.length > 0 && (err.status === 400 || err.status === 409 || err.status === 429))
      return { ok: false, errors: err.fields, status: err.status };
    throw err;
  }
}

const isoToDmy = (iso: string | null) => (iso && /^\d{4}-\d\d-\d\d$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : (iso ?? ""));

function formatSize(bytes: number, locale: Locale): string {
  if (bytes >= 1_048_576) return `${formatNumber(Math.round((bytes / 1_048_576) * 10) / 10, locale)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
}

/** A file input in the same shape as TextField: label, hint, error beside it. */
function FileField(p: { t: Translate; form: FormState; name: string; label: string; hint: string; accept: string }) {
  const id = fieldId(p.name);
  const err = p.form.errors.find((e) => e.field === p.name);
  return (
    <div class={err ? "field field--error" : "field"}>
      <label for={id}>{p.label}</label>
      <span class="hint" id={`${id}-hint`}>
        {p.hint}
      </span>
      {err && (
        <span class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{p.t("form.errorPrefix")}</span> {localizeField(err, p.t, p.label)}
        </span>
      )}
      <input
        type="file"
        id={id}
        name={p.name}
        accept={p.accept}
        required
        aria-describedby={err ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={err ? "true" : undefined}
      />
    </div>
  );
}

export function registerCitizenPages(app: Hono<AppEnv>, web: WebContext) {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  const secret = deps.config.sessionSecret;
  const page = (c: Context<AppEnv>) => pageContext(c, web.assets, takeFlash(c, secure));
  const profileInput = citizenProfileInput(() => deps.clock.now());

  // --- sign in with a phone number ------------------------------------------------------

  const phonePage = (c: Context<AppEnv>, form: FormState, next: string, status: 200 | 400 | 429 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    return c.html(
      <Layout ctx={ctx} title={t("citizens.phoneSignIn.title")}>
        <ErrorSummary t={t} errors={form.errors} labels={{ phone: t("citizens.phoneSignIn.phone") }} />
        <h1>{t("citizens.phoneSignIn.title")}</h1>
        <p>{t("citizens.phoneSignIn.intro")}</p>
        <form method="post" action={PHONE_PATH} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <TextField
            t={t}
            form={form}
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

  const readPhoneCookie = async (c: Context<AppEnv>): Promise<{ phone: string; next: string } | null> => {
    const raw = await getSignedCookie(c, secret, PHONE_COOKIE);
    if (!raw) return null;
    try {
      const v = JSON.parse(raw) as { p?: unknown; n?: unknown };
      return typeof v.p === "string" && /^0\d{9}$/.test(v.p) ? { phone: v.p, next: safeNext(v.n, DEFAULT_NEXT) } : null;
    } catch {
      return null;
    }
  };

  const verifyPage = (c: Context<AppEnv>, phone: string, form: FormState, status: 200 | 400 | 429 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    return c.html(
      <Layout ctx={ctx} title={t("citizens.phoneSignIn.verifyTitle")}>
        <ErrorSummary t={t} errors={form.errors} labels={{ code: t("citizens.phoneSignIn.code") }} />
        <h1>{t("citizens.phoneSignIn.verifyTitle")}</h1>
        <p>{t("citizens.phoneSignIn.sentTo", { phone: maskPhone(phone), minutes: PHONE_CODE.ttlMinutes })}</p>
        <form method="post" action={`${PHONE_PATH}/verify`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField
            t={t}
            form={form}
            name="code"
            label={t("citizens.phoneSignIn.code")}
            hint={t("citizens.phoneSignIn.codeHint")}
            autocomplete="one-time-code"
            inputmode="numeric"
            required
          />
          <Button>{t("citizens.phoneSignIn.verify")}</Button>
        </form>
        <p>
          <a href={PHONE_PATH}>{t("citizens.phoneSignIn.resend")}</a>
        </p>
      </Layout>,
      status,
    );
  };

  app.get(PHONE_PATH, (c) => phonePage(c, emptyForm(), safeNext(c.req.query("next"), DEFAULT_NEXT)));

  app.post(PHONE_PATH, async (c) => {
    const values = await readForm(c);
    const next = safeNext(values.next, DEFAULT_NEXT);
    const parsed = validateForm(PhoneCodeRequest, { phone: values.phone ?? "" });
    if (!parsed.ok) return phonePage(c, { values, errors: parsed.errors }, next, 400);
    const phone = parsed.data.phone;
    const res = await attemptWithStatus(() => requestPhoneCode(deps, ctxOf(c), { phone, locale: c.var.locale, ip: clientIp(c, deps.config.trustProxy) }));
    if (!res.ok) return phonePage(c, { values, errors: res.errors }, next, res.status === 429 ? 429 : 400);
    await setSignedCookie(c, PHONE_COOKIE, JSON.stringify({ p: phone, n: next }), secret, {
      path: PHONE_PATH,
      httpOnly: true,
      sameSite: "Lax",
      secure,
      maxAge: PHONE_CODE.ttlMinutes * 60 * 2,
    });
    return c.redirect(`${PHONE_PATH}/verify`, 303);
  });

  app.get(`${PHONE_PATH}/verify`, async (c) => {
    const saved = await readPhoneCookie(c);
    if (!saved) return c.redirect(PHONE_PATH, 303);
    return verifyPage(c, saved.phone, emptyForm());
  });

  app.post(`${PHONE_PATH}/verify`, async (c) => {
    const saved = await readPhoneCookie(c);
    if (!saved) return c.redirect(PHONE_PATH, 303);
    const values = await readForm(c);
    const parsed = validateForm(PhoneCodeVerify, { phone: saved.phone, code: values.code ?? "" });
    if (!parsed.ok) return verifyPage(c, saved.phone, { values: {}, errors: parsed.errors }, 400);
    const ip = clientIp(c, deps.config.trustProxy);
    const res = await attemptWithStatus(() => verifyPhoneCode(deps, ctxOf(c), { ...parsed.data, ip }));
    if (!res.ok) return verifyPage(c, saved.phone, { values: {}, errors: res.errors }, res.status === 429 ? 429 : 400);
    deleteCookie(c, PHONE_COOKIE, { path: PHONE_PATH, secure });
    await startBrowserSession(c, deps, res.data.userId, "phone");
    setFlash(c, "flash.signedIn", secure);
    return c.redirect(saved.next, 303);
  });

  // --- profile ----------------------------------------------------------------------------

  const profileLabels = (t: Translate) => ({
    fullName: t("citizens.profile.fullName"),
    birthDate: t("citizens.profile.birthDate"),
    citizenIdNumber: t("citizens.profile.citizenIdNumber"),
    address: t("citizens.profile.address"),
    phone: t("citizens.profile.phone"),
    email: t("citizens.profile.email"),
  });

  const profilePage = (c: Context<AppEnv>, form: FormState, status: 200 | 400 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    const labels = profileLabels(t);
    return c.html(
      <Layout ctx={ctx} title={t("citizens.profile.title")}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("citizens.profile.title") }]} />
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <h1>{t("citizens.profile.title")}</h1>
        <p>{t("citizens.profile.intro")}</p>
        <form method="post" action="/me/profile" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField t={t} form={form} name="fullName" label={labels.fullName} autocomplete="name" required />
          <TextField
            t={t}
            form={form}
            name="birthDate"
            label={labels.birthDate}
            hint={t("citizens.profile.birthDateHint")}
            autocomplete="bday"
            inputmode="numeric"
            required
          />
          <TextField
            t={t}
            form={form}
            name="citizenIdNumber"
            label={labels.citizenIdNumber}
            hint={t("citizens.profile.citizenIdNumberHint")}
            autocomplete="off"
            inputmode="numeric"
            required
          />
          <TextField t={t} form={form} name="address" label={labels.address} hint={t("citizens.profile.addressHint")} autocomplete="street-address" required />
          <TextField t={t} form={form} name="phone" type="tel" label={labels.phone} autocomplete="tel" inputmode="tel" required />
          <TextField t={t} form={form} name="email" type="email" label={labels.email} autocomplete="email" />
          <Button>{t("citizens.profile.save")}</Button>
        </form>
        <p>
          <a href="/me/vault">{t("citizens.vault.title")}</a>
        </p>
      </Layout>,
      status,
    );
  };

  app.get("/me/profile", async (c) => {
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
    return profilePage(c, emptyForm(values));
  });

  app.post("/me/profile", async (c) => {
    const p = requireSignedIn(c);
    const values = await readForm(c);
    const parsed = validateForm(profileInput, values);
    if (!parsed.ok) return profilePage(c, { values, errors: parsed.errors }, 400);
    const res = await attempt(() => saveProfile(deps, ctxOf(c), p.userId, parsed.data));
    if (!res.ok) return profilePage(c, { values, errors: res.errors }, 400);
    setFlash(c, "flash.saved", secure);
    return c.redirect("/me/profile", 303);
  });

  // --- vault --------------------------------------------------------------------------------

  const limits = { maxBytes: deps.config.uploadMaxBytes };

  const vaultPage = async (c: Context<AppEnv>, form: FormState, status: 200 | 400 = 200) => {
    const p = requireSignedIn(c);
    const items = await listVault(deps, ctxOf(c), p.userId);
    const ctx = page(c);
    const { t, locale } = ctx;
    const labels = { title: t("citizens.vault.itemTitle"), documentType: t("citizens.vault.documentType"), file: t("citizens.vault.file") };
    return c.html(
      <Layout ctx={ctx} title={t("citizens.vault.title")}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("citizens.vault.title") }]} />
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <h1>{t("citizens.vault.title")}</h1>
        <p>{t("citizens.vault.intro")}</p>
        {items.length === 0 ? <p>{t("citizens.vault.empty")}</p> : <VaultTable ctx={ctx} items={items} locale={locale} />}
        <h2 id="upload">{t("citizens.vault.upload")}</h2>
        <form method="post" action="/me/vault" enctype="multipart/form-data" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField t={t} form={form} name="title" label={labels.title} hint={t("citizens.vault.itemTitleHint")} required />
          <TextField t={t} form={form} name="documentType" label={labels.documentType} />
          <FileField
            t={t}
            form={form}
            name="file"
            label={labels.file}
            hint={t("citizens.vault.fileHint", uploadMessageParams(limits))}
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          />
          <Button>{t("citizens.vault.upload")}</Button>
        </form>
        <p>
          <a href="/me/profile">{t("citizens.profile.title")}</a>
        </p>
      </Layout>,
      status,
    );
  };

  function VaultTable(props: { ctx: PageContext; items: VaultItem[]; locale: Locale }) {
    const { t, csrfToken } = props.ctx;
    return (
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t("citizens.vault.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("citizens.vault.itemTitle")}</th>
              <th scope="col">{t("citizens.vault.kind")}</th>
              <th scope="col">{t("citizens.vault.added")}</th>
              <th scope="col">
                <span class="visually-hidden">{t("citizens.vault.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((v) => (
              <tr>
                <td>
                  <a href={`/me/vault/${v.id}/file`} download={v.fileName}>
                    {v.title}
                  </a>{" "}
                  <span class="hint">({`${v.fileName}, ${formatSize(v.sizeBytes, props.locale)}`})</span>
                </td>
                <td>{t(v.kind === "result" ? "citizens.vault.kind.result" : "citizens.vault.kind.upload")}</td>
                <td>{formatDate(new Date(v.createdAt), props.locale)}</td>
                <td>
                  <PostButton action={`/me/vault/${v.id}/remove`} csrfToken={csrfToken} label={t("citizens.vault.remove")} rowLabel={v.title} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  app.get("/me/vault", (c) => vaultPage(c, emptyForm()));

  app.post("/me/vault", async (c) => {
    const p = requireSignedIn(c);
    const body = await c.req.parseBody();
    const text = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
    const values = { title: text("title"), documentType: text("documentType") };
    const parsed = validateForm(VaultUploadFields, values);
    const file = body.file instanceof File && (body.file.size > 0 || body.file.name !== "") ? body.file : null;
    const errors: FieldError[] = parsed.ok ? [] : [...parsed.errors];
    if (!file) errors.push({ field: "file", code: "required", message: "citizens.vault.fileRequired" });
    if (!parsed.ok || !file || errors.length > 0) return vaultPage(c, { values, errors }, 400);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const res = await attempt(() =>
      uploadToVault(deps, ctxOf(c), p.userId, {
        title: parsed.data.title,
        documentType: parsed.data.documentType,
        name: file.name,
        bytes,
        maxBytes: limits.maxBytes,
      }),
    );
    if (!res.ok) return vaultPage(c, { values, errors: res.errors }, 400);
    setFlash(c, "flash.saved", secure);
    return c.redirect("/me/vault", 303);
  });

  app.get("/me/vault/:id/file", async (c) => {
    const p = requireSignedIn(c);
    return fileResponse((await getVaultFile(deps, ctxOf(c), p.userId, c.req.param("id"))).file);
  });

  app.post("/me/vault/:id/remove", async (c) => {
    const p = requireSignedIn(c);
    await removeFromVault(deps, ctxOf(c), p.userId, c.req.param("id"));
    setFlash(c, "flash.saved", secure);
    return c.redirect("/me/vault", 303);
  });
}
