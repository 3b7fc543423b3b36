// The officer's action forms on a dossier's page: which actions, their fields, and the posted form read back.
import { type FieldError, fieldErrorsFromZod } from "../../../platform/http/app-error.ts";
import { dayError, parseDayInput } from "../../../platform/text/day-input.ts";
import type { MessageKey, Translate } from "../../../platform/i18n/i18n.ts";
import { fieldId } from "../../../platform/views/components.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import { ACTION_TYPES, type ActionType, INTERAGENCY_RESULTS } from "../dossier-workflow.ts";
import { ActionInput } from "../dossiers.contract.ts";
import type { DossierView } from "../dossiers.model.ts";
import { PAUSE_GROUNDS, pauseGroundLabel } from "../pause-grounds.ts";
import { errorOf, type FieldProps, Input, Radios, Select, TextArea } from "./fields.tsx";

/** Actions an officer takes from this page; submitting and rating belong to the applicant. */
export const OFFICE_ACTIONS: readonly ActionType[] = ACTION_TYPES.filter((a) => a !== "submit" && a !== "rate");
export const WARNING_ACTIONS: ReadonlySet<ActionType> = new Set(["refuse", "cancel", "pause"]);
export const FILE_ACTIONS: ReadonlySet<ActionType> = new Set(["approve", "returnResult", "answerSupplement"]);

export type ActionForm = { action: ActionType; values: Record<string, string>; errors: FieldError[] };
export type Notice = { key: MessageKey; params?: Record<string, string | number> };

export const isAction = (s: string): s is ActionType => (OFFICE_ACTIONS as readonly string[]).includes(s);
export const actionLabel = (t: Translate, a: string) => t(`dossiers.action.${a}` as MessageKey);
export const stateLabel = (t: Translate, s: string) => t(`dossiers.state.${s}` as MessageKey);

/** Labels of the action forms' fields, so the error summary names them as the officer sees them. */
export function actionFieldLabels(t: Translate): Record<string, string> {
  return {
    items: t("dossiers.office.field.items"),
    note: t("dossiers.office.field.note"),
    reason: t("dossiers.office.field.reason"),
    ground: t("dossiers.office.field.ground"),
    assigneeId: t("dossiers.office.field.assignee"),
    toUnit: t("dossiers.office.field.toUnit"),
    stepDays: t("dossiers.office.field.stepDays"),
    newDueDate: t("dossiers.office.field.newDueDate"),
    overrideReason: t("dossiers.office.field.overrideReason"),
    agencyCode: t("dossiers.office.field.agencyCode"),
    stepResult: t("dossiers.office.field.stepResult"),
    ...Object.fromEntries(
      Array.from({ length: SUPPLEMENT_ROWS }, (_, i) => [
        [`items.${i}.label`, t("dossiers.office.field.itemLabel", { n: i + 1 })],
        [`items.${i}.reason`, t("dossiers.office.field.itemReason", { n: i + 1 })],
      ]).flat(),
    ),
    method: t("dossiers.office.field.method"),
    collectedBy: t("dossiers.office.field.collectedBy"),
    trackingNumber: t("dossiers.office.field.trackingNumber"),
    resultFile: t("dossiers.office.field.resultFile"),
    documents: t("dossiers.office.field.documents"),
    version: t("dossiers.office.field.version"),
    action: t("dossiers.office.field.action"),
  };
}

/** Rows of the supplement request form (document + reason); more are rarely needed, and the API takes up to 30. */
export const SUPPLEMENT_ROWS = 4;

