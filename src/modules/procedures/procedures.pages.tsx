// The catalogue's pages: citizens find a procedure and see what to bring; the office edits, imports and exports it.
// Everything works without JavaScript: lists are edited as table rows, with a few empty rows to add more.
import type { Context, Hono } from "hono";
import type { WebContext } from "../../app.ts";
import { useCaseContext as ctxOf } from "../../platform/auth/use-case-context.ts";
import type { FieldError } from "../../platform/http/app-error.ts";
import { attempt, validateForm } from "../../platform/http/forms.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { formatMoney, formatNumber } from "../../platform/i18n/format.ts";
import type { MessageKey, Translate } from "../../platform/i18n/i18n.ts";
import {
  Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, fieldId, type FormState, Pagination, PostButton, SelectField, SummaryList, Tag, TextField,
} from "../../platform/views/components.tsx";
import { Layout } from "../../platform/views/layout.tsx";
import { pageContext, type PageContext } from "../../platform/views/page-context.ts";
import { setFlash, takeFlash } from "../../web/home.pages.tsx";
import {
  DELIVERY_METHODS, DOCUMENT_FORMS, FORM_FIELD_TYPES, ONLINE_LEVELS, PROCEDURE_FIELDS, PROCEDURE_LEVELS, type ProcedureDefinition, type ProcedureField,
  type ProcedureListItem, ProcedureSearchQuery, STEP_ROLES,
} from "./procedures.contract.ts";
import { formatOf } from "./catalogue-file.ts";
import { getProcedure, searchProcedures } from "./use-cases/browse-procedures.ts";
import { importCatalogue } from "./use-cases/import-catalogue.ts";
import { authoriseManage, publishProcedure } from "./use-cases/publish-procedure.ts";
import { setProcedureActive } from "./use-cases/set-procedure-active.ts";

const k = (s: string) => s as MessageKey;
const fieldLabel = (t: Translate, f: string) => t(k(`procedures.field.${f}`));
const onlineTone = (l: string) => (l === "full" ? "green" : l === "none" ? "grey" : undefined);

function timeText(t: Translate, locale: PageContext["locale"], p: { unit: string; amount: number }) {
  return t(k(`procedures.processing.${p.unit}`), { n: formatNumber(p.amount, locale) });
}
const feeText = (ctx: PageContext, amount: number) => (amount === 0 ? ctx.t("procedures.free") : formatMoney(amount, ctx.locale));

// --- the office form: a definition as flat form values and back -----------------------

type ListName = "documents" | "form" | "steps" | "fees";
type Col = { name: string; label: MessageKey; kind: "text" | "number" | "check" | "select"; options?: (t: Translate) => { value: string; label: string }[] };
const opts = (values: readonly string[], prefix: string, withEmpty = false) => (t: Translate) => [
  ...(withEmpty ? [{ value: "", label: t("procedures.prefill.none") }] : []),
  ...values.map((v) => ({ value: v, label: t(k(`${prefix}.${v}`)) })),
];
const PREFILLS = ["fullName", "birthDate", "citizenIdNumber", "address", "phone", "email"] as const;
const LISTS: Record<ListName, { title: MessageKey; cols: Col[] }> = {
  documents: {
    title: "procedures.section.documents",
    cols: [
      { name: "key", label: "procedures.col.key", kind: "text" },
      { name: "name", label: "procedures.col.name", kind: "text" },
      { name: "copies", label: "procedures.col.copies", kind: "number" },
      { name: "form", label: "procedures.col.form", kind: "select", options: opts(DOCUMENT_FORMS, "procedures.documentForm") },
      { name: "required", label: "procedures.col.required", kind: "check" },
      { name: "fromVault", label: "procedures.col.fromVault", kind: "check" },
      { name: "note", label: "procedures.col.note", kind: "text" },
      { name: "templateUrl", label: "procedures.col.templateUrl", kind: "text" },
    ],
  },
  form: {
    title: "procedures.section.form",
    cols: [
      { name: "key", label: "procedures.col.key", kind: "text" },
      { name: "label", label: "procedures.col.label", kind: "text" },
      { name: "type", label: "procedures.col.type", kind: "select", options: opts(FORM_FIELD_TYPES, "procedures.formFieldType") },
      { name: "required", label: "procedures.col.required", kind: "check" },
      { name: "prefill", label: "procedures.col.prefill", kind: "select", options: opts(PREFILLS, "procedures.prefill", true) },
      { name: "options", label: "procedures.col.options", kind: "text" },
      { name: "help", label: "procedures.col.help", kind: "text" },
    ],
  },
  steps: {
    title: "procedures.section.steps",
    cols: [
      { name: "key", label: "procedures.col.key", kind: "text" },
      { name: "name", label: "procedures.col.name", kind: "text" },
      { name: "role", label: "procedures.col.role", kind: "select", options: opts(STEP_ROLES, "procedures.stepRole") },
      { name: "share", label: "procedures.col.share", kind: "number" },
    ],
  },
  fees: {
    title: "procedures.section.fees",
    cols: [
      { name: "key", label: "procedures.col.key", kind: "text" },
      { name: "label", label: "procedures.col.label", kind: "text" },
      { name: "amount", label: "procedures.col.amount", kind: "number" },
      { name: "exemptions", label: "procedures.col.exemptions", kind: "text" },
    ],
  },
};
const LIST_NAMES = Object.keys(LISTS) as ListName[];
const EMPTY_ROWS = 2;

