// Filing a dossier: a citizen online (or an officer or volunteer for them, with consent), or the desk taking a
// walk-in at the counter. Drafts are saved as they are; submission checks everything against the procedure
// version in force, gives the dossier its code at once, and an idempotency key makes retries harmless.
import type { Deps } from "../../../deps.ts";
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import { PERMISSIONS } from "../../../platform/auth/roles.ts";
import { referenceCache } from "../../../platform/cache/reference-cache.ts";
import { computeDueAt } from "../../../platform/calendar/working-time.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { storeFile } from "../../../platform/files/file-store.ts";
import { AppError, type FieldError, fieldErrorsFromZod } from "../../../platform/http/app-error.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import { addToVault, citizenAccountFor, vaultItemFile } from "../../citizens/index.ts";
import { getProcedure, type ProcedureRecord } from "../../procedures/index.ts";
import { checkFormData, missingDocuments } from "../form-data.ts";
import { ApplicantInput, ConsentInput, DeliveryInput } from "../dossiers.contract.ts";
import * as repo from "../dossiers.repository.ts";
import { dossierCode, loadDeskSettings } from "./dossier-code.ts";
import { notifyApplicant } from "./notify-applicant.ts";
import type { DossierView } from "./read-dossiers.ts";
import { actorFacts } from "../dossier-access.ts";
import { availableActions, type DossierState } from "../dossier-workflow.ts";

type D = Pick<Deps, "db" | "events" | "clock" | "config" | "log">;
type Ctx = Context & { principal: Principal | null };

export type DocumentInput = { requirementKey: string; upload?: { name: string; bytes: Uint8Array }; fileId?: string; vaultItemId?: string };
export type FileDossierInput = {
  dossierId?: string;
  idempotencyKey: string | null;
  procedureCode: string;
  communeCode: string;
  applicant: Record<string, unknown>;
  form: Record<string, unknown>;
  documents: DocumentInput[];
  delivery: Record<string, unknown>;
  assistedConsent?: Record<string, unknown> | null;
  channel: "online" | "counter" | "post";
  intent: "draft" | "submit";
};
export type FileDossierResult = { dossier: repo.DossierRow; replayed: boolean; view?: DossierView };

// Communes are read on every filing and change only with an import of the official list.
const communes = referenceCache<Awaited<ReturnType<typeof getAdminUnit>> | null>(60_000);

/** A submission that failed its checks after its draft was kept: pages reopen the draft with the errors. */
export class DraftKeptError extends AppError {
  constructor(
    readonly dossierId: string,
    fields: FieldError[],
  ) {
    super("validation", "error.validation", fields);
  }
}

