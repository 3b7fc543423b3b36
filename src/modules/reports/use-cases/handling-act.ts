// Every officer's step on a report goes through here: check who may act and on what (404 outside the officer's
// units), the version they saw (409 naming `version`), the graph (409 naming `action`), the step's own data (400
// naming each field); then write the state, the step's report_events row (who, when, why), the domain event (audit)
// and the notifications (outbox) in one transaction. Photos of an answer are checked and converted before it.
import type { Deps } from "../../../deps.ts";
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import { addWorkingDays, toLocalDay } from "../../../platform/calendar/working-time.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { uploadQuota } from "../../../platform/files/upload-limits.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import { principalOfUser } from "../../identity/index.ts";
import { EVENT_KIND, type HandlingAction, stepAllowed, targetOf } from "../handling/handling-steps.ts";
import * as repo from "../handling/handling.repository.ts";
import { visibleReport } from "../report-access.ts";
import { CONFIRM_WINDOW_DAYS, DESCRIPTION_MAX, MAX_REPORT_PHOTOS, REJECT_REASONS, type RejectReason, type ReportRow } from "../reports.model.ts";
import { findReportByCode, insertReportEvent } from "../reports.repository.ts";
import { type IncomingPhoto, type PreparedPhoto, preparePhotos, saveReportPhotos } from "./photo-store.ts";
import { notifyAssignee, notifyReporter } from "./handling-notify.ts";

type D = Pick<Deps, "db" | "events" | "clock" | "config" | "log">;
type Ctx = Context & { principal: Principal | null };

export const NOTE_MAX = 1000;
export const AGENCY_MAX = 200;
export const UNIT_MAX = 200;

export type HandlingInput = {
  /** The report's version the officer saw. */
  version: number;
  /** reject: not_commune | duplicate | abusive. */
  reason?: string;
  /** reject: the text shown to the reporter; other steps: a note for the timeline. */
  note?: string;
  /** reject as duplicate: the other report's code. */
  duplicateCode?: string;
  /** assign: an officer holding report.handle on the report's commune, and/or a named unit. */
  assigneeUserId?: string;
  assignedUnit?: string;
  /** forward: the agency and its own deadline (a working day, YYYY-MM-DD). */
  agency?: string;
  dueDate?: string;
  /** forward-return: what the agency did. */
  result?: string;
  /** resolve: the answer shown in public, and up to 3 photos after. */
  answer?: string;
  photos?: IncomingPhoto[];
  clientIp?: string | null;
};

const field = (name: string, code: string, message: FieldError["message"], params?: FieldError["params"]): FieldError => ({
  field: name,
  code,
  message,
  ...(params ? { params } : {}),
});
const trimmed = (s: string | undefined) => (s ?? "").trim();

function requireText(errors: FieldError[], name: string, value: string, max: number) {
  if (!value) errors.push(field(name, "required", "validation.required"));
  else if (value.length > max) errors.push(field(name, "tooLong", "validation.tooLong", { max }));
}
function optionalText(errors: FieldError[], name: string, value: string, max: number) {
  if (value.length > max) errors.push(field(name, "tooLong", "validation.tooLong", { max }));
}

/** The officer may handle reports of this report's unit: authorise()'s rule, 404 when no grant reaches it. */
function assertHandles(p: Principal, r: ReportRow) {
  const unit = { code: r.communeCode, path: r.unitPath };
  if (!can(p, "report.handle", unit)) throw new AppError("forbidden", "error.forbidden");
}

