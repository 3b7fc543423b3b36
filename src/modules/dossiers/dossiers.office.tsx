// The one-stop desk in the office face: the queues, one dossier with its actions, printable forms and the
// walk-in intake. Every page works without JavaScript; each action is its own small form (POST → redirect → GET).
import type { Child } from "hono/jsx";
import { randomUUID } from "node:crypto";
import type { Context, Hono } from "hono";
import type { WebContext } from "../../app.ts";
import { authorise, can, type Principal } from "../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../platform/auth/use-case-context.ts";
import { AppError, type FieldError, fieldErrorsFromZod, localizeField } from "../../platform/http/app-error.ts";
import { encodeCursor } from "../../platform/http/cursor.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "../../platform/i18n/format.ts";
import type { MessageKey, Translate } from "../../platform/i18n/i18n.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, fieldId, type FieldLabels, type FormState, Pagination, SummaryList, Tag } from "../../platform/views/components.tsx";
import { Layout } from "../../platform/views/layout.tsx";
import { pageContext, type PageContext } from "../../platform/views/page-context.ts";
import { setFlash, takeFlash } from "../../web/home.pages.tsx";
import { type AdminUnitRow, getAdminUnit } from "../admin-units/index.ts";
import { usersWithRole } from "../identity/index.ts";
import { PaymentPanel, paymentPanelProps, vietQrPngForDossier } from "../payments/index.ts";
import { getProcedure, searchProcedures, type ProcedureRecord } from "../procedures/index.ts";
import { canReadAsOffice } from "./dossier-access.ts";
import { type ActionType, NATIONAL_STATUS } from "./dossier-workflow.ts";
import { ActionInput } from "./dossiers.contract.ts";
import * as repo from "./dossiers.repository.ts";
import { actOnDossier } from "./use-cases/act-on-dossier.ts";
import { type DocumentInput, fileDossier } from "./use-cases/file-dossier.ts";
import { printableForms, printDossierForm, printRegister, type PrintedForm, type PrintKind } from "./use-cases/print-forms.ts";
import { deskQueues, type DossierView, getDossier, getDossierFile } from "./use-cases/read-dossiers.ts";
import { nestFormFields } from "./form-data.ts";
import { ApplicantFields, DeliveryFields, DocumentInputs, DossierFormFields, dossierFieldLabels, documentSlots, Field, RadioGroup } from "./dossier-form.tsx";

/** Actions an officer takes from this page; submitting and rating belong to the applicant. */
const OFFICE_ACTIONS: readonly ActionType[] = [
  "receive", "requestSupplement", "answerSupplement", "refuse", "assign", "forward", "forwardReturned", "propose", "approve",
  "sendBack", "pause", "resume", "cancel", "returnResult", "apologise",
];
const WARNING_ACTIONS: ReadonlySet<ActionType> = new Set(["refuse", "cancel", "pause"]);
const FILE_ACTIONS: ReadonlySet<ActionType> = new Set(["approve", "returnResult", "answerSupplement"]);
const QUEUE_PAGE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The print links: path segment and the form they render. */
export const PRINT_PATHS: ReadonlyArray<[string, PrintKind]> = [
  ["receipt", "receipt"],
  ["tracking-slip", "trackingSlip"],
  ["supplement-request", "supplementRequest"],
  ["refusal", "refusal"],
  ["apology", "apology"],
  ["stop-notice", "stopNotice"],
];

type ActionForm = { action: ActionType; values: Record<string, string>; errors: FieldError[] };
type Notice = { key: MessageKey; params?: Record<string, string | number> };

const isAction = (s: string): s is ActionType => (OFFICE_ACTIONS as readonly string[]).includes(s);
const actionLabel = (t: Translate, a: string) => t(`dossiers.action.${a}` as MessageKey);
const stateLabel = (t: Translate, s: string) => t(`dossiers.state.${s}` as MessageKey);
const isCommunePath = (path: string) => path.split("/").filter(Boolean).length === 2;

function requireSignedIn(c: Context<AppEnv>): Principal {
  const p = c.var.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  return p;
}

/** Communes where this principal may use the desk with the given permission, in the order of their grants. */
function deskCommunes(p: Principal, permission: "dossier.read" | "dossier.receive"): string[] {
  const out: string[] = [];
  for (const g of p.grants) {
    if (isCommunePath(g.unitPath) && can(p, permission, { code: g.unitCode, path: g.unitPath }) && !out.includes(g.unitCode)) out.push(g.unitCode);
  }
  return out;
}

/** The commune asked for, else the officer's first; anyone with no desk anywhere gets 404 like any stranger. */
function pickCommune(c: Context<AppEnv>, p: Principal, permission: "dossier.read" | "dossier.receive"): { code: string; choices: string[] } {
  const choices = deskCommunes(p, permission);
  const asked = c.req.query("commune");
  const code = asked && /^\d{5}$/.test(asked) ? asked : choices[0];
  if (!code) throw new AppError("not_found", "error.notFound");
  return { code, choices };
}

// --- small accessible fields (names and ids apart, as one page carries several forms) ---------------------

type FieldProps = { t: Translate; id: string; name: string; label: string; hint?: string; error?: FieldError; value?: string; required?: boolean };

function FieldShell(props: FieldProps & { children: unknown }) {
  return (
    <div class={props.error ? "field field--error" : "field"}>
      <label for={props.id}>{props.label}</label>
      {props.hint && <span class="hint" id={`${props.id}-hint`}>{props.hint}</span>}
      {props.error && (
        <span class="error-message" id={`${props.id}-error`}>
          <span class="visually-hidden">{props.t("form.errorPrefix")}</span> {localizeField(props.error, props.t, props.label)}
        </span>
      )}
      {props.children}
    </div>
  );
}

