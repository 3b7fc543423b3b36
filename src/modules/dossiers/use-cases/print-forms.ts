// The printable one-stop forms (Mẫu 01–07) of a dossier: view models built from what the dossier recorded,
// then rendered. Reading goes through getDossier/dossierRegister, so the same access rule and audit apply.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import type { Permission } from "../../../platform/auth/roles.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { type Locale, type MessageKey, translator } from "../../../platform/i18n/i18n.ts";
import { type AdminUnitRow, getAdminUnit } from "../../admin-units/index.ts";
import { usersWithRole } from "../../identity/index.ts";
import { unitOf } from "../dossier-access.ts";
import * as repo from "../dossiers.repository.ts";
import type { DossierEvent, DossierRow } from "../dossiers.model.ts";
import { renderApology } from "../forms/apology.pdf.ts";
import type {
  ApologyData,
  Applicant,
  FeeReceiptData,
  FormBase,
  ReceiptData,
  RefusalData,
  RegisterData,
  Signer,
  StepOutcome,
  StopNoticeData,
  SupplementRequestData,
  TrackingRow,
  TrackingSlipData,
} from "../forms/forms.types.ts";
import { renderReceipt } from "../forms/receipt.pdf.ts";
import { renderRefusal } from "../forms/refusal.pdf.ts";
import { renderRegister } from "../forms/register.pdf.ts";
import { renderStopNotice } from "../forms/stop-notice.pdf.ts";
import { renderSupplementRequest } from "../forms/supplement-request.pdf.ts";
import { renderTrackingSlip } from "../forms/tracking-slip.pdf.ts";
import { type DeskSettings, loadDeskSettings } from "./dossier-code.ts";
import { communeLabel, printedDeskName } from "../desk-settings.model.ts";
import { renderFeeReceipt } from "../forms/fee-receipt.pdf.ts";
import { statusPath } from "./notify-applicant.ts";
import { getDossier } from "./get-dossier.ts";
import { dossierRegister } from "./list-dossier-register.ts";
import type { DossierView } from "../dossiers.model.ts";
import { localInstant, nextLocalDay, toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { pauseGroundLabel, pauseGroundOf } from "../pause-grounds.ts";

type D = Pick<Deps, "db" | "events" | "clock" | "config">;
type Ctx = Context & { principal: Principal | null };

/** Where the forms are printed: the reader's language and the public address for the status link. */
export type PrintOptions = { locale: Locale; origin: string };

/** The desk roles a tracking slip names its officers by. */
type DeskRole = "one_stop_officer" | "specialist" | "leader";
const DESK_ROLES: readonly DeskRole[] = ["one_stop_officer", "specialist", "leader"];
const localDay = toLocalDay;

const lastEvent = (events: DossierEvent[], action: string) => [...events].reverse().find((e) => e.action === action) ?? null;

/** A procedure handled by another agency than the People's Committee (e.g. temporary residence: the commune police). */
export type HandlingAgency = { name: string; signerTitle: string };

/** Read defensively: the procedure definition may carry it (added with the inter-agency workflow). */
export function handlingAgencyOf(def: object): HandlingAgency | null {
  const a = (def as { handlingAgency?: unknown }).handlingAgency;
  if (!a || typeof a !== "object") return null;
  const { name, signerTitle } = a as { name?: unknown; signerTitle?: unknown };
  return typeof name === "string" && name && typeof signerTitle === "string" && signerTitle ? { name, signerTitle } : null;
}

/**
 * The header every form carries (Decree 30/2020): the commune's People's Committee with no governing line above
 * it, or the agency that handles the procedure; the desk's name for the forms the desk issues.
 */
export function formBase(
  locale: Locale,
  commune: AdminUnitRow,
  settings: Pick<DeskSettings, "deskName"> | null,
  agency: HandlingAgency | null = null,
): FormBase {
  const t = translator(locale);
  const communeName = locale === "en" && commune.fullNameEn ? commune.fullNameEn : communeLabel(commune);
  const committeeName = t("dossiers.office.print.agency", { unit: communeName });
  return {
    locale,
    agencyName: agency ? agency.name : committeeName,
    agencyLines: agency ? [agency.name] : [t("forms.committee"), communeName],
    committeeName,
    deskName: printedDeskName(settings ?? { deskName: null }, communeName, locale),
    communeName,
    placeName: locale === "en" && commune.nameEn ? commune.nameEn : commune.name,
  };
}

async function headerOf(deps: Pick<Deps, "db" | "config">, communeCode: string, locale: Locale, agency: HandlingAgency | null = null): Promise<FormBase> {
  const [commune, settings] = await Promise.all([getAdminUnit(deps, communeCode), loadDeskSettings(deps, communeCode)]);
  return formBase(locale, commune, settings, agency);
}

/** Who holds which position among the commune's leaders: the chair (a desk setting); any other leader is a vice-chair. */
export type Positions = { chairUserId: string | null; leaders: ReadonlyMap<string, string> };

/**
 * The signer block of a form the People's Committee (or the handling agency) issues, from who signed it:
 * the chair signs "TM. Ủy ban nhân dân / Chủ tịch", another leader "KT. Chủ tịch / Phó Chủ tịch". An action
 * taken by someone who is not a leader is signed on paper by the chair (named when the settings say who).
 */
export function signerOf(locale: Locale, actor: { id: string | null; name: string }, positions: Positions, agency: HandlingAgency | null): Signer {
  const t = translator(locale);
  if (agency) return { title: agency.signerTitle, name: actor.name };
  const chair = { capacity: t("forms.signer.onBehalfCommittee"), title: t("forms.signer.chair") };
  if (actor.id && actor.id === positions.chairUserId) return { ...chair, name: actor.name };
  if (actor.id && positions.leaders.has(actor.id)) return { capacity: t("forms.signer.forChair"), title: t("forms.signer.viceChair"), name: actor.name };
  return { ...chair, name: (positions.chairUserId && positions.leaders.get(positions.chairUserId)) || "" };
}

export async function positionsOf(deps: Pick<Deps, "db">, d: DossierRow, settings: Pick<DeskSettings, "chairUserId">): Promise<Positions> {
  const leaders = await usersWithRole(deps, "leader", d.unitPath);
  return { chairUserId: settings.chairUserId, leaders: new Map(leaders.map((u) => [u.id, u.displayName])) };
}

const applicantOf = (d: DossierRow): Applicant => ({
  // An organisation applies under its name and tax code, through the person who files for it.
  name:
    d.applicant.type === "organisation" && d.applicant.organisation
      ? `${d.applicant.organisation.name} (MST ${d.applicant.organisation.taxCode}; ${d.applicant.organisation.representative})`
      : d.applicant.fullName,
  ...(d.applicant.citizenIdNumber ? { citizenIdNumber: d.applicant.citizenIdNumber } : {}),
  ...(d.applicant.address ? { address: d.applicant.address } : {}),
  ...(d.applicant.phone ? { phone: d.applicant.phone } : {}),
  ...(d.applicant.email ? { email: d.applicant.email } : {}),
});

/** Compared by the day in Vietnam: handing over on the deadline's day is on time, a day earlier is early. */
export function stepOutcome(at: Date, stepDueAt: Date | null): StepOutcome | null {
  if (!stepDueAt) return null;
  if (at.getTime() > stepDueAt.getTime()) return "late";
  return localDay(at) < localDay(stepDueAt) ? "early" : "onTime";
}

/** An officer of the commune: the desk role they act in and their name. */
export type Officer = { role: DeskRole; name: string };

/** Officers named by their desk role on the commune, so the slip says who held the dossier in which capacity. */
async function officersOf(deps: Pick<Deps, "db">, unitPath: string): Promise<Map<string, Officer>> {
  const map = new Map<string, Officer>();
  // Listed from the most senior so that someone holding two roles is named by the one they usually act in.
  for (const role of [...DESK_ROLES].reverse())
    for (const u of await usersWithRole(deps, role, unitPath)) if (!map.has(u.id)) map.set(u.id, { role, name: u.displayName });
  return map;
}

const HANDOVERS = new Set([
  "submit",
  "intake",
  "receive",
  "assign",
  "propose",
  "sendBack",
  "approve",
  "returnResult",
  "forward",
  "forwardReturned",
  "requestSupplement",
  "answerSupplement",
  "refuse",
  // Not a hand-over, but the stop notice goes to the applicant and the slip must say on what ground.
  "pause",
]);

/**
 * Mẫu 06: one row per hand-over, naming who gave the dossier and who took it at each step — desk officer to
 * specialist on assignment, specialist to leader on a proposal, leader to the desk on approval, desk to the
 * applicant on return, to another agency and back — judged against the deadline of the step that ended.
 */
export function trackingRows(locale: Locale, d: DossierRow, events: DossierEvent[], officers: ReadonlyMap<string, Officer>, deskName: string): TrackingRow[] {
  const t = translator(locale);
  const applicant = `${t("forms.signer.applicant")} (${d.applicant.fullName})`;
  const named = (id: string | null | undefined, label?: string, fallback: DeskRole = "one_stop_officer"): string => {
    const o = id ? officers.get(id) : undefined;
    const name = o?.name ?? label;
    const role = t(`role.${o?.role ?? fallback}` as MessageKey);
    return name ? `${role} (${name})` : role;
  };
  const actor = (e: DossierEvent, fallback: DeskRole) => named(e.actorId, e.actorLabel, fallback);
  const later = (i: number, actions: string[]) => events.slice(i + 1).find((x) => actions.includes(x.action));
  const labelOf = (id: string | null) => (id ? events.find((x) => x.actorId === id)?.actorLabel : undefined);

  const rows: TrackingRow[] = [];
  let holder = applicant;
  let assignee: string | null = null;
  let agency = "";
  for (const [i, e] of events.entries()) {
    if (!HANDOVERS.has(e.action)) continue;
    let from = holder;
    let to = holder;
    switch (e.action) {
      case "submit":
        [from, to] = [applicant, deskName];
        break;
      case "intake":
      case "receive":
        [from, to] = [applicant, actor(e, "one_stop_officer")];
        break;
      case "assign": {
        assignee = typeof e.details.assigneeId === "string" ? e.details.assigneeId : null;
        to = named(assignee, labelOf(assignee), "specialist");
        break;
      }
      case "propose": {
        const next = later(i, ["approve", "sendBack"]);
        [from, to] = [actor(e, "specialist"), next ? actor(next, "leader") : t("role.leader")];
        break;
      }
      case "sendBack":
        [from, to] = [actor(e, "leader"), named(assignee, labelOf(assignee), "specialist")];
        break;
      case "approve": {
        const ret = later(i, ["returnResult"]);
        [from, to] = [actor(e, "leader"), ret ? actor(ret, "one_stop_officer") : deskName];
        break;
      }
      case "forward":
        agency = typeof e.details.toUnit === "string" ? e.details.toUnit : "";
        [from, to] = [actor(e, "specialist"), agency];
        break;
      case "forwardReturned":
        [from, to] = [agency || holder, actor(e, "specialist")];
        break;
      case "answerSupplement": {
        const asked = [...events.slice(0, i)].reverse().find((x) => x.action === "requestSupplement");
        [from, to] = [applicant, asked ? actor(asked, "one_stop_officer") : deskName];
        break;
      }
      default: // returnResult, requestSupplement, refuse: back to the applicant
        [from, to] = [actor(e, "one_stop_officer"), applicant];
    }
    if (e.action !== "pause") holder = to;
    const prevDue = e.details.previousStepDueAt;
    const stepDueAt =
      e.action === "submit" || e.action === "intake" || e.action === "receive"
        ? null
        : typeof prevDue === "string"
          ? new Date(prevDue)
          : (events[i - 1]?.stepDueAt ?? null);
    const details: string[] = [t(`dossiers.action.${e.action}` as MessageKey)];
    if (e.action === "returnResult") {
      const method = e.details.method;
      if (typeof method === "string") details.push(t(`dossiers.delivery.${method}` as MessageKey));
      const tracking = e.details.trackingNumber;
      if (typeof tracking === "string" && tracking) details.push(tracking);
    } else {
      const ground = pauseGroundOf(e);
      if (ground) details.push(pauseGroundLabel(t, ground));
      if (e.reason) details.push(e.reason);
    }
    const due = stepDueAt ? new Date(stepDueAt) : null;
    rows.push({ from, to, at: new Date(e.at), stepDueAt: due, outcome: stepOutcome(new Date(e.at), due), note: details.join(": ") });
  }
  return rows;
}

export type ReceiptExtras = { feeQrPngDataUrl?: string | null };

export function receiptData(
  view: DossierView,
  base: FormBase,
  settings: Pick<DeskSettings, "deskAddress">,
  opts: PrintOptions & ReceiptExtras,
): ReceiptData | null {
  const d = view.dossier;
  if (!d.code || !d.receivedAt || !d.dueAt) return null;
  const def = view.procedure.definition;
  const attached = new Set(view.documents.filter((x) => x.source !== "result").map((x) => x.requirementKey));
  const seen = new Set((view.originalsSeen ?? []).map((o) => o.requirementKey));
  const documents = [
    ...def.documents.filter((doc) => attached.has(doc.key)).map((doc) => ({ name: doc.name, copies: doc.copies, kind: doc.form })),
    ...def.form.filter((f) => f.type === "file" && attached.has(f.key)).map((f) => ({ name: f.label, copies: 1, kind: "copy" as const })),
    // Shown at the counter and handed back (Decree 104/2022): received, though no copy is kept.
    ...def.documents.filter((doc) => !attached.has(doc.key) && seen.has(doc.key)).map((doc) => ({ name: doc.name, copies: 1, kind: "originalSeen" as const })),
  ];
  const intake = view.events.find((e) => e.action === "intake" || e.action === "receive");
  const unpaid = d.feeStatus === "unpaid" && d.feeAmount > 0;
  return {
    ...base,
    dossierCode: d.code,
    procedureName: def.name,
    applicant: applicantOf(d),
    documents,
    duration: { unit: def.processing.unit, amount: def.processing.amount },
    receivedAt: d.receivedAt,
    // A reprint keeps the appointment given at receipt and shows an apology's new one beside it.
    dueAt: d.dueAt,
    ...(d.apologyDueAt ? { newDueAt: d.apologyDueAt } : {}),
    delivery: {
      method: d.delivery.method,
      ...(d.delivery.address ? { address: d.delivery.address } : {}),
      ...(settings.deskAddress ? { deskAddress: settings.deskAddress } : {}),
    },
    registerVolume: String(d.registerYear ?? localDay(d.receivedAt).slice(0, 4)),
    registerNumber: d.registerNumber,
    channel: d.channel,
    ...(unpaid ? { fee: { amount: d.feeAmount, ...(opts.feeQrPngDataUrl ? { qrPngDataUrl: opts.feeQrPngDataUrl } : {}) } } : {}),
    statusUrl: `${opts.origin.replace(/\/$/, "")}${statusPath(d.code)}`,
    officerName: intake?.actorLabel ?? "",
  };
}

export function trackingSlipData(view: DossierView, base: FormBase, officers: ReadonlyMap<string, Officer>, now: Date): TrackingSlipData | null {
  const d = view.dossier;
  if (!d.code || !d.receivedAt || !d.dueAt) return null;
  const assignee = d.assigneeId ? view.events.find((e) => e.actorId === d.assigneeId) : undefined;
  return {
    ...base,
    dossierCode: d.code,
    procedureName: view.procedure.definition.name,
    applicant: applicantOf(d),
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    ...(d.apologyDueAt ? { newDueAt: d.apologyDueAt } : {}),
    ...(assignee ? { processingUnit: `${translator(base.locale)("role.specialist")} (${assignee.actorLabel})` } : {}),
    ...(d.forwardedTo ? { coordinatingUnits: [d.forwardedTo] } : {}),
    rows: trackingRows(base.locale, d, view.events, officers, base.deskName),
    printedAt: now,
  };
}

export function supplementRequestData(view: DossierView, base: FormBase, settings: DeskSettings): SupplementRequestData | null {
  const d = view.dossier;
  const s = view.supplements[view.supplements.length - 1];
  if (!d.code || !s) return null;
  // The event of that round names the officer who asked.
  const asked = [...view.events].reverse().find((e) => e.action === "requestSupplement" && e.details.round === s.round);
  const officer = asked?.actorLabel ?? "";
  return {
    ...base,
    dossierCode: d.code,
    procedureName: view.procedure.definition.name,
    applicant: applicantOf(d),
    receivedAt: d.receivedAt ?? d.submittedAt ?? d.createdAt,
    issuedAt: new Date(s.requestedAt),
    items: s.items.map((i) => ({ what: i.label, reason: i.note ?? s.note ?? "" })),
    contact: {
      name: settings.deskAddress ? `${base.deskName}, ${settings.deskAddress}` : base.deskName,
    },
    officerName: officer,
  };
}

/** The reasons of a refusal, one per line as the officer wrote them (the letter's list, the SMS's items). */
export const reasonLines = (reason: string) =>
  reason
    .split(/\r?\n/)
    .map((r) => r.trim())
    .filter(Boolean);

export function refusalData(view: Pick<DossierView, "dossier" | "procedure" | "events">, base: FormBase, positions: Positions): RefusalData | null {
  const d = view.dossier;
  const e = d.state === "refused" ? lastEvent(view.events, "refuse") : null;
  if (!e) return null;
  return {
    ...base,
    ...(d.code ? { dossierCode: d.code } : {}),
    procedureName: view.procedure.definition.name,
    applicant: applicantOf(d),
    receivedAt: d.receivedAt,
    issuedAt: new Date(e.at),
    reasons: reasonLines(e.reason ?? ""),
    // Refusing to receive is the desk's; after receipt the head of the agency signs.
    stage: e.fromState === "submitted" ? "intake" : "processing",
    signer:
      e.fromState === "submitted"
        ? { name: e.actorLabel }
        : signerOf(base.locale, { id: e.actorId, name: e.actorLabel }, positions, handlingAgencyOf(view.procedure.definition)),
  };
}

export function apologyData(view: DossierView, base: FormBase, positions: Positions): ApologyData | null {
  const d = view.dossier;
  const e = lastEvent(view.events, "apologise");
  if (!d.code || !d.receivedAt || !d.apologyDueAt || !e) return null;
  const old = e.details.oldDueAt;
  const oldDueAt = typeof old === "string" ? new Date(old) : (d.dueAt ?? d.apologyDueAt);
  return {
    ...base,
    dossierCode: d.code,
    procedureName: view.procedure.definition.name,
    applicant: applicantOf(d),
    receivedAt: d.receivedAt,
    oldDueAt,
    newDueAt: d.apologyDueAt,
    reason: e.reason ?? "",
    issuedAt: new Date(e.at),
    // Issued under one working day before the deadline or after it (the workflow marked it): the letter says so.
    ...(e.details.late === true ? { late: new Date(e.at) > oldDueAt ? ("overdue" as const) : ("lastDay" as const) } : {}),
    signer: signerOf(base.locale, { id: e.actorId, name: e.actorLabel }, positions, handlingAgencyOf(view.procedure.definition)),
  };
}

export function stopNoticeData(view: DossierView, base: FormBase, positions: Positions): StopNoticeData | null {
  const d = view.dossier;
  const e = d.state === "paused" ? lastEvent(view.events, "pause") : null;
  if (!d.code || !d.receivedAt || !e) return null;
  return {
    ...base,
    dossierCode: d.code,
    procedureName: view.procedure.definition.name,
    applicant: applicantOf(d),
    receivedAt: d.receivedAt,
    reason: e.reason ?? "",
    issuedAt: new Date(e.at),
    signer: signerOf(base.locale, { id: e.actorId, name: e.actorLabel }, positions, handlingAgencyOf(view.procedure.definition)),
  };
}

/** The unpaid fee's VietQR, when the payments module can draw one; the receipt prints without it otherwise. */
export type FeeQr = (deps: D, dossier: DossierRow) => Promise<string | null>;

export type PrintedForm = { pdf: Buffer; filename: string };

/** What a form's data loader gets: the dossier as the office reads it and the header of its commune. */
type FormSource = { deps: D; view: DossierView; base: FormBase; settings: DeskSettings; opts: PrintOptions & { feeQr?: FeeQr }; now: Date };

/** One printable form: adding a form (Mẫu 08, …) is one entry of PRINTABLE_FORMS. */
type PrintableForm<Data> = {
  /** The link's path segment: /office/dossiers/:id/<path>.pdf. */
  path: string;
  label: MessageKey;
  /** The PDF's name before the dossier's code. */
  fileName: string;
  /** Needed on the dossier's unit, besides reading the dossier in the office face. */
  permission: Permission;
  /** The dossier has something to print for it (the office page shows only these links). */
  offered: (view: Pick<DossierView, "dossier" | "events" | "supplements">) => boolean;
  /** The form's data, or null when the dossier has nothing for it. */
  load: (src: FormSource) => Promise<Data | null> | Data | null;
  render: (data: Data) => Promise<Buffer>;
};
const entry = <Data>(f: PrintableForm<Data>) => f as PrintableForm<unknown>;
const hasReceipt = (v: Pick<DossierView, "dossier">) => !!(v.dossier.code && v.dossier.receivedAt && v.dossier.dueAt);

export const PRINTABLE_FORMS = {
  receipt: entry({
    path: "receipt",
    label: "dossiers.office.print.receipt",
    fileName: "giay-tiep-nhan",
    permission: "dossier.read",
    offered: hasReceipt,
    load: async ({ deps, view, base, settings, opts }) => {
      const d = view.dossier;
      const unpaid = d.feeStatus === "unpaid" && d.feeAmount > 0;
      const qr = unpaid && opts.feeQr ? await opts.feeQr(deps, d).catch(() => null) : null;
      return receiptData(view, base, settings, { ...opts, feeQrPngDataUrl: qr });
    },
    render: renderReceipt,
  }),
  trackingSlip: entry({
    path: "tracking-slip",
    label: "dossiers.office.print.trackingSlip",
    fileName: "phieu-kiem-soat",
    permission: "dossier.read",
    offered: hasReceipt,
    load: async ({ deps, view, base, now }) => trackingSlipData(view, base, await officersOf(deps, view.dossier.unitPath), now),
    render: renderTrackingSlip,
  }),
  supplementRequest: entry({
    path: "supplement-request",
    label: "dossiers.office.print.supplementRequest",
    fileName: "phieu-yeu-cau-bo-sung",
    permission: "dossier.read",
    offered: (v) => v.supplements.length > 0,
    load: ({ view, base, settings }) => supplementRequestData(view, base, settings),
    render: renderSupplementRequest,
  }),
  refusal: entry({
    path: "refusal",
    label: "dossiers.office.print.refusal",
    fileName: "phieu-tu-choi",
    permission: "dossier.read",
    offered: (v) => v.dossier.state === "refused" && !!lastEvent(v.events, "refuse"),
    load: async ({ deps, view, base, settings }) => refusalData(view, base, await positionsOf(deps, view.dossier, settings)),
    render: renderRefusal,
  }),
  apology: entry({
    path: "apology",
    label: "dossiers.office.print.apology",
    fileName: "phieu-xin-loi",
    permission: "dossier.read",
    offered: (v) => !!(v.dossier.apologyAt && v.dossier.apologyDueAt && lastEvent(v.events, "apologise")),
    load: async ({ deps, view, base, settings }) => apologyData(view, base, await positionsOf(deps, view.dossier, settings)),
    render: renderApology,
  }),
  stopNotice: entry({
    path: "stop-notice",
    label: "dossiers.office.print.stopNotice",
    fileName: "thong-bao-dung",
    permission: "dossier.read",
    offered: (v) => v.dossier.state === "paused" && !!lastEvent(v.events, "pause"),
    load: async ({ deps, view, base, settings }) => stopNoticeData(view, base, await positionsOf(deps, view.dossier, settings)),
    render: renderStopNotice,
  }),
} satisfies Record<string, PrintableForm<unknown>>;
export type PrintKind = keyof typeof PRINTABLE_FORMS;
export const PRINT_KINDS = Object.keys(PRINTABLE_FORMS) as PrintKind[];

/** Which forms a dossier has something to print for (the office page shows only these links). */
export function printableForms(view: Pick<DossierView, "dossier" | "events" | "supplements">): PrintKind[] {
  return PRINT_KINDS.filter((kind) => PRINTABLE_FORMS[kind].offered(view));
}

/** Renders one form of a dossier; 404 when the dossier has nothing for that form. */
export async function printDossierForm(
  deps: D,
  ctx: Ctx,
  dossierId: string,
  kind: PrintKind,
  opts: PrintOptions & { feeQr?: FeeQr; view?: DossierView },
): Promise<PrintedForm> {
  const form = PRINTABLE_FORMS[kind];
  // Printing is the office's: an applicant gets "not found" here like anyone else outside the office.
  const view = opts.view ?? (await getDossier(deps, ctx, dossierId, { as: "office", part: { part: "form", form: kind } }));
  const d = view.dossier;
  authorise(ctx.principal, form.permission, unitOf(d));
  const [commune, settings] = await Promise.all([getAdminUnit(deps, d.communeCode), loadDeskSettings(deps, d.communeCode)]);
  const base = formBase(opts.locale, commune, settings, handlingAgencyOf(view.procedure.definition));
  const data = await form.load({ deps, view, base, settings, opts, now: deps.clock.now() });
  if (!data) throw new AppError("not_found", "error.notFound");
  return { pdf: await form.render(data), filename: `${form.fileName}-${(d.code ?? d.id).replace(/[^A-Za-z0-9.-]/g, "_")}.pdf` };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: string) => DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Mẫu 07 for a commune and the days from…to (both included, Vietnam time). */
export async function printRegister(
  deps: D,
  ctx: Ctx,
  communeCode: string,
  period: { from: string; to: string },
  opts: { locale: Locale },
): Promise<PrintedForm> {
  const bad = [
    ...(isDay(period.from) ? [] : [{ field: "from", code: "date", message: "dossiers.error.date" as const }]),
    ...(isDay(period.to) ? [] : [{ field: "to", code: "date", message: "dossiers.error.date" as const }]),
  ];
  if (bad.length) throw new AppError("validation", "error.validation", bad);
  const from = localInstant(period.from);
  const toStart = localInstant(period.to);
  if (toStart < from) throw new AppError("validation", "error.validation", [{ field: "to", code: "range", message: "dossiers.office.error.period" }]);
  const { commune, rows } = await dossierRegister(deps, ctx, communeCode, from, localInstant(nextLocalDay(period.to)));
  const base = await headerOf(deps, commune.code, opts.locale);
  const t = translator(opts.locale);
  const registerRows = [];
  for (const r of rows) {
    const events = await repo.listEvents(deps.db, r.id);
    const sent = events.find((e) => e.action === "assign" || e.action === "forward");
    registerRows.push({
      number: r.registerNumber,
      dossierCode: r.code ?? "",
      procedureName: r.procedureName,
      applicantName: r.applicantName,
      ...(r.applicant.address ? { address: r.applicant.address } : {}),
      ...(r.applicant.phone ? { phone: r.applicant.phone } : {}),
      receivedAt: r.receivedAt!,
      dueAt: r.dueAt ?? r.receivedAt!,
      ...(r.apologyDueAt ? { newDueAt: r.apologyDueAt } : {}),
      sentToUnitAt: sent ? new Date(sent.at) : null,
      ...(r.forwardedTo ? { processingUnit: r.forwardedTo } : {}),
      resultAt: r.state === "resultReady" || r.state === "returned" ? r.finishedAt : null,
      returnedAt: r.returnedAt,
      channel: r.channel,
      ...(r.state === "refused" || r.state === "cancelled" ? { note: t(`dossiers.state.${r.state}`) } : {}),
    });
  }
  const data: RegisterData = {
    ...base,
    unitName: base.deskName,
    // The book of each year the period covers: numbering restarts every year.
    volume: [...new Set(rows.map((r) => r.registerYear ?? Number(localDay(r.receivedAt!).slice(0, 4))))].join(", ") || period.from.slice(0, 4),
    periodFrom: from,
    periodTo: toStart,
    rows: registerRows,
    printedAt: deps.clock.now(),
  };
  return { pdf: await renderRegister(data), filename: `so-theo-doi-${commune.code}-${period.from}-${period.to}.pdf` };
}

/** The fee receipt of a payment (the payments module fills it): the commune desk's header, rendered as a PDF. */
export async function printFeeReceipt(
  deps: Pick<Deps, "db" | "config">,
  dossier: Pick<DossierRow, "communeCode">,
  data: Omit<FeeReceiptData, keyof FormBase>,
  locale: Locale,
): Promise<Buffer> {
  return renderFeeReceipt({ ...(await headerOf(deps, dossier.communeCode, locale)), ...data });
}
