// Citizen face of dossiers: apply online (with drafts), follow one's dossiers, answer a supplement request,
// withdraw, rate, and the public status look-up. Every form works without JavaScript: POST → redirect → GET,
// or the same page again with its errors (400), a "changed meanwhile" (409) or a throttle (429).
import { randomUUID } from "node:crypto";
import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import type { WebContext } from "../../app.ts";
import type { Principal } from "../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../platform/auth/use-case-context.ts";
import { uploadMessageParams } from "../../platform/files/sniff-upload.ts";
import { AppError, type FieldError, localizeField } from "../../platform/http/app-error.ts";
import { fileResponse } from "../../platform/http/file-response.ts";
import { validateForm } from "../../platform/http/forms.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { formatDate, formatDateTime, formatMoney } from "../../platform/i18n/format.ts";
import type { MessageKey, Translate } from "../../platform/i18n/i18n.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, fieldId, type FormState, SummaryList, Tag, TextField } from "../../platform/views/components.tsx";
import { Layout } from "../../platform/views/layout.tsx";
import { pageContext, type PageContext } from "../../platform/views/page-context.ts";
import { setFlash, takeFlash } from "../../web/home.pages.tsx";
import { type AdminUnitRow, listAdminUnitChildren, listServedProvinces, searchAdminUnits } from "../admin-units/index.ts";
import { getProfileForPrefill, listVault, maskPhone } from "../citizens/index.ts";
import { clientIp } from "../identity/identity.pages.tsx";
import { getProcedure, type ProcedureDefinition, type ProcedureRecord } from "../procedures/index.ts";
import {
  ACCEPT_UPLOADS, type AttachedDocument, ApplicantFields, DeliveryFields, DocumentInputs, documentSlots, DossierFormFields, dossierFieldLabels, Field,
  fillFromApplicant, flattenDossierValues, prefillFromProfile, RadioGroup, Select, type VaultOption,
} from "./dossier-form.tsx";
import { isApplicantSide } from "./dossier-access.ts";
import { NATIONAL_STATUS } from "./dossier-workflow.ts";
import { type PublicStatus, StatusLookupInput } from "./dossiers.contract.ts";
import type { DossierRow } from "./dossiers.repository.ts";
import { nestFormFields } from "./form-data.ts";
import { actOnDossier, type ActRequest } from "./use-cases/act-on-dossier.ts";
import { type DocumentInput, DraftKeptError, fileDossier } from "./use-cases/file-dossier.ts";
import { lookupStatus } from "./use-cases/lookup-status.ts";
import { type DossierView, getDossier, getDossierFile, myDossiers } from "./use-cases/read-dossiers.ts";

/** What the payments module puts on a dossier's page (the VietQR SVG and how to pay); null when nothing is due. */
export type PaymentPanel = (c: Context<AppEnv>, dossier: DossierRow, ctx: PageContext) => Promise<Child | null>;
export type CitizenPageOptions = { paymentPanel?: PaymentPanel };

const IDEMPOTENCY_KEY = /^[A-Za-z0-9-]{8,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Actions whose reason the applicant is owed (refusal, withdrawal, delay, pause, what to supply). */
const REASON_SHOWN = new Set(["refuse", "cancel", "apologise", "pause", "requestSupplement"]);

const unitName = (ctx: PageContext, u: AdminUnitRow) => (ctx.locale === "en" && u.fullNameEn ? u.fullNameEn : u.fullName);
const dateOf = (ctx: PageContext, d: Date | string | null) => (d ? formatDate(new Date(d), ctx.locale) : "—");
const timeOf = (ctx: PageContext, d: Date | string | null) => (d ? formatDateTime(new Date(d), ctx.locale) : "—");
const stateTone = (state: string) => (state === "returned" || state === "resultReady" ? "green" : state === "refused" || state === "supplementRequested" ? "red" : state === "draft" || state === "cancelled" ? "grey" : undefined);
const actionLabel = (t: Translate, action: string) => t(`dossiers.action.${action}` as MessageKey);

/** A body field as text ("" when absent or a file). */
const textOf = (body: Record<string, unknown>, k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
/** A chosen file; a file input left empty arrives as a nameless, empty File. */
const fileOf = (body: Record<string, unknown>, k: string): File | null => {
  const v = body[k];
  return v instanceof File && (v.size > 0 || v.name !== "") ? v : null;
};
const textValues = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([k, v]) => !k.startsWith("_") && typeof v === "string")) as Record<string, string>;

