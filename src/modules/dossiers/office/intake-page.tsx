// Walk-in intake: the officer picks a procedure, then types the dossier from the papers the citizen hands in.
import type { Context } from "hono";
import { randomUUID } from "node:crypto";
import { authorise } from "../../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError, setRetryAfter } from "../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  type FieldLabels,
  type FormState,
  inFieldOrder,
  Pagination,
} from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { type AdminUnitRow, getAdminUnit } from "../../admin-units/index.ts";
import { getProcedure, searchProcedures, type ProcedureRecord } from "../../procedures/index.ts";
import { nestApplicant, OrganisationFields } from "../applicant-organisation.tsx";
import {
  ACCEPT_UPLOADS,
  ApplicantFields,
  applicantKeysRequired,
  DeliveryFields,
  DocumentInputs,
  DossierFormFields,
  dossierDateFields,
  dossierFieldLabels,
  dossierFieldOrder,
  documentSlots,
  Field,
  foldPrefilledErrors,
  RadioGroup,
} from "../dossier-form.tsx";
import { nestFormFields } from "../form-data.ts";
import { CodesExhaustedError, CONSENT_PHOTO_KEY, fileDossier } from "../use-cases/file-dossier.ts";
import { readDayFields, withDayErrors } from "../../../platform/text/day-input.ts";
import { Input } from "./fields.tsx";
import { textFields, uploadsOf } from "./form-body.ts";
import { type OfficeWeb, pickCommune } from "./office-context.ts";
import { requireSignedIn } from "../../../platform/http/page-kit.ts";
import { isUuid } from "../../../platform/db/uuid.ts";

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
    "assistedConsent.photo": t("dossiers.citizen.assistedPhoto"),
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
          t={t}
          form={form}
          name="channel"
          legend={t("dossiers.office.intake.channel")}
          options={(["counter", "post"] as const).map((ch) => ({ value: ch, label: t(`dossiers.channel.${ch}`) }))}
        />
        <h2>{t("dossiers.office.intake.applicant")}</h2>
        <OrganisationFields t={t} form={form} />
        <ApplicantFields t={t} form={form} self={false} required={applicantKeysRequired(def)} />
        {def.form.some((f) => f.type !== "file") && (
          <>
            <h2>{t("dossiers.office.form.title")}</h2>
            <DossierFormFields t={t} form={form} fields={def.form} hidePrefilled />
          </>
        )}
        <h2>{t("dossiers.office.documents.title")}</h2>
        <p>{t("dossiers.office.intake.scans")}</p>
        <DocumentInputs
          t={t}
          form={form}
          slots={documentSlots(def)}
          uploadHint={t("dossiers.office.intake.scanHint")}
          originalSeenKeys={new Set(def.documents.map((d) => d.key))}
        />
        <h2>{t("dossiers.office.summary.delivery")}</h2>
        <DeliveryFields t={t} form={form} methods={def.deliveryMethods} />
        <h2>{t("dossiers.office.intake.consent")}</h2>
        <RadioGroup
          t={t}
          form={form}
          name="assistedConsent.method"
          legend={t("dossiers.office.intake.consentMethod")}
          hint={t("dossiers.office.intake.consentHint")}
          options={(["signature", "verbal", "fingerprint"] as const).map((m) => ({ value: m, label: t(`dossiers.consent.${m}`) }))}
        />
        <Field t={t} form={form} name="assistedConsent.note" label={t("dossiers.office.intake.consentNote")} kind="textarea" rows={2} />
        <Field
          t={t}
          form={form}
          name="assistedConsent.photo"
          kind="file"
          label={`${t("dossiers.citizen.assistedPhoto")} ${t("dossiers.citizen.optional")}`}
          hint={t("dossiers.office.intake.scanHint")}
          accept={ACCEPT_UPLOADS}
        />
        <Button>{t("dossiers.office.intake.submit")}</Button>
      </form>
    </Layout>
  );
}

