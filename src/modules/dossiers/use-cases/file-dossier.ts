// Filing a dossier: a citizen online (or an officer or volunteer for them, with consent), or the desk taking a
// walk-in at the counter. Drafts are saved as they are; submission checks everything against the procedure
// version in force, gives the dossier its code at once, and an idempotency key makes retries harmless.
import type { Deps } from "../../../deps.ts";
import { can, canOnOrWithin, type Principal } from "../../../platform/auth/authorise.ts";
import { referenceCache } from "../../../platform/cache/reference-cache.ts";
import { computeDueAt } from "../../../platform/calendar/working-time.ts";
import { type Queryable, type Session, withAdvisoryLock } from "../../../platform/db/database.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import { type AdminUnitRow, getAdminUnit } from "../../admin-units/index.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import { citizenAccountFor } from "../../citizens/index.ts";
import { accountOfResidentApplicant } from "../../registry/index.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { feeForChannel, getProcedure, type ProcedureRecord } from "../../procedures/index.ts";
import { actorFacts } from "../dossier-access.ts";
import { availableActions, type DossierState } from "../dossier-workflow.ts";
import type { DossierDocument, DossierEvent, DossierRow, DossierView } from "../dossiers.model.ts";
import * as repo from "../dossiers.repository.ts";
import { attachDocuments, type DocumentInput } from "./attach-documents.ts";
import { checkFiling, communeError, type FilingInput, sanitiseRaw } from "./check-filing.ts";
import { FilingThrottledError, reserveFiling, smsQuotaFor } from "./filing-limits.ts";
import { release } from "../../../platform/throttle/throttle.ts";
import { dossierCode, loadDeskSettings, MAX_DAILY_NUMBER } from "./dossier-code.ts";
import { takeRegisterEntry } from "./register-entry.ts";
import { notifyApplicant } from "./notify-applicant.ts";
import { newlyFiledFacts } from "./workflow-facts.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";

type D = Pick<Deps, "db" | "events" | "clock" | "config" | "log">;
type Ctx = Context & { principal: Principal | null };

export type FileDossierInput = FilingInput & {
  dossierId?: string;
  idempotencyKey: string | null;
  procedureCode: string;
  communeCode: string;
  channel: "online" | "counter" | "post";
  /** The filer's address, for the per-address filing limit (citizens filing their own). */
  clientIp?: string | null;
  /** Filing for someone: a photo (or PDF) of the consent paper they signed, kept with the dossier's documents. */
  consentPhoto?: { name: string; bytes: Uint8Array } | null;
  /** Filing for a registry resident (assisted filing from the registry): a resident linked to an account makes it the owner. */
  residentId?: string | null;
};

/** The requirement key the consent paper's photo is kept under, among the dossier's documents. */
export const CONSENT_PHOTO_KEY = "assistedConsent";
export type FileDossierResult = { dossier: DossierRow; replayed: boolean; view?: DossierView };

// Communes are read on every filing and change only with an import of the official list.
const communes = referenceCache<AdminUnitRow | null>(60_000);

/** A submission that failed its checks after its draft was kept: pages reopen the draft with the errors. */
export class DraftKeptError extends AppError {
  constructor(
    readonly dossierId: string,
    fields: FieldError[],
  ) {
    super("validation", "error.validation", fields);
  }
}

/**
 * The agency's numbers for the day are used up (MAX_DAILY_NUMBER): nothing is filed. `dossierId` is the draft
 * kept (as for a refused submission: an existing draft, or a page's uploads), else null.
 */
export class CodesExhaustedError extends AppError {
  constructor(readonly dossierId: string | null) {
    super("unavailable", "dossiers.error.codesExhausted", [], { max: MAX_DAILY_NUMBER });
  }
}

type NewRecord = Omit<repo.NewDossier, "state" | "now">;
/** What a filing is, once resolved: who files it, where, under which procedure version, and whether at the counter. */
type Filing = { p: Principal; input: FileDossierInput; now: Date; commune: AdminUnitRow; procedure: ProcedureRecord; atCounter: boolean; assisted: boolean };

