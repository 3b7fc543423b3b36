// One report in public (reportPaths.publicReport): what happened, where, the answer and the public steps. Nobody's
// name: a citizen's step says "a resident", an officer's says the unit in charge.
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { listReportEvents, listReportPhotos } from "../reports.repository.ts";
import * as repo from "../public/public.repository.ts";

type D = Pick<Deps, "db" | "config">;

/** Steps a resident takes; every other step is the commune's (or, without an actor, the system's: closing by time). */
const CITIZEN_STEPS = new Set(["submitted", "supported", "confirmed", "reopened"]);
/** Not shown in public: supports are counted instead, and moderation is the office's business (the audit log). */
const NOT_PUBLIC_STEPS = new Set(["supported", "hidden", "unhidden", "photo_hidden", "photo_unhidden", "reminded", "edited"]);

/** `forward`: the agency a forwarded report went to and its own deadline (YYYY-MM-DD), both public by design. */
export type PublicStep = {
  kind: string;
  actor: "citizen" | "office" | "system";
  at: Date;
  reason: string | null;
  note: string | null;
  forward: { agency: string; dueDate: string | null } | null;
};

export type PublicReport =
  | {
      kind: "report";
      report: repo.PublicReportRow;
      photos: { id: string; width: number | null; height: number | null }[];
      answerPhotos: { id: string; width: number | null; height: number | null }[];
      steps: PublicStep[];
      unit: string;
    }
  | { kind: "duplicate"; originalCode: string };

export async function getPublicReport(deps: D, rawCode: string): Promise<PublicReport> {
  const code = rawCode.trim().toUpperCase();
  if (!/^[A-Z0-9-]{3,40}$/.test(code)) throw new AppError("not_found", "error.notFound");
  const report = await repo.findPublicReport(deps.db, code);
  if (!report) {
    const originalCode = await repo.publicOriginalOf(deps.db, code);
    if (originalCode) return { kind: "duplicate", originalCode };
    // Hidden, unpublished, rejected or unknown: the same 404, so that a hidden report is not even confirmed to exist.
    throw new AppError("not_found", "error.notFound");
  }
  const [photos, events] = await Promise.all([
    listReportPhotos(deps.db, report.id, { includeHidden: false }),
    listReportEvents(deps.db, report.id, { publicOnly: true }),
  ]);
  const pick = (p: (typeof photos)[number]) => ({ id: p.id, width: p.width, height: p.height });
  return {
    kind: "report",
    report,
    photos: photos.filter((p) => p.stage === "report").map(pick),
    answerPhotos: photos.filter((p) => p.stage === "answer").map(pick),
    steps: events
      .filter((e) => !NOT_PUBLIC_STEPS.has(e.kind))
      .map((e) => ({
        kind: e.kind,
        actor: CITIZEN_STEPS.has(e.kind) ? "citizen" : e.actorUserId ? "office" : "system",
        at: e.createdAt,
        reason: e.reason,
        note: e.note,
        forward: forwardOf(e),
      })),
    // The office is named by its unit, never by the officer.
    unit: report.assignedUnit || report.responsibleUnit,
  };
}

/** The agency and deadline a `forwarded` event recorded (handling's event data), or null. */
export function forwardOf(e: { kind: string; data: Record<string, unknown> }): PublicStep["forward"] {
  if (e.kind !== "forwarded" || typeof e.data.agency !== "string" || !e.data.agency) return null;
  return { agency: e.data.agency, dueDate: typeof e.data.dueDate === "string" ? e.data.dueDate : null };
}
