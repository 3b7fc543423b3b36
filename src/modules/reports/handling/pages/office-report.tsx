// /office/reports/:id — one report for the office: everything about it, the reporter's contact (audited read), the
// photos, the forwards, the timeline with names, and a form for each step the graph allows now (no JavaScript needed).
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError, notFound } from "../../../../platform/http/app-error.ts";
import { clientIp } from "../../../../platform/http/client-ip.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import type { MessageKey, Translate } from "../../../../platform/i18n/i18n.ts";
import { dayInputValue, readDayFields, withDayErrors } from "../../../../platform/text/day-input.ts";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  emptyForm,
  Field,
  type FormState,
  SelectField,
  SummaryList,
  Tag,
} from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import type { PageContext } from "../../../../platform/views/page-context.ts";
import { reportPaths } from "../../report-paths.ts";
import { CONFIRM_WINDOW_DAYS, MAX_REPORT_PHOTOS, REJECT_REASONS, REPORT_STEP_KINDS } from "../../reports.model.ts";
import type { ReportEventRow } from "../../reports.repository.ts";
import { actOnReport, type HandlingInput } from "../../use-cases/handling-act.ts";
import { getOfficeReport, type OfficeReport } from "../../use-cases/handling-get.ts";
import type { IncomingPhoto } from "../../use-cases/photo-store.ts";
import { type HandlingAction, isHandlingAction } from "../handling-steps.ts";
import { moderationPanel } from "../../photos/moderation-panel.tsx";

const KNOWN_EVENTS = new Set<string>([...REPORT_STEP_KINDS, "reminded", "forward_reminded", "supported", "hidden", "unhidden", "photo_hidden"]);

/** The form of the step that failed, with what was typed and why; a conflict (stale version, a step no longer open) has no field to fix. */
type Failed = { action: HandlingAction; form: FormState; conflict?: string };

const eventLabel = (t: Translate, kind: string) =>
  KNOWN_EVENTS.has(kind) ? t(`reports.handling.event.${kind}` as MessageKey) : t("reports.handling.event.other", { kind });

function eventNote(t: Translate, v: OfficeReport, e: ReportEventRow): string {
  const parts: string[] = [];
  if (e.kind === "rejected" && e.reason) parts.push(t(`reports.handling.reason.${e.reason}` as MessageKey));
  if (e.kind === "closed" && e.reason === "confirm_window_passed") parts.push(t("reports.handling.event.autoClosed"));
  if ((e.kind === "forwarded" || e.kind === "forward_reminded") && typeof e.data.agency === "string")
    parts.push(t("reports.handling.event.forwardedTo", { agency: e.data.agency, dueDate: dayInputValue(String(e.data.dueDate ?? "")) }));
  if (e.kind === "assigned") {
    const who = [typeof e.data.assigneeUserId === "string" ? v.names.get(e.data.assigneeUserId) : null, e.data.assignedUnit].filter(Boolean).join(", ");
    if (who) parts.push(t("reports.handling.event.assignedTo", { who }));
  }
  if (e.note) parts.push(e.note);
  return parts.join(" — ");
}