export async function fileDossier(deps: D, ctx: Ctx, input: FileDossierInput): Promise<FileDossierResult> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const now = deps.clock.now();

  // A retry of something already filed answers with what was filed, whatever it carries this time.
  let draft: repo.DossierRow | null = null;
  if (input.idempotencyKey) {
    const earlier = await repo.findByIdempotencyKey(deps.db, p.userId, input.idempotencyKey);
    if (earlier && earlier.state !== "draft") return { dossier: earlier, replayed: true };
    draft = earlier;
  }
  if (input.dossierId && !draft) {
    draft = await repo.findById(deps.db, input.dossierId);
    if (!draft || draft.filedByUserId !== p.userId) throw new AppError("not_found", "error.notFound");
    if (draft.state !== "draft") return { dossier: draft, replayed: true };
  }

  const communeCode = (input.communeCode ?? "").trim();
  const found = communeCode ? await communes.get(deps.db, communeCode, () => getAdminUnit(deps, communeCode).catch(() => null)) : null;
  if (!found || found.level !== "commune") {
    // Without a commune nothing can be checked against its rules, but the person still hears about every
    // other field they can fix now.
    const errs: FieldError[] = [
      communeCode
        ? { field: "communeCode", code: "unknown", message: "dossiers.error.commune" }
        : { field: "communeCode", code: "required", message: "validation.required" },
    ];
    const a = ApplicantInput.safeParse(input.applicant);
    if (!a.success) errs.push(...prefix("applicant", fieldErrorsFromZod(a.error.issues)));
    const dl = DeliveryInput.safeParse(input.delivery);
    if (!dl.success) errs.push(...prefix("delivery", fieldErrorsFromZod(dl.error.issues)));
    throw new AppError("validation", "error.validation", errs);
  }
  const commune = found;
  const unit = { code: commune.code, path: commune.path };

  // Who files: the desk at its counter, a helper with the citizen's consent, or the citizen.
  const atCounter = input.channel !== "online";
  if (atCounter && !can(p, "dossier.receive", unit))
    throw new AppError(can(p, "dossier.read", unit) ? "forbidden" : "not_found", atCounter ? "error.forbidden" : "error.notFound");
  const assisted = atCounter || (p.kind !== "citizen" && canAssistIn(p, commune.path));
  if (!atCounter && p.kind !== "citizen" && !assisted) throw new AppError("forbidden", "error.forbidden");

  const procedure = await getProcedure(deps, input.procedureCode).catch(() => {
    throw new AppError("validation", "error.validation", [{ field: "procedureCode", code: "unknown", message: "dossiers.error.procedure" }]);
  });
  const def = procedure.definition;
  if (!procedure.active || (!atCounter && def.onlineLevel === "none")) {
    throw new AppError("validation", "error.validation", [{ field: "procedureCode", code: "notOnline", message: "dossiers.error.notOnline" }]);
  }

  // Everything is checked before anything is written.
  const errors: FieldError[] = [];
  const applicant = ApplicantInput.safeParse(input.applicant);
  if (!applicant.success) errors.push(...prefix("applicant", fieldErrorsFromZod(applicant.error.issues)));
  const delivery = DeliveryInput.safeParse(input.delivery);
  if (!delivery.success) errors.push(...prefix("delivery", fieldErrorsFromZod(delivery.error.issues)));
  else if (!def.deliveryMethods.includes(delivery.data.method))
    errors.push({ field: "delivery.method", code: "choice", message: "dossiers.error.deliveryMethod" });
  const consent = assisted ? ConsentInput.safeParse(input.assistedConsent ?? undefined) : null;
  if (consent && !consent.success) errors.push({ field: "assistedConsent.method", code: "required", message: "dossiers.error.consent" });
  // Data entered once: the form's own copies of the applicant's details come from the applicant section.
  const formInput: Record<string, unknown> = { ...input.form };
  for (const f of def.form) {
    const own = f.prefill ? (input.applicant as Record<string, unknown>)[f.prefill] : undefined;
    const mine = formInput[f.key];
    const empty = mine === undefined || mine === null || (typeof mine === "string" && !mine.trim());
    if (f.prefill && empty && typeof own === "string" && own.trim()) formInput[f.key] = own;
  }
  const form = checkFormData(def.form, formInput, { partial: input.intent === "draft", today: now });
  errors.push(...form.errors);

  const known = new Set([...def.documents.map((d) => d.key), ...def.form.filter((f) => f.type === "file").map((f) => f.key)]);
  for (const d of input.documents)
    if (!known.has(d.requirementKey)) errors.push({ field: `documents.${d.requirementKey}`, code: "unknown", message: "dossiers.error.unknownDocument" });

  const attachedBefore = draft ? new Set((await repo.listDocuments(deps.db, draft.id)).map((d) => d.requirementKey)) : new Set<string>();
  const attached = new Set([...attachedBefore, ...input.documents.map((d) => d.requirementKey)]);
  if (input.intent === "submit") {
    for (const key of missingDocuments(def, attached)) errors.push({ field: `documents.${key}`, code: "required", message: "dossiers.error.documentMissing" });
  }

  const rawApplicant = applicant.success ? applicant.data : sanitiseRaw(input.applicant);
  // Filed for someone who has an account (same phone and ID number in their profile): it shows in their
  // dossiers and the result reaches their vault, as if they had filed it themselves.
  const ownerForAssisted =
    assisted && applicant.success && applicant.data.phone && applicant.data.citizenIdNumber
      ? await citizenAccountFor(deps.db, applicant.data.phone, applicant.data.citizenIdNumber)
      : null;
  const record = {
    communeCode: commune.code,
    unitPath: commune.path,
    procedureId: procedure.id,
    procedureVersion: procedure.version,
    channel: input.channel,
    ownerUserId: assisted ? ownerForAssisted : p.userId,
    filedByUserId: p.userId,
    assistedConsent: consent?.success
      ? { given: true as const, method: consent.data.method, note: consent.data.note, recordedBy: p.username, at: now.toISOString() }
      : null,
    applicant: { ...rawApplicant, fullName: String(rawApplicant.fullName ?? "") },
    formData: form.values as Record<string, unknown>,
    delivery: delivery.success ? delivery.data : { method: "desk" as const },
    feeAmount: procedure.totalFee,
    idempotencyKey: input.idempotencyKey,
  };

  if (errors.length > 0) {
    // A page's submission keeps what was typed and uploaded as a draft; the API gets a clean 400.
    if (input.intent === "submit" && (draft || input.documents.some((d) => d.upload)) && !atCounter) {
      const kept = await saveDraft(deps, ctx, draft, record, input.documents, now).catch((err: unknown) => {
        if (err instanceof AppError) throw new AppError(err.code, err.messageKey, [...errors, ...err.fields]);
        throw err;
      });
      throw new DraftKeptError(kept.id, errors);
    }
    throw new AppError("validation", "error.validation", errors);
  }

  if (input.intent === "draft") return { dossier: await saveDraft(deps, ctx, draft, record, input.documents, now), replayed: false };

  // The code comes from its own short statement so the day's counter is never held by a long transaction.
  const settings = await loadDeskSettings(deps, commune.code);
  const state: DossierState = atCounter ? "received" : "submitted";
  const calendar = atCounter ? await loadWorkCalendar(deps) : null;
  const dueAt = calendar ? computeDueAt(calendar, { receivedAt: now, duration: def.processing, cutOff: def.processing.cutOff }) : null;
  const day = toDay(now);

  for (let attempt = 0; ; attempt++) {
    const code = dossierCode(settings.agencyCode, now, await repo.nextCodeNumber(deps.db, settings.agencyCode, day));
    try {
      const filed = await deps.db.tx(async (q) => {
        let row: repo.DossierRow;
        if (draft) {
          const ok = await repo.updateDossier(
            q,
            draft.id,
            draft.version,
            { ...patchOf(record), code, state, submittedAt: now, ...(atCounter ? { receivedAt: now, dueAt } : {}) },
            now,
          );
          if (!ok) throw new AppError("conflict", "dossiers.error.changedMeanwhile");
          row = (await repo.findById(q, draft.id))!;
        } else {
          const inserted = await repo.insertDossierRow(q, { ...record, state, now, code, submittedAt: now, receivedAt: atCounter ? now : null, dueAt });
          if (!inserted) throw new AppError("conflict", "dossiers.error.duplicate"); // a concurrent twin with the same key won
          row = inserted;
        }
        const id = row.id;
        const documents = await attachDocuments(deps, q, p, id, commune.code, input.documents, atCounter ? "scan" : "upload", 0);
        const event = {
          action: atCounter ? "intake" : "submit",
          fromState: draft ? ("draft" as const) : null,
          toState: state,
          actorId: p.userId,
          actorLabel: p.displayName,
          at: now,
          reason: null,
          stepDueAt: null,
          details: { channel: input.channel, procedureVersion: procedure.version },
        };
        await repo.insertEvent(q, id, event);
        await notifyApplicant(q, row, atCounter ? "dossierReceived" : "dossierSubmitted", { procedureName: def.name, dueAt });
        await deps.events.publish(q, {
          type: atCounter ? "dossier.intake" : "dossier.submitted",
          actor: ctx.actor,
          target: { type: "dossier", id },
          adminUnitCode: commune.code,
          requestId: ctx.requestId,
          details: { code, procedure: procedure.code, version: procedure.version, channel: input.channel },
        });
        return { row, documents, event };
      });
      // What the filer sees next is known already: no need to read it back.
      const view = draft
        ? undefined
        : {
            dossier: filed.row,
            procedure,
            documents: filed.documents,
            supplements: [],
            events: [{ id: 0, ...filed.event }],
            actions: availableActions(workflowFactsOf(filed.row), actorFacts(p, filed.row)),
            capacity: atCounter ? ("office" as const) : ("applicant" as const),
            specialists: [],
            hoursToDue: null,
          };
      return { dossier: filed.row, replayed: false, view };
    } catch (err) {
      if (!repo.isCodeCollision(err) || attempt >= 2) throw err;
      await repo.resyncCodeNumber(deps.db, settings.agencyCode, day, code.replace(/\d+$/, ""));
    }
  }
}