export function definitionToValues(d: ProcedureDefinition): Record<string, string> {
  const v: Record<string, string> = {
    code: d.code, name: d.name, field: d.field, level: d.level, onlineLevel: d.onlineLevel, "processing.unit": d.processing.unit,
    "processing.amount": String(d.processing.amount), "processing.cutOff": d.processing.cutOff ?? "", resultName: d.resultName,
    deliveryMethods: d.deliveryMethods.join(","), legalBasis: d.legalBasis.join("\n"), summary: d.summary ?? "",
  };
  for (const list of LIST_NAMES) {
    (d[list] as Record<string, unknown>[]).forEach((item, i) => {
      for (const col of LISTS[list].cols) {
        const x = item[col.name];
        v[`${list}.${i}.${col.name}`] =
          col.name === "options" ? ((x as { value: string; label: string }[] | undefined) ?? []).map((o) => `${o.value}=${o.label}`).join("; ") : x === undefined ? "" : String(x);
      }
    });
  }
  return v;
}

const rowCount = (values: Record<string, string>, list: ListName) => {
  let n = 0;
  for (const key of Object.keys(values)) {
    const m = new RegExp(`^${list}\\.(\\d+)\\.`).exec(key);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return Math.min(n, 60);
};

/** Form values → the contract's input, skipping empty rows; `rows` maps each kept item back to its form row. */
export function valuesToInput(v: Record<string, string>): { input: Record<string, unknown>; rows: Record<ListName, number[]> } {
  const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const num = (s: string | undefined) => {
    const x = opt(s);
    if (x === undefined) return undefined;
    const n = Number(x.replace(",", "."));
    return Number.isFinite(n) ? n : x;
  };
  const rows: Record<ListName, number[]> = { documents: [], form: [], steps: [], fees: [] };
  const input: Record<string, unknown> = {
    code: opt(v.code), name: opt(v.name), field: opt(v.field), level: opt(v.level), onlineLevel: opt(v.onlineLevel),
    processing: { unit: opt(v["processing.unit"]), amount: num(v["processing.amount"]), cutOff: opt(v["processing.cutOff"]) ?? null },
    resultName: opt(v.resultName),
    deliveryMethods: (v.deliveryMethods ?? "").split(",").filter(Boolean),
    legalBasis: (v.legalBasis ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
    summary: opt(v.summary),
  };
  for (const list of LIST_NAMES) {
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < rowCount(v, list); i++) {
      const g = (c: string) => v[`${list}.${i}.${c}`];
      if (!opt(g("key")) && !opt(g("name")) && !opt(g("label"))) continue; // an empty row
      const item: Record<string, unknown> = {};
      for (const col of LISTS[list].cols) {
        const raw = g(col.name);
        if (col.kind === "check") item[col.name] = raw === "true";
        else if (col.kind === "number") item[col.name] = num(raw);
        else if (col.name === "options") {
          const o = (raw ?? "").split(";").map((s) => s.trim()).filter(Boolean).map((s) => {
            const j = s.indexOf("=");
            return j < 0 ? { value: s, label: s } : { value: s.slice(0, j).trim(), label: s.slice(j + 1).trim() };
          });
          item[col.name] = o.length ? o : undefined;
        } else item[col.name] = opt(raw);
      }
      items.push(item);
      rows[list].push(i);
    }
    input[list] = items;
  }
  return { input, rows };
}

/** Error paths name kept items ("documents.1.name"); the form names its rows, empty ones included. */
function toFormErrors(errors: FieldError[], rows: Record<ListName, number[]>): FieldError[] {
  return errors.map((e) => {
    const [list, index, ...rest] = e.field.split(".");
    if (list && list in rows && index !== undefined && /^\d+$/.test(index)) {
      const row = rows[list as ListName][Number(index)];
      if (row !== undefined) return { ...e, field: [list, row, ...rest].join(".") };
    }
    return e;
  });
}

/** Reads a post where repeated names (delivery method checkboxes) are kept. */
async function readEditForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(body)) {
    if (name.startsWith("_")) continue;
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
    out[name] = name === "deliveryMethods" ? list.join(",") : (list[list.length - 1] ?? "");
  }
  out.deliveryMethods ??= "";
  return out;
}

