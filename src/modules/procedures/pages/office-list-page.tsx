// The office catalogue: the list with activate/deactivate, export links and the XLSX/CSV import.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import type { FieldError } from "../../../platform/http/app-error.ts";
import { attempt } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Pagination, PostButton, Tag, TextField } from "../../../platform/views/components.tsx";
import { DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { setFlash } from "../../../platform/http/flash.ts";
import { formatOf } from "../catalogue-file.ts";
import { searchProcedures } from "../use-cases/browse-procedures.ts";
import { importCatalogue } from "../use-cases/import-catalogue.ts";
import { authoriseManage } from "../use-cases/publish-procedure.ts";
import { setProcedureActive } from "../use-cases/set-procedure-active.ts";
import { fieldLabel } from "./labels.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";

export function officeListPages(web: PageKit) {
  const { deps, secure, page } = web;

  /** GET /office/procedures, and the same page again when an import fails. */
  const officeList = async (c: Context<AppEnv>, importErrors: FieldError[] = [], status: 200 | 400 | 413 = 200) => {
    authoriseManage(c.get("principal"));
    const ctx = page(c);
    const { t } = ctx;
    const q = c.req.query("q")?.slice(0, 100) ?? "";
    const cursor = c.req.query("cursor");
    const result = await searchProcedures(deps, { q, cursor, limit: 50 }, { includeInactive: true });
    // Cell references ("documents!C7") stay in the message; the links lead to the file field.
    const errors = importErrors.map((e) => ({ ...e, field: "file", params: { ...e.params, field: e.field } }));
    const fileErr = errors[0];
    return c.html(
      <Layout ctx={ctx} title={t("procedures.office.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("procedures.office.title") }]} />
        <ErrorSummary t={t} errors={errors} />
        <h1>{t("procedures.office.title")}</h1>
        <p>{t("procedures.office.lead")}</p>
        <p>
          <a class="button" href="/office/procedures/new">
            {t("procedures.office.new")}
          </a>
        </p>
        <form class="search-form" method="get" action="/office/procedures" role="search">
          <TextField t={t} form={{ values: { q }, errors: [] }} name="q" type="search" label={t("procedures.searchLabel")} />
          <button class="button button--secondary" type="submit">
            {t("procedures.searchButton")}
          </button>
        </form>
        <DataTable
          caption={t("procedures.office.title")}
          rows={result.items}
          empty={<p>{t("procedures.office.none")}</p>}
          columns={[
            { header: t("procedures.code"), nowrap: true, cell: (p) => <code>{p.code}</code> },
            { header: t("procedures.name"), cell: (p) => <a href={`/office/procedures/${p.code}/edit`}>{p.name}</a> },
            { header: t("procedures.fieldFilter"), cell: (p) => fieldLabel(t, p.field) },
            { header: t("procedures.version"), num: true, cell: (p) => p.version },
            {
              header: t("procedures.status"),
              cell: (p) => (
                <>
                  {p.active ? <Tag tone="green">{t("procedures.active")}</Tag> : <Tag tone="grey">{t("procedures.inactive")}</Tag>}{" "}
                  <PostButton
                    action={`/office/procedures/${p.code}/active`}
                    csrfToken={ctx.csrfToken}
                    label={p.active ? t("procedures.office.deactivate") : t("procedures.office.activate")}
                    rowLabel={p.code}
                    fields={{ active: p.active ? "false" : "true" }}
                  />
                </>
              ),
            },
          ]}
        />
        <Pagination t={t} basePath="/office/procedures" params={{ q: q || undefined }} nextCursor={result.nextCursor} isFirst={!cursor} />
        <h2>{t("procedures.office.export")}</h2>
        <ul>
          <li>
            <a href="/api/v1/procedures/export?format=xlsx" download>
              {t("procedures.office.exportXlsx")}
            </a>
          </li>
          <li>
            <a href="/api/v1/procedures/export?format=csv" download>
              {t("procedures.office.exportCsv")}
            </a>
          </li>
        </ul>
        <h2 id="import">{t("procedures.office.import")}</h2>
        <form method="post" action="/office/procedures/import" enctype="multipart/form-data" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <div class={fileErr ? "field field--error" : "field"}>
            <label for="f-file">{t("procedures.office.importFile")}</label>
            <span class="hint" id="f-file-hint">
              {t("procedures.office.importHint")}
            </span>
            {errors.length > 0 && (
              <ul class="error-message" id="f-file-error">
                {errors.map((e) => (
                  <li>{t(e.message, { ...e.params })}</li>
                ))}
              </ul>
            )}
            <input
              type="file"
              id="f-file"
              name="file"
              accept=".xlsx,.csv"
              aria-describedby={fileErr ? "f-file-hint f-file-error" : "f-file-hint"}
              aria-invalid={fileErr ? "true" : undefined}
            />
          </div>
          <Button>{t("procedures.office.importButton")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  /** POST /office/procedures/import */
  const importFile = async (c: Context<AppEnv>) => {
    authoriseManage(c.get("principal"));
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return officeList(c, [{ field: "file", code: "required", message: "validation.required" }], 400);
    const format = formatOf(file.type, file.name);
    if (!format) return officeList(c, [{ field: "file", code: "format", message: "procedures.import.unreadable" }], 400);
    const res = await attempt(async () => importCatalogue(deps, ctxOf(c), { bytes: new Uint8Array(await file.arrayBuffer()), format }));
    if (!res.ok) return officeList(c, res.errors, 400);
    setFlash(c, "flash.saved", secure);
    return c.redirect("/office/procedures", 303);
  };

  /** POST /office/procedures/:code/active */
  const setActive = async (c: Context<AppEnv>, code: string) => {
    const body = await c.req.parseBody();
    await setProcedureActive(deps, ctxOf(c), code, body.active === "true");
    setFlash(c, "flash.saved", secure);
    return c.redirect("/office/procedures", 303);
  };

  return { officeList, importFile, setActive };
}
