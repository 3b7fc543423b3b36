// What every step of the authoring workflow shares: who may do what on a notice (the actions a page offers are the
// ones the use cases accept), the version check (409), the status check (409) and the step's record — a row in
// notice_events for the notice's history and a domain event for the audit, in the step's transaction.
import type { Deps } from "../../../deps.ts";
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import type { Permission } from "../../../platform/auth/roles.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { NoticeRow, NoticeStatus } from "../notices.model.ts";
import { insertNoticeEvent, type NoticeEventKind } from "./authoring.repository.ts";

export type D = Pick<Deps, "db" | "events" | "clock" | "config">;
export type Ctx = Context & { principal: Principal | null };

export type NoticeActions = { edit: boolean; submit: boolean; approve: boolean; sendBack: boolean; publish: boolean; withdraw: boolean };

const on = (p: Principal | null, perm: Permission, n: NoticeRow) => can(p, perm, { code: n.unitCode, path: n.unitPath });

/** The steps `p` may take on `n` now. An approver never approves their own notice; an emergency may skip review. */
export function noticeActions(p: Principal | null, n: NoticeRow): NoticeActions {
  const drafter = on(p, "notice.draft", n);
  const reviewer = on(p, "notice.approve", n) && p?.userId !== n.authorId;
  const open = n.status === "draft" || n.status === "in_review";
  return {
    edit: drafter && n.status === "draft",
    submit: drafter && n.status === "draft",
    approve: reviewer && n.status === "in_review",
    sendBack: reviewer && n.status === "in_review",
    publish: open && n.category === "emergency" && on(p, "notice.emergency", n),
    withdraw: (n.status === "scheduled" || n.status === "published") && on(p, "notice.approve", n),
  };
}

/** 403 unless the step is one of `p`'s actions; 409 when the notice is not in a status that allows it. */
export function assertAction(p: Principal, n: NoticeRow, action: keyof NoticeActions, statuses: readonly NoticeStatus[], perm: Permission): void {
  if (!on(p, perm, n)) throw new AppError("forbidden", "error.forbidden");
  if (!statuses.includes(n.status))
    throw new AppError("conflict", "notices.authoring.error.notNow", [{ field: "status", code: "notNow", message: "notices.authoring.error.notNowField" }], {
      status: n.status,
    });
  if (!noticeActions(p, n)[action]) {
    if ((action === "approve" || action === "sendBack") && p.userId === n.authorId)
      throw new AppError("forbidden", "notices.authoring.error.ownNotice", [
        { field: "version", code: "ownNotice", message: "notices.authoring.error.ownNotice" },
      ]);
    if (action === "publish" && n.category !== "emergency")
      throw new AppError("conflict", "notices.authoring.error.notEmergency", [
        { field: "category", code: "notEmergency", message: "notices.authoring.error.notEmergencyField" },
      ]);
    throw new AppError("forbidden", "error.forbidden");
  }
}

/** 409 naming `version` when someone changed the notice since the caller read it. */
export function assertVersion(n: NoticeRow, version: number): void {
  if (n.version !== version)
    throw new AppError(
      "conflict",
      "notices.authoring.error.changedMeanwhile",
      [{ field: "version", code: "stale", message: "notices.authoring.error.staleVersion" }],
      { version: n.version },
    );
}

/** The step's history row and its audit event. */
export async function recordStep(
  q: Queryable,
  deps: D,
  ctx: Ctx,
  n: Pick<NoticeRow, "id" | "unitCode">,
  step: { type: string; kind: NoticeEventKind; note?: string | null; details?: Record<string, unknown>; at: Date },
): Promise<void> {
  await insertNoticeEvent(q, { noticeId: n.id, kind: step.kind, actorId: ctx.principal?.userId ?? null, note: step.note ?? null, at: step.at });
  await deps.events.publish(q, {
    type: step.type,
    actor: ctx.actor,
    target: { type: "notice", id: n.id },
    adminUnitCode: n.unitCode,
    requestId: ctx.requestId,
    details: step.details ?? {},
  });
}
