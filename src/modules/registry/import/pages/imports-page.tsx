// GET /office/registry/imports: the upload form, the export form and the past imports; POST checks an upload.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { formatDateTime, formatNumber } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Field, type FormState, SelectField, Tag, TextField } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { checkImport } from "../../use-cases/import-check.ts";
import { importChoices } from "../../use-cases/import-choices.ts";
import { manageableCommune } from "../../use-cases/import-context.ts";
import { attempt } from "../../../../platform/http/forms.ts";
import { listImports } from "../../use-cases/import-read.ts";
import { formatOf, MAX_FILE_BYTES, MAX_ROWS } from "../household-file.ts";
import type { ImportStatus } from "../import.repository.ts";

export const STATUS_TONE: Record<ImportStatus, "green" | "red" | "grey" | undefined> = {
  checking: "grey",
  checked: undefined,
  committing: "grey",
  committed: "green",
  failed: "red",
};

export function importsPages(web: PageKit) {
  const { deps, page } = web;

  /** GET /office/registry/imports, and the same page again when an upload is refused. */
  const list = async (c: Context<AppEnv>, form: FormState = { values: {}, errors: [] }, status: 200 | 400 | 413 = 200) => {
    const uc = ctxOf(c);
    const imports = await listImports(deps, uc);
    const ctx = page(c);
    const { t, locale } = ctx;
    const { communes, villages } = await importChoices(deps, uc);
    const communeValue = form.values.communeCode ?? communes[0]?.code ?? "";
    const labels = { communeCode: t("registryImport.field.commune"), file: t("registryImport.field.file") };
    const communeField = (name: string, f: FormState) =>
      communes.length > 0 ? (
        <SelectField t={t} form={f} name={name} label={labels.communeCode} options={communes.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))} />
      ) : (
        <TextField t={t} form={f} name={name} label={labels.communeCode} />
      );
    const upload: FormState = { values: { ...form.values, communeCode: communeValue }, errors: form.errors };
    return c.html(
      <Layout ctx={ctx} title={t("registryImport.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("registryImport.title") }]} />
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <h1>{t("registryImport.title")}</h1>
        <p>{t("registryImport.lead")}</p>
        <h2 id="upload">{t("registryImport.upload")}</h2>
        <form method="post" action="/office/registry/imports" enctype="multipart/form-data" novalidate aria-labelledby="upload">
          <CsrfField token={ctx.csrfToken} />
          {communeField("communeCode", upload)}
          <Field
            t={t}
            form={upload}
            name="file"
            kind="file"
            accept=".xlsx,.csv"
            label={labels.file}
            hint={t("registryImport.field.fileHint", { max: MAX_FILE_BYTES / 1024 / 1024, rows: formatNumber(MAX_ROWS, locale) })}
          />
          <Button>{t("registryImport.check")}</Button>
        </form>
        <h2 id="past">{t("registryImport.past")}</h2>
        <DataTable
          caption={t("registryImport.past")}
          id="past-caption"
          stack
          rows={imports}
          empty={<p>{t("registryImport.none")}</p>}
          columns={[
            { header: t("registryImport.col.file"), rowHeader: true, cell: (r) => <a href={`/office/registry/imports/${r.id}`}>{r.fileName}</a> },
            { header: t("registryImport.col.commune"), nowrap: true, cell: (r) => r.communeCode },
            { header: t("registryImport.col.status"), cell: (r) => <Tag tone={STATUS_TONE[r.status]}>{t(`registryImport.status.${r.status}`)}</Tag> },
            { header: t("registryImport.col.people"), num: true, cell: (r) => formatNumber(r.totalRows, locale) },
            { header: t("registryImport.col.problems"), num: true, cell: (r) => formatNumber(r.summary.problemCount ?? r.problems.length, locale) },
            { header: t("registryImport.col.when"), nowrap: true, cell: (r) => formatDateTime(r.createdAt, locale) },
          ]}
        />
        <h2 id="export">{t("registryImport.export")}</h2>
        <p>{t("registryImport.exportLead")}</p>
        <form method="get" action="/office/registry/export" novalidate aria-labelledby="export">
          {communeField("commune", { values: { commune: communeValue }, errors: [] })}
          {villages.length > 0 ? (
            <SelectField
              t={t}
              form={{ values: { village: "" }, errors: [] }}
              name="village"
              label={t("registryImport.field.village")}
              options={[{ value: "", label: t("registryImport.field.villageAll") }, ...villages.map((v) => ({ value: v.code, label: v.name }))]}
            />
          ) : (
            <TextField t={t} form={{ values: {}, errors: [] }} name="village" label={t("registryImport.field.village")} />
          )}
          <SelectField
            t={t}
            form={{ values: { format: "xlsx" }, errors: [] }}
            name="format"
            label={t("registryImport.field.format")}
            options={[
              { value: "xlsx", label: "XLSX" },
              { value: "csv", label: "CSV" },
            ]}
          />
          <Button variant="secondary">{t("registryImport.exportButton")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  /** POST /office/registry/imports (multipart: communeCode, file) */
  const upload = async (c: Context<AppEnv>) => {
    const body = await c.req.parseBody();
    const communeCode = typeof body.communeCode === "string" ? body.communeCode.trim() : "";
    const values = { communeCode };
    const file = body.file;
    const refuse = (errors: FieldError[], status: 400 | 413 = 400) => list(c, { values, errors }, status);
    // The commune first: another commune's is a 404 whatever the upload holds.
    const commune = await attempt(() => manageableCommune(deps, ctxOf(c), communeCode));
    if (!commune.ok) return refuse(commune.errors);
    if (!(file instanceof File) || file.size === 0) return refuse([{ field: "file", code: "required", message: "registryImport.file.required" }]);
    const format = formatOf(file.type, file.name);
    if (!format) return refuse([{ field: "file", code: "format", message: "registryImport.file.format" }]);
    try {
      const row = await checkImport(deps, ctxOf(c), { communeCode, fileName: file.name, format, bytes: new Uint8Array(await file.arrayBuffer()) });
      return c.redirect(`/office/registry/imports/${row.id}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.fields.length === 0) throw err;
      // A file refused whole: its problems (a missing column names its header cell) shown at the file field.
      const errors = err.fields.map((f) => (f.field === "communeCode" ? f : { ...f, field: "file" }));
      return refuse(errors, err.status === 413 ? 413 : 400);
    }
  };

  return { list, upload };
}