export async function actOnReport(deps: D, ctx: Ctx, id: string, action: HandlingAction, input: HandlingInput): Promise<ReportRow> {
  // A cheap read first: a step refused for access or input costs no photo conversion and no lock.
  const seen = await visibleReport(deps.db, ctx.principal, id);
  const p = ctx.principal!;
  assertHandles(p, seen);
  const now = deps.clock.now();
  const errors: FieldError[] = [];
  const note = trimmed(input.note);
  let prepared: PreparedPhoto[] = [];
  let duplicateOf: string | null = null;
  let assignee: string | null = null;
  let assignedUnit: string | null = null;
  let dueDate: string | null = null;

  switch (action) {
    case "reject": {
      if (!input.reason) errors.push(field("reason", "required", "validation.required"));
      else if (!(REJECT_REASONS as readonly string[]).includes(input.reason))
        errors.push(field("reason", "choice", "validation.choice", { options: REJECT_REASONS.join(", ") }));
      requireText(errors, "note", note, NOTE_MAX);
      if (input.reason === "duplicate") {
        const code = trimmed(input.duplicateCode);
        const other = code ? await findReportByCode(deps.db, code) : null;
        if (!code) errors.push(field("duplicateCode", "required", "validation.required"));
        else if (!other || other.communeCode !== seen.communeCode || other.id === seen.id)
          errors.push(field("duplicateCode", "unknown", "reports.handling.error.duplicateUnknown"));
        else duplicateOf = other.id;
      }
      break;
    }
    case "assign": {
      const wanted = trimmed(input.assigneeUserId);
      assignedUnit = trimmed(input.assignedUnit) || null;
      optionalText(errors, "assignedUnit", assignedUnit ?? "", UNIT_MAX);
      optionalText(errors, "note", note, NOTE_MAX);
      let candidate = wanted || null;
      if (!candidate && !assignedUnit) candidate = (await repo.findCategoryFacts(deps.db, seen.categoryId))?.responsibleUserId ?? null;
      if (candidate) {
        const holder = isUuid(candidate) ? await principalOfUser(deps, candidate) : null;
        if (!holder || !can(holder, "report.handle", { code: seen.communeCode, path: seen.unitPath }))
          errors.push(field("assigneeUserId", "notHandler", "reports.handling.error.notHandler"));
        else assignee = candidate;
      } else if (!assignedUnit) errors.push(field("assigneeUserId", "required", "reports.handling.error.assignWhom"));
      break;
    }
    case "forward": {
      const agency = trimmed(input.agency);
      requireText(errors, "agency", agency, AGENCY_MAX);
      optionalText(errors, "note", note, NOTE_MAX);
      const day = trimmed(input.dueDate);
      const cal = await loadWorkCalendar(deps);
      if (!day) errors.push(field("dueDate", "required", "validation.required"));
      else if (
        !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
        Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ||
        new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day
      )
        errors.push(field("dueDate", "format", "validation.date"));
      else if (day < toLocalDay(now)) errors.push(field("dueDate", "past", "reports.handling.error.duePast"));
      else if (!cal.isWorkingDay(day))
        errors.push(field("dueDate", "notWorking", "reports.handling.error.dueNotWorking", { next: addWorkingDays(cal, day, 1) }));
      else dueDate = day;
      break;
    }
    case "forward-return":
      requireText(errors, "result", trimmed(input.result), NOTE_MAX);
      break;
    case "resolve": {
      requireText(errors, "answer", trimmed(input.answer), DESCRIPTION_MAX);
      if ((input.photos?.filter((f) => f.bytes.byteLength > 0).length ?? 0) > MAX_REPORT_PHOTOS)
        errors.push(field("photos", "tooMany", "reports.handling.error.tooManyPhotos", { max: MAX_REPORT_PHOTOS }));
      break;
    }
    default:
      optionalText(errors, "note", note, NOTE_MAX);
  }
  if (!Number.isInteger(input.version)) errors.push(field("version", "required", "validation.required"));
  if (errors.length) throw new AppError("validation", "error.validation", errors);
  if (action === "resolve" && input.photos?.length) prepared = await preparePhotos(input.photos, "photos");

  return deps.db.tx(async (q) => {
    const r = await visibleReport(q, p, id, true);
    if (r.version !== input.version)
      throw new AppError("conflict", "reports.handling.error.changedMeanwhile", [field("version", "stale", "reports.handling.error.staleVersion")], {
        version: r.version,
      });
    if (!stepAllowed(action, r.status))
      throw new AppError("conflict", "reports.handling.error.notNow", [field("action", "notNow", "reports.handling.error.notNowField")], { status: r.status });
    const to = targetOf(action);
    const set: Record<string, unknown> = { status: to };
    let eventNote: string | null = note || null;
    let reason: string | null = null;
    let isPublic = true;
    const data: Record<string, unknown> = {};

    switch (action) {
      case "accept":
        set.accepted_at = now;
        break;
      case "reject":
        set.reject_reason = input.reason as RejectReason;
        set.duplicate_of = duplicateOf;
        set.status_note = note;
        reason = input.reason!;
        if (duplicateOf) data.duplicateCode = trimmed(input.duplicateCode).toUpperCase();
        break;
      case "assign":
        set.assignee_user_id = assignee;
        set.assigned_unit = assignedUnit;
        // A new assignee gets their own reminder before the deadline.
        if (assignee !== r.assigneeUserId) set.reminded_at = null;
        if (!r.acceptedAt) set.accepted_at = now;
        isPublic = false;
        Object.assign(data, { assigneeUserId: assignee, assignedUnit, previousAssigneeUserId: r.assigneeUserId });
        break;
      case "forward": {
        const f = await repo.insertForward(q, {
          reportId: r.id,
          agency: trimmed(input.agency),
          dueDate: dueDate!,
          note: note || null,
          sentBy: p.userId,
          at: now,
        });
        // The agency and its deadline are public; the officer's covering note stays on the forward row.
        Object.assign(data, { forwardId: f.id, agency: f.agency, dueDate: f.dueDate });
        eventNote = null;
        break;
      }
      case "forward-return": {
        const f = await repo.returnOpenForward(q, r.id, { result: trimmed(input.result), by: p.userId, at: now });
        Object.assign(data, { forwardId: f?.id ?? null, agency: f?.agency ?? null });
        eventNote = trimmed(input.result);
        isPublic = false;
        break;
      }
      case "resolve": {
        const answer = trimmed(input.answer);
        set.answer = answer;
        set.status_note = answer;
        if (!r.answeredAt) set.answered_at = now;
        set.confirm_until = new Date(now.getTime() + CONFIRM_WINDOW_DAYS * 86_400_000);
        // Answered while the agency still had it: its forward ends with the answer.
        if (r.status === "forwarded") await repo.returnOpenForward(q, r.id, { result: answer, by: p.userId, at: now });
        eventNote = answer;
        break;
      }
      default:
        break;
    }

    const updated = await repo.updateReportStep(q, r.id, set, now);
    if (action === "resolve" && prepared.length) {
      const photos = await saveReportPhotos(q, {
        reportId: r.id,
        communeCode: r.communeCode,
        stage: "answer",
        photos: prepared,
        actorUserId: p.userId,
        quota: uploadQuota(deps.config, p, input.clientIp ?? null, now),
      });
      data.photoIds = photos.map((ph) => ph.id);
    }
    await insertReportEvent(q, {
      reportId: r.id,
      kind: EVENT_KIND[action],
      fromStatus: r.status,
      toStatus: to,
      actorUserId: p.userId,
      reason,
      note: eventNote,
      public: isPublic,
      data,
    });
    await deps.events.publish(q, {
      type: `report.${EVENT_KIND[action]}`,
      actor: ctx.actor,
      target: { type: "report", id: r.id },
      adminUnitCode: r.communeCode,
      requestId: ctx.requestId,
      details: { code: r.code, from: r.status, to, ...(reason ? { reason } : {}) },
    });
    if (action === "accept") await notifyReporter(q, deps, updated, "accepted");
    if (action === "reject") await notifyReporter(q, deps, updated, "rejected");
    if (action === "resolve") await notifyReporter(q, deps, updated, "resolved", r.reopenCount);
    if (action === "assign" && assignee && assignee !== r.assigneeUserId) await notifyAssignee(q, deps, updated, "assigned", String(updated.version));
    return updated;
  });
}