export function ActionFields(props: { ctx: PageContext; view: DossierView; action: ActionType; form: ActionForm | null }) {
  const { t } = props.ctx;
  const { action, view } = props;
  const values = props.form?.action === action ? props.form.values : {};
  const errors = props.form?.action === action ? props.form.errors : [];
  const labels = actionFieldLabels(t);
  const f = (name: string, extra: Partial<FieldProps> = {}): FieldProps => ({
    t,
    id: fieldId(`${action}.${name}`),
    name,
    label: labels[name] ?? name,
    error: errorOf(errors, name),
    value: values[name],
    ...extra,
  });
  const reason = (hint?: MessageKey, required = true) => <TextArea {...f("reason", { required, ...(hint ? { hint: t(hint) } : {}) })} />;
  switch (action) {
    case "receive":
      return (
        <>
          <p>{t("dossiers.office.action.receiveHint")}</p>
          {/* Originals the citizen shows on receipt (the ID card): recorded as seen, with no scan. */}
          {view.procedure.definition.documents.map((d) => (
            <div class="checkbox">
              <input type="checkbox" id={fieldId(`receive.seen.${d.key}`)} name={`seen.${d.key}`} value="1" checked={values[`seen.${d.key}`] === "1"} />
              <label for={fieldId(`receive.seen.${d.key}`)}>{t("dossiers.office.action.originalSeen", { name: d.name })}</label>
            </div>
          ))}
        </>
      );
    case "requestSupplement":
      return (
        <>
          <p class="hint">{t("dossiers.office.hint.items")}</p>
          {Array.from({ length: SUPPLEMENT_ROWS }, (_, i) => (
            <>
              {/* The first row carries the list's id and error ("nothing asked for") as well as its own. */}
              <Input
                {...f(`items.${i}.label`, {
                  required: i === 0,
                  ...(i === 0 ? { id: fieldId(`${action}.items`), error: errorOf(errors, "items") ?? errorOf(errors, "items.0.label") } : {}),
                })}
              />
              <Input {...f(`items.${i}.reason`, { required: i === 0 })} />
            </>
          ))}
          {view.supplementLimit && (
            <TextArea
              {...f("overrideReason", {
                required: true,
                hint: t(
                  view.supplementLimit === "supplementOnce" ? "dossiers.office.hint.overrideSupplementOnce" : "dossiers.office.hint.overrideSupplementLate",
                ),
              })}
            />
          )}
          <TextArea {...f("note")} />
        </>
      );
    case "answerSupplement": {
      const open = view.supplements.find((s) => !s.answeredAt);
      return (
        <>
          {open?.items.map((item) => (
            <Input
              {...f(`documents.${item.key}`, { label: item.label, error: errorOf(errors, `documents.${item.key}`) })}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
            />
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
          <Input {...f("agencyCode")} />
          <Input {...f("stepDays", { required: true, hint: t("dossiers.office.hint.stepDays") })} type="number" inputmode="decimal" />
        </>
      );
    case "forwardReturned":
      return (
        <>
          <Radios
            {...f("stepResult", { value: values.stepResult ?? "done" })}
            options={INTERAGENCY_RESULTS.map((r) => ({ value: r, label: t(`dossiers.office.interagency.result.${r}`) }))}
          />
          <TextArea {...f("note", { required: true })} />
        </>
      );
    case "propose":
      return <TextArea {...f("note", { required: true })} />;
    case "approve":
      return <Input {...f("resultFile", { hint: t("dossiers.office.hint.resultFile") })} type="file" accept="application/pdf,image/jpeg,image/png" />;
    case "sendBack":
      return reason();
    case "pause":
      return (
        <>
          <Radios {...f("ground")} options={PAUSE_GROUNDS.map((g) => ({ value: g, label: pauseGroundLabel(t, g) }))} />
          {reason()}
        </>
      );
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

/** The posted action form in the contract's shape: only what the action uses, empty fields left out. */
export function actionInput(action: ActionType, v: Record<string, string>): { ok: true; data: ActionInput } | { ok: false; errors: FieldError[] } {
  const s = (k: string) => (v[k] ?? "").trim() || undefined;
  const raw: Record<string, unknown> = { version: /^\d+$/.test(v.version ?? "") ? Number(v.version) : undefined };
  const pick: Record<ActionType, string[]> = {
    submit: [],
    receive: [],
    rate: [],
    requestSupplement: ["note", "overrideReason"],
    answerSupplement: ["note"],
    refuse: ["reason"],
    assign: ["assigneeId"],
    forward: ["toUnit", "agencyCode"],
    forwardReturned: ["note", "stepResult"],
    propose: ["note"],
    approve: [],
    sendBack: ["reason"],
    pause: ["ground", "reason"],
    resume: ["reason"],
    cancel: ["reason"],
    returnResult: ["method", "collectedBy", "trackingNumber"],
    apologise: ["reason", "newDueDate"],
  };
  for (const k of pick[action]) if (s(k) !== undefined) raw[k] = s(k);
  // The new appointment is typed as dd/mm/yyyy; the contract takes YYYY-MM-DD.
  const typedDay = typeof raw.newDueDate === "string" ? parseDayInput(raw.newDueDate) : null;
  if (typedDay?.ok) raw.newDueDate = typedDay.iso;
  // Rows left empty are not items; a row with only one half comes back with the other half's error.
  const rows = Array.from({ length: SUPPLEMENT_ROWS }, (_, i) => ({ row: i, label: s(`items.${i}.label`) ?? "", reason: s(`items.${i}.reason`) ?? "" })).filter(
    (it) => it.label || it.reason,
  );
  if (action === "requestSupplement") raw.items = rows.map(({ label, reason }) => ({ label, reason }));
  if (action === "receive") {
    const seen = Object.keys(v).filter((k) => k.startsWith("seen.") && v[k] === "1");
    if (seen.length > 0) raw.originalsSeen = seen.map((k) => k.slice("seen.".length));
  }
  if (action === "forward" && s("stepDays") !== undefined) raw.stepDays = Number(s("stepDays")!.replace(",", "."));
  const r = ActionInput.safeParse(raw);
  if (r.success) return { ok: true, data: r.data };
  const errors = fieldErrorsFromZod(r.error.issues).map((e) => ({
    ...e,
    // An item's error names the form row it came from (empty rows were left out).
    field: e.field.replace(/^items\.\d+$/, "items").replace(/^items\.(\d+)\./, (_m, k: string) => `items.${rows[Number(k)]?.row ?? k}.`),
    ...(e.field === "newDueDate" ? dayError("newDueDate", typedDay && !typedDay.ok ? typedDay.code : "format") : {}),
  }));
  return { ok: false, errors };
}

// --- walk-in intake form ----------------------------------------------------------------------------