export async function fileDossier(deps: D, ctx: Ctx, input: FileDossierInput): Promise<FileDossierResult> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const now = deps.clock.now();
  const earlier = await findEarlier(deps, p, input);
  if (earlier && earlier.state !== "draft") return { dossier: earlier, replayed: true };
  const draft = earlier;
  const commune = await resolveCommune(deps, input);
  const { atCounter, assisted } = resolveFiler(p, input, commune);
  const procedure = await resolveProcedure(deps, input.procedureCode, atCounter);
  const f: Filing = { p, input, now, commune, procedure, atCounter, assisted };

  const attachedBefore = draft ? new Set((await repo.listDocuments(deps.db, draft.id)).map((d) => d.requirementKey)) : new Set<string>();
  const checked = checkFiling(procedure.definition, input, { assisted, attachedBefore, now, atCounter });
  const record = buildRecord(f, checked, await resolveOwner(deps, f, checked.applicant));
  if (checked.errors.length > 0) return refuse(deps, ctx, f, draft, record, checked.errors);
  if (input.intent === "draft") return keepDraft(deps, ctx, f, draft, record);
  return submit(deps, ctx, f, draft, record);
}

/**
 * Runs fn under the filing's lock: the filer and idempotency key (else the draft being submitted), so that
 * twins of one submission run one after the other and the later ones find the first one's dossier. Without a
 * key or draft there is no twin to wait for. All of fn's database work goes through the session it gets.
 */
function underFilingLock<T>(deps: D, f: Filing, draft: DossierRow | null, fn: (s: Session) => Promise<T>): Promise<T> {
  const key = f.input.idempotencyKey ? `key:${f.p.userId}:${f.input.idempotencyKey}` : draft ? `draft:${draft.id}` : null;
  if (!key) return fn(deps.db);
  return withAdvisoryLock(deps.db, `dossier-filing:${key}`, fn);
}

/** Under the lock: what a twin that held it before us filed or saved (by key, else the draft as it is now). */
async function twinOf(s: Session, f: Filing, draft: DossierRow | null): Promise<DossierRow | null> {
  const byKey = f.input.idempotencyKey ? await repo.findByIdempotencyKey(s, f.p.userId, f.input.idempotencyKey) : null;
  return byKey ?? (draft ? repo.findById(s, draft.id) : null);
}

/** Saves the draft; a twin's save of a new draft with the same key is answered with that draft. */
function keepDraft(deps: D, ctx: Ctx, f: Filing, draft: DossierRow | null, record: NewRecord): Promise<FileDossierResult> {
  return underFilingLock(deps, f, draft, async (s) => {
    const twin = draft ? null : await twinOf(s, f, null);
    if (twin) return { dossier: twin, replayed: true };
    return {
      dossier: await saveDraft(s, ctx, draft, record, documentsOf(f), f.now, deps, f.input.clientIp ?? null, documentNames(f.procedure)),
      replayed: false,
    };
  });
}

/** A retry (same idempotency key) or the draft being submitted; another filer's dossier is not found. */
async function findEarlier(deps: D, p: Principal, input: FileDossierInput): Promise<DossierRow | null> {
  if (input.idempotencyKey) {
    const earlier = await repo.findByIdempotencyKey(deps.db, p.userId, input.idempotencyKey);
    if (earlier) return earlier;
  }
  if (!input.dossierId) return null;
  const draft = await repo.findById(deps.db, input.dossierId);
  if (!draft || draft.filedByUserId !== p.userId) throw new AppError("not_found", "error.notFound");
  return draft;
}

async function resolveCommune(deps: D, input: FileDossierInput): Promise<AdminUnitRow> {
  const communeCode = (input.communeCode ?? "").trim();
  const found = communeCode ? await communes.get(deps.db, communeCode, () => getAdminUnit(deps, communeCode).catch(() => null)) : null;
  if (found?.level !== "commune") throw communeError(communeCode, input);
  return found;
}

/** Who files: the desk at its counter, a helper with the citizen's consent, or the citizen. */
function resolveFiler(p: Principal, input: FileDossierInput, commune: AdminUnitRow): { atCounter: boolean; assisted: boolean } {
  const unit = { code: commune.code, path: commune.path };
  const atCounter = input.channel !== "online";
  if (atCounter && !can(p, "dossier.receive", unit)) throw new AppError(can(p, "dossier.read", unit) ? "forbidden" : "not_found", "error.forbidden");
  const assisted = atCounter || (p.kind !== "citizen" && canOnOrWithin(p, "dossier.assist", unit));
  if (!atCounter && p.kind !== "citizen" && !assisted) throw new AppError("forbidden", "error.forbidden");
  return { atCounter, assisted };
}

async function resolveProcedure(deps: D, code: string, atCounter: boolean): Promise<ProcedureRecord> {
  const procedure = await getProcedure(deps, code).catch(() => {
    throw new AppError("validation", "error.validation", [{ field: "procedureCode", code: "unknown", message: "dossiers.error.procedure" }]);
  });
  if (!procedure.active || (!atCounter && procedure.definition.onlineLevel === "none")) {
    throw new AppError("validation", "error.validation", [{ field: "procedureCode", code: "notOnline", message: "dossiers.error.notOnline" }]);
  }
  return procedure;
}