/** Facts of a dossier just filed: no clock runs yet, nothing is apologised for or rated. */
function workflowFactsOf(d: repo.DossierRow) {
  return { state: d.state, resumeState: d.resumeState, assigneeId: d.assigneeId, dueAt: d.dueAt, apologyIssued: false, rated: false, hoursToDue: null };
}

async function saveDraft(
  deps: D,
  ctx: Ctx,
  draft: repo.DossierRow | null,
  record: Omit<repo.NewDossier, "state" | "now">,
  documents: DocumentInput[],
  now: Date,
): Promise<repo.DossierRow> {
  const p = ctx.principal!;
  return deps.db.tx(async (q) => {
    let id: string;
    if (draft) {
      if (!(await repo.updateDossier(q, draft.id, draft.version, patchOf(record), now))) throw new AppError("conflict", "dossiers.error.changedMeanwhile");
      id = draft.id;
    } else {
      const inserted = await repo.insertDossier(q, { ...record, state: "draft", now });
      if (!inserted) throw new AppError("conflict", "dossiers.error.duplicate");
      id = inserted;
    }
    await attachDocuments(deps, q, p, id, record.communeCode, documents, "upload", 0, true);
    return (await repo.findById(q, id))!;
  });
}

/** Stores uploads (into the citizen's vault too, so they are never asked twice) and links vault items. */
export async function attachDocuments(
  deps: Pick<Deps, "config">,
  q: Queryable,
  p: Principal,
  dossierId: string,
  communeCode: string,
  documents: DocumentInput[],
  uploadSource: "upload" | "scan",
  round: number,
  replace = false,
): Promise<repo.DossierDocument[]> {
  const rows: Parameters<typeof repo.insertDocuments>[3] = [];
  for (const d of documents) {
    const field = `documents.${d.requirementKey}`;
    let fileId: string;
    let source: repo.DossierDocument["source"] = uploadSource;
    let mustOwn = false;
    if (d.upload) {
      const stored = await storeFile(q, {
        ownerUserId: p.userId,
        communeCode,
        name: d.upload.name,
        bytes: d.upload.bytes,
        maxBytes: deps.config.uploadMaxBytes,
        field,
      });
      fileId = stored.id;
      if (p.kind === "citizen")
        await addToVault(q, { userId: p.userId, fileId, title: stored.name, kind: "upload", documentType: d.requirementKey, sourceDossierId: dossierId });
    } else if (d.vaultItemId) {
      const item = await vaultItemFile(q, p.userId, d.vaultItemId);
      if (!item) throw new AppError("validation", "error.validation", [{ field, code: "unknown", message: "dossiers.error.vaultItem" }]);
      fileId = item.fileId;
      source = "vault";
    } else if (d.fileId) {
      // A file id sent by the caller links only if the caller uploaded it (checked in the insert).
      if (!/^[0-9a-f-]{36}$/i.test(d.fileId))
        throw new AppError("validation", "error.validation", [{ field, code: "unknown", message: "dossiers.error.file" }]);
      fileId = d.fileId;
      mustOwn = true;
    } else continue;
    // A draft replaces each requirement's document as it goes (the same key twice keeps the last one).
    if (replace) await repo.removeDraftDocuments(q, dossierId, d.requirementKey);
    rows.push({ requirementKey: d.requirementKey, fileId, source, round, mustOwn });
  }
  const attached = await repo.insertDocuments(q, dossierId, p.userId, rows);
  if (attached.length < rows.length) {
    const linked = new Set(attached.map((a) => `${a.requirementKey}|${a.fileId}`));
    const refused = rows.filter((r) => !linked.has(`${r.requirementKey}|${r.fileId}`));
    throw new AppError(
      "validation",
      "error.validation",
      refused.map((r) => ({ field: `documents.${r.requirementKey}`, code: "unknown", message: "dossiers.error.file" as const })),
    );
  }
  return attached;
}

