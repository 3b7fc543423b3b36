// The office edit form of one procedure (new or a new version of an existing one), and saving it.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { attempt } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  emptyForm,
  ErrorSummary,
  errorOf,
  Field,
  fieldId,
  type FormState,
  SelectField,
  TextField,
} from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { setFlash } from "../../../platform/http/flash.ts";
import { DELIVERY_METHODS, DURATION_UNITS, ONLINE_LEVELS, PROCEDURE_FIELDS, PROCEDURE_LEVELS } from "../procedures.contract.ts";
import { getProcedure } from "../use-cases/browse-procedures.ts";
import { authoriseManage, publishProcedure } from "../use-cases/publish-procedure.ts";
import {
  definitionToValues,
  type ListName,
  LIST_NAMES,
  LISTS,
  NEW_VALUES,
  readEditForm,
  toFormErrors,
  valuesToInput,
  withEmptyRows,
} from "./definition-form.ts";
import { ErrorText, ListTable } from "./edit-fields.tsx";
import { fieldLabel, k } from "./labels.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";

export function editPages(web: PageKit) {
  const { deps, secure, page } = web;

  const editPage = (c: Context<AppEnv>, code: string | null, form: FormState, status: 200 | 400 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    const title = code ? t("procedures.office.edit", { code }) : t("procedures.office.new");
    const rows = withEmptyRows(form.values);
    const delivered = new Set((form.values.deliveryMethods ?? "").split(","));
    const deliveryErr = errorOf(form.errors, "deliveryMethods");
    const labels: Record<string, string> = {
      code: t("procedures.label.code"),
      name: t("procedures.label.name"),
      field: t("procedures.label.field"),
      level: t("procedures.label.level"),
      onlineLevel: t("procedures.label.onlineLevel"),
      "processing.unit": t("procedures.label.processingUnit"),
      "processing.amount": t("procedures.label.processingAmount"),
      "processing.cutOff": t("procedures.label.cutOff"),
      processing: t("procedures.label.processingAmount"),
      resultName: t("procedures.label.resultName"),
      deliveryMethods: t("procedures.label.deliveryMethods"),
      legalBasis: t("procedures.label.legalBasis"),
      summary: t("procedures.label.summary"),
      documents: t("procedures.section.documents"),
      form: t("procedures.section.form"),
      steps: t("procedures.section.steps"),
      fees: t("procedures.section.fees"),
    };
    for (const e of form.errors) {
      const [list, row, col] = e.field.split(".");
      const spec = list ? LISTS[list as ListName] : undefined;
      const c2 = spec?.cols.find((x) => x.name === col);
      if (c2 && row) labels[e.field] = `${t(c2.label)}, ${t("procedures.row", { n: Number(row) + 1 })}`;
    }
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: "/office/procedures", label: t("procedures.office.title") }, { label: title }]}
        />
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <h1>{title}</h1>
        {code && (
          <p>
            <a href={`/procedures/${code}`}>{t("procedures.office.viewPublic")}</a>
          </p>
        )}
        <form method="post" action={code ? `/office/procedures/${code}/edit` : "/office/procedures/new"} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <h2>{t("procedures.office.basics")}</h2>
          {code ? (
            <input type="hidden" name="code" value={code} />
          ) : (
            <TextField t={t} form={form} name="code" label={labels.code!} hint={t("procedures.hint.code")} required />
          )}
          <TextField t={t} form={form} name="name" label={labels.name!} required />
          <SelectField t={t} form={form} name="field" label={labels.field!} options={PROCEDURE_FIELDS.map((f) => ({ value: f, label: fieldLabel(t, f) }))} />
          <SelectField
            t={t}
            form={form}
            name="level"
            label={labels.level!}
            options={PROCEDURE_LEVELS.map((l) => ({ value: l, label: t(k(`procedures.level.${l}`)) }))}
          />
          <SelectField
            t={t}
            form={form}
            name="onlineLevel"
            label={labels.onlineLevel!}
            options={ONLINE_LEVELS.map((l) => ({ value: l, label: t(k(`procedures.onlineLevel.${l}`)) }))}
          />
          <SelectField
            t={t}
            form={form}
            name="processing.unit"
            label={labels["processing.unit"]!}
            options={DURATION_UNITS.map((u) => ({ value: u, label: t(`procedures.unit.${u}`) }))}
          />
          <TextField
            t={t}
            form={form}
            name="processing.amount"
            label={labels["processing.amount"]!}
            inputmode="numeric"
            hint={t("procedures.hint.processingAmount")}
          />
          <TextField t={t} form={form} name="processing.cutOff" label={labels["processing.cutOff"]!} hint={t("procedures.hint.cutOff")} />
          <TextField t={t} form={form} name="resultName" label={labels.resultName!} required />
          <fieldset
            class={deliveryErr ? "field field--error" : "field"}
            id={fieldId("deliveryMethods")}
            aria-describedby={deliveryErr ? `${fieldId("deliveryMethods")}-error` : undefined}
          >
            <legend>{labels.deliveryMethods}</legend>
            <ErrorText t={t} id={fieldId("deliveryMethods")} error={deliveryErr} label={labels.deliveryMethods!} />
            {DELIVERY_METHODS.map((m) => (
              <div class="checkbox">
                <input type="checkbox" id={`f-delivery-${m}`} name="deliveryMethods" value={m} checked={delivered.has(m)} />
                <label for={`f-delivery-${m}`}>{t(k(`procedures.delivery.${m}`))}</label>
              </div>
            ))}
          </fieldset>
          <Field t={t} form={form} name="legalBasis" label={labels.legalBasis!} kind="textarea" rows={4} />
          <Field t={t} form={form} name="summary" label={labels.summary!} kind="textarea" />
          <p class="hint">{t("procedures.office.rowsHint")}</p>
          {LIST_NAMES.map((list) => (
            <ListTable t={t} form={form} list={list} rows={rows[list]} />
          ))}
          <Button>{t("procedures.office.save")}</Button>
        </form>
        {code && (
          <form method="post" action={`/office/procedures/${code}/active`}>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="active" value={form.values._active === "true" ? "false" : "true"} />
            <Button variant={form.values._active === "true" ? "warning" : "secondary"}>
              {form.values._active === "true" ? t("procedures.office.deactivate") : t("procedures.office.activate")}
            </Button>
          </form>
        )}
      </Layout>,
      status,
    );
  };

  /** GET /office/procedures/new */
  const newForm = (c: Context<AppEnv>) => {
    authoriseManage(c.get("principal"));
    return editPage(c, null, emptyForm({ ...NEW_VALUES }));
  };

  /** GET /office/procedures/:code/edit */
  const editForm = async (c: Context<AppEnv>, code: string) => {
    authoriseManage(c.get("principal"));
    const p = await getProcedure(deps, code);
    return editPage(c, p.code, emptyForm({ ...definitionToValues(p.definition), _active: String(p.active) }));
  };

  /** POST /office/procedures/new and /office/procedures/:code/edit */
  const save = async (c: Context<AppEnv>, code: string | null) => {
    authoriseManage(c.get("principal"));
    const values = await readEditForm(c);
    let active = "true";
    if (code) {
      active = String((await getProcedure(deps, code)).active);
      values.code = code; // the address names the procedure; a posted code cannot move the edit elsewhere
    }
    const { input, rows } = valuesToInput(values);
    if (!code && values.code && (await getProcedure(deps, values.code.trim()).catch(() => null))) {
      return editPage(c, null, { values, errors: [{ field: "code", code: "taken", message: "procedures.error.codeTaken" }] }, 400);
    }
    const res = await attempt(() => publishProcedure(deps, ctxOf(c), input));
    if (!res.ok) return editPage(c, code, { values: { ...values, _active: active }, errors: toFormErrors(res.errors, rows) }, 400);
    setFlash(c, "flash.saved", secure);
    return c.redirect(`/office/procedures/${res.data.code}/edit`, 303);
  };

  return { newForm, editForm, save };
}