export function registerDossierCitizenPages(app: Hono<AppEnv>, web: WebContext, opts: CitizenPageOptions = {}) {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  const page = (c: Context<AppEnv>) => pageContext(c, web.assets, takeFlash(c, secure));
  const uploadHint = (t: Translate) => t("dossiers.citizen.uploadHint", uploadMessageParams({ maxBytes: deps.config.uploadMaxBytes }));

  /** Pages need a signed-in person; a GET goes to the sign-in page and comes back here, query included. */
  const signedIn = (c: Context<AppEnv>): Principal | Response => {
    const p = c.var.principal;
    if (p) return p;
    if (c.req.method !== "GET") throw new AppError("unauthenticated", "error.unauthenticated");
    const url = new URL(c.req.url);
    return c.redirect(`/sign-in?next=${encodeURIComponent(`${url.pathname}${url.search}`)}`, 303);
  };

  // --- the application form -------------------------------------------------------------------

  type CommuneChoice = { groups: { label: string; options: { value: string; label: string }[] }[]; options: { value: string; label: string }[] };

  /** Every commune of the served provinces by province, or, when searching, the matches only. */
  async function communeChoice(ctx: PageContext, q: string, selected: string | undefined): Promise<CommuneChoice> {
    const opt = (u: AdminUnitRow) => ({ value: u.code, label: unitName(ctx, u) });
    if (q.trim().length >= 2) {
      const found = await searchAdminUnits(deps, { q: q.slice(0, 100), level: "commune", limit: 50 });
      const options = found.items.map(opt);
      // Keep the current choice selectable even when the search does not find it.
      if (selected && !options.some((o) => o.value === selected)) options.unshift({ value: selected, label: selected });
      return { groups: [], options };
    }
    const groups = [];
    for (const province of await listServedProvinces(deps)) {
      const options: { value: string; label: string }[] = [];
      let cursor: string | undefined;
      do {
        const pageOf = await listAdminUnitChildren(deps, province.code, { cursor, limit: 500 });
        options.push(...pageOf.items.filter((u) => u.level === "commune").map(opt));
        cursor = pageOf.nextCursor ?? undefined;
      } while (cursor);
      groups.push({ label: unitName(ctx, province), options });
    }
    return { groups, options: [] };
  }

  /** The commune the citizen most likely applies to: their grant's commune, if any. */
  const homeCommune = (p: Principal) => p.grants.map((g) => g.unitCode.slice(0, 5)).find((code) => /^\d{5}$/.test(code));

  type ApplyState = {
    procedure: ProcedureRecord;
    form: FormState;
    idempotencyKey: string;
    draft: DossierRow | null;
    attached: AttachedDocument[];
  };

  async function applyPage(c: Context<AppEnv>, p: Principal, s: ApplyState, status: 200 | 400 = 200) {
    const ctx = page(c);
    const { t } = ctx;
    const def = s.procedure.definition;
    const communeQ = c.req.query("communeQ") ?? "";
    const communes = await communeChoice(ctx, communeQ, s.form.values.communeCode);
    const slots = documentSlots(def);
    const vault: VaultOption[] = slots.some((d) => d.fromVault) && p.kind === "citizen"
      ? (await listVault(deps, ctxOf(c), p.userId)).map((v) => ({ id: v.id, title: v.title }))
      : [];
    const action = s.draft ? `/dossiers/${s.draft.id}/edit` : "/dossiers/new";
    const searchAction = s.draft ? action : "/dossiers/new";
    const title = s.draft ? t("dossiers.citizen.editTitle") : t("dossiers.citizen.applyTitle");
    // Officers and volunteers file for a citizen who asked for help: the citizen's consent is recorded.
    const assisting = p.kind !== "citizen";
    return c.html(
      <Layout ctx={ctx} title={`${title}: ${def.name}`}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { href: `/procedures/${encodeURIComponent(def.code)}`, label: def.name }, { label: title }]} />
        <ErrorSummary t={t} errors={s.form.errors} labels={{ ...dossierFieldLabels(t, def), "assistedConsent.method": t("dossiers.citizen.assistedConsent") }} />
        <h1>
          <span class="hint">{title}</span> {def.name}
        </h1>
        <p>{t("dossiers.citizen.applyLead")}</p>
        <h2 id="commune">{t("dossiers.citizen.communeSection")}</h2>
        <form class="search-form" method="get" action={searchAction} role="search">
          {!s.draft && <input type="hidden" name="procedure" value={def.code} />}
          <TextField t={t} form={{ values: { communeQ }, errors: [] }} name="communeQ" type="search" label={t("dossiers.citizen.communeSearch")} hint={t("dossiers.citizen.communeSearchHint")} />
          <button type="submit" class="button button--secondary">{t("dossiers.citizen.communeSearchButton")}</button>
        </form>
        <form method="post" action={action} enctype="multipart/form-data" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="procedure" value={def.code} />
          <input type="hidden" name="idempotencyKey" value={s.idempotencyKey} />
          <Select t={t} form={s.form} name="communeCode" label={t("dossiers.citizen.commune")} options={communes.options} groups={communes.groups} placeholder={t("dossiers.citizen.communeChoose")} required />
          <h2>{t("dossiers.citizen.applicantSection")}</h2>
          {assisting ? (
            <>
              <p class="hint">{t("dossiers.citizen.assistedLead")}</p>
              <RadioGroup
                t={t}
                form={s.form}
                name="assistedConsent.method"
                legend={t("dossiers.citizen.assistedConsent")}
                hint={t("dossiers.citizen.assistedConsentHint")}
                options={(["signature", "verbal", "fingerprint"] as const).map((m) => ({ value: m, label: t(`dossiers.consent.${m}`) }))}
                required
              />
              <Field t={t} form={s.form} name="assistedConsent.note" label={t("dossiers.citizen.assistedNote")} />
            </>
          ) : (
            <p class="hint">
              {t("dossiers.citizen.applicantFromProfile")} <a href="/me/profile">{t("dossiers.citizen.profileLink")}</a>
            </p>
          )}
          <ApplicantFields t={t} form={s.form} self={!assisting} />
          {def.form.some((f) => f.type !== "file") && (
            <>
              <h2>{t("dossiers.citizen.formSection")}</h2>
              <DossierFormFields t={t} form={s.form} fields={def.form} prefillHint={t("dossiers.citizen.sameAsApplicant")} hidePrefilled />
            </>
          )}
          {slots.length > 0 && (
            <>
              <h2>{t("dossiers.citizen.documents")}</h2>
              <DocumentInputs t={t} form={s.form} slots={slots} attached={s.attached} vault={vault} uploadHint={uploadHint(t)} />
            </>
          )}
          <h2>{t("dossiers.citizen.deliverySection")}</h2>
          <DeliveryFields t={t} form={s.form} methods={def.deliveryMethods} />
          <h2>{t("dossiers.citizen.feeSection")}</h2>
          <FeeList ctx={ctx} def={def} total={s.procedure.totalFee} />
          <Button name="intent" value="submit">{t("dossiers.citizen.submit")}</Button>
          <Button name="intent" value="draft" variant="secondary">{t("dossiers.citizen.saveDraft")}</Button>
        </form>
      </Layout>,
      status,
    );
  }

  const attachedOf = (view: Pick<DossierView, "documents" | "dossier">): AttachedDocument[] =>
    view.documents.filter((d) => d.round === 0).map((d) => ({ requirementKey: d.requirementKey, name: d.name, href: `/me/dossiers/${view.dossier.id}/files/${d.id}` }));

  async function loadDraft(c: Context<AppEnv>, p: Principal, id: string) {
    const view = await getDossier(deps, ctxOf(c), id);
    // Only whoever filed the draft edits it; an officer who may read it still gets "not found" here.
    if (view.dossier.filedByUserId !== p.userId) throw new AppError("not_found", "error.notFound");
    return view;
  }

  app.get("/dossiers/new", async (c) => {
    const p = signedIn(c);
    if (p instanceof Response) return p;
    const code = c.req.query("procedure") ?? "";
    const procedure = await getProcedure(deps, code);
    const def = procedure.definition;
    if (!procedure.active || def.onlineLevel === "none") {
      const ctx = page(c);
      return c.html(
        <Layout ctx={ctx} title={def.name}>
          <h1>{def.name}</h1>
          <p>{ctx.t("dossiers.citizen.notOnline")}</p>
          <p>
            <a href={`/procedures/${encodeURIComponent(def.code)}`}>{ctx.t("dossiers.citizen.procedureDetails")}</a>
          </p>
        </Layout>,
      );
    }
    // A helper's own profile must not end up as the applicant's details.
    const profile = p.kind === "citizen" ? await getProfileForPrefill(deps, p.userId) : null;
    const commune = c.req.query("commune");
    const values = prefillFromProfile(def.form, profile, {
      ...(commune && /^\d{5}$/.test(commune) ? { communeCode: commune } : homeCommune(p) ? { communeCode: homeCommune(p)! } : {}),
      ...(def.deliveryMethods.length === 1 ? { "delivery.method": def.deliveryMethods[0]! } : {}),
    });
    return applyPage(c, p, { procedure, form: emptyForm(values), idempotencyKey: randomUUID(), draft: null, attached: [] });
  });

  app.get("/dossiers/:id/edit", async (c) => {
    const p = signedIn(c);
    if (p instanceof Response) return p;
    const view = await loadDraft(c, p, c.req.param("id"));
    if (view.dossier.state !== "draft") return c.redirect(`/me/dossiers/${view.dossier.id}`, 303);
    const procedure = await getProcedure(deps, view.procedure.code);
    const values = flattenDossierValues({ applicant: view.dossier.applicant, formData: view.dossier.formData, delivery: view.dossier.delivery, communeCode: view.dossier.communeCode });
    return applyPage(c, p, { procedure, form: emptyForm(values), idempotencyKey: view.dossier.idempotencyKey ?? randomUUID(), draft: view.dossier, attached: attachedOf(view) });
  });

  async function submitApplication(c: Context<AppEnv>, draftId: string | null) {
    const p = signedIn(c) as Principal;
    const body = await c.req.parseBody();
    const values = textValues(body);
    const draftView = draftId ? await loadDraft(c, p, draftId) : null;
    const procedure = await getProcedure(deps, draftView?.procedure.code ?? values.procedure ?? "");
    const def = procedure.definition;
    const documents: DocumentInput[] = [];
    for (const slot of documentSlots(def)) {
      const file = fileOf(body, `doc.${slot.key}`);
      const vaultItemId = values[`vault.${slot.key}`];
      if (file) documents.push({ requirementKey: slot.key, upload: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
      else if (vaultItemId && UUID.test(vaultItemId)) documents.push({ requirementKey: slot.key, vaultItemId });
    }
    const nonEmpty = (prefix: string) =>
      Object.fromEntries(Object.entries(values).filter(([k, v]) => k.startsWith(prefix) && v.trim() !== "").map(([k, v]) => [k.slice(prefix.length), v.trim()]));
    const key = values.idempotencyKey ?? "";
    const intent = values.intent === "draft" ? "draft" : "submit";
    const again = async (errors: FieldError[], draft: DossierView | null) => {
      const fresh = draft ? await getProcedure(deps, draft.procedure.code) : procedure;
      return applyPage(c, p, { procedure: fresh, form: { values, errors }, idempotencyKey: IDEMPOTENCY_KEY.test(key) ? key : randomUUID(), draft: draft?.dossier ?? null, attached: draft ? attachedOf(draft) : [] }, 400);
    };
    try {
      const { dossier } = await fileDossier(deps, ctxOf(c), {
        dossierId: draftId ?? undefined,
        idempotencyKey: IDEMPOTENCY_KEY.test(key) ? key : null,
        procedureCode: def.code,
        communeCode: values.communeCode ?? "",
        applicant: nonEmpty("applicant."),
        form: nestFormFields(fillFromApplicant(def.form, values)),
        documents,
        delivery: nonEmpty("delivery."),
        assistedConsent: p.kind !== "citizen" ? nonEmpty("assistedConsent.") : null,
        channel: "online",
        intent,
      });
      if (dossier.state === "draft") {
        setFlash(c, "flash.saved", secure);
        return c.redirect(`/dossiers/${dossier.id}/edit`, 303);
      }
      return c.redirect(`/me/dossiers/${dossier.id}?submitted=1`, 303);
    } catch (err) {
      // The draft with this submission's uploads was kept: show it, so that only what is missing is asked again.
      if (err instanceof DraftKeptError) return again(err.fields, await loadDraft(c, p, err.dossierId));
      if (err instanceof AppError && err.code === "validation" && err.fields.length > 0) return again(err.fields, draftView);
      throw err;
    }
  }

  app.post("/dossiers/new", (c) => submitApplication(c, null));
  app.post("/dossiers/:id/edit", (c) => submitApplication(c, c.req.param("id")));

  // --- my dossiers ----------------------------------------------------------------------------

  app.get("/me/dossiers", async (c) => {
    const p = signedIn(c);
    if (p instanceof Response) return p;
    const ctx = page(c);
    const { t } = ctx;
    const rows = await myDossiers(deps, ctxOf(c));
    return c.html(
      <Layout ctx={ctx} title={t("dossiers.citizen.myTitle")}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("dossiers.citizen.myTitle") }]} />
        <h1>{t("dossiers.citizen.myTitle")}</h1>
        {rows.length === 0 ? (
          <p>{t("dossiers.citizen.myEmpty")}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t("dossiers.citizen.myTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dossiers.citizen.code")}</th>
                  <th scope="col">{t("dossiers.citizen.procedure")}</th>
                  <th scope="col">{t("dossiers.citizen.state")}</th>
                  <th scope="col">{t("dossiers.citizen.dueAt")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr>
                    <td>
                      <a href={d.state === "draft" ? `/dossiers/${d.id}/edit` : `/me/dossiers/${d.id}`}>{d.code ?? t("dossiers.citizen.draftLink")}</a>
                    </td>
                    <td>{d.procedureName}</td>
                    <td>
                      <Tag tone={stateTone(d.state)}>{t(`dossiers.state.${d.state}`)}</Tag>
                    </td>
                    <td>{dateOf(ctx, d.dueAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <a href="/procedures">{t("dossiers.citizen.findProcedure")}</a>
        </p>
      </Layout>,
    );
  });

  type Panel = "cancel" | "rate" | "supplement";
  type PanelState = { which: Panel; form: FormState } | { which: "conflict" } | null;

  async function dossierPage(c: Context<AppEnv>, id: string, panel: PanelState = null, status: 200 | 400 | 409 = 200) {
    const ctx = page(c);
    const { t, csrfToken } = ctx;
    const view = await getDossier(deps, ctxOf(c), id);
    const d = view.dossier;
    if (d.state === "draft" && !panel) return c.redirect(`/dossiers/${d.id}/edit`, 303);
    const def = view.procedure.definition;
    const names = documentNames(def, view);
    // This page acts for the applicant; the desk answers and withdraws through its own pages.
    const mine = isApplicantSide(c.var.principal, d);
    const openRequest = mine && view.actions.includes("answerSupplement") ? view.supplements.find((r) => !r.answeredAt) : undefined;
    const result = view.documents.filter((x) => x.requirementKey === "result");
    // "documents" (nothing sent with the answer) is shown beside the first upload of the request.
    const firstItem = openRequest?.items[0]?.key;
    const errors = panel && panel.which !== "conflict" ? panel.form.errors.map((e) => (e.field === "documents" && firstItem ? { ...e, field: `documents.${firstItem}` } : e)) : [];
    const formFor = (which: Panel): FormState => (panel && panel.which === which ? { values: panel.form.values, errors } : emptyForm());
    const payment = opts.paymentPanel ? await opts.paymentPanel(c, d, ctx) : null;
    const fileHref = (docId: string) => `/me/dossiers/${d.id}/files/${docId}`;
    const submitted = c.req.query("submitted") === "1" && d.code;
    const national = NATIONAL_STATUS[d.state];
    return c.html(
      <Layout ctx={ctx} title={d.code ?? def.name}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { href: "/me/dossiers", label: t("dossiers.citizen.myTitle") }, { label: d.code ?? t("dossiers.citizen.draftLink") }]} />
        {panel?.which === "conflict" && (
          <div class="error-summary" role="alert" tabindex={-1} autofocus>
            <h2>{t("dossiers.citizen.conflictTitle")}</h2>
            <p>{t("dossiers.error.changedMeanwhile")}</p>
          </div>
        )}
        <ErrorSummary t={t} errors={errors} labels={{ reason: t("dossiers.citizen.cancelReason"), rating: t("dossiers.citizen.rating"), comment: t("dossiers.citizen.ratingComment"), note: t("dossiers.citizen.supplementNote"), ...supplementLabels(openRequest) }} />
        <h1>
          <span class="hint">{def.name}</span> {d.code ?? t("dossiers.citizen.draftLink")}
        </h1>
        {submitted && (
          <div class="notice notice--success" role="status">
            <h2>{t("dossiers.citizen.submittedTitle")}</h2>
            <p class="lead">
              {t("dossiers.citizen.yourCode")} <strong class="code-value">{d.code}</strong>
            </p>
            <p>{d.applicant.phone ? t("dossiers.citizen.smsSent", { phone: maskPhone(d.applicant.phone) }) : t("dossiers.citizen.keepCode")}</p>
            <p>
              <a href={`/status?code=${encodeURIComponent(d.code!)}`}>{t("dossiers.citizen.statusLink")}</a>
            </p>
          </div>
        )}
        <SummaryList
          rows={[
            [t("dossiers.citizen.state"), <><Tag tone={stateTone(d.state)}>{t(`dossiers.state.${d.state}`)}</Tag>{national !== null && <> {t("dossiers.citizen.nationalStatus", { n: national })}</>}</>],
            [t("dossiers.citizen.submittedAt"), timeOf(ctx, d.submittedAt)],
            [t("dossiers.citizen.receivedAt"), timeOf(ctx, d.receivedAt)],
            [t("dossiers.citizen.dueAt"), dateOf(ctx, d.dueAt)],
            ...(d.apologyDueAt ? ([[t("dossiers.citizen.newDueAt"), <strong>{dateOf(ctx, d.apologyDueAt)}</strong>]] as [string, Child][]) : []),
            [t("dossiers.citizen.deliveryMethod"), t(`dossiers.delivery.${d.delivery.method}`)],
          ]}
        />
        {result.length > 0 && (
          <>
            <h2>{t("dossiers.citizen.resultSection")}</h2>
            <ul>
              {result.map((r) => (
                <li>
                  <a href={fileHref(r.id)}>{t("dossiers.citizen.downloadResult", { name: def.resultName })}</a>
                </li>
              ))}
            </ul>
          </>
        )}
        {openRequest && (
          <>
            <h2 id="supplement">{t("dossiers.citizen.supplementSection")}</h2>
            <p>{t("dossiers.citizen.supplementLead", { date: dateOf(ctx, openRequest.requestedAt) })}</p>
            <ul>
              {openRequest.items.map((i) => (
                <li>{i.label}</li>
              ))}
            </ul>
            {openRequest.note && <p>{openRequest.note}</p>}
            <form method="post" action={`/me/dossiers/${d.id}/supplement`} enctype="multipart/form-data" novalidate>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="version" value={String(d.version)} />
              {openRequest.items.map((i) => (
                <FileInput t={t} form={formFor("supplement")} name={`doc.${i.key}`} errorName={`documents.${i.key}`} label={i.label} hint={uploadHint(t)} />
              ))}
              <Field t={t} form={formFor("supplement")} name="note" label={`${t("dossiers.citizen.supplementNote")} ${t("dossiers.citizen.optional")}`} kind="textarea" rows={3} />
              <Button>{t("dossiers.citizen.supplementSend")}</Button>
            </form>
          </>
        )}
        <h2>{t("dossiers.citizen.feeSection")}</h2>
        <FeePanel ctx={ctx} amount={d.feeAmount} status={d.feeStatus} def={def} payment={payment} />
        <h2>{t("dossiers.citizen.stepsSection")}</h2>
        <ol>
          {view.events.map((e) => (
            <li>
              <strong>{actionLabel(t, e.action)}</strong> – {timeOf(ctx, e.at)}
              {e.reason && REASON_SHOWN.has(e.action) && <><br />{e.reason}</>}
            </li>
          ))}
        </ol>
        {view.documents.length > 0 && (
          <>
            <h2>{t("dossiers.citizen.documents")}</h2>
            <ul>
              {view.documents.map((doc) => (
                <li>
                  {names(doc.requirementKey, doc.round)}: <a href={fileHref(doc.id)}>{doc.name}</a>
                </li>
              ))}
            </ul>
          </>
        )}
        {mine && view.actions.includes("rate") && (
          <>
            <h2 id="rate">{t("dossiers.citizen.rateSection")}</h2>
            <form method="post" action={`/me/dossiers/${d.id}/rate`} novalidate>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="version" value={String(d.version)} />
              <RadioGroup
                t={t} form={formFor("rate")} name="rating" legend={t("dossiers.citizen.rating")}
                options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`dossiers.citizen.rating${n}` as MessageKey) }))}
              />
              <Field t={t} form={formFor("rate")} name="comment" label={`${t("dossiers.citizen.ratingComment")} ${t("dossiers.citizen.optional")}`} kind="textarea" rows={3} />
              <Button>{t("dossiers.citizen.rateSend")}</Button>
            </form>
          </>
        )}
        {mine && view.actions.includes("cancel") && (
          <>
            <h2 id="cancel">{t("dossiers.citizen.cancelSection")}</h2>
            <p>{t("dossiers.citizen.cancelLead")}</p>
            <form method="post" action={`/me/dossiers/${d.id}/cancel`} novalidate>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="version" value={String(d.version)} />
              <Field t={t} form={formFor("cancel")} name="reason" label={t("dossiers.citizen.cancelReason")} kind="textarea" rows={3} required />
              <Button variant="warning">{t("dossiers.citizen.cancelSend")}</Button>
            </form>
          </>
        )}
        {d.code && (
          <p>
            <a href={`/status?code=${encodeURIComponent(d.code)}`}>{t("dossiers.citizen.statusLink")}</a>
          </p>
        )}
      </Layout>,
      status,
    );
  }

  app.get("/me/dossiers/:id", async (c) => {
    const p = signedIn(c);
    if (p instanceof Response) return p;
    return dossierPage(c, c.req.param("id"));
  });

  app.get("/me/dossiers/:id/files/:docId", async (c) => {
    const p = signedIn(c);
    if (p instanceof Response) return p;
    return fileResponse(await getDossierFile(deps, ctxOf(c), c.req.param("id"), c.req.param("docId")));
  });

  /** Runs one applicant action from a page form; field errors and "changed meanwhile" come back on the dossier's page. */
  async function act(c: Context<AppEnv>, which: Panel, values: Record<string, string>, req: Omit<ActRequest, "version">) {
    signedIn(c);
    const id = c.req.param("id") ?? "";
    const version = Number(values.version);
    try {
      await actOnDossier(deps, ctxOf(c), id, { ...req, version: Number.isInteger(version) && version > 0 ? version : 0 } as ActRequest);
    } catch (err) {
      if (err instanceof AppError && err.code === "conflict") return dossierPage(c, id, { which: "conflict" }, 409);
      if (err instanceof AppError && err.code === "validation" && err.fields.length > 0) return dossierPage(c, id, { which, form: { values, errors: err.fields } }, 400);
      throw err;
    }
    setFlash(c, "flash.saved", secure);
    return c.redirect(`/me/dossiers/${id}`, 303);
  }

  app.post("/me/dossiers/:id/cancel", async (c) => {
    const values = textValues(await c.req.parseBody());
    return act(c, "cancel", values, { action: "cancel", reason: values.reason?.trim() ?? "" });
  });

  app.post("/me/dossiers/:id/rate", async (c) => {
    const values = textValues(await c.req.parseBody());
    const rating = Number(values.rating);
    return act(c, "rate", values, { action: "rate", rating: Number.isInteger(rating) ? rating : 0, note: values.comment?.trim() || undefined });
  });

  app.post("/me/dossiers/:id/supplement", async (c) => {
    const body = await c.req.parseBody();
    const values = textValues(body);
    const documents: DocumentInput[] = [];
    for (const name of Object.keys(body)) {
      const m = /^doc\.(item\d{1,2})$/.exec(name);
      const file = m ? fileOf(body, name) : null;
      if (m && file) documents.push({ requirementKey: m[1]!, upload: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
    }
    return act(c, "supplement", values, { action: "answerSupplement", note: values.note?.trim() || undefined, documents });
  });

  // --- public status look-up --------------------------------------------------------------------

  const statusLabels = (t: Translate) => ({ code: t("dossiers.citizen.statusCode"), last4: t("dossiers.citizen.statusLast4") });

  function statusPage(c: Context<AppEnv>, form: FormState, result: PublicStatus | null, status: 200 | 400 | 404 | 429 = 200) {
    const ctx = page(c);
    const { t } = ctx;
    return c.html(
      <Layout ctx={ctx} title={t("dossiers.citizen.statusTitle")}>
        <ErrorSummary t={t} errors={form.errors} labels={statusLabels(t)} />
        <h1>{t("dossiers.citizen.statusTitle")}</h1>
        {result ? <StatusResult ctx={ctx} s={result} /> : <p>{t("dossiers.citizen.statusLead")}</p>}
        {result && <h2>{t("dossiers.citizen.statusAgain")}</h2>}
        <form method="post" action="/status" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField t={t} form={form} name="code" label={t("dossiers.citizen.statusCode")} hint={t("dossiers.citizen.statusCodeHint")} autocomplete="off" required />
          <TextField t={t} form={form} name="last4" label={t("dossiers.citizen.statusLast4")} hint={t("dossiers.citizen.statusLast4Hint")} inputmode="numeric" autocomplete="off" required />
          <Button>{t("dossiers.citizen.statusSend")}</Button>
        </form>
      </Layout>,
      status,
    );
  }

  app.get("/status", (c) => {
    const code = (c.req.query("code") ?? "").slice(0, 60);
    return statusPage(c, emptyForm(code ? { code } : {}), null);
  });

  app.post("/status", async (c) => {
    const values = textValues(await c.req.parseBody());
    const form = { code: values.code ?? "", last4: values.last4 ?? "" };
    const parsed = validateForm(StatusLookupInput, form);
    if (!parsed.ok) return statusPage(c, { values: form, errors: parsed.errors }, null, 400);
    try {
      const result = await lookupStatus(deps, c.var.t, { ...parsed.data, client: clientIp(c, deps.config.trustProxy) });
      return statusPage(c, emptyForm(), result);
    } catch (err) {
      if (err instanceof AppError && err.code === "not_found") return statusPage(c, { values: form, errors: err.fields }, null, 404);
      if (err instanceof AppError && err.code === "too_many_requests") {
        return statusPage(c, { values: form, errors: [{ field: "code", code: "throttled", message: err.messageKey, params: err.params }] }, null, 429);
      }
      throw err;
    }
  });
}

// --- pieces -------------------------------------------------------------------------------------

function FileInput(p: { t: Translate; form: FormState; name: string; errorName: string; label: string; hint: string }) {
  const err = p.form.errors.find((e) => e.field === p.errorName);
  const id = fieldId(p.errorName);
  return (
    <div class={err ? "field field--error" : "field"}>
      <label for={id}>{p.label}</label>
      <span class="hint" id={`${id}-hint`}>{p.hint}</span>
      {err && (
        <span class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{p.t("form.errorPrefix")}</span> {localizeField(err, p.t, p.label)}
        </span>
      )}
      <input type="file" id={id} name={p.name} accept={ACCEPT_UPLOADS} aria-describedby={err ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={err ? "true" : undefined} />
    </div>
  );
}

/** Error-summary labels of a supplement request's upload inputs. */
function supplementLabels(r: { items: { key: string; label: string }[] } | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of r?.items ?? []) out[`documents.${i.key}`] = i.label;
  return out;
}

/** The name of a dossier document: the procedure's document, the result, or the supplement item it answered. */
function documentNames(def: ProcedureDefinition, view: DossierView) {
  const slots = new Map(documentSlots(def).map((s) => [s.key, s.name]));
  const items = new Map(view.supplements.flatMap((r) => r.items.map((i) => [`${r.round}:${i.key}`, i.label] as const)));
  return (key: string, round: number) => (key === "result" ? def.resultName : (items.get(`${round}:${key}`) ?? slots.get(key) ?? key));
}

function FeeList(props: { ctx: PageContext; def: ProcedureDefinition; total: number }) {
  const { t, locale } = props.ctx;
  if (props.def.fees.length === 0 || props.total === 0) {
    return (
      <>
        <p>{t("dossiers.citizen.feeNone")}</p>
        {props.def.fees.filter((f) => f.exemptions).map((f) => <p class="hint">{f.exemptions}</p>)}
      </>
    );
  }
  return (
    <>
      <ul>
        {props.def.fees.map((f) => (
          <li>
            {f.label}: <strong>{formatMoney(f.amount, locale)}</strong>
            {f.exemptions && <span class="hint">{f.exemptions}</span>}
          </li>
        ))}
      </ul>
      <p>
        {t("dossiers.citizen.feeTotal")} <strong>{formatMoney(props.total, locale)}</strong>. {t("dossiers.citizen.feeWhen")}
      </p>
    </>
  );
}

/**
 * The fee and its state. `payment` is the slot for the payments module's panel (VietQR SVG, bank
 * transfer details); without it the page still says what is owed and whether it is paid.
 */
export function FeePanel(props: { ctx: PageContext; amount: number; status: DossierRow["feeStatus"]; def: ProcedureDefinition; payment?: Child | null }) {
  const { t, locale } = props.ctx;
  if (props.amount === 0) return <p>{t("dossiers.citizen.feeNone")}</p>;
  return (
    <>
      <SummaryList
        rows={[
          [t("dossiers.citizen.feeAmount"), formatMoney(props.amount, locale)],
          [t("dossiers.citizen.feeStatus"), <Tag tone={props.status === "paid" || props.status === "exempt" ? "green" : props.status === "unpaid" ? "red" : "grey"}>{t(`dossiers.citizen.fee.${props.status}`)}</Tag>],
        ]}
      />
      {props.def.fees.filter((f) => f.exemptions).map((f) => <p class="hint">{f.exemptions}</p>)}
      {props.status === "unpaid" && (props.payment ?? <p>{t("dossiers.citizen.feePayAtDesk")}</p>)}
    </>
  );
}

function StatusResult(props: { ctx: PageContext; s: PublicStatus }) {
  const { ctx, s } = props;
  const { t } = ctx;
  return (
    <>
      <h2>{t("dossiers.citizen.statusResult", { code: s.code })}</h2>
      <SummaryList
        rows={[
          [t("dossiers.citizen.procedure"), s.procedureName],
          [t("dossiers.citizen.applicantName"), s.applicantName],
          [t("dossiers.citizen.state"), <>{s.stateLabel}{s.nationalStatus !== null && <> {t("dossiers.citizen.nationalStatus", { n: s.nationalStatus })}</>}</>],
          [t("dossiers.citizen.submittedAt"), timeOf(ctx, s.submittedAt)],
          [t("dossiers.citizen.receivedAt"), timeOf(ctx, s.receivedAt)],
          [t("dossiers.citizen.dueAt"), dateOf(ctx, s.dueAt)],
          ...(s.newDueAt ? ([[t("dossiers.citizen.newDueAt"), <strong>{dateOf(ctx, s.newDueAt)}</strong>]] as [string, Child][]) : []),
          ...(s.returnedAt ? ([[t("dossiers.citizen.returnedAt"), timeOf(ctx, s.returnedAt)]] as [string, Child][]) : []),
        ]}
      />
      <h3>{t("dossiers.citizen.stepsSection")}</h3>
      <ol>
        {s.steps.map((step) => (
          <li>
            {step.label} – {timeOf(ctx, step.at)}
          </li>
        ))}
      </ol>
    </>
  );
}
