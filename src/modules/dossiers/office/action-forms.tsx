// The officer's action forms on a dossier's page: which actions, their fields, and the posted form read back.
import { type FieldError, fieldErrorsFromZod } from "../../../platform/http/app-error.ts";
import { dayError, parseDayInput } from "../../../platform/text/day-input.ts";
import type { MessageKey, Translate } from "../../../platform/i18n/i18n.ts";
import { fieldId } from "../../../platform/views/components.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import { ACTION_TYPES, type ActionType } from "../dossier-workflow.ts";
import { ActionInput } from "../dossiers.contract.ts";
import type { DossierView } from "../dossiers.model.ts";
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

/** The posted action form in the contract's shape: only what the action uses, empty fields left out. */
export function actionInput(action: ActionType, v: Record<string, string>): { ok: true; data: ActionInput } | { ok: false; errors: FieldError[] } {
  const s = (k: string) => (v[k] ?? "").trim() || undefined;
  const raw: Record<string, unknown> = { version: /^\d+$/.test(v.version ?? "") ? Number(v.version) : undefined };
  const pick: Record<ActionType, string[]> = {
    submit: [],
    receive: [],
    rate: [],
    requestSupplement: ["note"],
    answerSupplement: ["note"],
    refuse: ["reason"],
    assign: ["assigneeId"],
    forward: ["toUnit"],
    forwardReturned: ["note"],
    propose: ["note"],
    approve: [],
    sendBack: ["reason"],
    pause: ["reason"],
    resume: ["reason"],
    cancel: ["reason"],
    returnResult: ["method", "collectedBy", "trackingNumber"],
    apologise: ["reason", "newDueDate"],
  };
  for (const k of pick[action]) if (s(k) !== undefined) raw[k] = s(k);
  // The new appointment is typed as dd/mm/yyyy; the contract takes YYYY-MM-DD.
  const typedDay = typeof raw.newDueDate === "string" ? parseDayInput(raw.newDueDate) : null;
  if (typedDay?.ok) raw.newDueDate = typedDay.iso;
  if (action === "requestSupplement")
    raw.items = (v.items ?? "")
      .split(/\r?\n/)
      .map((x) => x.trim())
      .filter(Boolean);
  if (action === "forward" && s("stepDays") !== undefined) raw.stepDays = Number(s("stepDays")!.replace(",", "."));
  const r = ActionInput.safeParse(raw);
  if (r.success) return { ok: true, data: r.data };
  const errors = fieldErrorsFromZod(r.error.issues).map((e) => ({
    ...e,
    field: e.field.replace(/^items\.\d+$/, "items"),
    ...(e.field === "newDueDate" ? dayError("newDueDate", typedDay && !typedDay.ok ? typedDay.code : "format") : {}),
  }));
  return { ok: false, errors };
}

// --- walk-in intake form ----------------------------------------------------------------------------
