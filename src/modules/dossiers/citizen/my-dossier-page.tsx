// One dossier as its applicant sees it: status, result, the open supplement request, fee, steps, rating, withdrawal.
import type { Context } from "hono";
import { pauseGroundLabel, pauseGroundOf } from "../pause-grounds.ts";
import type { Child } from "hono/jsx";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { fileResponse } from "../../../platform/http/file-response.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, type FormState, SummaryList, Tag } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import { maskPhone } from "../../citizens/index.ts";
import type { ProcedureDefinition } from "../../procedures/index.ts";
import { isApplicantSide } from "../dossier-access.ts";
import { ACCEPT_UPLOADS, documentSlots, Field, RadioGroup } from "../dossier-form.tsx";
import { nationalStatusOf } from "../dossier-workflow.ts";
import type { DossierRow } from "../dossiers.model.ts";
import { getDossier } from "../use-cases/get-dossier.ts";
import { getDossierFile } from "../use-cases/get-dossier-file.ts";
import type { DossierView } from "../dossiers.model.ts";
import { actionLabel, type CitizenWeb, dateOf, stateTone, timeOf } from "./citizen-context.ts";
import { FeePanel } from "./fee.tsx";
import { OriginalsSeenList, supplementItemText } from "../dossier-records.tsx";

/** What the payments module puts on a dossier's page (the VietQR SVG and how to pay); null when nothing is due. */
export type PaymentPanel = (c: Context<AppEnv>, dossier: DossierRow, ctx: PageContext) => Promise<Child | null>;
export type CitizenPageOptions = { paymentPanel?: PaymentPanel };

/** Actions whose reason the applicant is owed (refusal, withdrawal, delay, pause, what to supply). */
const REASON_SHOWN = new Set(["refuse", "cancel", "apologise", "pause", "requestSupplement"]);

export type Panel = "cancel" | "rate" | "supplement";
export type PanelState = { which: Panel; form: FormState } | { which: "conflict" } | null;

export function myDossierPages(citizen: CitizenWeb, opts: CitizenPageOptions) {
  const { deps, page, uploadHint, signedIn } = citizen;

  async function dossierPage(c: Context<AppEnv>, id: string, panel: PanelState = null, status: 200 | 400 | 409 | 429 = 200) {
    const ctx = page(c);
    const { t, csrfToken } = ctx;
    const view = await getDossier(deps, ctxOf(c), id);
    const d = view.dossier;
    if (d.state === "draft" && !panel) return c.redirect(`/dossiers/${d.id}/edit`, 303);
    const def = view.procedure.definition;
    const names = documentNames(def, view);
    // This page acts for the applicant; the desk answers and withdraws through its own pages.
    const mine = isApplicantSide(c.get("principal"), d);
    const openRequest = mine && view.actions.includes("answerSupplement") ? view.supplements.find((r) => !r.answeredAt) : undefined;
    const result = view.documents.filter((x) => x.requirementKey === "result");
    // "documents" (nothing sent with the answer) is shown beside the first upload of the request.
    const firstItem = openRequest?.items[0]?.key;
    const errors =
      panel && panel.which !== "conflict"
        ? panel.form.errors.map((e) => (e.field === "documents" && firstItem ? { ...e, field: `documents.${firstItem}` } : e))
        : [];
    const formFor = (which: Panel): FormState => (panel && panel.which === which ? { values: panel.form.values, errors } : emptyForm());
    const payment = opts.paymentPanel ? await opts.paymentPanel(c, d, ctx) : null;
    const fileHref = (docId: string) => `/me/dossiers/${d.id}/files/${docId}`;
    const submitted = c.req.query("submitted") === "1" && d.code;
    const national = nationalStatusOf(d);
    return c.html(
      <Layout ctx={ctx} title={d.code ?? def.name}>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/", label: t("nav.home") },
            { href: "/me/dossiers", label: t("dossiers.citizen.myTitle") },
            { label: d.code ?? t("dossiers.citizen.draftLink") },
          ]}
        />
        {panel?.which === "conflict" && (
          <div class="error-summary" role="alert" tabindex={-1} autofocus>
            <h2>{t("dossiers.citizen.conflictTitle")}</h2>
            <p>{t("dossiers.error.changedMeanwhile")}</p>
          </div>
        )}
        <ErrorSummary
          t={t}
          errors={errors}
          labels={{
            reason: t("dossiers.citizen.cancelReason"),
            rating: t("dossiers.citizen.rating"),
            comment: t("dossiers.citizen.ratingComment"),
            note: t("dossiers.citizen.supplementNote"),
            ...supplementLabels(openRequest),
          }}
        />
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
            [
              t("dossiers.citizen.state"),
              <>
                <Tag tone={stateTone(d.state)}>{t(`dossiers.state.${d.state}`)}</Tag>
                {national !== null && <> {t("dossiers.citizen.nationalStatus", { n: national })}</>}
              </>,
            ],
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
                <li>{supplementItemText(ctx, i)}</li>
              ))}
            </ul>
            {openRequest.note && <p>{openRequest.note}</p>}
            <form method="post" action={`/me/dossiers/${d.id}/supplement`} enctype="multipart/form-data" novalidate>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="version" value={String(d.version)} />
              {openRequest.items.map((i) => (
                <Field
                  t={t}
                  form={formFor("supplement")}
                  kind="file"
                  accept={ACCEPT_UPLOADS}
                  name={`doc.${i.key}`}
                  errorName={`documents.${i.key}`}
                  label={i.label}
                  hint={uploadHint(t)}
                />
              ))}
              <Field
                t={t}
                form={formFor("supplement")}
                name="note"
                label={`${t("dossiers.citizen.supplementNote")} ${t("dossiers.citizen.optional")}`}
                kind="textarea"
                rows={3}
              />
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
              {pauseGroundOf(e) && (
                <>
                  <br />
                  {pauseGroundLabel(t, pauseGroundOf(e)!)}
                </>
              )}
              {e.reason && REASON_SHOWN.has(e.action) && (
                <>
                  <br />
                  {e.reason}
                </>
              )}
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
        <OriginalsSeenList ctx={ctx} seen={view.originalsSeen} docName={(key) => names(key, 0)} level={2} />
        {mine && view.actions.includes("rate") && (
          <>
            <h2 id="rate">{t("dossiers.citizen.rateSection")}</h2>
            <form method="post" action={`/me/dossiers/${d.id}/rate`} novalidate>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="version" value={String(d.version)} />
              <RadioGroup
                t={t}
                form={formFor("rate")}
                name="rating"
                legend={t("dossiers.citizen.rating")}
                options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`dossiers.citizen.rating${n}` as MessageKey) }))}
              />
              <Field
                t={t}
                form={formFor("rate")}
                name="comment"
                label={`${t("dossiers.citizen.ratingComment")} ${t("dossiers.citizen.optional")}`}
                kind="textarea"
                rows={3}
              />
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

  /** GET /me/dossiers/:id */
  const show = async (c: Context<AppEnv>, id: string) => {
    const p = signedIn(c);
    if (p instanceof Response) return p;
    return dossierPage(c, id);
  };

  /** GET /me/dossiers/:id/files/:docId */
  const sendFile = async (c: Context<AppEnv>, id: string, docId: string) => {
    const p = signedIn(c);
    if (p instanceof Response) return p;
    return fileResponse(c, await getDossierFile(deps, ctxOf(c), id, docId));
  };

  return { dossierPage, show, sendFile };
}

// --- pieces -------------------------------------------------------------------------------------

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