export function officeReportPages(kit: PageKit) {
  const { deps, secure, page } = kit;

  const render = async (c: Context<AppEnv>, failed: Failed | null = null, status: 200 | 400 | 409 | 413 | 429 = 200) => {
    requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const v = await getOfficeReport(deps, ctxOf(c), c.req.param("id") ?? "");
    const r = v.report;
    const when = (d: Date | null) => (d ? formatDateTime(d, locale) : t("reports.handling.none"));
    const overdue = r.dueAt && r.dueAt.getTime() < deps.clock.now().getTime() && !["rejected", "resolved", "closed"].includes(r.status);
    const category = v.category ? (locale === "en" ? v.category.nameEn : v.category.nameVi) : "";
    const place = [r.landmark, v.villageName, v.communeName].filter(Boolean).join(", ");
    const title = t("reports.handling.title");
    const heading = `${title} ${r.code}`;
    return c.html(
      <Layout ctx={ctx} title={heading} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: reportPaths.desk, label: t("reports.handling.desk") }, { label: r.code }]}
        />
        {failed?.conflict ? (
          <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="conflict-title">
            <h2 id="conflict-title">{t("form.errorSummary")}</h2>
            <p>{failed.conflict}</p>
          </div>
        ) : (
          failed && <ErrorSummary t={t} errors={failed.form.errors} labels={labelsOf(t)} />
        )}
        <h1>{heading}</h1>
        <p>
          <Tag tone={r.status === "rejected" ? "red" : r.status === "closed" ? "grey" : undefined}>{t(`reports.handling.status.${r.status}`)}</Tag>{" "}
          {overdue && <Tag tone="red">{t("reports.handling.overdue")}</Tag>}
        </p>

        <h2>{t("reports.handling.section.report")}</h2>
        <SummaryList
          rows={[
            [t("reports.handling.field.code"), r.code],
            [t("reports.handling.field.category"), category],
            [t("reports.handling.field.description"), <p class="prewrap">{r.description}</p>],
            [t("reports.handling.field.place"), place],
            ...(r.lat !== null && r.lon !== null
              ? [[t("reports.handling.field.coordinates"), `${r.lat.toFixed(5)}, ${r.lon.toFixed(5)}`] as [string, string]]
              : []),
            [t("reports.handling.field.createdAt"), when(r.createdAt)],
            [t("reports.handling.field.channel"), t(`reports.handling.channel.${r.channel}`)],
            [t("reports.handling.field.public"), t(r.public && !r.hiddenAt ? "reports.handling.yes" : "reports.handling.no")],
            [t("reports.handling.field.supports"), String(r.supportCount)],
          ]}
        />

        <h2>{t("reports.handling.section.reporter")}</h2>
        {r.anonymous ? (
          <p>{t("reports.handling.anonymous")}</p>
        ) : (
          <SummaryList
            rows={[
              [t("reports.handling.field.name"), r.reporterName ?? t("reports.handling.none")],
              [t("reports.handling.field.phone"), r.reporterPhone ?? t("reports.handling.none")],
              [t("reports.handling.field.email"), r.reporterEmail ?? t("reports.handling.none")],
              [t("reports.handling.field.notifySms"), t(r.notifySms ? "reports.handling.yes" : "reports.handling.no")],
              ...(r.assistedBy ? [[t("reports.handling.field.assistedBy"), v.names.get(r.assistedBy) ?? ""] as [string, string]] : []),
            ]}
          />
        )}

        <h2>{t("reports.handling.section.handling")}</h2>
        <SummaryList
          rows={[
            [t("reports.handling.field.dueAt"), when(r.dueAt)],
            [t("reports.handling.field.assignee"), r.assigneeUserId ? (v.names.get(r.assigneeUserId) ?? "") : t("reports.handling.none")],
            [t("reports.handling.field.assignedUnit"), r.assignedUnit ?? v.category?.responsibleUnit ?? t("reports.handling.none")],
            ...(r.statusNote && r.status === "rejected" ? [[t("reports.handling.form.rejectNote"), r.statusNote] as [string, string]] : []),
            ...(r.answer ? [[t("reports.handling.field.answer"), <p class="prewrap">{r.answer}</p>] as [string, Child]] : []),
            ...(r.confirmUntil && r.status === "resolved" ? [[t("reports.handling.field.confirmUntil"), when(r.confirmUntil)] as [string, string]] : []),
          ]}
        />

        {/* The photos (hidden ones too, each with its original) and, for report.moderate, the hide/show forms. */}
        {moderationPanel({ ctx, report: r, photos: v.photos, returnTo: reportPaths.officeReport(r.id) })}

        {v.forwards.length > 0 && (
          <>
            <h2>{t("reports.handling.section.forwards")}</h2>
            <DataTable
              caption={t("reports.handling.section.forwards")}
              stack
              rows={v.forwards}
              columns={[
                { header: t("reports.handling.forward.col.agency"), rowHeader: true, cell: (f) => f.agency },
                { header: t("reports.handling.forward.col.dueDate"), nowrap: true, cell: (f) => dayInputValue(f.dueDate) },
                { header: t("reports.handling.forward.col.sent"), nowrap: true, cell: (f) => when(f.sentAt) },
                { header: t("reports.handling.forward.col.note"), cell: (f) => f.note ?? "" },
                { header: t("reports.handling.forward.col.result"), cell: (f) => (f.returnedAt ? (f.result ?? "") : t("reports.handling.forward.open")) },
              ]}
            />
          </>
        )}

        <h2>{t("reports.handling.section.timeline")}</h2>
        <DataTable
          caption={t("reports.handling.section.timeline")}
          stack
          rows={v.events}
          columns={[
            { header: t("reports.handling.event.col.at"), rowHeader: true, nowrap: true, cell: (e) => when(e.createdAt) },
            { header: t("reports.handling.event.col.what"), cell: (e) => eventLabel(t, e.kind) },
            {
              header: t("reports.handling.event.col.who"),
              cell: (e) =>
                e.actorUserId
                  ? (v.names.get(e.actorUserId) ?? "")
                  : t(
                      // "Me too" comes from another resident, never from the reporter.
                      e.kind === "supported"
                        ? "reports.handling.event.supporter"
                        : ["submitted", "confirmed", "reopened"].includes(e.kind)
                          ? "reports.handling.event.reporter"
                          : "reports.handling.event.system",
                    ),
            },
            { header: t("reports.handling.event.col.note"), cell: (e) => eventNote(t, v, e) },
            { header: t("reports.handling.field.public"), cell: (e) => t(e.public ? "reports.handling.event.public" : "reports.handling.event.internal") },
          ]}
        />

        <h2>{t("reports.handling.section.actions")}</h2>
        {!v.canHandle ? (
          <p>{t("reports.handling.action.readOnly")}</p>
        ) : v.steps.length === 0 ? (
          <p>{t("reports.handling.action.none")}</p>
        ) : (
          v.steps.map((a) => <StepForm ctx={ctx} view={v} action={a} failed={failed?.action === a ? failed : null} />)
        )}
      </Layout>,
      status,
    );
  };

  /** GET /office/reports/:id */
  const show = (c: Context<AppEnv>) => render(c);

  /** POST /office/reports/:id/actions/:action (multipart when it carries photos) */
  const act = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const id = c.req.param("id") ?? "";
    const action = c.req.param("action") ?? "";
    if (!isHandlingAction(action)) throw notFound();
    const body = await c.req.parseBody({ all: true });
    const raw: Record<string, string> = {};
    const files: IncomingPhoto[] = [];
    for (const [k, val] of Object.entries(body)) {
      for (const item of Array.isArray(val) ? val : [val]) {
        if (typeof item === "string") {
          if (!k.startsWith("_")) raw[k] = item;
        } else if (k === "photos" && item instanceof File && item.size > 0) {
          files.push({ name: item.name, claimedType: item.type || null, bytes: new Uint8Array(await item.arrayBuffer()) });
        }
      }
    }
    const days = readDayFields(raw, ["dueDate"]);
    const values = days.values;
    const input: HandlingInput = {
      version: Number.parseInt(values.version ?? "", 10),
      reason: values.reason || undefined,
      note: values.note,
      duplicateCode: values.duplicateCode,
      assigneeUserId: values.assigneeUserId,
      assignedUnit: values.assignedUnit,
      agency: values.agency,
      dueDate: days.errors.length ? "" : values.dueDate,
      result: values.result,
      answer: values.answer,
      photos: files,
      clientIp: clientIp(c, deps.config.trustedProxies),
    };
    try {
      if (days.errors.length) throw new AppError("validation", "error.validation", days.errors);
      await actOnReport(deps, ctxOf(c), id, action, input);
    } catch (err) {
      if (err instanceof AppError && err.status === 409) {
        // The page comes back with the report as it is now (its new version) and says why the step did not happen.
        return render(c, { action, form: { values: raw, errors: [] }, conflict: c.get("t")(err.messageKey, err.params) }, 409);
      }
      if (err instanceof AppError && err.fields.length > 0 && [400, 413, 429].includes(err.status)) {
        // A photo's own error (photos.1) points at the one file input.
        const errors: FieldError[] = withDayErrors(err.fields, days.errors).map((e) => (e.field.startsWith("photos.") ? { ...e, field: "photos" } : e));
        return render(c, { action, form: { values: raw, errors } }, err.status as 400 | 413 | 429);
      }
      throw err;
    }
    setFlash(c, `reports.flash.handling.${action}`, secure);
    return c.redirect(reportPaths.officeReport(id), 303);
  };

  return { show, act };
}