/**
 * Filed for someone who has an account (same phone and ID number in their profile, or the registry resident filed
 * for is linked to it): it shows in their dossiers and the result reaches their vault, as if they had filed it themselves.
 */
async function resolveOwner(deps: D, f: Filing, applicant: ReturnType<typeof checkFiling>["applicant"]): Promise<string | null> {
  if (!f.assisted) return f.p.userId;
  const resident = f.input.residentId && isUuid(f.input.residentId) ? f.input.residentId : null;
  const linked = resident ? await accountOfResidentApplicant(deps.db, f.p, resident, applicant ?? f.input.applicant) : null;
  if (linked) return linked;
  return applicant?.phone && applicant.citizenIdNumber ? citizenAccountFor(deps.db, applicant.phone, applicant.citizenIdNumber) : null;
}

function buildRecord(f: Filing, checked: ReturnType<typeof checkFiling>, ownerUserId: string | null): NewRecord {
  const raw = checked.applicant ?? sanitiseRaw(f.input.applicant);
  const consent = checked.consent;
  return {
    communeCode: f.commune.code,
    unitPath: f.commune.path,
    procedureId: f.procedure.id,
    procedureVersion: f.procedure.version,
    channel: f.input.channel,
    ownerUserId,
    filedByUserId: f.p.userId,
    assistedConsent: consent
      ? {
          given: true as const,
          method: consent.method,
          note: consent.note,
          recordedBy: f.p.username,
          recordedByName: f.p.displayName,
          photo: !!f.input.consentPhoto,
          at: f.now.toISOString(),
        }
      : null,
    applicant: { ...raw, fullName: String(raw.fullName ?? "") },
    formData: checked.formValues,
    delivery: checked.delivery ?? { method: "desk" as const },
    // Online filing may cost less (a per-channel rate on the procedure): the dossier keeps the amount it was filed at.
    feeAmount: feeForChannel(f.procedure.definition, f.input.channel),
    idempotencyKey: f.input.idempotencyKey,
  };
}

/** A page's submission keeps what was typed and uploaded as a draft; the API gets a clean 400. */
async function refuse(deps: D, ctx: Ctx, f: Filing, draft: DossierRow | null, record: NewRecord, errors: FieldError[]): Promise<never> {
  if (keepsDraft(f, draft)) {
    const kept = await keepDraft(deps, ctx, f, draft, record).catch((err: unknown) => {
      if (err instanceof AppError) throw new AppError(err.code, err.messageKey, [...errors, ...err.fields], err.params, err.retryAfterSeconds);
      throw err;
    });
    if (kept.dossier.state === "draft") throw new DraftKeptError(kept.dossier.id, errors);
  }
  throw new AppError("validation", "error.validation", errors);
}

/**
 * A page's submission that cannot be filed keeps what was typed and uploaded; the API and the counter keep nothing,
 * and neither does a helper filing for someone (no draft appears behind their back: their form comes back as it was).
 */
const keepsDraft = (f: Filing, draft: DossierRow | null) =>
  f.input.intent === "submit" && !f.atCounter && (!!draft || (!f.assisted && f.input.documents.some((d) => d.upload)));

/** Each requirement's name (listed documents and file fields): uploads kept in the citizen's vault are named by it. */
const documentNames = (procedure: ProcedureRecord): Record<string, string> =>
  Object.fromEntries([
    ...procedure.definition.documents.map((d) => [d.key, d.name]),
    ...procedure.definition.form.filter((x) => x.type === "file").map((x) => [x.key, x.label]),
  ]);

/** The documents to attach: the filing's, and the consent paper's photo when filing for someone. */
const documentsOf = (f: Filing): DocumentInput[] =>
  f.assisted && f.input.consentPhoto ? [...f.input.documents, { requirementKey: CONSENT_PHOTO_KEY, upload: f.input.consentPhoto }] : f.input.documents;

/**
 * Under the filing's lock, so that a retry never takes a number: the twin that holds the lock first files, the
 * others then find its dossier. The code comes from its own short statement so the day's counter is never
 * held by a long transaction.
 */
