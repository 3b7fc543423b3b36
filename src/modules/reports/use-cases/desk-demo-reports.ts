// Demo reports for a first look at the desk, the public page and the figures: written with their steps (report_events)
// as the handling steps would write them, deadlines from the working-day calendar. Once per commune (codes PA-DEMO-*).
import type { Deps } from "../../../deps.ts";
import { computeDueAt } from "../../../platform/calendar/working-time.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import { CONFIRM_WINDOW_DAYS, type RejectReason, type ReportStatus } from "../reports.model.ts";
import { insertReportEvent } from "../reports.repository.ts";
import { activeCategories } from "./categories-active.ts";

export type DemoReport = {
  category: string;
  villageCode: string | null;
  description: string;
  landmark: string;
  lat?: number;
  lon?: number;
  status: ReportStatus;
  daysAgo: number;
  reporterName: string | null;
  reporterPhone?: string | null;
  assigneeUserId?: string | null;
  /** Answered this many days after receipt (resolved, closed, reopened). */
  answeredAfterDays?: number;
  answer?: string;
  rejectReason?: RejectReason;
  statusNote?: string;
  satisfaction?: number;
  reopened?: boolean;
  forwardedTo?: string;
};

const DAY = 86_400_000;
const HANDLED: readonly ReportStatus[] = ["accepted", "assigned", "in_progress", "forwarded", "resolved", "reopened", "closed"];

export async function seedDemoReports(
  deps: Pick<Deps, "db" | "config" | "clock">,
  input: { communeCode: string; actorUserId: string | null; reports: readonly DemoReport[] },
): Promise<{ added: number }> {
  const { rows } = await deps.db.query("SELECT 1 FROM reports WHERE commune_code = $1 AND code LIKE 'PA-DEMO-%' LIMIT 1", [input.communeCode]);
  if (rows.length > 0) return { added: 0 };
  const commune = await getAdminUnit(deps, input.communeCode);
  const categories = new Map((await activeCategories(deps, input.communeCode)).map((c) => [c.code, c]));
  const cal = await loadWorkCalendar(deps);
  const now = deps.clock.now();
  await deps.db.tx(async (q) => {
    for (const [i, r] of input.reports.entries()) {
      const category = categories.get(r.category);
      if (!category) continue;
      const unitPath = r.villageCode ? (await getAdminUnit(deps, r.villageCode)).path : commune.path;
      const code = `PA-DEMO-${String(i + 1).padStart(2, "0")}`;
      const createdAt = new Date(now.getTime() - r.daysAgo * DAY);
      const handled = HANDLED.includes(r.status);
      const acceptedAt = handled ? new Date(createdAt.getTime() + 2 * 3_600_000) : null;
      const dueAt = acceptedAt ? computeDueAt(cal, { receivedAt: acceptedAt, duration: { unit: "days", amount: category.timeLimitDays }, cutOff: null }) : null;
      const answered = r.status === "resolved" || r.status === "closed" || r.status === "reopened";
      const answeredAt = answered ? new Date(createdAt.getTime() + (r.answeredAfterDays ?? 3) * DAY) : null;
      const closedAt = r.status === "closed" ? new Date((answeredAt ?? createdAt).getTime() + 2 * DAY) : null;
      const { rows: ins } = await q.query<{ id: string }>(
        `INSERT INTO reports (code, commune_code, unit_path, village_code, category_id, description, landmark, lat, lon, location_source,
           status, reject_reason, status_note, public, reporter_name, reporter_phone, anonymous, notify_sms, channel, assignee_user_id,
           assigned_unit, accepted_at, due_at, answered_at, answer, confirm_until, confirmed_at, satisfaction, reopen_count, closed_at,
           search_text, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'web', $19, $20, $21, $22, $23, $24, $25,
           $26, $27, $28, $29, $30, $31, $31)
         RETURNING id`,
        [
          code,
          input.communeCode,
          unitPath,
          r.villageCode,
          category.id,
          r.description,
          r.landmark,
          r.lat ?? null,
          r.lon ?? null,
          r.lat === undefined ? "none" : "map",
          r.status,
          r.rejectReason ?? null,
          r.statusNote ?? r.answer ?? null,
          category.publicByDefault,
          r.reporterName,
          r.reporterPhone ?? null,
          r.reporterName === null,
          !!r.reporterPhone,
          r.assigneeUserId ?? null,
          r.assigneeUserId ? category.responsibleUnit : null,
          acceptedAt,
          dueAt,
          answeredAt,
          r.answer ?? null,
          answeredAt ? new Date(answeredAt.getTime() + CONFIRM_WINDOW_DAYS * DAY) : null,
          r.status === "closed" && r.satisfaction ? closedAt : null,
          r.satisfaction ?? null,
          r.reopened ? 1 : 0,
          closedAt,
          searchKey(`${code} ${r.description} ${r.landmark}`),
          createdAt,
        ],
      );
      const id = ins[0]!.id;
      const actor = input.actorUserId;
      const step = (kind: string, from: ReportStatus | null, to: ReportStatus, extra: { reason?: string; note?: string } = {}) =>
        insertReportEvent(q, { reportId: id, kind, fromStatus: from, toStatus: to, actorUserId: kind === "submitted" ? null : actor, ...extra });
      await step("submitted", null, "received");
      if (r.status === "rejected") await step("rejected", "received", "rejected", { reason: r.rejectReason ?? "not_commune", note: r.statusNote });
      if (!handled) continue;
      await step("accepted", "received", "accepted");
      if (r.status === "accepted") continue;
      if (r.assigneeUserId) await step("assigned", "accepted", "assigned");
      if (r.status === "assigned") continue;
      await step("started", r.assigneeUserId ? "assigned" : "accepted", "in_progress");
      if (r.forwardedTo) await step("forwarded", "in_progress", "forwarded", { note: r.forwardedTo });
      if (r.status === "in_progress" || r.status === "forwarded") continue;
      await step("resolved", r.forwardedTo ? "forwarded" : "in_progress", "resolved", { note: r.answer });
      if (r.status === "reopened") await step("reopened", "resolved", "reopened", { note: r.statusNote });
      if (r.status === "closed") await step(r.satisfaction ? "confirmed" : "closed", "resolved", "closed");
    }
  });
  // Counted rows: every report written, whatever step it stopped at.
  const { rows: n } = await deps.db.query<{ n: string }>("SELECT count(*) AS n FROM reports WHERE commune_code = $1 AND code LIKE 'PA-DEMO-%'", [
    input.communeCode,
  ]);
  return { added: Number(n[0]?.n ?? 0) };
}
