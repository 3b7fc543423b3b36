// One account: its details, its roles (grant and revoke), and disabling or enabling it.
import type { Context } from "hono";
import type { Grant } from "../../../platform/auth/authorise.ts";
import { ROLES } from "../../../platform/auth/roles.ts";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { attempt, readForm, validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  emptyForm,
  ErrorSummary,
  type FormState,
  PostButton,
  SelectField,
  SummaryList,
  Tag,
  TextField,
} from "../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { GrantRoleInput } from "../identity.contract.ts";
import { getUser } from "../use-cases/get-user.ts";
import { grantRole } from "../use-cases/grant-role.ts";
import { revokeRole } from "../use-cases/revoke-role.ts";
import { setUserDisabled } from "../use-cases/set-user-disabled.ts";
import { roleLabel } from "./identity-web.ts";
import { type PageKit, requireSignedIn } from "../../../platform/http/page-kit.ts";

export function userPages(iw: PageKit) {
  const { deps, secure, page } = iw;

  /** GET /office/users/:id, or the same page again with the errors of a grant, revoke or disable. */
  const show = async (c: Context<AppEnv>, id: string, grantForm: FormState = emptyForm({ adminUnitCode: "" }), status: 200 | 400 | 403 = 200) => {
    const user = await getUser(deps, ctxOf(c), id);
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const grantColumns: Column<Grant>[] = [
      { header: t("users.role"), cell: (g) => roleLabel(t, g.role) },
      { header: t("users.unit"), cell: (g) => g.unitCode },
      {
        header: <span class="visually-hidden">{t("users.actions")}</span>,
        cell: (g) => (
          <PostButton
            action={`/office/users/${user.id}/roles/revoke`}
            csrfToken={ctx.csrfToken}
            label={t("users.revoke")}
            rowLabel={`${roleLabel(t, g.role)} ${g.unitCode}`}
            fields={{ role: g.role, adminUnitCode: g.unitCode }}
          />
        ),
      },
    ];
    return c.html(
      <Layout ctx={ctx} title={user.displayName} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: "/office/users", label: t("users.title") }, { label: user.username }]}
        />
        <ErrorSummary t={t} errors={grantForm.errors} labels={{ role: t("users.role"), adminUnitCode: t("users.unit") }} />
        <h1>{user.displayName}</h1>
        <SummaryList
          rows={[
            [t("users.username"), user.username],
            [t("users.kind"), t(`users.kind.${user.kind}` as MessageKey)],
            [t("users.unit"), user.homeUnitCode ?? "–"],
            [t("users.email"), user.email ?? "–"],
            [t("users.phone"), user.phone ?? "–"],
            [t("users.created"), formatDate(user.createdAt, locale)],
            [t("users.status"), user.disabledAt ? <Tag tone="red">{t("users.disabled")}</Tag> : <Tag tone="green">{t("users.active")}</Tag>],
          ]}
        />
        <h2>{t("users.roles")}</h2>
        <DataTable caption={t("users.roles")} columns={grantColumns} rows={user.grants} />
        <h2>{t("users.grant")}</h2>
        <form method="post" action={`/office/users/${user.id}/roles`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <SelectField t={t} form={grantForm} name="role" label={t("users.role")} options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
          <TextField t={t} form={grantForm} name="adminUnitCode" label={t("users.unit")} hint={t("users.unitHint")} inputmode="numeric" required />
          <Button>{t("users.grant")}</Button>
        </form>
        {user.id !== p.userId && (
          <form method="post" action={`/office/users/${user.id}/${user.disabledAt ? "enable" : "disable"}`}>
            <CsrfField token={ctx.csrfToken} />
            <Button variant={user.disabledAt ? "secondary" : "warning"}>{user.disabledAt ? t("users.enable") : t("users.disable")}</Button>
          </form>
        )}
      </Layout>,
      status,
    );
  };

  /** POST /office/users/:id/roles */
  const grant = async (c: Context<AppEnv>, id: string) => {
    const values = await readForm(c);
    const parsed = validateForm(GrantRoleInput, values);
    if (!parsed.ok) return show(c, id, { values, errors: parsed.errors }, 400);
    const res = await attempt(() => grantRole(deps, ctxOf(c), id, parsed.data));
    if (!res.ok) return show(c, id, { values, errors: res.errors }, 400);
    setFlash(c, "flash.roleGranted", secure);
    return c.redirect(`/office/users/${id}`, 303);
  };

  /** POST /office/users/:id/roles/revoke */
  const revoke = async (c: Context<AppEnv>, id: string) => {
    const values = await readForm(c);
    const parsed = validateForm(GrantRoleInput, values);
    if (!parsed.ok) return show(c, id, { values: {}, errors: parsed.errors }, 400);
    const res = await attempt(() => revokeRole(deps, ctxOf(c), id, parsed.data));
    if (!res.ok) return show(c, id, { values: {}, errors: res.errors }, 400);
    setFlash(c, "flash.roleRevoked", secure);
    return c.redirect(`/office/users/${id}`, 303);
  };

  /** POST /office/users/:id/disable and /enable */
  const setDisabled = async (c: Context<AppEnv>, id: string, disabled: boolean) => {
    const res = await attempt(() => setUserDisabled(deps, ctxOf(c), id, disabled));
    if (!res.ok) return show(c, id, { values: {}, errors: res.errors }, 400);
    setFlash(c, disabled ? "flash.userDisabled" : "flash.userEnabled", secure);
    return c.redirect(`/office/users/${id}`, 303);
  };

  return { show, grant, revoke, setDisabled };
}
