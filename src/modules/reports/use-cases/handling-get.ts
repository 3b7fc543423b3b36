// One report as the office sees it: everything about it, the timeline with names, the forwards, the photos, and the
// steps open to the officer now. The reporter's contact is personal data: reading it is audited, once per view.
import type { Deps } from "../../../deps.ts";
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { displayNames, usersWithRole } from "../../identity/index.ts";
import { allowedSteps, type HandlingAction } from "../handling/handling-steps.ts";
import { type CategoryFacts, type ForwardRow, findCategoryFacts, listForwards } from "../handling/handling.repository.ts";
import { visibleReport } from "../report-access.ts";
import type { ReportRow } from "../reports.model.ts";
import { listReportEvents, listReportPhotos, type ReportEventRow, type ReportPhotoRow } from "../reports.repository.ts";

type Ctx = Context & { principal: Principal | null };

export type OfficeReport = {
  report: ReportRow;
  category: CategoryFacts | null;
  villageName: string | null;
  communeName: string | null;
  events: ReportEventRow[];
  forwards: ForwardRow[];
  photos: ReportPhotoRow[];
  /** user id → display name, for the timeline, the assignee and the forwards. */
  names: Map<string, string>;
  canHandle: boolean;
  steps: HandlingAction[];
  /** Officers who may be assigned (report.handle on the report's commune). Empty when the viewer cannot handle. */
  assignable: Array<{ id: string; displayName: string }>;
};

const HANDLER_ROLES = ["commune_admin", "one_stop_officer", "specialist", "leader"] as const;

export async function getOfficeReport(deps: Pick<Deps, "db" | "events" | "clock" | "config">, ctx: Ctx, id: string): Promise<OfficeReport> {
  const report = await visibleReport(deps.db, ctx.principal, id);
  const p = ctx.principal!;
  const unit = { code: report.communeCode, path: report.unitPath };
  const canHandle = can(p, "report.handle", unit);
  const [category, events, forwards, photos, village, commune] = await Promise.all([
    findCategoryFacts(deps.db, report.categoryId),
    listReportEvents(deps.db, report.id, { publicOnly: false }),
    listForwards(deps.db, report.id),
    listReportPhotos(deps.db, report.id, { includeHidden: true }),
    report.villageCode ? getAdminUnit(deps, report.villageCode) : Promise.resolve(null),
    getAdminUnit(deps, report.communeCode),
  ]);
  let assignable: OfficeReport["assignable"] = [];
  if (canHandle) {
    const communePath = commune?.path ?? report.unitPath;
    const lists = await Promise.all(HANDLER_ROLES.map((role) => usersWithRole(deps, role, communePath)));
    const byId = new Map<string, { id: string; displayName: string }>();
    for (const u of lists.flat()) byId.set(u.id, { id: u.id, displayName: u.displayName });
    assignable = [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, "vi"));
  }
  const names = await displayNames(deps.db, [
    report.assigneeUserId,
    report.assistedBy,
    ...events.map((e) => e.actorUserId),
    ...forwards.flatMap((f) => [f.sentBy, f.returnedBy]),
  ]);
  const hasContact = !report.anonymous && !!(report.reporterName || report.reporterPhone || report.reporterEmail || report.reporterUserId);
  if (hasContact)
    await recordPersonalDataRead(deps, ctx, { target: { type: "report", id: report.id }, adminUnitCode: report.communeCode, details: { part: "reporter" } });
  return {
    report,
    category,
    villageName: village?.name ?? null,
    communeName: commune?.name ?? null,
    events,
    forwards,
    photos,
    names,
    canHandle,
    steps: canHandle ? allowedSteps(report.status) : [],
    assignable,
  };
}
