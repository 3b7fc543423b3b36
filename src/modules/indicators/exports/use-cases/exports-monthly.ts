// The monthly report, run by a daily task: on the first working day of a month (the work calendar's, with its
// holidays and make-up days) each active subscription gets last month's PDF and workbook, stored so that the page
// lists them, and each recipient an e-mail with the link. Idempotent: a run is unique per subscription and period,
// and each e-mail's outbox key is unique, so a second run the same day (or a retry) generates and sends nothing.
import type { Deps } from "../../../../deps.ts";
import { toLocalDay } from "../../../../platform/calendar/vietnam-time.ts";
import { SYSTEM_ACTOR } from "../../../../platform/events/domain-events.ts";
import { storeFile } from "../../../../platform/files/file-store.ts";
import { enqueue } from "../../../../platform/jobs/outbox.ts";
import { loadWorkCalendar } from "../../../calendar/index.ts";
import { EMAIL_TOPIC } from "../../../notifications/index.ts";
import { indicatorPaths } from "../../indicator-paths.ts";
import * as indicatorsRepo from "../../indicators.repository.ts";
import { type Period, periodOf } from "../../periods.ts";
import { setsForProvince } from "../../set-store.ts";
import * as repo from "../exports.repository.ts";
import { writeReportPdf } from "../pdf-writer.ts";
import { fileStem, periodWords, t } from "../report-text.ts";
import { writeReportXlsx } from "../xlsx-writer.ts";
import { computeReport, provinceOfPath } from "./exports-build.ts";
import { issuerOf } from "./exports-file.ts";

type D = Pick<Deps, "db" | "clock" | "events" | "config" | "log">;
export type MonthlyRunResult = { due: boolean; period: string | null; generated: number; skipped: number; failed: number; emails: number };

const PDF_MAX_BYTES = 20 * 1024 * 1024;

/** The month's first working day, from its first day forward. */
export function firstWorkingDay(cal: { isWorkingDay(day: string): boolean }, month: string): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  for (let i = 0; i < 31; i++) {
    const day = d.toISOString().slice(0, 10);
    if (cal.isWorkingDay(day)) return day;
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return `${month}-01`;
}

/** The month before the one holding `day`. */
export function previousMonth(day: string): Period {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const code = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  return periodOf(code, day) as Period;
}

class AlreadyRun extends Error {}

export async function runMonthlyReports(deps: D): Promise<MonthlyRunResult> {
  const today = toLocalDay(deps.clock.now());
  const cal = await loadWorkCalendar(deps);
  const result: MonthlyRunResult = { due: false, period: null, generated: 0, skipped: 0, failed: 0, emails: 0 };
  if (firstWorkingDay(cal, today.slice(0, 7)) !== today) return result;
  const period = previousMonth(today);
  Object.assign(result, { due: true, period: period.code });
  for (const sub of await repo.listSubscriptions(deps.db, null)) {
    if (await repo.hasRun(deps.db, sub.id, period.code)) {
      result.skipped++;
      continue;
    }
    try {
      result.emails += await generateOne(deps, sub, period);
      result.generated++;
    } catch (err) {
      if (err instanceof AlreadyRun) {
        result.skipped++;
        continue;
      }
      result.failed++;
      deps.log.warn({ err, subscription: sub.id }, "indicator report failed");
    }
  }
  // A failure is retried by the queue; what was generated is not generated again.
  if (result.failed > 0) throw new Error(`indicator reports: ${result.failed} failed of ${result.failed + result.generated + result.skipped}`);
  return result;
}

async function generateOne(deps: D, sub: repo.SubscriptionRow, period: Period): Promise<number> {
  const unit = await indicatorsRepo.unitRef(deps.db, sub.unitCode);
  if (!unit) throw new Error(`unit ${sub.unitCode} is gone`);
  // A set the province has since dropped is left out; the others are still reported.
  const sets = (await setsForProvince(deps, provinceOfPath(unit.path))).filter((s) => sub.setKeys.includes(s.key));
  if (sets.length === 0) throw new Error(`subscription ${sub.id}: none of its sets exists`);
  const data = await computeReport(deps, unit, sets, period, sub.grouping);
  const pdf = await writeReportPdf(data, await issuerOf(deps, unit));
  const xlsx = await writeReportXlsx(data);
  const commune = unit.level === "province" ? null : unit.code.slice(0, 5);
  const base = (deps.config.publicUrl ?? "").replace(/\/$/, "");
  const subject = t("indicators.exports.mail.subject", { unit: unit.name, period: periodWords(period) });
  return deps.db.tx(async (q) => {
    const file = await storeFile(q, {
      ownerUserId: null,
      communeCode: commune,
      name: `bao-cao-${fileStem(unit.code, null, period)}.pdf`,
      bytes: pdf,
      maxBytes: PDF_MAX_BYTES,
      field: "report",
      allowed: ["application/pdf"],
      quota: null,
    });
    const runId = await repo.insertRun(q, {
      subscriptionId: sub.id,
      period: period.code,
      pdfFileId: file.id,
      xlsx,
      recipients: sub.recipients,
      at: deps.clock.now(),
    });
    // Another worker got there first: roll back the stored file too.
    if (!runId) throw new AlreadyRun();
    const text = t("indicators.exports.mail.body", {
      unit: unit.name,
      period: periodWords(period),
      pdf: `${base}${indicatorPaths.scheduledReportFile(runId, "pdf")}`,
      xlsx: `${base}${indicatorPaths.scheduledReportFile(runId, "xlsx")}`,
      page: `${base}${indicatorPaths.scheduledReports}`,
    });
    let sent = 0;
    for (const to of sub.recipients) {
      if (await enqueue(q, { topic: EMAIL_TOPIC, payload: { to, subject, text }, dedupeKey: `indicator-report:${sub.id}:${period.code}:${to}` })) sent++;
    }
    await deps.events.publish(q, {
      type: "indicatorReport.generated",
      actor: SYSTEM_ACTOR,
      target: { type: "indicatorReportRun", id: runId },
      adminUnitCode: unit.code,
      requestId: null,
      details: { subscription: sub.id, period: period.code, sets: sets.map((s) => s.key), recipients: sent },
    });
    return sent;
  });
}
