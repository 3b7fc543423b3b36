// The checks of a filing, all made before anything is written: applicant, delivery, consent, form fields
// and documents against the procedure version in force. Pure but for the documents a draft already has.
import { AppError, type FieldError, fieldErrorsFromZod } from "../../../platform/http/app-error.ts";
import type { ProcedureDefinition } from "../../procedures/index.ts";
import { ApplicantInput, ConsentInput, DeliveryInput } from "../dossiers.contract.ts";
import { checkFormData, missingDocuments } from "../form-data.ts";
import type { DocumentInput } from "./attach-documents.ts";

export type FilingInput = {
  applicant: Record<string, unknown>;
  form: Record<string, unknown>;
  documents: DocumentInput[];
  /** Required documents whose original the desk saw without scanning it: counter filings only. */
  originalsSeen?: readonly string[];
  delivery: Record<string, unknown>;
  assistedConsent?: Record<string, unknown> | null;
  intent: "draft" | "submit";
};

export const prefixed = (p: string, errs: FieldError[]) => errs.map((e) => ({ ...e, field: e.field === "body" ? p : `${p}.${e.field}` }));

/** Without a commune nothing can be checked against its rules, but the person still hears about every other field they can fix now. */
export function communeError(communeCode: string, input: Pick<FilingInput, "applicant" | "delivery">): AppError {
  const errs: FieldError[] = [
    communeCode
      ? { field: "communeCode", code: "unknown", message: "dossiers.error.commune" }
      : { field: "communeCode", code: "required", message: "validation.required" },
  ];
  const a = ApplicantInput.safeParse(input.applicant);
  if (!a.success) errs.push(...prefixed("applicant", fieldErrorsFromZod(a.error.issues)));
  const dl = DeliveryInput.safeParse(input.delivery);
  if (!dl.success) errs.push(...deliveryErrors(fieldErrorsFromZod(dl.error.issues), DELIVERY_METHODS));
  return new AppError("validation", "error.validation", errs);
}

const DELIVERY_METHODS = ["desk", "post", "online"] as const;
const CONSENT_METHODS = ["signature", "verbal", "fingerprint"] as const;

/** The delivery choice missing, unknown or not offered: one error naming the procedure's ways in words. */
const deliveryChoiceError = (methods: readonly (typeof DELIVERY_METHODS)[number][]): FieldError => ({
  field: "delivery.method",
  code: "choice",
  message: "dossiers.error.deliveryChoice",
  options: methods.map((m) => ({ key: `dossiers.deliveryWord.${m}` as const })),
});

function deliveryErrors(errors: FieldError[], methods: readonly (typeof DELIVERY_METHODS)[number][]): FieldError[] {
  return prefixed("delivery", errors).map((e) => (e.field === "delivery.method" ? deliveryChoiceError(methods) : e));
}

/** Data entered once: the form's own copies of the applicant's details come from the applicant section. */
function prefillForm(def: ProcedureDefinition, input: FilingInput): Record<string, unknown> {
  const formInput: Record<string, unknown> = { ...input.form };
  for (const f of def.form) {
    const own = f.prefill ? (input.applicant as Record<string, unknown>)[f.prefill] : undefined;
    const mine = formInput[f.key];
    const empty = mine === undefined || mine === null || (typeof mine === "string" && !mine.trim());
    if (f.prefill && empty && typeof own === "string" && own.trim()) formInput[f.key] = own;
  }
  return formInput;
}

function checkDocuments(def: ProcedureDefinition, input: FilingInput, attachedBefore: ReadonlySet<string>, atCounter: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set([...def.documents.map((d) => d.key), ...def.form.filter((f) => f.type === "file").map((f) => f.key)]);
  for (const d of input.documents)
    if (!known.has(d.requirementKey)) errors.push({ field: `documents.${d.requirementKey}`, code: "unknown", message: "dossiers.error.unknownDocument" });
  const seen = input.originalsSeen ?? [];
  for (const key of seen) {
    // Only a document of the procedure's list is shown at a counter, and only a desk sees it.
    if (!def.documents.some((d) => d.key === key)) errors.push({ field: `documents.${key}`, code: "unknown", message: "dossiers.error.unknownDocument" });
    else if (!atCounter) errors.push({ field: `documents.${key}`, code: "counterOnly", message: "dossiers.error.originalSeenCounterOnly" });
  }
  if (input.intent === "submit") {
    const attached = new Set([...attachedBefore, ...input.documents.map((d) => d.requirementKey), ...(atCounter ? seen : [])]);
    for (const key of missingDocuments(def, attached)) errors.push({ field: `documents.${key}`, code: "required", message: "dossiers.error.documentMissing" });
  }
  return errors;
}

/** Every check of a filing; the parsed parts are there even when others failed (a draft keeps them). */
export function checkFiling(
  def: ProcedureDefinition,
  input: FilingInput,
  opts: { assisted: boolean; attachedBefore: ReadonlySet<string>; now: Date; atCounter?: boolean },
) {
  const errors: FieldError[] = [];
  const applicant = ApplicantInput.safeParse(input.applicant);
  if (!applicant.success) errors.push(...prefixed("applicant", fieldErrorsFromZod(applicant.error.issues)));
  const delivery = DeliveryInput.safeParse(input.delivery);
  if (!delivery.success) errors.push(...deliveryErrors(fieldErrorsFromZod(delivery.error.issues), def.deliveryMethods));
  else if (!def.deliveryMethods.includes(delivery.data.method)) errors.push(deliveryChoiceError(def.deliveryMethods));
  const consent = opts.assisted ? ConsentInput.safeParse(input.assistedConsent ?? undefined) : null;
  if (consent && !consent.success)
    errors.push({
      field: "assistedConsent.method",
      code: "required",
      message: "dossiers.error.consent",
      options: CONSENT_METHODS.map((m) => ({ key: `dossiers.consentWord.${m}` as const })),
    });
  const form = checkFormData(def.form, prefillForm(def, input), { partial: input.intent === "draft", today: opts.now });
  errors.push(...form.errors, ...checkDocuments(def, input, opts.attachedBefore, opts.atCounter ?? false));
  return {
    errors,
    applicant: applicant.success ? applicant.data : null,
    delivery: delivery.success ? delivery.data : null,
    consent: consent?.success ? consent.data : null,
    formValues: form.values as Record<string, unknown>,
  };
}

/** Keeps only short strings of a form that failed its checks, so a draft stores what was typed and nothing else. */
export function sanitiseRaw(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw ?? {})) if (typeof v === "string" && k.length < 40) out[k] = v.slice(0, 300);
  // An organisation's name, tax code and representative are kept too (a draft keeps what was typed).
  const org = raw?.organisation;
  if (org && typeof org === "object" && !Array.isArray(org)) (out as Record<string, unknown>).organisation = sanitiseRaw(org as Record<string, unknown>);
  return out;
}
