// GET/POST /office/indicators/sets/import: upload a set file (JSON or XLSX); saved as the province's new version, or
// the form again with the problems beside the file field (each naming its place, e.g. indicators.3.denominator).
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Field, type FormState } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { indicatorPaths } from "../../indicator-paths.ts";
import { MAX_SET_FILE_BYTES, readSetFile } from "../set-file.ts";
import { provinceAccess } from "../sets-access.ts";
import { saveSetVersion } from "../use-cases/sets-save.ts";
import { provinceParam, withProvince } from "./shared.ts";

/** Problems of a file are shown at the file field, their place in the file kept in the message. */
const atFile = (errors: FieldError[]): FieldError[] =>
  errors.map((e) => (e.field === "file" || e.field === "note" ? e : { ...e, field: "file", params: { ...(e.params ?? {}), place: e.field } }));

export function setImportPages(kit: PageKit) {
  const form = async (c: Context<AppEnv>, state: FormState = { values: {}, errors: [] }, status: 200 | 400 | 413 = 200) => {
    const province = provinceParam(c);
    await provinceAccess(kit.deps, c.get("principal"), province, "manage");
    const ctx = kit.page(c);
    const { t } = ctx;
    const placed = state.errors.filter((e) => e.params?.place !== undefined);
    const labels = { file: t("indicators.sets.import.file"), note: t("indicators.sets.import.note") };
    return c.html(
      <Layout ctx={ctx} title={t("indicators.sets.import.title")} office>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            { href: withProvince(indicatorPaths.sets, province), label: t("indicators.sets.title") },
            { label: t("indicators.sets.import.title") },
          ]}
        />
        <ErrorSummary t={t} errors={state.errors} labels={labels} />
        <h1>{t("indicators.sets.import.title")}</h1>
        <p>{t("indicators.sets.import.lead")}</p>
        {placed.length > 0 && (
          <ul class="error-list" aria-label={t("indicators.sets.import.problems")}>
            {placed.map((e) => (
              <li>
                <code>{String(e.params?.place)}</code>: {t(e.message, e.params)}
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={withProvince(indicatorPaths.setImport, province)} enctype="multipart/form-data" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field
            t={t}
            form={state}
            name="file"
            kind="file"
            accept=".json,.xlsx"
            label={labels.file}
            hint={t("indicators.sets.import.fileHint", { max: MAX_SET_FILE_BYTES / 1048576 })}
          />
          <Field t={t} form={state} name="note" label={labels.note} />
          <Button>{t("indicators.sets.import.submit")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  const upload = async (c: Context<AppEnv>) => {
    const province = provinceParam(c);
    const ctx = useCaseContext(c);
    // The province first: another province's is a 404, a commune officer's a 403, whatever the file holds.
    await provinceAccess(kit.deps, ctx.principal, province, "manage");
    const body = await c.req.parseBody();
    const note = typeof body.note === "string" ? body.note : "";
    const values = { note };
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      return form(c, { values, errors: [{ field: "file", code: "required", message: "indicators.sets.file.required" }] }, 400);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const parsed = await readSetFile(bytes);
      const saved = await saveSetVersion(kit.deps, ctx, { province, file: parsed, note, source: "import", format: bytes[0] === 0x50 ? "xlsx" : "json" });
      setFlash(c, "indicators.sets.flash.imported", kit.secure);
      return c.redirect(withProvince(indicatorPaths.set(saved.key), province), 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.fields.length === 0) throw err;
      return form(c, { values, errors: atFile(err.fields) }, err.status === 413 ? 413 : 400);
    }
  };

  return { form, upload };
}