const describedBy = (p: FieldProps) => [p.hint ? `${p.id}-hint` : "", p.error ? `${p.id}-error` : ""].filter(Boolean).join(" ") || undefined;

function TextArea(p: FieldProps & { rows?: number }) {
  return (
    <FieldShell {...p}>
      <textarea id={p.id} name={p.name} rows={p.rows ?? 3} required={p.required} aria-describedby={describedBy(p)} aria-invalid={p.error ? "true" : undefined}>
        {p.value ?? ""}
      </textarea>
    </FieldShell>
  );
}

function Input(p: FieldProps & { type?: "text" | "number" | "date" | "file"; inputmode?: "numeric" | "decimal"; accept?: string }) {
  return (
    <FieldShell {...p}>
      <input
        type={p.type ?? "text"}
        id={p.id}
        name={p.name}
        value={p.type === "file" ? undefined : (p.value ?? "")}
        accept={p.accept}
        inputmode={p.inputmode}
        required={p.required}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? "true" : undefined}
      />
    </FieldShell>
  );
}

function Select(p: FieldProps & { options: Array<{ value: string; label: string }> }) {
  return (
    <FieldShell {...p}>
      <select id={p.id} name={p.name} required={p.required} aria-describedby={describedBy(p)} aria-invalid={p.error ? "true" : undefined}>
        {p.options.map((o) => (
          <option value={o.value} selected={p.value === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Radios in a fieldset; the first radio carries the id the error summary links to. */
function Radios(p: Omit<FieldProps, "required"> & { options: Array<{ value: string; label: string }> }) {
  return (
    <div class={p.error ? "field field--error" : "field"}>
      <fieldset aria-describedby={describedBy(p as FieldProps)}>
        <legend>{p.label}</legend>
        {p.hint && <span class="hint" id={`${p.id}-hint`}>{p.hint}</span>}
        {p.error && (
          <span class="error-message" id={`${p.id}-error`}>
            <span class="visually-hidden">{p.t("form.errorPrefix")}</span> {localizeField(p.error, p.t, p.label)}
          </span>
        )}
        {p.options.map((o, i) => (
          <div class="checkbox">
            <input type="radio" id={i === 0 ? p.id : `${p.id}-${i}`} name={p.name} value={o.value} checked={p.value === o.value} />
            <label for={i === 0 ? p.id : `${p.id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

const errorOf = (errors: FieldError[], name: string) => errors.find((e) => e.field === name || e.field.startsWith(`${name}.`));

// --- the dossier page ------------------------------------------------------------------------------------

/** Labels of the action forms' fields, so the error summary names them as the officer sees them. */
function actionFieldLabels(t: Translate): Record<string, string> {
  return {
    items: t("dossiers.office.field.items"),
    note: t("dossiers.office.field.note"),
    reason: t("dossiers.office.field.reason"),
    assigneeId: t("dossiers.office.field.assignee"),
    toUnit: t("dossiers.office.field.toUnit"),
    stepDays: t("dossiers.office.field.stepDays"),
    newDueDate: t("dossiers.office.field.newDueDate"),
    method: t("dossiers.office.field.method"),
    collectedBy: t("dossiers.office.field.collectedBy"),
    trackingNumber: t("dossiers.office.field.trackingNumber"),
    resultFile: t("dossiers.office.field.resultFile"),
    documents: t("dossiers.office.field.documents"),
    version: t("dossiers.office.field.version"),
    action: t("dossiers.office.field.action"),
  };
}

function ActionFields(props: { ctx: PageContext; view: DossierView; action: ActionType; form: ActionForm | null }) {
  const { t } = props.ctx;
  const { action, view } = props;
  const values = props.form?.action === action ? props.form.values : {};
  const errors = props.form?.action === action ? props.form.errors : [];
  const labels = actionFieldLabels(t);
  const f = (name: string, extra: Partial<FieldProps> = {}): FieldProps => ({
    t, id: fieldId(`${action}.${name}`), name, label: labels[name] ?? name, error: errorOf(errors, name), value: values[name], ...extra,
  });
  const reason = (hint?: MessageKey, required = true) => <TextArea {...f("reason", { required, ...(hint ? { hint: t(hint) } : {}) })} />;
  switch (action) {
    case "receive":
      return <p>{t("dossiers.office.action.receiveHint")}</p>;
    case "requestSupplement":
      return (
        <>
          <TextArea {...f("items", { hint: t("dossiers.office.hint.items"), required: true })} rows={4} />
          <TextArea {...f("note")} />
        </>
      );
    case "answerSupplement": {
      const open = view.supplements.find((s) => !s.answeredAt);
      return (
        <>
          {open?.items.map((item) => (
            <Input {...f(`documents.${item.key}`, { label: item.label, error: errorOf(errors, `documents.${item.key}`) })} type="file" accept="application/pdf,image/jpeg,image/png" />
          ))}
          <TextArea {...f("note", { hint: t("dossiers.office.hint.answerNote") })} />
        </>
      );
    }
    case "refuse":
      return reason("dossiers.office.hint.refuseReason");
    case "assign":
      return view.specialists.length === 0 ? (
        <p>{t("dossiers.office.noSpecialists")}</p>
      ) : (
        <Select {...f("assigneeId", { required: true })} options={view.specialists.map((s) => ({ value: s.id, label: s.displayName }))} />
      );
    case "forward":
      return (
        <>
          <Input {...f("toUnit", { required: true })} />
          <Input {...f("stepDays", { required: true, hint: t("dossiers.office.hint.stepDays") })} type="number" inputmode="decimal" />
        </>
      );
    case "forwardReturned":
    case "propose":
      return <TextArea {...f("note", { required: true })} />;
    case "approve":
      return <Input {...f("resultFile", { hint: t("dossiers.office.hint.resultFile") })} type="file" accept="application/pdf,image/jpeg,image/png" />;
    case "sendBack":
    case "pause":
      return reason();
    case "resume":
      return reason(undefined, false);
    case "cancel":
      return reason("dossiers.office.hint.cancelReason");
    case "returnResult":
      return (
        <>
          <Radios
            {...f("method", { value: values.method ?? view.dossier.delivery.method })}
            options={(["desk", "post", "online"] as const).map((m) => ({ value: m, label: t(`dossiers.delivery.${m}`) }))}
          />
          <Input {...f("collectedBy", { hint: t("dossiers.office.hint.collectedBy") })} />
          <Input {...f("trackingNumber", { hint: t("dossiers.office.hint.trackingNumber") })} />
          <Input {...f("resultFile", { hint: t("dossiers.office.hint.scanResult") })} type="file" accept="application/pdf,image/jpeg,image/png" />
        </>
      );
    case "apologise":
      return (
        <>
          {reason()}
          <Input {...f("newDueDate", { required: true, hint: t("dossiers.office.hint.date") })} type="date" />
        </>
      );
    default:
      return null;
  }
}

function formValue(t: Translate, field: ProcedureRecord["definition"]["form"][number], v: unknown, locale: PageContext["locale"]): string {
  if (v === null || v === undefined || v === "") return "–";
  if (field.type === "person" && typeof v === "object") {
    const p = v as { fullName?: string; birthDate?: string | null; citizenIdNumber?: string | null };
    return [p.fullName, p.birthDate ? formatDate(new Date(`${p.birthDate}T12:00:00+07:00`), locale) : null, p.citizenIdNumber].filter(Boolean).join(", ") || "–";
  }
  if (field.type === "choice") return field.options?.find((o) => o.value === v)?.label ?? String(v);
  if (field.type === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(new Date(`${v}T12:00:00+07:00`), locale);
  if (field.type === "number" && typeof v === "number") return formatNumber(v, locale);
  return typeof v === "string" ? v : JSON.stringify(v);
}

function DossierPage(props: { ctx: PageContext; view: DossierView; assigneeName: string | null; form: ActionForm | null; notice: Notice | null; payment: Child | null }) {
  const { ctx, view } = props;
  const { t, locale } = ctx;
  const d = view.dossier;
  const def = view.procedure.definition;
  const base = `/office/dossiers/${d.id}`;
  const at = (x: Date | null) => (x ? formatDateTime(new Date(x), locale) : "–");
  const actions = view.actions.filter(isAction);
  const printable = printableForms(view);
  const labels = actionFieldLabels(t);
  const summaryErrors = (props.form?.errors ?? []).map((e) => ({ ...e, field: `${props.form!.action}.${e.field}` }));
  const summaryLabels: FieldLabels = Object.fromEntries(
    summaryErrors.map((e) => {
      const name = e.field.slice(e.field.indexOf(".") + 1);
      const item = view.supplements.flatMap((s) => s.items).find((i) => name === `documents.${i.key}`);
      return [e.field, item?.label ?? labels[name] ?? labels[name.split(".")[0] ?? name] ?? name];
    }),
  );
  const docName = (key: string) =>
    key === "result"
      ? t("dossiers.office.doc.result", { name: def.resultName })
      : (def.documents.find((x) => x.key === key)?.name ?? def.form.find((x) => x.key === key)?.label ?? view.supplements.flatMap((s) => s.items).find((i) => i.key === key)?.label ?? key);
  const delivery = [
    t(`dossiers.delivery.${d.delivery.method}`),
    d.delivery.address ?? null,
    d.delivery.collectedBy ? t("dossiers.office.collectedByValue", { name: d.delivery.collectedBy }) : null,
    d.delivery.trackingNumber ? t("dossiers.office.trackingValue", { number: d.delivery.trackingNumber }) : null,
  ].filter(Boolean).join(" · ");
  const national = NATIONAL_STATUS[d.state];
  const title = d.code ?? t("dossiers.office.noCode");
  const printLabel: Record<PrintKind, MessageKey> = {
    receipt: "dossiers.office.print.receipt",
    trackingSlip: "dossiers.office.print.trackingSlip",
    supplementRequest: "dossiers.office.print.supplementRequest",
    refusal: "dossiers.office.print.refusal",
    apology: "dossiers.office.print.apology",
    stopNotice: "dossiers.office.print.stopNotice",
  };
  return (
    <Layout ctx={ctx} title={title} office>
      <Breadcrumbs
        t={t}
        items={[{ href: "/office", label: t("nav.office") }, { href: `/office/desk?commune=${d.communeCode}`, label: t("dossiers.office.desk.title") }, { label: title }]}
      />
      <ErrorSummary t={t} errors={summaryErrors} labels={summaryLabels} />
      {props.notice && (
        <div class="notice" role="alert" tabindex={-1} autofocus>
          <h2>{t("dossiers.office.changed.title")}</h2>
          <p>{t(props.notice.key, props.notice.params)}</p>
        </div>
      )}
      <h1>
        <span class="hint">{t("dossiers.office.dossier")}</span> {title}
      </h1>
      {printable.includes("receipt") && (
        <p>
          <a class="button" href={`${base}/receipt.pdf`}>
            {t("dossiers.office.print.receipt")}
          </a>
        </p>
      )}
      <SummaryList
        rows={[
          [t("dossiers.office.summary.procedure"), t("dossiers.office.procedureVersion", { name: def.name, code: view.procedure.code, version: view.procedure.version })],
          [t("dossiers.office.summary.state"), <>
            <Tag tone={d.state === "refused" || d.state === "cancelled" ? "red" : d.state === "returned" ? "green" : undefined}>{stateLabel(t, d.state)}</Tag>{" "}
            {national !== null && t("dossiers.office.nationalStatus", { n: national })}
          </>],
          [t("dossiers.office.summary.channel"), t(`dossiers.channel.${d.channel}`)],
          [t("dossiers.office.summary.applicant"), [d.applicant.fullName, d.applicant.citizenIdNumber, d.applicant.phone, d.applicant.email, d.applicant.address].filter(Boolean).join(" · ")],
          [t("dossiers.office.summary.submitted"), at(d.submittedAt)],
          [t("dossiers.office.summary.received"), at(d.receivedAt)],
          [t("dossiers.office.summary.due"), at(d.dueAt)],
          ...(d.apologyDueAt ? ([[t("dossiers.office.summary.newDue"), at(d.apologyDueAt)]] as [string, string][]) : []),
          ...(d.stepDueAt ? ([[t("dossiers.office.summary.stepDue"), at(d.stepDueAt)]] as [string, string][]) : []),
          ...(props.assigneeName ? ([[t("dossiers.office.summary.assignee"), props.assigneeName]] as [string, string][]) : []),
          ...(d.forwardedTo ? ([[t("dossiers.office.summary.forwardedTo"), d.forwardedTo]] as [string, string][]) : []),
          [t("dossiers.office.summary.fee"), d.feeAmount > 0 ? `${formatMoney(d.feeAmount, locale)} · ${t(`dossiers.office.fee.${d.feeStatus}`)}` : t("dossiers.office.fee.none")],
          [t("dossiers.office.summary.delivery"), delivery],
          ...(d.assistedConsent
            ? ([[
                t("dossiers.office.summary.consent"),
                [t(`dossiers.consent.${d.assistedConsent.method}`), t("dossiers.office.consentBy", { name: d.assistedConsent.recordedBy, at: at(new Date(d.assistedConsent.at)) }), d.assistedConsent.note].filter(Boolean).join(" · "),
              ]] as [string, string][])
            : []),
        ]}
      />

      {props.payment}

      {printable.length > 0 && (
        <>
          <h2>{t("dossiers.office.print.title")}</h2>
          <ul>
            {PRINT_PATHS.filter(([, kind]) => printable.includes(kind)).map(([slug, kind]) => (
              <li>
                <a href={`${base}/${slug}.pdf`}>{t(printLabel[kind])}</a>
              </li>
            ))}
          </ul>
        </>
      )}

      {actions.length > 0 && (
        <>
          <h2>{t("dossiers.office.actions.title")}</h2>
          {actions.map((a) => (
            <section aria-labelledby={`action-${a}`}>
              <h3 id={`action-${a}`}>{actionLabel(t, a)}</h3>
              <form method="post" action={`${base}/actions/${a}`} enctype={FILE_ACTIONS.has(a) ? "multipart/form-data" : undefined} novalidate>
                <CsrfField token={ctx.csrfToken} />
                <input type="hidden" name="version" value={String(d.version)} />
                <ActionFields ctx={ctx} view={view} action={a} form={props.form} />
                {!(a === "assign" && view.specialists.length === 0) && <Button variant={WARNING_ACTIONS.has(a) ? "warning" : undefined}>{actionLabel(t, a)}</Button>}
              </form>
            </section>
          ))}
        </>
      )}

      <h2>{t("dossiers.office.form.title")}</h2>
      {def.form.filter((x) => x.type !== "file").length === 0 ? (
        <p>{t("dossiers.office.form.none")}</p>
      ) : (
        <SummaryList rows={def.form.filter((x) => x.type !== "file").map((x) => [x.label, formValue(t, x, d.formData[x.key], locale)] as [string, string])} />
      )}

      <h2>{t("dossiers.office.documents.title")}</h2>
      {view.documents.length === 0 ? (
        <p>{t("dossiers.office.documents.none")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t("dossiers.office.documents.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dossiers.office.documents.requirement")}</th>
                <th scope="col">{t("dossiers.office.documents.file")}</th>
                <th scope="col">{t("dossiers.office.documents.source")}</th>
                <th scope="col" class="num">{t("dossiers.office.documents.round")}</th>
              </tr>
            </thead>
            <tbody>
              {view.documents.map((doc) => (
                <tr>
                  <td>{docName(doc.requirementKey)}</td>
                  <td>
                    <a href={`${base}/files/${doc.id}`}>{doc.name}</a> <span class="nowrap">({formatNumber(Math.max(1, Math.round(doc.sizeBytes / 1024)), locale)} KB)</span>
                  </td>
                  <td>{t(`dossiers.office.source.${doc.source}`)}</td>
                  <td class="num">{doc.round}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {view.supplements.length > 0 && (
        <>
          <h2>{t("dossiers.office.supplements.title")}</h2>
          {view.supplements.map((s) => (
            <section aria-labelledby={`round-${s.round}`}>
              <h3 id={`round-${s.round}`}>{t("dossiers.office.supplements.round", { n: s.round })}</h3>
              <p>
                {t("dossiers.office.supplements.requested", { at: at(s.requestedAt) })}{" "}
                {s.answeredAt ? t("dossiers.office.supplements.answered", { at: at(s.answeredAt) }) : <Tag tone="grey">{t("dossiers.office.supplements.open")}</Tag>}
              </p>
              <ul>
                {s.items.map((i) => (
                  <li>{i.note ? `${i.label} – ${i.note}` : i.label}</li>
                ))}
              </ul>
              {s.note && <p>{s.note}</p>}
            </section>
          ))}
        </>
      )}

      <h2>{t("dossiers.office.history.title")}</h2>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t("dossiers.office.history.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dossiers.office.history.at")}</th>
              <th scope="col">{t("dossiers.office.history.action")}</th>
              <th scope="col">{t("dossiers.office.history.actor")}</th>
              <th scope="col">{t("dossiers.office.history.state")}</th>
              <th scope="col">{t("dossiers.office.history.note")}</th>
            </tr>
          </thead>
          <tbody>
            {view.events.map((e) => (
              <tr>
                <td class="nowrap">{at(e.at)}</td>
                <td>{actionLabel(t, e.action)}</td>
                <td>{e.actorLabel}</td>
                <td>{stateLabel(t, e.toState)}</td>
                <td>{e.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

/** Text fields of a posted form, without the CSRF token and other "_" control fields. */
function textFields(body: Record<string, string | File | (string | File)[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (!k.startsWith("_") && typeof v === "string") out[k] = v;
  return out;
}

/** Uploads named `<prefix><key>`: empty file inputs (nothing chosen) are left out. */
async function uploadsOf(body: Record<string, string | File | (string | File)[]>, prefix: string): Promise<DocumentInput[]> {
  const out: DocumentInput[] = [];
  for (const [k, v] of Object.entries(body)) {
    const files = (Array.isArray(v) ? v : [v]).filter((x): x is File => typeof x !== "string" && x.size > 0);
    if (!k.startsWith(prefix) || files.length === 0) continue;
    for (const file of files) out.push({ requirementKey: k.slice(prefix.length), upload: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
  }
  return out;
}

/** The posted action form in the contract's shape: only what the action uses, empty fields left out. */
function actionInput(action: ActionType, v: Record<string, string>): { ok: true; data: ActionInput } | { ok: false; errors: FieldError[] } {
  const s = (k: string) => (v[k] ?? "").trim() || undefined;
  const raw: Record<string, unknown> = { version: /^\d+$/.test(v.version ?? "") ? Number(v.version) : undefined };
  const pick: Record<ActionType, string[]> = {
    submit: [], receive: [], rate: [],
    requestSupplement: ["note"], answerSupplement: ["note"], refuse: ["reason"], assign: ["assigneeId"], forward: ["toUnit"],
    forwardReturned: ["note"], propose: ["note"], approve: [], sendBack: ["reason"], pause: ["reason"], resume: ["reason"], cancel: ["reason"],
    returnResult: ["method", "collectedBy", "trackingNumber"], apologise: ["reason", "newDueDate"],
  };
  for (const k of pick[action]) if (s(k) !== undefined) raw[k] = s(k);
  if (action === "requestSupplement") raw.items = (v.items ?? "").split(/\r?\n/).map((x) => x.trim()).filter(Boolean);
  if (action === "forward" && s("stepDays") !== undefined) raw.stepDays = Number(s("stepDays")!.replace(",", "."));
  const r = ActionInput.safeParse(raw);
  if (r.success) return { ok: true, data: r.data };
  const errors = fieldErrorsFromZod(r.error.issues).map((e) => ({
    ...e,
    field: e.field.replace(/^items\.\d+$/, "items"),
    ...(e.field === "newDueDate" ? { message: "dossiers.error.date" as const } : {}),
  }));
  return { ok: false, errors };
}

// --- walk-in intake form ----------------------------------------------------------------------------

type IntakeState = { communeCode: string; procedureCode: string; values: Record<string, string>; errors: FieldError[] };

/** Typed once by the officer from the papers handed over; the citizen's consent to assisted filing is recorded. */
function IntakeForm(props: { ctx: PageContext; commune: AdminUnitRow; procedure: ProcedureRecord; state: IntakeState }) {
  const { ctx, commune, procedure, state } = props;
  const { t } = ctx;
  const def = procedure.definition;
  const form: FormState = { values: state.values, errors: state.errors };
  const labels: FieldLabels = {
    ...dossierFieldLabels(t, def),
    channel: t("dossiers.office.intake.channel"),
    "assistedConsent.method": t("dossiers.office.intake.consentMethod"),
    "assistedConsent.note": t("dossiers.office.intake.consentNote"),
  };
  return (
    <Layout ctx={ctx} title={t("dossiers.office.intake.title")} office>
      <Breadcrumbs
        t={t}
        items={[
          { href: "/office", label: t("nav.office") },
          { href: `/office/desk?commune=${commune.code}`, label: t("dossiers.office.desk.title") },
          { href: `/office/desk/intake?commune=${commune.code}`, label: t("dossiers.office.intake.title") },
          { label: def.name },
        ]}
      />
      <ErrorSummary t={t} errors={state.errors} labels={labels} />
      <h1>
        <span class="hint">{t("dossiers.office.intake.title")}</span> {def.name}
      </h1>
      <p>
        <code>{procedure.code}</code> · {t("dossiers.office.intake.version", { version: procedure.version })} ·{" "}
        <a href={`/office/desk/intake?commune=${commune.code}`}>{t("dossiers.office.intake.other")}</a>
      </p>
      <form method="post" action="/office/desk/intake" enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="commune" value={commune.code} />
        <input type="hidden" name="procedure" value={procedure.code} />
        <input type="hidden" name="idempotencyKey" value={state.values.idempotencyKey ?? ""} />
        <RadioGroup
          t={t} form={form} name="channel" legend={t("dossiers.office.intake.channel")}
          options={(["counter", "post"] as const).map((ch) => ({ value: ch, label: t(`dossiers.channel.${ch}`) }))}
        />
        <h2>{t("dossiers.office.intake.applicant")}</h2>
        <ApplicantFields t={t} form={form} self={false} />
        {def.form.some((f) => f.type !== "file") && (
          <>
            <h2>{t("dossiers.office.form.title")}</h2>
            <DossierFormFields t={t} form={form} fields={def.form} hidePrefilled />
          </>
        )}
        <h2>{t("dossiers.office.documents.title")}</h2>
        <p>{t("dossiers.office.intake.scans")}</p>
        <DocumentInputs t={t} form={form} slots={documentSlots(def)} uploadHint={t("dossiers.office.intake.scanHint")} />
        <h2>{t("dossiers.office.summary.delivery")}</h2>
        <DeliveryFields t={t} form={form} methods={def.deliveryMethods} />
        <h2>{t("dossiers.office.intake.consent")}</h2>
        <RadioGroup
          t={t} form={form} name="assistedConsent.method" legend={t("dossiers.office.intake.consentMethod")} hint={t("dossiers.office.intake.consentHint")}
          options={(["signature", "verbal", "fingerprint"] as const).map((m) => ({ value: m, label: t(`dossiers.consent.${m}`) }))}
        />
        <Field t={t} form={form} name="assistedConsent.note" label={t("dossiers.office.intake.consentNote")} kind="textarea" rows={2} />
        <Button>{t("dossiers.office.intake.submit")}</Button>
      </form>
    </Layout>
  );
}

function pdfResponse(c: Context<AppEnv>, f: PrintedForm) {
  return c.body(new Uint8Array(f.pdf), 200, {
    "content-type": "application/pdf",
    "content-disposition": `inline; filename="${f.filename}"`,
    "cache-control": "private, no-store",
  });
}

export function registerDossierOfficePages(app: Hono<AppEnv>, web: WebContext) {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  const page = (c: Context<AppEnv>) => pageContext(c, web.assets, takeFlash(c, secure));
  const origin = (c: Context<AppEnv>) => deps.config.publicUrl ?? new URL(c.req.url).origin;

  /** Office pages answer 404 to anyone who cannot read the dossier as an officer, applicant included. */
  async function officeRow(c: Context<AppEnv>, id: string): Promise<repo.DossierRow> {
    const p = requireSignedIn(c);
    const row = UUID.test(id) ? await repo.findById(deps.db, id) : null;
    if (!row || !canReadAsOffice(p, row)) throw new AppError("not_found", "error.notFound");
    return row;
  }

  // --- desk -------------------------------------------------------------------------------------------

  const deskPage = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const { code, choices } = pickCommune(c, p, "dossier.read");
    const askedQueue = c.req.query("queue");
    const queue = repo.QUEUES.find((q) => q === askedQueue) ?? "newOnline";
    const cursor = c.req.query("cursor") || undefined;
    const desk = await deskQueues(deps, ctxOf(c), code, queue, { cursor, limit: QUEUE_PAGE });
    const ctx = page(c);
    const { t, locale } = ctx;
    const names = await Promise.all(choices.map(async (x) => ({ value: x, label: x === desk.commune.code ? desk.commune.fullName : (await getAdminUnit(deps, x)).fullName })));
    const receives = can(p, "dossier.receive", desk.commune);
    const today = new Date(deps.clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const queueHref = (q: string) => `/office/desk?commune=${desk.commune.code}&queue=${q}`;
    return c.html(
      <Layout ctx={ctx} title={t("dossiers.office.desk.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("dossiers.office.desk.title") }]} />
        <h1>
          {t("dossiers.office.desk.title")} <span class="hint">{desk.commune.fullName}</span>
        </h1>
        {choices.length > 1 && (
          <form class="search-form" method="get" action="/office/desk">
            <Select t={t} id="desk-commune" name="commune" label={t("dossiers.office.desk.commune")} value={desk.commune.code} options={names} />
            <input type="hidden" name="queue" value={queue} />
            <button type="submit" class="button button--secondary">
              {t("dossiers.office.desk.show")}
            </button>
          </form>
        )}
        {receives && (
          <p>
            <a class="button" href={`/office/desk/intake?commune=${desk.commune.code}`}>
              {t("dossiers.office.intake.title")}
            </a>
          </p>
        )}
        <nav aria-label={t("dossiers.office.desk.queues")}>
          <ul class="cards">
            {repo.QUEUES.map((q) => (
              <li>
                <a href={queueHref(q)} aria-current={q === queue ? "page" : undefined}>
                  {q === queue ? <strong>{t(`dossiers.queue.${q}`)}</strong> : t(`dossiers.queue.${q}`)}
                </a>{" "}
                <Tag tone={q === "overdue" && desk.counts[q] > 0 ? "red" : "grey"}>{formatNumber(desk.counts[q], locale)}</Tag>
              </li>
            ))}
          </ul>
        </nav>
        <h2 id="queue">{t(`dossiers.queue.${queue}`)}</h2>
        {desk.items.length === 0 ? (
          <p>{t("dossiers.office.desk.empty")}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t(`dossiers.queue.${queue}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dossiers.office.col.code")}</th>
                  <th scope="col">{t("dossiers.office.col.procedure")}</th>
                  <th scope="col">{t("dossiers.office.col.applicant")}</th>
                  <th scope="col">{t("dossiers.office.col.channel")}</th>
                  <th scope="col">{t("dossiers.office.col.received")}</th>
                  <th scope="col">{t("dossiers.office.col.due")}</th>
                </tr>
              </thead>
              <tbody>
                {desk.items.map((i) => {
                  const due = i.dueAt ? new Date(i.dueAt) : null;
                  const late = due !== null && due < desk.now && i.state !== "paused";
                  const soon = !late && due !== null && due < desk.dueSoon && i.state !== "paused";
                  return (
                    <tr>
                      <td>
                        <a href={`/office/dossiers/${i.id}`}>{i.code ?? t("dossiers.office.noCode")}</a>
                      </td>
                      <td>{i.procedureName}</td>
                      <td>{i.applicantName}</td>
                      <td>{t(`dossiers.channel.${i.channel}`)}</td>
                      <td class="nowrap">{i.receivedAt ? formatDateTime(new Date(i.receivedAt), locale) : i.submittedAt ? formatDateTime(new Date(i.submittedAt), locale) : "–"}</td>
                      <td class="nowrap">
                        {due ? formatDateTime(due, locale) : "–"} {late && <Tag tone="red">{t("dossiers.office.tag.late")}</Tag>}
                        {soon && <Tag>{t("dossiers.office.tag.dueSoon")}</Tag>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination t={t} basePath="/office/desk" params={{ commune: desk.commune.code, queue }} nextCursor={desk.next ? encodeCursor(desk.next) : null} isFirst={!cursor} />

        <h2 id="register">{t("dossiers.office.register.title")}</h2>
        <form method="get" action="/office/desk/register.pdf">
          <input type="hidden" name="commune" value={desk.commune.code} />
          <Input t={t} id="register-from" name="from" type="date" label={t("dossiers.office.register.from")} hint={t("dossiers.office.hint.date")} value={`${today.slice(0, 8)}01`} />
          <Input t={t} id="register-to" name="to" type="date" label={t("dossiers.office.register.to")} hint={t("dossiers.office.hint.date")} value={today} />
          <Button variant="secondary">{t("dossiers.office.register.print")}</Button>
        </form>
      </Layout>,
    );
  };

  app.get("/office/desk", deskPage);

  app.get("/office/desk/register.pdf", async (c) => {
    const p = requireSignedIn(c);
    const { code } = pickCommune(c, p, "dossier.read");
    const f = await printRegister(deps, ctxOf(c), code, { from: c.req.query("from") ?? "", to: c.req.query("to") ?? "" }, { locale: c.var.locale });
    return pdfResponse(c, f);
  });

  // --- one dossier ------------------------------------------------------------------------------------

  const dossierPage = async (c: Context<AppEnv>, id: string, opts: { form?: ActionForm; notice?: Notice; status?: 200 | 400 | 409 } = {}) => {
    await officeRow(c, id);
    const view = await getDossier(deps, ctxOf(c), id);
    const d = view.dossier;
    const assigneeName = d.assigneeId
      ? ((await usersWithRole(deps, "specialist", d.unitPath)).find((u) => u.id === d.assigneeId)?.displayName ?? null)
      : null;
    const pageCtx = page(c);
    const payment = d.feeAmount > 0 ? <PaymentPanel {...await paymentPanelProps(deps, pageCtx, d)} /> : null;
    return c.html(<DossierPage ctx={pageCtx} view={view} assigneeName={assigneeName} form={opts.form ?? null} notice={opts.notice ?? null} payment={payment} />, opts.status ?? 200);
  };

  app.get("/office/dossiers/:id", (c) => dossierPage(c, c.req.param("id")));

  app.get("/office/dossiers/:id/files/:docId", async (c) => {
    const id = c.req.param("id");
    await officeRow(c, id);
    const file = await getDossierFile(deps, ctxOf(c), id, c.req.param("docId"));
    return c.body(new Uint8Array(file.content), 200, {
      "content-type": file.mediaType,
      "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "cache-control": "private, no-store",
    });
  });

  for (const [slug, kind] of PRINT_PATHS) {
    app.get(`/office/dossiers/:id/${slug}.pdf`, async (c) => {
      const id = c.req.param("id");
      await officeRow(c, id);
      return pdfResponse(c, await printDossierForm(deps, ctxOf(c), id, kind, { locale: c.var.locale, origin: origin(c), feeQr: vietQrPngForDossier }));
    });
  }

  app.post("/office/dossiers/:id/actions/:action", async (c) => {
    const id = c.req.param("id");
    const row = await officeRow(c, id);
    const action = c.req.param("action");
    if (!isAction(action)) throw new AppError("not_found", "error.notFound");
    const body = await c.req.parseBody({ all: true });
    const values = textFields(body);
    const parsed = actionInput(action, values);
    if (!parsed.ok) {
      // A form without its version is a stale or hand-made page: show the dossier as it is now.
      if (parsed.errors.some((e) => e.field === "version")) return dossierPage(c, id, { notice: { key: "dossiers.error.changedMeanwhile" }, status: 409 });
      return dossierPage(c, id, { form: { action, values, errors: parsed.errors }, status: 400 });
    }
    const fail = (errors: FieldError[]) => dossierPage(c, id, { form: { action, values, errors }, status: 400 });
    try {
      let resultUpload: { name: string; bytes: Uint8Array } | undefined;
      const file = body["resultFile"];
      if ((action === "approve" || action === "returnResult") && file && typeof file !== "string" && !Array.isArray(file) && file.size > 0) {
        // Stored by the action, in its transaction: a scan of the result handed over goes into the citizen's vault.
        resultUpload = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      }
      const documents = action === "answerSupplement" ? await uploadsOf(body, "documents.") : undefined;
      await actOnDossier(deps, ctxOf(c), id, { ...parsed.data, action, ...(resultUpload ? { resultUpload } : {}), ...(documents ? { documents } : {}) });
    } catch (err) {
      if (err instanceof AppError && err.code === "conflict") {
        const state = err.params["state"];
        return dossierPage(c, id, { notice: { key: err.messageKey, params: typeof state === "string" ? { ...err.params, state: stateLabel(c.var.t, state) } : err.params }, status: 409 });
      }
      if (err instanceof AppError && err.fields.length > 0) return fail(err.fields);
      throw err;
    }
    setFlash(c, `flash.dossiers.office.${action}` as MessageKey, secure);
    return c.redirect(`/office/dossiers/${id}`, 303);
  });

  // --- walk-in intake ---------------------------------------------------------------------------------

  const intakePage = async (c: Context<AppEnv>, state: IntakeState | null, status: 200 | 400 = 200) => {
    const p = requireSignedIn(c);
    const commune = await getAdminUnit(deps, state?.communeCode ?? pickCommune(c, p, "dossier.receive").code);
    authorise(p, "dossier.receive", commune);
    const ctx = page(c);
    const { t } = ctx;
    const code = state?.procedureCode ?? c.req.query("procedure")?.trim();
    const found = code ? await getProcedure(deps, code).catch(() => null) : null;
    const procedure = found?.active ? found : null;
    if (!procedure) {
      const q = c.req.query("q")?.slice(0, 100).trim() || undefined;
      const cursor = c.req.query("cursor") || undefined;
      const list = await searchProcedures(deps, { q, cursor, limit: 25 });
      return c.html(
        <Layout ctx={ctx} title={t("dossiers.office.intake.title")} office>
          <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { href: `/office/desk?commune=${commune.code}`, label: t("dossiers.office.desk.title") }, { label: t("dossiers.office.intake.title") }]} />
          <h1>
            {t("dossiers.office.intake.title")} <span class="hint">{commune.fullName}</span>
          </h1>
          <p>{t("dossiers.office.intake.pick")}</p>
          <form class="search-form" method="get" action="/office/desk/intake" role="search">
            <input type="hidden" name="commune" value={commune.code} />
            <Input t={t} id="intake-q" name="q" label={t("dossiers.office.intake.search")} hint={t("dossiers.office.intake.searchHint")} value={q ?? ""} />
            <button type="submit" class="button button--secondary">
              {t("dossiers.office.intake.searchButton")}
            </button>
          </form>
          {list.items.length === 0 ? (
            <p>{t("dossiers.office.intake.noProcedures")}</p>
          ) : (
            <ul>
              {list.items.map((x) => (
                <li>
                  <a href={`/office/desk/intake?commune=${commune.code}&procedure=${encodeURIComponent(x.code)}`}>{x.name}</a> <code class="nowrap">{x.code}</code>
                </li>
              ))}
            </ul>
          )}
          <Pagination t={t} basePath="/office/desk/intake" params={{ commune: commune.code, q }} nextCursor={list.nextCursor} isFirst={!cursor} />
        </Layout>,
      );
    }
    const form: IntakeState = state ?? {
      communeCode: commune.code,
      procedureCode: procedure.code,
      values: { channel: "counter", "delivery.method": procedure.definition.deliveryMethods[0] ?? "desk", idempotencyKey: randomUUID() },
      errors: [],
    };
    return c.html(<IntakeForm ctx={ctx} commune={commune} procedure={procedure} state={form} />, status);
  };

  app.get("/office/desk/intake", (c) => intakePage(c, null));

  app.post("/office/desk/intake", async (c) => {
    const p = requireSignedIn(c);
    const body = await c.req.parseBody({ all: true });
    const values = textFields(body);
    const communeCode = /^\d{5}$/.test(values.commune ?? "") ? values.commune! : "";
    const commune = await getAdminUnit(deps, communeCode);
    authorise(p, "dossier.receive", commune);
    const state: IntakeState = { communeCode: commune.code, procedureCode: values.procedure ?? "", values, errors: [] };
    const prefixed = (prefix: string) =>
      Object.fromEntries(Object.entries(values).filter(([k, v]) => k.startsWith(prefix) && v.trim() !== "").map(([k, v]) => [k.slice(prefix.length), v]));
    const consent = prefixed("assistedConsent.");
    try {
      const res = await fileDossier(deps, ctxOf(c), {
        idempotencyKey: UUID.test(values.idempotencyKey ?? "") ? values.idempotencyKey! : null,
        procedureCode: state.procedureCode,
        communeCode: commune.code,
        applicant: prefixed("applicant."),
        form: nestFormFields(values),
        documents: await uploadsOf(body, "doc."),
        delivery: { method: values["delivery.method"] ?? "", ...(values["delivery.address"]?.trim() ? { address: values["delivery.address"] } : {}) },
        assistedConsent: consent.method ? consent : null,
        channel: values.channel === "post" ? "post" : "counter",
        intent: "submit",
      });
      setFlash(c, "flash.dossiers.office.intake", secure);
      return c.redirect(`/office/dossiers/${res.dossier.id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) return intakePage(c, { ...state, errors: err.fields }, 400);
      throw err;
    }
  });
}
