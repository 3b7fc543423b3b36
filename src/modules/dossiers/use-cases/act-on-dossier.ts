// Every processing action goes through here: load the dossier, ask the state machine, then persist the
// decision, the statutory clock, the tracking-slip row, the domain event and the applicant's notification.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import {
  closeOfOfficeDay,
  computeDueAt,
  durationHours,
  resumedDueAt,
  stepDueAt,
  type WorkCalendar,
  workingHoursBetween,
} from "../../../platform/calendar/working-time.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { readFileMeta, storeFile } from "../../../platform/files/file-store.ts";
import { uploadQuota } from "../../../platform/files/upload-limits.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import { addToVault } from "../../citizens/index.ts";
import { usersWithRole } from "../../identity/index.ts";
import { getProcedureVersion, type ProcedureDefinition } from "../../procedures/index.ts";
import { actorFacts, assertCanView } from "../dossier-access.ts";
import { type ActionType, decide, type DossierState, type SupplementItem, type WorkflowAction } from "../dossier-workflow.ts";
import type { ActionInput } from "../dossiers.contract.ts";
import * as repo from "../dossiers.repository.ts";
import type { DossierRow } from "../dossiers.model.ts";
import { attachDocuments, type DocumentInput } from "./attach-documents.ts";
import { notifyApplicant } from "./notify-applicant.ts";
import { takeRegisterEntry } from "./register-entry.ts";
import { reasonLines } from "./print-forms.ts";
import { issueRefusalLetter } from "./refusal-letter.ts";
import { workflowFacts } from "./workflow-facts.ts";
import { isPauseGround } from "../pause-grounds.ts";

type D = Pick<Deps, "db" | "events" | "clock" | "config" | "log">;
type Ctx = Context & { principal: Principal | null };

export type ActRequest = Omit<ActionInput, "documents"> & {
  action: ActionType;
  documents?: DocumentInput[];
  /** A scan of the result sent with the action: stored in the action's own transaction, so a refused action leaves no file behind. */
  resultUpload?: { name: string; bytes: Uint8Array };
  /** The caller's address, for the per-address upload limit (a citizen's supplement). */
  clientIp?: string | null;
};

/** The items asked for, without empty rows, trimmed. */
const supplementItems = (items: SupplementItem[]) => items.filter((i) => i.label.trim()).map((i) => ({ label: i.label.trim(), reason: i.reason.trim() }));

function toAction(r: ActRequest, cal: WorkCalendar): WorkflowAction {
  switch (r.action) {
    case "requestSupplement":
      return { type: r.action, items: r.items ?? [], overrideReason: r.overrideReason };
    case "refuse":
    case "sendBack":
    case "pause":
    case "cancel":
      return { type: r.action, reason: r.reason ?? "" };
    case "assign":
      return { type: r.action, assigneeId: r.assigneeId ?? "" };
    case "forward":
      return { type: r.action, toUnit: r.toUnit ?? "", agencyCode: r.agencyCode, stepDueAt: new Date(0) };
    case "forwardReturned":
      return { type: r.action, note: r.note ?? "", result: r.stepResult ?? "done" };
    case "propose":
      return { type: r.action, note: r.note ?? "" };
    case "returnResult":
      return { type: r.action, method: r.method ?? "desk", collectedBy: r.collectedBy, trackingNumber: r.trackingNumber };
    case "apologise":
      return { type: r.action, reason: r.reason ?? "", newDueAt: r.newDueDate ? newDueAtOf(cal, r.newDueDate) : new Date(0) };
    case "rate":
      return { type: r.action, rating: r.rating ?? 0 };
    default:
      return { type: r.action } as WorkflowAction;
  }
}

/** The promised new date is kept until the close of office that day; a malformed day is a missing one. */
function newDueAtOf(cal: WorkCalendar, day: string): Date {
  try {
    return closeOfOfficeDay(cal, day);
  } catch {
    return new Date(0);
  }
}

/** Share of the statutory time for the step a state belongs to (the procedure's steps by role). */
function stepHours(def: ProcedureDefinition, state: DossierState): number | null {
  const role =
    state === "received"
      ? "one_stop_officer"
      : state === "inReview"
        ? "specialist"
        : state === "awaitingApproval"
          ? "leader"
          : state === "resultReady"
            ? "one_stop_officer"
            : null;
  if (!role) return null;
  const share = def.steps.filter((s) => s.role === role).reduce((sum, s) => sum + s.share, 0);
  return share > 0 ? durationHours(def.processing) * share : null;
}