async function submit(deps: D, ctx: Ctx, f: Filing, draft: DossierRow | null, record: NewRecord): Promise<FileDossierResult> {
  const settings = await loadDeskSettings(deps, f.commune.code);
  const def = f.procedure.definition;
  const dueAt = f.atCounter ? computeDueAt(await loadWorkCalendar(deps), { receivedAt: f.now, duration: def.processing, cutOff: def.processing.cutOff }) : null;
  const day = toDay(f.now);
  return underFilingLock(deps, f, draft, async (s) => {
    const twin = await twinOf(s, f, draft);
    if (twin && twin.state !== "draft") return { dossier: twin, replayed: true };
    if (twin && twin.id !== draft?.id) throw new AppError("conflict", "dossiers.error.duplicate"); // a draft saved meanwhile under this key
    if (draft && twin && twin.version !== draft.version) throw new AppError("conflict", "dossiers.error.changedMeanwhile");
    // Counted only once no twin has filed it: a retry neither uses up the filer's limit nor a code number.
    const counted = await reserveFiling(deps, s, "submission", f.p, f.input.clientIp ?? null, f.now);
    if (!counted.allowed) throw await overLimit(deps, s, ctx, f, draft, record, counted.retryAfterSeconds);
    return fileUnderCode(deps, s, ctx, f, draft, record, settings.agencyCode, day, dueAt).catch(async (err: unknown) => {
      await release(s, counted); // a submission that did not happen is not counted
      throw err;
    });
  });
}

async function fileUnderCode(
  deps: D,
  s: Session,
  ctx: Ctx,
  f: Filing,
  draft: DossierRow | null,
  record: NewRecord,
  agencyCode: string,
  day: string,
  dueAt: Date | null,
): Promise<FileDossierResult> {
  for (let attempt = 0; ; attempt++) {
    const n = await repo.nextCodeNumber(s, agencyCode, day, MAX_DAILY_NUMBER);
    if (n === null) throw await codesExhausted(deps, s, ctx, f, draft, record);
    const code = dossierCode(agencyCode, f.now, n);
    try {
      const filed = await s.tx(async (q) => {
        const row = await insertFiled(q, f, draft, record, code, dueAt);
        const documents = await attachDocuments(deps, q, f.p, row.id, f.commune.code, documentsOf(f), {
          names: documentNames(f.procedure),
          source: f.atCounter ? "scan" : "upload",
          round: 0,
          clientIp: f.input.clientIp ?? null,
          now: f.now,
        });
        // Originals the desk saw without scanning: provided, with no file (not digitised).
        const originalsSeen = f.atCounter ? [...new Set(f.input.originalsSeen ?? [])] : [];
        await repo.insertOriginalsSeen(q, row.id, originalsSeen, f.p.userId, f.now);
        const event = await recordFiled(deps, q, ctx, f, draft, row, dueAt);
        // Last: the register's counter is held only until this commits.
        if (f.atCounter) Object.assign(row, { registerYear: Number(day.slice(0, 4)), registerNumber: await takeRegisterEntry(q, row, f.now) });
        return { row, documents, event, originalsSeen: originalsSeen.map((requirementKey) => ({ requirementKey, seenAt: f.now, seenBy: f.p.userId })) };
      });
      // What the filer sees next is known already: no need to read it back.
      return {
        dossier: filed.row,
        replayed: false,
        view: draft ? undefined : { ...filedView(f, filed.row, filed.documents, filed.event), originalsSeen: filed.originalsSeen },
      };
    } catch (err) {
      if (!repo.isCodeCollision(err) || attempt >= 2) throw err;
      await repo.resyncCodeNumber(s, agencyCode, day, code.replace(/\d+$/, ""));
    }
  }
}

/** Over the filing limit (429): like a refused submission, what was typed and uploaded is kept as a draft. */
async function overLimit(deps: D, s: Session, ctx: Ctx, f: Filing, draft: DossierRow | null, record: NewRecord, retryAfterSeconds: number) {
  const kept = keepsDraft(f, draft)
    ? await saveDraft(s, ctx, draft, record, documentsOf(f), f.now, deps, f.input.clientIp ?? null, documentNames(f.procedure))
    : null;
  return new FilingThrottledError(kept?.id ?? null, retryAfterSeconds);
}

/** The day's numbers are used up: nothing is filed; a page's submission keeps its draft, as when refused. */
async function codesExhausted(deps: D, s: Session, ctx: Ctx, f: Filing, draft: DossierRow | null, record: NewRecord): Promise<CodesExhaustedError> {
  deps.log.warn({ commune: f.commune.code, max: MAX_DAILY_NUMBER }, "dossier numbers of the day used up");
  if (!keepsDraft(f, draft)) return new CodesExhaustedError(null);
  const kept = await saveDraft(s, ctx, draft, record, documentsOf(f), f.now, deps, f.input.clientIp ?? null, documentNames(f.procedure));
  return new CodesExhaustedError(kept.id);
}

