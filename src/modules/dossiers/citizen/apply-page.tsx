// Applying online: the application form (new or a draft), saving a draft and submitting.
import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError, setRetryAfter } from "../../../platform/http/app-error.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, type FormState, inFieldOrder, TextField } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { type AdminUnitRow, listAdminUnitChildren, listServedProvinces, searchAdminUnits } from "../../admin-units/index.ts";
import { getProfileForPrefill, listVault } from "../../citizens/index.ts";
import { getProcedure, type ProcedureRecord } from "../../procedures/index.ts";
import { ownResidentApplicant, residentApplicant } from "../../registry/index.ts";
import {
  type AttachedDocument,
  ACCEPT_UPLOADS,
  ApplicantFields,
  applicantKeysRequired,
  dossierDateFields,
  dossierFieldOrder,
  foldPrefilledErrors,
  type FormSection,
  DeliveryFields,
  DocumentInputs,
  documentSlots,
  DossierFormFields,
  dossierFieldLabels,
  Field,
  flattenDossierValues,
  prefillFromProfile,
  RadioGroup,
  Select,
  type VaultOption,
} from "../dossier-form.tsx";
import type { DossierRow } from "../dossiers.model.ts";
import { nestApplicant, OrganisationFields } from "../applicant-organisation.tsx";
import { nestFormFields } from "../form-data.ts";
import type { DocumentInput } from "../use-cases/attach-documents.ts";
import { CodesExhaustedError, CONSENT_PHOTO_KEY, DraftKeptError, fileDossier } from "../use-cases/file-dossier.ts";
import { readDayFields, withDayErrors } from "../../../platform/text/day-input.ts";
import { FilingThrottledError } from "../use-cases/filing-limits.ts";
import { getDossier } from "../use-cases/get-dossier.ts";
import type { DossierView } from "../dossiers.model.ts";
import { type CitizenWeb, fileOf, IDEMPOTENCY_KEY, textValues, unitName } from "./citizen-context.ts";
import { FeeList } from "./fee.tsx";
import { isUuid } from "../../../platform/db/uuid.ts";

type CommuneChoice = { groups: { label: string; options: { value: string; label: string }[] }[]; options: { value: string; label: string }[] };

type ApplyState = {
  procedure: ProcedureRecord;
  form: FormState;
  idempotencyKey: string;
  draft: DossierRow | null;
  attached: AttachedDocument[];
  /** A helper's failed submit keeps no draft: the files they chose are not kept, and the page says so. */
  filesNotKept?: boolean;
  /** Filing for a registry resident: the applicant came from the registry, and a linked account will own the dossier. */
  residentId?: string | null;
};

/** The commune the citizen most likely applies to: their grant's commune, if any. */
const homeCommune = (p: Principal) => p.grants.map((g) => g.unitCode.slice(0, 5)).find((code) => /^\d{5}$/.test(code));

