// Who receives a unit's monthly report. Deciding who is told is a province's call (indicator.manage on the unit),
// and a commune's administrator may arrange it for their own commune; reading the list and the reports generated
// needs indicator.read. E-mail addresses are kept, lower-cased; the e-mail carries a link that needs a sign-in.
import type { Deps } from "../../../../deps.ts";
import { can, holdsRole, type Principal, scopePaths } from "../../../../platform/auth/authorise.ts";
import type { Context } from "../../../../platform/events/domain-events.ts";
import { AppError, type FieldError, validationError } from "../../../../platform/http/app-error.ts";
import type { UnitRef } from "../../indicators.repository.ts";
import { SubscriptionForm } from "../exports.contract.ts";
import * as repo from "../exports.repository.ts";
import { chosenSets, readableUnit } from "./exports-build.ts";

export type Ctx = Context & { principal: Principal | null };
type D = Pick<Deps, "db" | "clock" | "events">;

const EMAIL = /^[^\s@,;<>"()]+@[^\s@,;<>"()]+\.[^\s@,;<>"()]+$/;
export const MAX_RECIPIENTS = 30;

/** indicator.manage on the unit, or a commune administrator on their commune. */
export function canSchedule(p: Principal | null, unit: Pick<UnitRef, "code" | "path" | "level">): boolean {
  return can(p, "indicator.manage", unit) || (unit.level === "commune" && holdsRole(p, "commune_admin", unit));
}

/** The addresses of a textarea (one a line, or separated by commas or semicolons); a 400 naming the first bad one. */
export function parseRecipients(text: string): string[] {
  const list = [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((x) => x.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const err = (code: string, message: FieldError["message"], params?: Record<string, string | number>) =>
    new AppError("validation", "error.validation", [{ field: "recipients", code, message, ...(params ? { params } : {}) }]);
  if (list.length === 0) throw err("required", "indicators.exports.recipientsRequired");
  if (list.length > MAX_RECIPIENTS) throw err("too_big", "indicators.exports.recipientsTooMany", { max: MAX_RECIPIENTS });
  const bad = list.find((a) => a.length > 254 || !EMAIL.test(a));
  if (bad) throw err("format", "indicators.exports.recipientInvalid", { address: bad.slice(0, 80) });
  return list;
}

export async function subscribeReport(deps: D, ctx: Ctx, raw: unknown): Promise<string> {
  const parsed = SubscriptionForm.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const unit = await readableUnit(deps, ctx.principal, input.unit);
  if (!canSchedule(ctx.principal, unit)) throw new AppError("forbidden", "error.forbidden");
  const sets = await chosenSets(deps, unit, [...new Set(input.sets)], "sets");
  const recipients = parseRecipients(input.recipients);
  const p = ctx.principal!;
  return deps.db.tx(async (q) => {
    const id = await repo.insertSubscription(q, {
      unitCode: unit.code,
      unitPath: unit.path,
      setKeys: sets.map((s) => s.key),
      grouping: input.by,
      recipients,
      createdBy: p.userId,
      at: deps.clock.now(),
    });
    await deps.events.publish(q, {
      type: "indicatorReport.subscribed",
      actor: ctx.actor,
      target: { type: "indicatorReportSubscription", id },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      // How many, not who: the audit log keeps no addresses.
      details: { sets: sets.map((s) => s.key), by: input.by, recipients: recipients.length },
    });
    return id;
  });
}

export async function unsubscribeReport(deps: D, ctx: Ctx, id: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("not_found", "error.notFound");
  await deps.db.tx(async (q) => {
    const s = await repo.findSubscription(q, id, true);
    if (!s?.active) throw new AppError("not_found", "error.notFound");
    const unit = await readableUnit({ db: q } as Pick<Deps, "db">, ctx.principal, s.unitCode);
    if (!canSchedule(ctx.principal, unit)) throw new AppError("forbidden", "error.forbidden");
    await repo.endSubscription(q, id, ctx.principal!.userId, deps.clock.now());
    await deps.events.publish(q, {
      type: "indicatorReport.unsubscribed",
      actor: ctx.actor,
      target: { type: "indicatorReportSubscription", id },
      adminUnitCode: s.unitCode,
      requestId: ctx.requestId,
    });
  });
}

export type ScheduledReports = { subscriptions: (repo.SubscriptionRow & { canEnd: boolean })[]; runs: repo.RunRow[] };

/** The subscriptions on units the reader may read, and their latest reports. */
export async function listScheduledReports(deps: Pick<Deps, "db">, principal: Principal | null): Promise<ScheduledReports> {
  if (!principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = scopePaths(principal, "indicator.read");
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  const subs = await repo.listSubscriptions(deps.db, paths);
  const runs = await repo.listRuns(
    deps.db,
    subs.map((s) => s.id),
  );
  const level = (code: string): UnitRef["level"] => (code.length === 2 ? "province" : code.includes(".") ? "village" : "commune");
  return { subscriptions: subs.map((s) => ({ ...s, canEnd: canSchedule(principal, { code: s.unitCode, path: s.unitPath, level: level(s.unitCode) }) })), runs };
}