const FORM_FIELDS = [
  "version",
  "action",
  "reason",
  "note",
  "duplicateCode",
  "assigneeUserId",
  "assignedUnit",
  "agency",
  "dueDate",
  "result",
  "answer",
  "photos",
] as const;
function labelsOf(t: Translate): Record<string, string> {
  return {
    version: t("reports.handling.field.status"),
    action: t("reports.handling.section.actions"),
    reason: t("reports.handling.form.reason"),
    note: t("reports.handling.form.note"),
    duplicateCode: t("reports.handling.form.duplicateCode"),
    assigneeUserId: t("reports.handling.form.assignee"),
    assignedUnit: t("reports.handling.form.assignedUnit"),
    agency: t("reports.handling.form.agency"),
    dueDate: t("reports.handling.form.dueDate"),
    result: t("reports.handling.form.result"),
    answer: t("reports.handling.form.answer"),
    photos: t("reports.handling.form.photos", { max: MAX_REPORT_PHOTOS }),
  } satisfies Record<(typeof FORM_FIELDS)[number], string>;
}

/** One step's form, folded in a <details> (no script needed); the one that failed comes open, with its errors. */
function StepForm(props: { ctx: PageContext; view: OfficeReport; action: HandlingAction; failed: Failed | null }) {
  const { t, csrfToken } = props.ctx;
  const { action, view } = props;
  const r = view.report;
  const defaults: Record<string, string> =
    action === "assign" ? { assigneeUserId: r.assigneeUserId ?? view.category?.responsibleUserId ?? "", assignedUnit: r.assignedUnit ?? "" } : {};
  const form: FormState = props.failed ? props.failed.form : emptyForm(defaults);
  // Ids stay unique across the page's forms; the failed form keeps the plain ids its error summary links to.
  const id = (name: string) => (props.failed ? undefined : `f-${action}-${name}`);
  const multipart = action === "resolve";
  const labels = labelsOf(t);
  return (
    <details class="step-form" open={props.failed ? true : undefined}>
      <summary>{t(`reports.handling.action.${action}`)}</summary>
      <form method="post" action={`${reportPaths.officeReport(r.id)}/actions/${action}`} enctype={multipart ? "multipart/form-data" : undefined} novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={String(r.version)} />
        {action === "reject" && (
          <>
            <SelectField
              t={t}
              form={form}
              id={id("reason")}
              name="reason"
              label={labels.reason!}
              placeholder=""
              options={REJECT_REASONS.map((x) => ({ value: x, label: t(`reports.handling.reason.${x}`) }))}
              required
            />
            <Field
              t={t}
              form={form}
              id={id("note")}
              name="note"
              label={t("reports.handling.form.rejectNote")}
              hint={t("reports.handling.form.rejectNoteHint")}
              kind="textarea"
              required
            />
            <Field
              t={t}
              form={form}
              id={id("duplicateCode")}
              name="duplicateCode"
              label={labels.duplicateCode!}
              hint={t("reports.handling.form.duplicateCodeHint")}
            />
          </>
        )}
        {action === "assign" && (
          <>
            <SelectField
              t={t}
              form={form}
              id={id("assigneeUserId")}
              name="assigneeUserId"
              label={labels.assigneeUserId!}
              hint={t("reports.handling.form.assigneeHint")}
              placeholder={t("reports.handling.form.assigneePick")}
              options={view.assignable.map((u) => ({ value: u.id, label: u.displayName }))}
            />
            <Field t={t} form={form} id={id("assignedUnit")} name="assignedUnit" label={labels.assignedUnit!} />
            <Field t={t} form={form} id={id("note")} name="note" label={labels.note!} kind="textarea" />
          </>
        )}
        {action === "forward" && (
          <>
            <Field t={t} form={form} id={id("agency")} name="agency" label={labels.agency!} hint={t("reports.handling.form.agencyHint")} required />
            <Field t={t} form={form} id={id("dueDate")} name="dueDate" label={labels.dueDate!} kind="date" required />
            <Field t={t} form={form} id={id("note")} name="note" label={labels.note!} kind="textarea" />
          </>
        )}
        {action === "forward-return" && <Field t={t} form={form} id={id("result")} name="result" label={labels.result!} kind="textarea" required />}
        {action === "resolve" && (
          <>
            <Field
              t={t}
              form={form}
              id={id("answer")}
              name="answer"
              label={labels.answer!}
              hint={t("reports.handling.form.answerHint", { days: CONFIRM_WINDOW_DAYS })}
              kind="textarea"
              rows={5}
              required
            />
            <div class="field">
              <label for={id("photos") ?? "f-photos"}>{labels.photos}</label>
              <span class="hint" id={`${id("photos") ?? "f-photos"}-hint`}>
                {t("reports.handling.form.photosHint")}
              </span>
              <input
                type="file"
                id={id("photos") ?? "f-photos"}
                name="photos"
                accept="image/jpeg,image/png,image/heic,image/heif,.heic,.heif"
                multiple
                aria-describedby={`${id("photos") ?? "f-photos"}-hint`}
              />
            </div>
          </>
        )}
        {(action === "accept" || action === "start") && <Field t={t} form={form} id={id("note")} name="note" label={labels.note!} kind="textarea" />}
        <Button variant={action === "reject" ? "warning" : undefined}>{t(`reports.handling.action.${action}`)}</Button>
      </form>
    </details>
  );
}
