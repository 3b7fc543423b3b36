// The officer's own API tokens: the list, a new token (its secret shown once), revoking one.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { attempt, readForm, validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { formatDate, formatDateTime } from "../../../platform/i18n/format.ts";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  emptyForm,
  ErrorSummary,
  type FormState,
  PostButton,
  SelectField,
  Tag,
  TextField,
} from "../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { CreateApiTokenInput } from "../identity.contract.ts";
import { createApiToken } from "../use-cases/create-api-token.ts";
import { listApiTokens } from "../use-cases/list-api-tokens.ts";
import { revokeApiToken } from "../use-cases/revoke-api-token.ts";
import { roleLabel } from "./identity-web.ts";
import { type PageKit, requireSignedIn } from "../../../platform/http/page-kit.ts";

type TokenItem = Awaited<ReturnType<typeof listApiTokens>>[number];

export function tokensPages(iw: PageKit) {
  const { deps, secure, page } = iw;

  const render = async (c: Context<AppEnv>, form: FormState, created: string | null, status: 200 | 201 | 400 = 200) => {
    const p = requireSignedIn(c);
    const tokens = await listApiTokens(deps, ctxOf(c));
    const ctx = page(c);
    const { t, locale } = ctx;
    const columns: Column<TokenItem>[] = [
      {
        header: t("tokens.name"),
        cell: (tk) => (
          <>
            {tk.name} <code>{tk.prefix}…</code>
          </>
        ),
      },
      { header: t("users.role"), cell: (tk) => `${roleLabel(t, tk.role)} (${tk.adminUnitCode})` },
      { header: t("tokens.expires"), cell: (tk) => (tk.expiresAt ? formatDate(tk.expiresAt, locale) : "–") },
      { header: t("tokens.lastUsed"), cell: (tk) => (tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, locale) : "–") },
      {
        header: <span class="visually-hidden">{t("users.actions")}</span>,
        cell: (tk) =>
          tk.revokedAt ? (
            <Tag tone="grey">{t("tokens.revoked")}</Tag>
          ) : (
            <PostButton action={`/office/tokens/${tk.id}/revoke`} csrfToken={ctx.csrfToken} label={t("tokens.revoke")} rowLabel={tk.name} />
          ),
      },
    ];
    return c.html(
      <Layout ctx={ctx} title={t("tokens.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("tokens.title") }]} />
        <ErrorSummary
          t={t}
          errors={form.errors}
          labels={{ name: t("tokens.name"), role: t("users.role"), adminUnitCode: t("users.unit"), expiresInDays: t("tokens.days") }}
        />
        <h1>{t("tokens.title")}</h1>
        <p>{t("tokens.intro")}</p>
        {created && (
          <div class="notice notice--success" role="status">
            <p>{t("tokens.createdOnce")}</p>
            <p>
              <code>{created}</code>
            </p>
          </div>
        )}
        <DataTable caption={t("tokens.title")} columns={columns} rows={tokens} empty={<p>{t("tokens.none")}</p>} />
        <h2>{t("tokens.create")}</h2>
        <form method="post" action="/office/tokens" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField t={t} form={form} name="name" label={t("tokens.name")} hint={t("tokens.nameHint")} required />
          <SelectField
            t={t}
            form={form}
            name="role"
            label={t("users.role")}
            options={[...new Set(p.grants.map((g) => g.role))].map((r) => ({ value: r, label: roleLabel(t, r) }))}
          />
          <TextField t={t} form={form} name="adminUnitCode" label={t("users.unit")} hint={t("users.unitHint")} inputmode="numeric" required />
          <TextField t={t} form={form} name="expiresInDays" type="number" label={t("tokens.days")} inputmode="numeric" />
          <Button>{t("tokens.create")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  /** GET /office/tokens */
  const show = (c: Context<AppEnv>) => render(c, emptyForm({ expiresInDays: "365", adminUnitCode: c.get("principal")?.grants[0]?.unitCode ?? "" }), null);

  /** POST /office/tokens */
  const create = async (c: Context<AppEnv>) => {
    const values = await readForm(c);
    const parsed = validateForm(CreateApiTokenInput, values);
    if (!parsed.ok) return render(c, { values, errors: parsed.errors }, null, 400);
    const res = await attempt(() => createApiToken(deps, ctxOf(c), parsed.data));
    if (!res.ok) return render(c, { values, errors: res.errors }, null, 400);
    // Shown once, never stored: the page answers the POST directly instead of redirecting.
    c.header("cache-control", "no-store");
    return render(c, emptyForm({ expiresInDays: "365" }), res.data.token, 201);
  };

  /** POST /office/tokens/:id/revoke */
  const revoke = async (c: Context<AppEnv>, id: string) => {
    await revokeApiToken(deps, ctxOf(c), id);
    setFlash(c, "flash.tokenRevoked", secure);
    return c.redirect("/office/tokens", 303);
  };

  return { show, create, revoke };
}