export function applyPages(citizen: CitizenWeb) {
  const { deps, secure, page, uploadHint, signedIn } = citizen;

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

  async function applyPage(c: Context<AppEnv>, p: Principal, s: ApplyState, status: 200 | 400 | 429 | 503 = 200) {
    const ctx = page(c);
    const { t } = ctx;
    const def = s.procedure.definition;
    const communeQ = c.req.query("communeQ") ?? "";
    const communes = await communeChoice(ctx, communeQ, s.form.values.communeCode);
    const slots = documentSlots(def);
    const vault: VaultOption[] =
      slots.some((d) => d.fromVault) && p.kind === "citizen" ? (await listVault(deps, ctxOf(c), p.userId)).map((v) => ({ id: v.id, title: v.title })) : [];
    const action = s.draft ? `/dossiers/${s.draft.id}/edit` : "/dossiers/new";
    const searchAction = s.draft ? action : "/dossiers/new";
    const title = s.draft ? t("dossiers.citizen.editTitle") : t("dossiers.citizen.applyTitle");
    // Officers and volunteers file for a citizen who asked for help: the citizen's consent is recorded.
    const assisting = p.kind !== "citizen";
    return c.html(
      <Layout ctx={ctx} title={`${title}: ${def.name}`}>
        <Breadcrumbs
          t={t}
          items={[{ href: "/", label: t("nav.home") }, { href: `/procedures/${encodeURIComponent(def.code)}`, label: def.name }, { label: title }]}
        />
        <ErrorSummary
          t={t}
          errors={s.form.errors}
          labels={{
            ...dossierFieldLabels(t, def),
            "assistedConsent.method": t("dossiers.citizen.assistedConsent"),
            "assistedConsent.photo": t("dossiers.citizen.assistedPhoto"),
          }}
        />
        <h1>
          <span class="hint">{title}</span> {def.name}
        </h1>
        <p>{t("dossiers.citizen.applyLead")}</p>
        {s.filesNotKept && (
          <p class="notice" role="status">
            {t("dossiers.citizen.filesNotKept")}
          </p>
        )}
        <h2 id="commune">{t("dossiers.citizen.communeSection")}</h2>
        <form class="search-form" method="get" action={searchAction} role="search">
          {!s.draft && <input type="hidden" name="procedure" value={def.code} />}
          <TextField
            t={t}
            form={{ values: { communeQ }, errors: [] }}
            name="communeQ"
            type="search"
            label={t("dossiers.citizen.communeSearch")}
            hint={t("dossiers.citizen.communeSearchHint")}
          />
          <button type="submit" class="button button--secondary">
            {t("dossiers.citizen.communeSearchButton")}
          </button>
        </form>
        <form method="post" action={action} enctype="multipart/form-data" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="procedure" value={def.code} />
          <input type="hidden" name="idempotencyKey" value={s.idempotencyKey} />
          {s.residentId && !s.draft && <input type="hidden" name="residentId" value={s.residentId} />}
          <Select
            t={t}
            form={s.form}
            name="communeCode"
            label={t("dossiers.citizen.commune")}
            options={communes.options}
            groups={communes.groups}
            placeholder={t("dossiers.citizen.communeChoose")}
            required
          />
          <h2>{t("dossiers.citizen.applicantSection")}</h2>
          {assisting ? (
            <>
              <p class="hint">{t("dossiers.citizen.assistedLead")}</p>
              <p>{t("dossiers.citizen.assistedBy", { name: p.displayName })}</p>
              {s.residentId && <p class="notice">{t("dossiers.citizen.fromRegistry")}</p>}
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
              <Field
                t={t}
                form={s.form}
                name="assistedConsent.photo"
                kind="file"
                label={`${t("dossiers.citizen.assistedPhoto")} ${t("dossiers.citizen.optional")}`}
                hint={uploadHint(t)}
                accept={ACCEPT_UPLOADS}
              />
            </>
          ) : (
            <p class="hint">
              {t("dossiers.citizen.applicantFromProfile")} <a href="/me/profile">{t("dossiers.citizen.profileLink")}</a>
            </p>
          )}
          <ApplicantFields t={t} form={s.form} self={!assisting} required={applicantKeysRequired(def)} />
          <OrganisationFields t={t} form={s.form} />
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
          <Button name="intent" value="submit">
            {t("dossiers.citizen.submit")}
          </Button>
          <Button name="intent" value="draft" variant="secondary">
            {t("dossiers.citizen.saveDraft")}
          </Button>
        </form>
      </Layout>,
      status,
    );
  }

  const attachedOf = (view: Pick<DossierView, "documents" | "dossier">): AttachedDocument[] =>
    view.documents
      .filter((d) => d.round === 0)
      .map((d) => ({ requirementKey: d.requirementKey, name: d.name, href: `/me/dossiers/${view.dossier.id}/files/${d.id}` }));

  async function loadDraft(c: Context<AppEnv>, p: Principal, id: string) {
    const view = await getDossier(deps, ctxOf(c), id);
    // Only whoever filed the draft edits it; an officer who may read it still gets "not found" here.
    if (view.dossier.filedByUserId !== p.userId) throw new AppError("not_found", "error.notFound");
    return view;
  }

  /** GET /dossiers/new?procedure=…: a new application, prefilled from the profile. */
  const newForm = async (c: Context<AppEnv>) => {
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
    // A helper's own profile must not end up as the applicant's details; a registry resident's may (?resident=).
    const residentId = c.req.query("resident");
    const resident = p.kind !== "citizen" && residentId && isUuid(residentId) ? await residentApplicant(deps, ctxOf(c), residentId) : null;
    const profile = p.kind === "citizen" ? await getProfileForPrefill(deps, p.userId) : (resident?.applicant ?? null);
    // Entered once: a citizen linked to the registry finds what their profile lacks filled from the registry's record.
    const own = p.kind === "citizen" ? await ownResidentApplicant(deps, p.userId) : null;
    const commune = resident?.communeCode ?? c.req.query("commune");
    const start = {
      ...(commune && /^\d{5}$/.test(commune)
        ? { communeCode: commune }
        : homeCommune(p)
          ? { communeCode: homeCommune(p)! }
          : own
            ? { communeCode: own.communeCode }
            : {}),
      ...(def.deliveryMethods.length === 1 ? { "delivery.method": def.deliveryMethods[0]! } : {}),
    };
    const values = prefillFromProfile(def.form, own?.applicant ?? null, prefillFromProfile(def.form, profile, start));
    return applyPage(c, p, {
      procedure,
      form: emptyForm(values),
      idempotencyKey: randomUUID(),
      draft: null,
      attached: [],
      residentId: resident?.residentId ?? null,
    });
  };

  /** GET /dossiers/:id/edit: a saved draft; once submitted, its page instead. */
  const editForm = async (c: Context<AppEnv>, id: string) => {
    const p = signedIn(c);
    if (p instanceof Response) return p;
    const view = await loadDraft(c, p, id);
    if (view.dossier.state !== "draft") return c.redirect(`/me/dossiers/${view.dossier.id}`, 303);
    const procedure = await getProcedure(deps, view.procedure.code);
    const values = flattenDossierValues({
      applicant: view.dossier.applicant,
      formData: view.dossier.formData,
      delivery: view.dossier.delivery,
      communeCode: view.dossier.communeCode,
    });
    return applyPage(c, p, {
      procedure,
      form: emptyForm(values),
      idempotencyKey: view.dossier.idempotencyKey ?? randomUUID(),
      draft: view.dossier,
      attached: attachedOf(view),
    });
  };

  async function submitApplication(c: Context<AppEnv>, draftId: string | null) {
    const p = signedIn(c) as Principal;
    const body = await c.req.parseBody();
    const values = textValues(body);
    const draftView = draftId ? await loadDraft(c, p, draftId) : null;
    const procedure = await getProcedure(deps, draftView?.procedure.code ?? values.procedure ?? "");
    const def = procedure.definition;
    // Days are typed as dd/mm/yyyy; the use case takes YYYY-MM-DD. What was typed is what the form shows again.
    const dated = readDayFields(values, dossierDateFields(def));
    const assisting = p.kind !== "citizen";
    const sections: FormSection[] = [
      "procedureCode",
      "communeCode",
      ...(assisting ? (["consent"] as const) : []),
      "applicant",
      "form",
      "documents",
      "delivery",
    ];
    const inOrder = (errors: FieldError[]) =>
      inFieldOrder(
        foldPrefilledErrors(def, withDayErrors(errors, dated.errors)).map((e) =>
          e.field === `documents.${CONSENT_PHOTO_KEY}` ? { ...e, field: "assistedConsent.photo" } : e,
        ),
        dossierFieldOrder(def, sections),
      );
    const consentFile = assisting ? fileOf(body, "assistedConsent.photo") : null;
    const documents: DocumentInput[] = [];
    for (const slot of documentSlots(def)) {
      const file = fileOf(body, `doc.${slot.key}`);
      const vaultItemId = values[`vault.${slot.key}`];
      if (file) documents.push({ requirementKey: slot.key, upload: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
      else if (vaultItemId && isUuid(vaultItemId)) documents.push({ requirementKey: slot.key, vaultItemId });
    }
    const nonEmpty = (prefix: string) =>
      Object.fromEntries(
        Object.entries(dated.values)
          .filter(([k, v]) => k.startsWith(prefix) && v.trim() !== "")
          .map(([k, v]) => [k.slice(prefix.length), v.trim()]),
      );
    const key = values.idempotencyKey ?? "";
    const intent = values.intent === "draft" ? "draft" : "submit";
    const again = async (errors: FieldError[], draft: DossierView | null, status: 400 | 429 | 503 = 400) => {
      const fresh = draft ? await getProcedure(deps, draft.procedure.code) : procedure;
      return applyPage(
        c,
        p,
        {
          procedure: fresh,
          form: { values, errors: inOrder(errors) },
          idempotencyKey: IDEMPOTENCY_KEY.test(key) ? key : randomUUID(),
          draft: draft?.dossier ?? null,
          attached: draft ? attachedOf(draft) : [],
          filesNotKept: !draft && (documents.some((d) => d.upload) || !!consentFile),
          residentId: !draft && assisting && values.residentId && isUuid(values.residentId) ? values.residentId : null,
        },
        status,
      );
    };
    try {
      const { dossier } = await fileDossier(deps, ctxOf(c), {
        dossierId: draftId ?? undefined,
        idempotencyKey: IDEMPOTENCY_KEY.test(key) ? key : null,
        procedureCode: def.code,
        communeCode: values.communeCode ?? "",
        applicant: nestApplicant(nonEmpty("applicant.")),
        form: nestFormFields(dated.values),
        documents,
        delivery: nonEmpty("delivery."),
        assistedConsent: assisting ? nonEmpty("assistedConsent.") : null,
        consentPhoto: consentFile ? { name: consentFile.name, bytes: new Uint8Array(await consentFile.arrayBuffer()) } : null,
        residentId: assisting && values.residentId && isUuid(values.residentId) ? values.residentId : null,
        channel: "online",
        intent,
        clientIp: clientIp(c, deps.config.trustedProxies),
      });
      if (dossier.state === "draft") {
        setFlash(c, "flash.saved", secure);
        return c.redirect(`/dossiers/${dossier.id}/edit`, 303);
      }
      return c.redirect(`/me/dossiers/${dossier.id}?submitted=1`, 303);
    } catch (err) {
      // The draft with this submission's uploads was kept: show it, so that only what is missing is asked again.
      if (err instanceof DraftKeptError) return again(err.fields, await loadDraft(c, p, err.dossierId));
      // Over the filing limit: what was typed is on the page again, and what was uploaded is in the kept draft.
      if (err instanceof FilingThrottledError) {
        setRetryAfter(c, err);
        return again(err.fields, err.draftId ? await loadDraft(c, p, err.draftId) : draftView, 429);
      }
      // Nothing filed today: the form (or the draft it was kept as) comes back with the reason.
      if (err instanceof CodesExhaustedError) {
        const reason: FieldError = { field: "intent", code: err.code, message: err.messageKey, params: err.params };
        return again([reason], err.dossierId ? await loadDraft(c, p, err.dossierId) : draftView, 503);
      }
      // Over the upload limit: nothing of this request was stored; the draft as it was (with its earlier uploads) is shown.
      if (err instanceof AppError && err.code === "too_many_requests" && err.fields.length > 0) {
        setRetryAfter(c, err);
        return again(err.fields, draftView, 429);
      }
      if (err instanceof AppError && err.code === "validation" && err.fields.length > 0) return again(err.fields, draftView);
      throw err;
    }
  }

  return { newForm, editForm, submitApplication };
}