const stateOf = (f: Filing): DossierState => (f.atCounter ? "received" : "submitted");

async function insertFiled(q: Queryable, f: Filing, draft: DossierRow | null, record: NewRecord, code: string, dueAt: Date | null): Promise<DossierRow> {
  const { now, atCounter } = f;
  const state = stateOf(f);
  if (draft) {
    const patch = { ...patchOf(record), code, state, submittedAt: now, ...(atCounter ? { receivedAt: now, dueAt } : {}) };
    if (!(await repo.updateDossier(q, draft.id, draft.version, patch, now))) throw new AppError("conflict", "dossiers.error.changedMeanwhile");
    return (await repo.findById(q, draft.id))!;
  }
  const inserted = await repo.insertDossierRow(q, { ...record, state, now, code, submittedAt: now, receivedAt: atCounter ? now : null, dueAt });
  if (!inserted) throw new AppError("conflict", "dossiers.error.duplicate"); // a concurrent twin with the same key won
  return inserted;
}

/** The history's first line, the applicant's notification and the domain event, in the filing's transaction. */
async function recordFiled(deps: D, q: Queryable, ctx: Ctx, f: Filing, draft: DossierRow | null, row: DossierRow, dueAt: Date | null) {
  const { p, atCounter, procedure } = f;
  const event: Omit<DossierEvent, "id"> = {
    action: atCounter ? "intake" : "submit",
    fromState: draft ? "draft" : null,
    toState: stateOf(f),
    actorId: p.userId,
    actorLabel: p.displayName,
    at: f.now,
    reason: null,
    stepDueAt: null,
    details: { channel: f.input.channel, procedureVersion: procedure.version },
  };
  await repo.insertEvent(q, row.id, event);
  await notifyApplicant(q, deps.config.publicUrl, row, atCounter ? "dossierReceived" : "dossierSubmitted", {
    procedureName: procedure.definition.name,
    dueAt,
    smsQuota: smsQuotaFor(deps.config, p, f.now),
  });
  await deps.events.publish(q, {
    type: atCounter ? "dossier.intake" : "dossier.submitted",
    actor: ctx.actor,
    target: { type: "dossier", id: row.id },
    adminUnitCode: f.commune.code,
    requestId: ctx.requestId,
    details: {
      code: row.code,
      procedure: procedure.code,
      version: procedure.version,
      channel: f.input.channel,
      ...(f.input.residentId && isUuid(f.input.residentId) ? { residentId: f.input.residentId } : {}),
    },
  });
  return event;
}

function filedView(f: Filing, row: DossierRow, documents: DossierDocument[], event: Omit<DossierEvent, "id">): DossierView {
  return {
    dossier: row,
    procedure: f.procedure,
    documents,
    supplements: [],
    events: [{ id: 0, ...event }],
    actions: availableActions(newlyFiledFacts(row), actorFacts(f.p, row)),
    capacity: f.atCounter ? "office" : "applicant",
    specialists: [],
    hoursToDue: null,
  };
}

async function saveDraft(
  s: Session,
  ctx: Ctx,
  draft: DossierRow | null,
  record: NewRecord,
  documents: DocumentInput[],
  now: Date,
  deps: Pick<Deps, "db" | "config">,
  clientIp: string | null,
  names?: Readonly<Record<string, string>>,
): Promise<DossierRow> {
  const p = ctx.principal!;
  return s.tx(async (q) => {
    // A new draft is a new row with its uploads: counted like submissions (apart from them), with this transaction.
    const counted = draft ? null : await reserveFiling(deps, q, "draft", p, clientIp, now);
    if (counted && !counted.allowed) throw new FilingThrottledError(null, counted.retryAfterSeconds, "draft");
    let id: string;
    if (draft) {
      if (!(await repo.updateDossier(q, draft.id, draft.version, patchOf(record), now))) throw new AppError("conflict", "dossiers.error.changedMeanwhile");
      id = draft.id;
    } else {
      const inserted = await repo.insertDossier(q, { ...record, state: "draft", now });
      if (!inserted) throw new AppError("conflict", "dossiers.error.duplicate");
      id = inserted;
    }
    await attachDocuments(deps, q, p, id, record.communeCode, documents, { source: "upload", round: 0, replace: true, clientIp, now, names });
    return (await repo.findById(q, id))!;
  });
}

function patchOf(r: NewRecord): repo.DossierPatch {
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

const toDay = toLocalDay;
