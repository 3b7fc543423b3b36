// Open311 client applications (open311.manage): the list, registering one (its api_key shown once), revoking one.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt, readForm, validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDate } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, type FormState, PostButton, Tag, TextField } from "../../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { reportPaths } from "../../report-paths.ts";
import { listOpen311Clients } from "../../use-cases/open311-clients-list.ts";
import { registerOpen311Client } from "../../use-cases/open311-clients-register.ts";
import { revokeOpen311Client } from "../../use-cases/open311-clients-revoke.ts";
import { RegisterClientInput } from "../open311.contract.ts";
import type { ClientRow } from "../open311.repository.ts";

export function clientsPages(kit: PageKit) {
  const { deps, secure, page } = kit;

  const render = async (c: Context<AppEnv>, form: FormState, created: string | null, status: 200 | 201 | 400 = 200) => {
    requireSignedIn(c);
    const clients = await listOpen311Clients(deps, ctxOf(c));
    const ctx = page(c);
    const { t, locale } = ctx;
    const endpoint = `${deps.config.publicUrl?.replace(/\/$/, "") ?? new URL(c.req.url).origin}${reportPaths.open311Base}/discovery.json`;
    const columns: Column<ClientRow>[] = [
      { header: t("reports.open311.name"), cell: (k) => k.name },
      { header: t("reports.open311.contact"), cell: (k) => k.contact || "–" },
      { header: t("reports.open311.unit"), cell: (k) => `${k.unitName ?? ""} (${k.unitCode})` },
      { header: t("reports.open311.key"), cell: (k) => <code>…{k.keyHint}</code> },
      { header: t("reports.open311.created"), cell: (k) => formatDate(k.createdAt, locale) },
      {
        header: t("reports.open311.state"),
        cell: (k) => (k.revokedAt ? <Tag tone="grey">{t("reports.open311.revoked")}</Tag> : <Tag tone="green">{t("reports.open311.active")}</Tag>),
      },
      {
        header: <span class="visually-hidden">{t("reports.open311.actions")}</span>,
        cell: (k) =>
          k.revokedAt ? (
            ""
          ) : (
            <PostButton
              action={`${reportPaths.open311Clients}/${k.id}/revoke`}
              csrfToken={ctx.csrfToken}
              label={t("reports.open311.revoke")}
              rowLabel={k.name}
            />
          ),
      },
    ];
    return c.html(
      <Layout ctx={ctx} title={t("reports.open311.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("reports.open311.title") }]} />
        <ErrorSummary
          t={t}
          errors={form.errors}
          labels={{ name: t("reports.open311.name"), contact: t("reports.open311.contact"), unitCode: t("reports.open311.unit") }}
        />
        <h1>{t("reports.open311.title")}</h1>
        <p>{t("reports.open311.intro")}</p>
        <p>{t("reports.open311.endpoint", { url: endpoint })}</p>
        {created && (
          <div class="notice notice--success" role="status">
            <p>{t("reports.open311.createdOnce")}</p>
            <p>
              <code>{created}</code>
            </p>
          </div>
        )}
        <DataTable caption={t("reports.open311.title")} columns={columns} rows={clients} empty={<p>{t("reports.open311.none")}</p>} />
        <h2>{t("reports.open311.register")}</h2>
        <form method="post" action={reportPaths.open311Clients} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField t={t} form={form} name="name" label={t("reports.open311.name")} hint={t("reports.open311.nameHint")} required />
          <TextField t={t} form={form} name="contact" label={t("reports.open311.contact")} hint={t("reports.open311.contactHint")} />
          <TextField t={t} form={form} name="unitCode" label={t("reports.open311.unit")} hint={t("reports.open311.unitHint")} inputmode="numeric" required />
          <Button>{t("reports.open311.register")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  const defaultUnit = (c: Context<AppEnv>) => c.get("principal")?.grants[0]?.unitCode ?? "";

  /** GET /office/open311-clients */
  const show = (c: Context<AppEnv>) => render(c, emptyForm({ unitCode: defaultUnit(c) }), null);

  /** POST /office/open311-clients */
  const create = async (c: Context<AppEnv>) => {
    const values = await readForm(c);
    const parsed = validateForm(RegisterClientInput, values);
    if (!parsed.ok) return render(c, { values, errors: parsed.errors }, null, 400);
    const res = await attempt(() => registerOpen311Client(deps, ctxOf(c), parsed.data));
    if (!res.ok) return render(c, { values, errors: res.errors }, null, 400);
    // Shown once, never stored: the page answers the POST itself instead of redirecting.
    c.header("cache-control", "no-store");
    return render(c, emptyForm({ unitCode: defaultUnit(c) }), res.data.apiKey, 201);
  };

  /** POST /office/open311-clients/:id/revoke */
  const revoke = async (c: Context<AppEnv>) => {
    await revokeOpen311Client(deps, ctxOf(c), c.req.param("id") ?? "");
    setFlash(c, "reports.flash.open311.revoked", secure);
    return c.redirect(reportPaths.open311Clients, 303);
  };

  return { show, create, revoke };
}
