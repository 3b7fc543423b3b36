// "Tôi cũng gặp": someone else faces the same problem. One support per account, else per phone, else per browser
// (a random key in a cookie); support_count goes up and a public `supported` event records it. A supporter gets no
// access to the report beyond its public page, and the reporter is not told who supported.
import { createHash } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, tooManyRequests } from "../../../platform/http/app-error.ts";
import { reserve } from "../../../platform/throttle/throttle.ts";
import { normaliseReportCode } from "../reporting/report-code.ts";
import * as repo from "../reporting/reporting.repository.ts";
import { OPEN_STATUSES } from "../reports.model.ts";
import { findReportByCode, insertReportEvent } from "../reports.repository.ts";

type D = Pick<Deps, "db" | "events" | "clock">;
type Ctx = Context & { principal: Principal | null };

export const SUPPORT_WINDOW_MS = 60 * 60_000;
export const SUPPORT_MAX_PER_ADDRESS = 60;
export const BROWSER_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

export type SupportInput = { code: string; browserKey?: string | null; clientIp?: string | null };
export type SupportResult = { reportId: string; code: string; added: boolean; supportCount: number };

export async function supportReport(deps: D, ctx: Ctx, input: SupportInput): Promise<SupportResult> {
  const p = ctx.principal;
  const key = p ? `u:${p.userId}` : input.browserKey && BROWSER_KEY_PATTERN.test(input.browserKey) ? `b:${sha(input.browserKey)}` : null;
  if (!key) throw new AppError("validation", "error.validation", [{ field: "browserKey", code: "required", message: "validation.required" }]);
  const now = deps.clock.now();
  if (input.clientIp) {
    const counted = await reserve(
      deps.db,
      "reportSupport",
      [{ key: `ip:${input.clientIp}`, limit: SUPPORT_MAX_PER_ADDRESS, windowMs: SUPPORT_WINDOW_MS }],
      now,
    );
    if (!counted.allowed) throw tooManyRequests("reports.reporting.error.supportThrottled", counted.retryAfterSeconds);
  }
  return deps.db.tx(async (q) => {
    const r = await findReportByCode(q, normaliseReportCode(input.code ?? ""), true);
    // Only what the public page shows can be supported: a private or hidden report is not confirmed to exist.
    if (!r?.public || r.hiddenAt || r.status === "rejected") throw new AppError("not_found", "error.notFound");
    if (!OPEN_STATUSES.includes(r.status)) throw new AppError("conflict", "reports.reporting.error.notOpen");
    if (p && r.reporterUserId === p.userId) throw new AppError("conflict", "reports.reporting.error.ownReport");
    const added = await repo.addSupport(q, r.id, key, p?.userId ?? null, now);
    if (added) {
      // No actor on the public step: who supported is nobody else's business.
      await insertReportEvent(q, { reportId: r.id, kind: "supported", actorUserId: null });
      await deps.events.publish(q, {
        type: "report.supported",
        actor: ctx.actor,
        target: { type: "report", id: r.id },
        adminUnitCode: r.communeCode,
        requestId: ctx.requestId,
        details: { code: r.code },
      });
    }
    return { reportId: r.id, code: r.code, added, supportCount: r.supportCount + (added ? 1 : 0) };
  });
}