function patchOf(r: Omit<repo.NewDossier, "state" | "now">): repo.DossierPatch {
  return {
    communeCode: r.communeCode,
    unitPath: r.unitPath,
    procedureId: r.procedureId,
    procedureVersion: r.procedureVersion,
    applicant: r.applicant,
    formData: r.formData,
    delivery: r.delivery,
    feeAmount: r.feeAmount,
    feeStatus: r.feeAmount > 0 ? "unpaid" : "none",
    ownerUserId: r.ownerUserId,
    assistedConsent: r.assistedConsent,
  };
}

/** Volunteers are granted on a village; they help anyone filing with the village's commune. */
function canAssistIn(p: Principal, communePath: string): boolean {
  return p.grants.some(
    (g) => (PERMISSIONS["dossier.assist"] as readonly string[]).includes(g.role) && (communePath.startsWith(g.unitPath) || g.unitPath.startsWith(communePath)),
  );
}

const prefix = (p: string, errs: FieldError[]) => errs.map((e) => ({ ...e, field: e.field === "body" ? p : `${p}.${e.field}` }));

/** Keeps only short strings of a form that failed its checks, so a draft stores what was typed and nothing else. */
function sanitiseRaw(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw ?? {})) if (typeof v === "string" && k.length < 40) out[k] = v.slice(0, 300);
  return out;
}

const toDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export type { ProcedureRecord };