const FIELD_OF: Partial<Record<string, string>> = {
  items: "items",
  reason: "reason",
  assigneeId: "assigneeId",
  toUnit: "toUnit",
  note: "note",
  collectedBy: "collectedBy",
  trackingNumber: "trackingNumber",
  rating: "rating",
  newDueAt: "newDueDate",
  dueAt: "newDueDate",
  apology: "action",
  overrideReason: "overrideReason",
};

/** The 409 message for each rule the machine names (illegalState with a field). */
const CONFLICT_MESSAGE: Partial<Record<string, MessageKey>> = {
  dueAt: "dossiers.error.apologyTooLate",
  apology: "dossiers.error.apologyOnce",
  rating: "dossiers.error.ratedOnce",
  fee: "dossiers.error.feeUnpaid",
  supplementOnce: "dossiers.error.supplementOnce",
  supplementLate: "dossiers.error.supplementLate",
  returned: "dossiers.error.refusalReturned",
};

export async function actOnDossier(deps: D, ctx: Ctx, dossierId: string, req: ActRequest): Promise<DossierRow> {
  const p = ctx.principal;
  // A draft is submitted through fileDossier, which checks it and gives it its code; never as a bare transition.
  if (req.action === "submit") throw new AppError("validation", "error.validation", [{ field: "action", code: "choice", message: "validation.invalid" }]);
  const current = await repo.findById(deps.db, dossierId);
  if (!current) throw p ? new AppError("not_found", "error.notFound") : new AppError("unauthenticated", "error.unauthenticated");
  assertCanView(p, current);
  const now = deps.clock.now();
  const cal = await loadWorkCalendar(deps);
  const action = toAction(req, cal);

  // Data the machine cannot judge alone.
  const extraErrors: FieldError[] = [];
  if (action.type === "forward") {
    if (!req.stepDays) extraErrors.push({ field: "stepDays", code: "required", message: "validation.required" });
    // N working days from today, to the close of office of the N-th (the same rule as the dossier's own period).
    else action.stepDueAt = computeDueAt(cal, { receivedAt: now, duration: { unit: "days", amount: req.stepDays }, cutOff: null });
  }
  if (action.type === "assign" && action.assigneeId) {
    const specialists = await usersWithRole(deps, "specialist", current.unitPath);
    if (!specialists.some((s) => s.id === action.assigneeId)) extraErrors.push({ field: "assigneeId", code: "choice", message: "dossiers.error.assignee" });
  }
  // A pause stops the statutory clock only on a legal ground from the list (the reason says more; "other" says which).
  if (action.type === "pause" && !isPauseGround(req.ground))
    extraErrors.push(
      req.ground ? { field: "ground", code: "choice", message: "validation.invalid" } : { field: "ground", code: "required", message: "validation.required" },
    );
  if (action.type === "answerSupplement" && !req.documents?.length && !req.note)
    extraErrors.push({ field: "documents", code: "required", message: "dossiers.error.supplementEmpty" });
  // The new appointment is a day the office is open.
  if (action.type === "apologise" && req.newDueDate && action.newDueAt.getTime() > 0 && !cal.isWorkingDay(req.newDueDate))
    extraErrors.push({ field: "newDueDate", code: "workingDay", message: "dossiers.error.newDueDateWorkingDay" });

  return deps.db.tx(async (q) => {
    const d = await repo.findById(q, dossierId, true);
    if (!d) throw new AppError("not_found", "error.notFound");
    // Optimistic check: the page the officer acted on must still be the dossier as it is.
    if (d.version !== req.version) throw new AppError("conflict", "dossiers.error.changedMeanwhile", [], { version: d.version });
    const proc = await getProcedureVersion(q, d.procedureId, d.procedureVersion);
    const supplements = await repo.listSupplementRequests(q, d.id);
    const decision = decide(workflowFacts(d, cal, now, { supplements, procedure: proc.definition }), action, actorFacts(p, d));
    if (!decision.ok) {
      if (decision.error === "forbidden") throw new AppError("forbidden", "error.forbidden");
      if (decision.error === "illegalState") {
        const fee = decision.field === "fee";
        throw new AppError(
          "conflict",
          CONFLICT_MESSAGE[decision.field ?? ""] ?? "dossiers.error.illegalState",
          fee ? [{ field: "fee", code: "unpaid", message: "dossiers.error.feeUnpaid", params: { amount: d.feeAmount } }] : [],
          fee ? { state: d.state, amount: d.feeAmount } : { state: d.state },
        );
      }
      const field = FIELD_OF[decision.field ?? ""] ?? decision.field ?? "body";
      throw new AppError("validation", "error.validation", [
        { field, code: "required", message: field === "newDueDate" ? "dossiers.error.newDueDate" : "validation.required" },
        ...extraErrors,
      ]);
    }
    if (extraErrors.length) throw new AppError("validation", "error.validation", extraErrors);

    const def = proc.definition;
    const patch: repo.DossierPatch = { state: decision.to, resumeState: decision.resumeState, assigneeId: decision.assigneeId };
    let dueAt = d.dueAt;
    switch (decision.clock) {
      case "start":
        dueAt = computeDueAt(cal, { receivedAt: now, duration: def.processing, cutOff: def.processing.cutOff });
        Object.assign(patch, { receivedAt: now, dueAt });
        break;
      case "stop":
        // Negative when already late: a stop never gives back time overrun (the deadline itself is kept).
        Object.assign(patch, { remainingHours: d.dueAt ? workingHoursBetween(cal, now, d.dueAt) : null, clockStoppedAt: now });
        break;
      case "resume":
        // The clock restarts with what was left; a dossier late before the stop keeps its passed deadline.
        dueAt =
          d.dueAt && d.clockStoppedAt
            ? resumedDueAt(cal, {
                dueAt: d.dueAt,
                stoppedAt: d.clockStoppedAt,
                resumedAt: now,
                remainingHours: d.remainingHours ?? 0,
                unit: def.processing.unit,
              })
            : computeDueAt(cal, { receivedAt: now, duration: { unit: "hours", amount: d.remainingHours ?? 0 }, cutOff: null });
        Object.assign(patch, { dueAt, remainingHours: null, clockStoppedAt: null });
        break;
      case "end":
        patch.finishedAt = now;
        break;
    }
    if (decision.to === "refused" || decision.to === "cancelled") patch.finishedAt = now;
    if (action.type === "forward") {
      Object.assign(patch, { forwardedTo: action.toUnit, stepDueAt: action.stepDueAt });
      await repo.insertInteragencyStep(q, d.id, {
        agencyName: action.toUnit.trim(),
        agencyCode: action.agencyCode?.trim() || null,
        sentAt: now,
        sentBy: p?.userId ?? null,
        stepDueAt: action.stepDueAt,
      });
    } else if (decision.to !== d.state) {
      const hours = stepHours(def, decision.to);
      patch.stepDueAt = hours !== null ? stepDueAt(cal, now, hours, dueAt) : null;
      if (d.state === "forwarded") patch.forwardedTo = null;
    }

    let round = 0;
    switch (action.type) {
      case "requestSupplement":
        round = await repo.insertSupplementRequest(q, d.id, {
          items: supplementItems(action.items).map((it, i) => ({ key: `item${i + 1}`, label: it.label, note: it.reason })),
          note: req.note ?? null,
          requestedAt: now,
          oldDueAt: d.dueAt,
          requestedBy: p?.userId ?? null,
          overrideReason: decision.flags.override ? (action.overrideReason?.trim() ?? null) : null,
          afterReceipt: d.state !== "submitted",
        });
        break;
      case "forwardReturned":
        await repo.closeInteragencyStep(q, d.id, { returnedAt: now, returnedBy: p?.userId ?? null, result: action.result ?? "done", note: action.note.trim() });
        break;
      case "answerSupplement": {
        const open = (await repo.listSupplementRequests(q, d.id)).find((r) => !r.answeredAt);
        round = open?.round ?? 1;
        await attachDocuments(deps, q, p!, d.id, d.communeCode, req.documents ?? [], { source: "upload", round, clientIp: req.clientIp ?? null, now });
        await repo.answerSupplementRequest(q, d.id, now, decision.clock === "resume" ? dueAt : d.dueAt);
        break;
      }
      case "apologise":
        Object.assign(patch, { apologyAt: now, apologyDueAt: action.newDueAt });
        break;
      case "rate":
        Object.assign(patch, { rating: action.rating, ratingComment: req.note ?? null });
        break;
      case "returnResult":
        Object.assign(patch, {
          returnedAt: now,
          delivery: { ...d.delivery, method: action.method, collectedBy: action.collectedBy ?? null, trackingNumber: action.trackingNumber ?? null },
        });
        break;
    }
    // Originals shown on receipt (the ID card): recorded as seen, no file; unknown documents are refused.
    if (action.type === "receive" && req.originalsSeen?.length) {
      const unknown = req.originalsSeen.filter((k) => !def.documents.some((x) => x.key === k));
      if (unknown.length > 0)
        throw new AppError(
          "validation",
          "error.validation",
          unknown.map((k) => ({ field: `documents.${k}`, code: "unknown", message: "dossiers.error.unknownDocument" as const })),
        );
      await repo.insertOriginalsSeen(q, d.id, req.originalsSeen, p?.userId ?? null, now);
    }
    // A result's electronic copy: attached by the leader on approval or digitised by the desk on return.
    if ((action.type === "approve" || action.type === "returnResult") && (req.resultFileId || req.resultUpload)) {
      let meta: { id: string } | null;
      if (req.resultUpload) {
        meta = await storeFile(q, {
          ownerUserId: p?.userId ?? null,
          communeCode: d.communeCode,
          name: req.resultUpload.name,
          bytes: req.resultUpload.bytes,
          maxBytes: deps.config.uploadMaxBytes,
          field: "resultFile",
          quota: p ? uploadQuota(deps.config, p, req.clientIp ?? null, now) : null,
        });
      } else {
        const found = await readFileMeta(q, req.resultFileId!);
        // A file of this commune's, or one the officer uploaded through the API for this action.
        meta = found && (found.communeCode === d.communeCode || (p !== null && found.ownerUserId === p.userId)) ? found : null;
      }
      if (!meta) throw new AppError("validation", "error.validation", [{ field: "resultFile", code: "unknown", message: "dossiers.error.file" }]);
      await repo.insertDocument(q, d.id, { requirementKey: "result", fileId: meta.id, source: "result", round: 0 });
      if (d.ownerUserId)
        await addToVault(q, {
          userId: d.ownerUserId,
          fileId: meta.id,
          title: def.resultName,
          kind: "result",
          documentType: "result",
          sourceDossierId: d.id,
          now,
        });
    }

    if (!(await repo.updateDossier(q, d.id, d.version, patch, now))) throw new AppError("conflict", "dossiers.error.changedMeanwhile");
    if (decision.clock === "start") await takeRegisterEntry(q, d, now);
    await repo.insertEvent(q, d.id, {
      action: action.type,
      fromState: d.state,
      toState: decision.to,
      actorId: p?.userId ?? null,
      actorLabel: p?.displayName ?? "—",
      at: now,
      reason:
        req.reason ??
        req.note ??
        (action.type === "requestSupplement"
          ? supplementItems(action.items)
              .map((i) => `${i.label}: ${i.reason}`)
              .join("; ")
          : null),
      stepDueAt: patch.stepDueAt ?? null,
      details: {
        ...(action.type === "assign" ? { assigneeId: action.assigneeId } : {}),
        ...(action.type === "forward" ? { toUnit: action.toUnit, agencyCode: action.agencyCode ?? null } : {}),
        ...(action.type === "pause" ? { ground: req.ground } : {}),
        ...(action.type === "forwardReturned" ? { result: action.result ?? "done" } : {}),
        ...(action.type === "apologise" ? { oldDueAt: d.dueAt, newDueAt: action.newDueAt, late: decision.flags.late === true } : {}),
        ...(decision.flags.override
          ? { override: decision.flags.override, overrideReason: action.type === "requestSupplement" ? action.overrideReason : null }
          : {}),
        ...(action.type === "refuse" ? { afterReceipt: d.receivedAt !== null } : {}),
        ...(action.type === "returnResult"
          ? { method: action.method, collectedBy: action.collectedBy ?? null, trackingNumber: action.trackingNumber ?? null }
          : {}),
        ...(action.type === "rate" ? { rating: action.rating } : {}),
        ...(round ? { round } : {}),
        ...(d.stepDueAt ? { previousStepDueAt: d.stepDueAt } : {}),
      },
    });
    await deps.events.publish(q, {
      type: `dossier.${action.type}`,
      actor: ctx.actor,
      target: { type: "dossier", id: d.id },
      adminUnitCode: d.communeCode,
      requestId: ctx.requestId,
      details: { code: d.code, from: d.state, to: decision.to },
    });
    const updated = (await repo.findById(q, d.id))!;
    const procedureName = def.name;
    if (action.type === "receive") await notifyApplicant(q, deps.config.publicUrl, updated, "dossierReceived", { procedureName, dueAt });
    if (action.type === "requestSupplement")
      await notifyApplicant(q, deps.config.publicUrl, updated, "supplementRequested", {
        procedureName,
        items: supplementItems(action.items).map((i) => i.label),
        round,
      });
    if (action.type === "approve") await notifyApplicant(q, deps.config.publicUrl, updated, "resultReady", { procedureName });
    if (action.type === "refuse") {
      // After receipt the refusal is the dossier's result: its letter (Mẫu 03) goes to the owner like a result.
      if (d.receivedAt) await issueRefusalLetter(deps, q, { dossier: updated, procedure: proc, ownerUserId: updated.ownerUserId });
      await notifyApplicant(q, deps.config.publicUrl, updated, "dossierRefused", { procedureName, items: reasonLines(action.reason) });
    }
    if (action.type === "apologise") await notifyApplicant(q, deps.config.publicUrl, updated, "dossierLate", { procedureName, newDueAt: action.newDueAt });
    return updated;
  });
}