function ErrorText(props: { t: Translate; id: string; error: FieldError | undefined; label: string }) {
  if (!props.error) return null;
  return (
    <span class="error-message" id={`${props.id}-error`}>
      <span class="visually-hidden">{props.t("form.errorPrefix")}</span> {props.t(props.error.message, { field: props.label, ...props.error.params })}
    </span>
  );
}

const errorOf = (form: FormState, name: string) => form.errors.find((e) => e.field === name || e.field.startsWith(`${name}.`));

function TextArea(p: { t: Translate; form: FormState; name: string; label: string; rows?: number }) {
  const id = fieldId(p.name);
  const err = errorOf(p.form, p.name);
  return (
    <div class={err ? "field field--error" : "field"}>
      <label for={id}>{p.label}</label>
      <ErrorText t={p.t} id={id} error={err} label={p.label} />
      <textarea id={id} name={p.name} rows={p.rows ?? 3} aria-describedby={err ? `${id}-error` : undefined} aria-invalid={err ? "true" : undefined}>
        {p.form.values[p.name] ?? ""}
      </textarea>
    </div>
  );
}

function ListTable(props: { t: Translate; form: FormState; list: ListName; rows: number }) {
  const { t, form, list } = props;
  const spec = LISTS[list];
  const listErr = form.errors.find((e) => e.field === list);
  return (
    <section aria-labelledby={fieldId(list)}>
      <h2 id={fieldId(list)} tabindex={-1}>
        {t(spec.title)}
      </h2>
      <ErrorText t={t} id={fieldId(list)} error={listErr} label={t(spec.title)} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              {spec.cols.map((c) => (
                <th scope="col">{t(c.label)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: props.rows }, (_, i) => (
              <tr>
                <td>{i + 1}</td>
                {spec.cols.map((c) => {
                  const name = `${list}.${i}.${c.name}`;
                  const value = form.values[name] ?? "";
                  const err = form.errors.find((e) => e.field === name || e.field.startsWith(`${name}.`));
                  const id = err ? fieldId(name) : undefined;
                  const aria = `${t(c.label)}, ${t("procedures.row", { n: i + 1 })}`;
                  const common = { id, name, "aria-label": aria, "aria-invalid": err ? "true" : undefined, "aria-describedby": err ? `${fieldId(name)}-error` : undefined };
                  return (
                    <td>
                      <ErrorText t={t} id={fieldId(name)} error={err} label={aria} />
                      {c.kind === "check" ? (
                        <input type="checkbox" value="true" checked={value === "true"} {...common} />
                      ) : c.kind === "select" ? (
                        <select {...common}>
                          {c.options!(t).map((o) => (
                            <option value={o.value} selected={value === o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <input type="text" value={value} inputmode={c.kind === "number" ? "decimal" : undefined} {...common} />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function withEmptyRows(values: Record<string, string>): Record<ListName, number> {
  const out = {} as Record<ListName, number>;
  for (const list of LIST_NAMES) out[list] = rowCount(values, list) + EMPTY_ROWS;
  return out;
}

const NEW_VALUES: Record<string, string> = {
  field: "civilStatus", level: "commune", onlineLevel: "full", "processing.unit": "days", deliveryMethods: "desk,online",
  "steps.0.key": "receive", "steps.0.role": "one_stop_officer", "steps.0.share": "0.1",
  "steps.1.key": "review", "steps.1.role": "specialist", "steps.1.share": "0.5",
  "steps.2.key": "sign", "steps.2.role": "leader", "steps.2.share": "0.3",
  "steps.3.key": "return", "steps.3.role": "one_stop_officer", "steps.3.share": "0.1",
};

export function registerProcedurePages(app: Hono<AppEnv>, web: WebContext) {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  const page = (c: Context<AppEnv>) => pageContext(c, web.assets, takeFlash(c, secure));

  // --- citizen face --------------------------------------------------------------------

  app.get("/procedures", async (c) => {
    const ctx = page(c);
    const { t } = ctx;
    const q = c.req.query("q") ?? "";
    const field = c.req.query("field") ?? "";
    const cursor = c.req.query("cursor");
    const parsed = validateForm(ProcedureSearchQuery, { q, field, ...(cursor ? { cursor } : {}), limit: "30" });
    const result = parsed.ok ? await searchProcedures(deps, parsed.data) : { items: [], nextCursor: null };
    const errors = parsed.ok ? [] : parsed.errors;
    const groups: { field: ProcedureField; items: ProcedureListItem[] }[] = [];
    for (const item of result.items) {
      const last = groups[groups.length - 1];
      if (last?.field === item.field) last.items.push(item);
      else groups.push({ field: item.field, items: [item] });
    }
    return c.html(
      <Layout ctx={ctx} title={t("procedures.title")}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("procedures.title") }]} />
        <ErrorSummary t={t} errors={errors} labels={{ q: t("procedures.searchLabel"), field: t("procedures.fieldFilter"), cursor: t("nav.nextPage") }} />
        <h1>{t("procedures.title")}</h1>
        <p class="lead">{t("procedures.lead")}</p>
        <form class="search-form" method="get" action="/procedures" role="search">
          <TextField t={t} form={{ values: { q }, errors }} name="q" type="search" label={t("procedures.searchLabel")} hint={t("procedures.searchHint")} />
          <SelectField
            t={t}
            form={{ values: { field }, errors }}
            name="field"
            label={t("procedures.fieldFilter")}
            options={[{ value: "", label: t("procedures.allFields") }, ...PROCEDURE_FIELDS.map((f) => ({ value: f, label: fieldLabel(t, f) }))]}
          />
          <button type="submit" class="button">
            {t("procedures.searchButton")}
          </button>
        </form>
        {result.items.length === 0 && <p>{t("procedures.noResults")}</p>}
        {groups.map((g) => (
          <section>
            <h2>{fieldLabel(t, g.field)}</h2>
            <ul class="procedure-list">
              {g.items.map((p) => (
                <li>
                  <a href={`/procedures/${p.code}`}>{p.name}</a>
                  <br />
                  <small>
                    <code>{p.code}</code> · <Tag tone={onlineTone(p.onlineLevel)}>{t(k(`procedures.onlineLevel.${p.onlineLevel}`))}</Tag> · {timeText(t, ctx.locale, p.processing)} ·{" "}
                    {feeText(ctx, p.totalFee)}
                  </small>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <Pagination t={t} basePath="/procedures" params={{ q: q.trim() || undefined, field: field || undefined }} nextCursor={result.nextCursor} isFirst={!cursor} />
      </Layout>,
    );
  });

  app.get("/procedures/:code", async (c) => {
    const ctx = page(c);
    const { t, locale } = ctx;
    const { definition: d, active, version, totalFee } = await getProcedure(deps, c.req.param("code"));
    return c.html(
      <Layout ctx={ctx} title={d.name}>
        <Breadcrumbs t={t} items={[{ href: "/procedures", label: t("procedures.title") }, { label: d.name }]} />
        <h1>{d.name}</h1>
        {!active && <div class="notice">{t("procedures.inactiveNotice")}</div>}
        {d.summary && <p class="lead">{d.summary}</p>}
        <SummaryList
          rows={[
            [t("procedures.code"), <code>{d.code}</code>],
            [t("procedures.fieldFilter"), fieldLabel(t, d.field)],
            [t("procedures.levelLabel"), t(k(`procedures.level.${d.level}`))],
            [t("procedures.onlineLabel"), <Tag tone={onlineTone(d.onlineLevel)}>{t(k(`procedures.onlineLevel.${d.onlineLevel}`))}</Tag>],
            [t("procedures.time"), <>{timeText(t, locale, d.processing)}{d.processing.cutOff && <><br />{t("procedures.cutOffNote", { time: d.processing.cutOff })}</>}</>],
            [t("procedures.feeLabel"), feeText(ctx, totalFee)],
            [t("procedures.resultTitle"), d.resultName],
            [t("procedures.version"), String(version)],
          ]}
        />
        {active && d.onlineLevel !== "none" && (
          <p>
            <a class="button" href={`/dossiers/new?procedure=${encodeURIComponent(d.code)}`}>
              {t("procedures.applyOnline")}
            </a>
          </p>
        )}
        {d.onlineLevel === "partial" && <p>{t("procedures.partialNote")}</p>}
        {d.onlineLevel === "none" && <div class="notice">{t("procedures.deskOnly")}</div>}
        <h2>{t("procedures.whatToBring")}</h2>
        {d.documents.length === 0 ? (
          <p>{t("procedures.noDocuments")}</p>
        ) : (
          <ol>
            {d.documents.map((doc) => (
              <li>
                {doc.name}
                <br />
                <small>
                  {[
                    t("procedures.copies", { n: doc.copies }),
                    t(k(`procedures.documentForm.${doc.form}`)),
                    ...(doc.required ? [] : [t("procedures.optional")]),
                    ...(doc.fromVault ? [t("procedures.fromVault")] : []),
                  ].join(" · ")}
                  {doc.templateUrl && (
                    <>
                      {" · "}
                      <a href={doc.templateUrl}>{t("procedures.template")}</a>
                    </>
                  )}
                  {doc.note && (
                    <>
                      <br />
                      {doc.note}
                    </>
                  )}
                </small>
              </li>
            ))}
          </ol>
        )}
        <h2>{t("procedures.feeLabel")}</h2>
        {d.fees.length === 0 ? (
          <p>{t("procedures.free")}</p>
        ) : (
          <ul>
            {d.fees.map((f) => (
              <li>
                {f.label}: <strong>{feeText(ctx, f.amount)}</strong>
                {f.exemptions && (
                  <>
                    <br />
                    <small>{t("procedures.exemptions", { text: f.exemptions })}</small>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {totalFee > 0 && <p><small>{t("procedures.feeNote")}</small></p>}
        <h2>{t("procedures.processingTitle")}</h2>
        <ol>
          {d.steps.map((s) => (
            <li>
              {s.name} <small>({t(k(`procedures.stepRole.${s.role}`))})</small>
            </li>
          ))}
        </ol>
        <h2>{t("procedures.deliveryTitle")}</h2>
        <ul>
          {d.deliveryMethods.map((m) => (
            <li>{t(k(`procedures.delivery.${m}`))}</li>
          ))}
        </ul>
        {d.legalBasis.length > 0 && (
          <>
            <h2>{t("procedures.legalBasis")}</h2>
            <ul>
              {d.legalBasis.map((l) => (
                <li>{l}</li>
              ))}
            </ul>
          </>
        )}
      </Layout>,
    );
  });

  // --- office face ---------------------------------------------------------------------

  const officeList = async (c: Context<AppEnv>, importErrors: FieldError[] = [], status: 200 | 400 | 413 = 200) => {
    authoriseManage(c.var.principal);
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
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t("procedures.office.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("procedures.code")}</th>
                <th scope="col">{t("procedures.name")}</th>
                <th scope="col">{t("procedures.fieldFilter")}</th>
                <th scope="col">{t("procedures.version")}</th>
                <th scope="col">{t("procedures.status")}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((p) => (
                <tr>
                  <td>
                    <code class="nowrap">{p.code}</code>
                  </td>
                  <td>
                    <a href={`/office/procedures/${p.code}/edit`}>{p.name}</a>
                  </td>
                  <td>{fieldLabel(t, p.field)}</td>
                  <td class="num">{p.version}</td>
                  <td>
                    {p.active ? <Tag tone="green">{t("procedures.active")}</Tag> : <Tag tone="grey">{t("procedures.inactive")}</Tag>}{" "}
                    <PostButton
                      action={`/office/procedures/${p.code}/active`}
                      csrfToken={ctx.csrfToken}
                      label={p.active ? t("procedures.office.deactivate") : t("procedures.office.activate")}
                      rowLabel={p.code}
                      fields={{ active: p.active ? "false" : "true" }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {result.items.length === 0 && <p>{t("procedures.office.none")}</p>}
        <Pagination t={t} basePath="/office/procedures" params={{ q: q || undefined }} nextCursor={result.nextCursor} isFirst={!cursor} />
        <h2>{t("procedures.office.export")}</h2>
        <ul>
          <li>
            <a href="/api/v1/procedures/export?format=xlsx" download>{t("procedures.office.exportXlsx")}</a>
          </li>
          <li>
            <a href="/api/v1/procedures/export?format=csv" download>{t("procedures.office.exportCsv")}</a>
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
            <input type="file" id="f-file" name="file" accept=".xlsx,.csv" aria-describedby={fileErr ? "f-file-hint f-file-error" : "f-file-hint"} aria-invalid={fileErr ? "true" : undefined} />
          </div>
          <Button>{t("procedures.office.importButton")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  app.get("/office/procedures", (c) => officeList(c));

  app.post("/office/procedures/import", async (c) => {
    authoriseManage(c.var.principal);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return officeList(c, [{ field: "file", code: "required", message: "validation.required" }], 400);
    const format = formatOf(file.type, file.name);
    if (!format) return officeList(c, [{ field: "file", code: "format", message: "procedures.import.unreadable" }], 400);
    const res = await attempt(async () => importCatalogue(deps, ctxOf(c), { bytes: new Uint8Array(await file.arrayBuffer()), format }));
    if (!res.ok) return officeList(c, res.errors, 400);
    setFlash(c, "flash.saved", secure);
    return c.redirect("/office/procedures", 303);
  });

  app.post("/office/procedures/:code/active", async (c) => {
    const body = await c.req.parseBody();
    await setProcedureActive(deps, ctxOf(c), c.req.param("code"), body.active === "true");
    setFlash(c, "flash.saved", secure);
    return c.redirect("/office/procedures", 303);
  });

  const editPage = (c: Context<AppEnv>, code: string | null, form: FormState, status: 200 | 400 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    const title = code ? t("procedures.office.edit", { code }) : t("procedures.office.new");
    const rows = withEmptyRows(form.values);
    const delivered = new Set((form.values.deliveryMethods ?? "").split(","));
    const deliveryErr = errorOf(form, "deliveryMethods");
    const labels: Record<string, string> = {
      code: t("procedures.label.code"), name: t("procedures.label.name"), field: t("procedures.label.field"), level: t("procedures.label.level"),
      onlineLevel: t("procedures.label.onlineLevel"), "processing.unit": t("procedures.label.processingUnit"), "processing.amount": t("procedures.label.processingAmount"),
      "processing.cutOff": t("procedures.label.cutOff"), processing: t("procedures.label.processingAmount"), resultName: t("procedures.label.resultName"),
      deliveryMethods: t("procedures.label.deliveryMethods"), legalBasis: t("procedures.label.legalBasis"), summary: t("procedures.label.summary"),
      documents: t("procedures.section.documents"), form: t("procedures.section.form"), steps: t("procedures.section.steps"), fees: t("procedures.section.fees"),
    };
    for (const e of form.errors) {
      const [list, row, col] = e.field.split(".");
      const spec = list ? LISTS[list as ListName] : undefined;
      const c2 = spec?.cols.find((x) => x.name === col);
      if (c2 && row) labels[e.field] = `${t(c2.label)}, ${t("procedures.row", { n: Number(row) + 1 })}`;
    }
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { href: "/office/procedures", label: t("procedures.office.title") }, { label: title }]} />
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
          {code ? <input type="hidden" name="code" value={code} /> : <TextField t={t} form={form} name="code" label={labels.code!} hint={t("procedures.hint.code")} required />}
          <TextField t={t} form={form} name="name" label={labels.name!} required />
          <SelectField t={t} form={form} name="field" label={labels.field!} options={PROCEDURE_FIELDS.map((f) => ({ value: f, label: fieldLabel(t, f) }))} />
          <SelectField t={t} form={form} name="level" label={labels.level!} options={PROCEDURE_LEVELS.map((l) => ({ value: l, label: t(k(`procedures.level.${l}`)) }))} />
          <SelectField t={t} form={form} name="onlineLevel" label={labels.onlineLevel!} options={ONLINE_LEVELS.map((l) => ({ value: l, label: t(k(`procedures.onlineLevel.${l}`)) }))} />
          <SelectField t={t} form={form} name="processing.unit" label={labels["processing.unit"]!} options={(["days", "hours"] as const).map((u) => ({ value: u, label: t(`procedures.unit.${u}`) }))} />
          <TextField t={t} form={form} name="processing.amount" label={labels["processing.amount"]!} inputmode="numeric" required />
          <TextField t={t} form={form} name="processing.cutOff" label={labels["processing.cutOff"]!} hint={t("procedures.hint.cutOff")} />
          <TextField t={t} form={form} name="resultName" label={labels.resultName!} required />
          <fieldset class={deliveryErr ? "field field--error" : "field"} id={fieldId("deliveryMethods")} aria-describedby={deliveryErr ? `${fieldId("deliveryMethods")}-error` : undefined}>
            <legend>{labels.deliveryMethods}</legend>
            <ErrorText t={t} id={fieldId("deliveryMethods")} error={deliveryErr} label={labels.deliveryMethods!} />
            {DELIVERY_METHODS.map((m) => (
              <div class="checkbox">
                <input type="checkbox" id={`f-delivery-${m}`} name="deliveryMethods" value={m} checked={delivered.has(m)} />
                <label for={`f-delivery-${m}`}>{t(k(`procedures.delivery.${m}`))}</label>
              </div>
            ))}
          </fieldset>
          <TextArea t={t} form={form} name="legalBasis" label={labels.legalBasis!} rows={4} />
          <TextArea t={t} form={form} name="summary" label={labels.summary!} />
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

  app.get("/office/procedures/new", (c) => {
    authoriseManage(c.var.principal);
    return editPage(c, null, emptyForm({ ...NEW_VALUES }));
  });

  app.get("/office/procedures/:code/edit", async (c) => {
    authoriseManage(c.var.principal);
    const p = await getProcedure(deps, c.req.param("code"));
    return editPage(c, p.code, emptyForm({ ...definitionToValues(p.definition), _active: String(p.active) }));
  });

  const save = async (c: Context<AppEnv>, code: string | null) => {
    authoriseManage(c.var.principal);
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

  app.post("/office/procedures/new", (c) => save(c, null));
  app.post("/office/procedures/:code/edit", (c) => save(c, c.req.param("code")));
}
