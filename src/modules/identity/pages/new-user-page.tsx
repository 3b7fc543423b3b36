// GET and POST /office/users/new: an admin creates an account in a unit they manage.
import type { Context } from "hono";
import { can } from "../../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { attempt, readForm, validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, type FormState, SelectField, TextField } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { CreateUserInput } from "../identity.contract.ts";
import { createUser } from "../use-cases/create-user.ts";
import { type PageKit, requireSignedIn } from "../../../platform/http/page-kit.ts";

export function newUserPages(iw: PageKit) {
  const { deps, secure, page } = iw;

  const form = (c: Context<AppEnv>, state: FormState, status: 200 | 400 | 403 | 409 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    return c.html(
      <Layout ctx={ctx} title={t("users.create")} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: "/office/users", label: t("users.title") }, { label: t("users.create") }]}
        />
        <ErrorSummary
          t={t}
          errors={state.errors}
          labels={{
            username: t("users.username"),
            displayName: t("users.displayName"),
            kind: t("users.kind"),
            homeUnitCode: t("users.unit"),
            email: t("users.email"),
            phone: t("users.phone"),
            password: t("users.password"),
          }}
        />
        <h1>{t("users.create")}</h1>
        <form method="post" action="/office/users" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField t={t} form={state} name="username" label={t("users.username")} hint={t("users.usernameHint")} autocomplete="off" required />
          <TextField t={t} form={state} name="displayName" label={t("users.displayName")} autocomplete="off" required />
          <SelectField
            t={t}
            form={state}
            name="kind"
            label={t("users.kind")}
            options={(["officer", "volunteer", "citizen", "service"] as const).map((k) => ({ value: k, label: t(`users.kind.${k}`) }))}
          />
          <TextField t={t} form={state} name="homeUnitCode" label={t("users.unit")} hint={t("users.unitHint")} inputmode="numeric" required />
          <TextField t={t} form={state} name="email" type="email" label={t("users.email")} autocomplete="off" />
          <TextField t={t} form={state} name="phone" type="tel" label={t("users.phone")} hint={t("users.phoneHint")} autocomplete="off" />
          <TextField
            t={t}
            form={state}
            name="password"
            type="password"
            label={t("users.password")}
            hint={t("users.passwordHint")}
            autocomplete="new-password"
          />
          <Button>{t("users.create")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  /** GET /office/users/new: the form starts on the first unit where the officer may create users. */
  const show = (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const home = p.grants.find((g) => can(p, "user.manage", { code: g.unitCode, path: g.unitPath }));
    if (!home) throw new AppError("forbidden", "error.forbidden");
    return form(c, emptyForm({ homeUnitCode: home.unitCode, kind: "officer" }));
  };

  /** POST /office/users */
  const submit = async (c: Context<AppEnv>) => {
    const values = await readForm(c);
    const parsed = validateForm(CreateUserInput, values);
    if (!parsed.ok) return form(c, { values, errors: parsed.errors }, 400);
    const res = await attempt(() => createUser(deps, ctxOf(c), parsed.data));
    if (!res.ok) return form(c, { values, errors: res.errors }, 400);
    setFlash(c, "flash.userCreated", secure);
    return c.redirect(`/office/users/${res.data}`, 303);
  };

  return { show, submit };
}