export function intakePages(office: OfficeWeb) {
  const { deps, secure, page } = office;

  /** GET /office/desk/intake: the procedure search, or the form once ?procedure is chosen. */
  const intakePage = async (c: Context<AppEnv>, state: IntakeState | null, status: 200 | 400 | 429 | 503 = 200) => {
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
          <Breadcrumbs
            t={t}
            items={[
              { href: "/office", label: t("nav.office") },
              { href: `/office/desk?commune=${commune.code}`, label: t("dossiers.office.desk.title") },
              { label: t("dossiers.office.intake.title") },
            ]}
          />
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
                  <a href={`/office/desk/intake?commune=${commune.code}&procedure=${encodeURIComponent(x.code)}`}>{x.name}</a>{" "}
                  <code class="nowrap">{x.code}</code>
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

  /** POST /office/desk/intake: files the dossier as received at the counter (or by post). */
  const submit = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const body = await c.req.parseBody({ all: true });
    const values = textFields(body);
    const def = (await getProcedure(deps, values.procedure ?? "").catch(() => null))?.definition;
    // Days are typed as dd/mm/yyyy; the use case takes YYYY-MM-DD. What was typed is what the form shows again.
    const dated = readDayFields(values, def ? dossierDateFields(def) : []);
    const inOrder = (errors: FieldError[]) => {
      const mine = withDayErrors(errors, dated.errors).map((e) =>
        e.field === `documents.${CONSENT_PHOTO_KEY}` ? { ...e, field: "assistedConsent.photo" } : e,
      );
      if (!def) return mine;
      const order = dossierFieldOrder(def, ["procedureCode", "communeCode", "channel", "applicant", "form", "documents", "delivery", "consent"]);
      return inFieldOrder(foldPrefilledErrors(def, mine), order);
    };
    const communeCode = /^\d{5}$/.test(values.commune ?? "") ? values.commune! : "";
    const commune = await getAdminUnit(deps, communeCode);
    authorise(p, "dossier.receive", commune);
    const state: IntakeState = { communeCode: commune.code, procedureCode: values.procedure ?? "", values, errors: [] };
    const prefixed = (prefix: string) =>
      Object.fromEntries(
        Object.entries(dated.values)
          .filter(([k, v]) => k.startsWith(prefix) && v.trim() !== "")
          .map(([k, v]) => [k.slice(prefix.length), v]),
      );
    const consent = prefixed("assistedConsent.");
    try {
      const res = await fileDossier(deps, ctxOf(c), {
        idempotencyKey: isUuid(values.idempotencyKey ?? "") ? values.idempotencyKey! : null,
        procedureCode: state.procedureCode,
        communeCode: commune.code,
        applicant: nestApplicant(prefixed("applicant.")),
        form: nestFormFields(dated.values),
        documents: await uploadsOf(body, "doc."),
        originalsSeen: Object.keys(values)
          .filter((k) => k.startsWith("seen.") && values[k] === "1")
          .map((k) => k.slice("seen.".length)),
        consentPhoto: (await uploadsOf(body, "assistedConsent.photo"))[0]?.upload ?? null,
        delivery: { method: values["delivery.method"] ?? "", ...(values["delivery.address"]?.trim() ? { address: values["delivery.address"] } : {}) },
        assistedConsent: consent.method ? consent : null,
        channel: values.channel === "post" ? "post" : "counter",
        intent: "submit",
      });
      setFlash(c, "flash.dossiers.office.intake", secure);
      return c.redirect(`/office/dossiers/${res.dossier.id}`, 303);
    } catch (err) {
      if (err instanceof CodesExhaustedError) {
        return intakePage(c, { ...state, errors: [{ field: "intent", code: err.code, message: err.messageKey, params: err.params }] }, 503);
      }
      // Over the upload (or filing) limit: the form again with the reason and Retry-After; nothing was filed.
      if (err instanceof AppError && err.code === "too_many_requests" && err.fields.length > 0) {
        setRetryAfter(c, err);
        return intakePage(c, { ...state, errors: inOrder(err.fields) }, 429);
      }
      if (err instanceof AppError && err.fields.length > 0) return intakePage(c, { ...state, errors: inOrder(err.fields) }, 400);
      throw err;
    }
  };

  return { intakePage, submit };
}
