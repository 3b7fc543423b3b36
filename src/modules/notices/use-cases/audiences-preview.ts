// Who a notice reaches, before anyone approves it: per channel the people, the messages, who is left out and why,
// the cost, and what the SMS daily cap leaves today. Counts only (no names or numbers), from the same resolver the
// fan-out inserts from. For a saved notice (notice.read on it) or a draft's fields (notice.draft on its unit).
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import { localInstant, toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { audienceInputOf, personChannelsOf } from "../audiences/audience-input.ts";
import { type AudiencePreview, AudiencePreviewBody } from "../audiences/audiences.contract.ts";
import * as repo from "../audiences/audiences.repository.ts";
import { capSummary } from "../audiences/sms-cap.ts";
import { visibleNotice } from "../notice-access.ts";
import type { NoticeRow } from "../notices.model.ts";

type PreviewDeps = Pick<Deps, "db" | "clock" | "config">;
type Ctx = Context & { principal: Principal | null };

/** The preview of a notice as saved (any status; once fanned out, the delivery report says what was sent). */
export async function previewNoticeAudience(deps: PreviewDeps, ctx: Ctx, noticeId: string): Promise<AudiencePreview> {
  return (await previewSavedNotice(deps, ctx, noticeId)).preview;
}

/** The same, with the notice it read (for a page that shows its title). */
export async function previewSavedNotice(deps: PreviewDeps, ctx: Ctx, noticeId: string): Promise<{ notice: NoticeRow; preview: AudiencePreview }> {
  const notice = await visibleNotice(deps.db, ctx.principal, noticeId);
  return { notice, preview: await computePreview(deps, notice) };
}

/** The preview of a draft's fields (the authoring form, or POST /api/v1/notices/audience-preview). */
export async function previewDraftAudience(deps: PreviewDeps, ctx: Ctx, raw: unknown): Promise<AudiencePreview> {
  const parsed = AudiencePreviewBody.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const body = parsed.data;
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const unit = await getAdminUnit(deps, body.unitCode).catch(() => null);
  if (!unit || (unit.level !== "commune" && unit.level !== "province")) {
    throw new AppError("validation", "error.validation", [{ field: "unitCode", code: "unknown", message: "notices.audiences.error.unit" }]);
  }
  authorise(ctx.principal, "notice.draft", { code: unit.code, path: unit.path });
  if (body.scope === "province" && unit.level !== "province") {
    throw new AppError("validation", "error.validation", [{ field: "scope", code: "invalid", message: "notices.audiences.error.scope" }]);
  }
  const draft = {
    id: null,
    unitCode: unit.code,
    unitPath: unit.path,
    category: body.category,
    scope: body.scope,
    villageCodes: body.scope === "villages" ? body.villageCodes : [],
    channels: body.channels,
    audience: body.audience,
    // Without a text, the estimate prices one segment a message.
    smsText: body.smsText ?? "x",
    fannedOutAt: null,
  };
  if (draft.scope === "villages") {
    const known = await repo.villagesInScope(deps.db, draft);
    const unknown = draft.villageCodes.filter((v) => !known.includes(v));
    if (unknown.length > 0) {
      throw new AppError("validation", "error.validation", [
        { field: "villageCodes", code: "unknown", message: "notices.audiences.error.villages", params: { codes: unknown.join(", ") } },
      ]);
    }
  }
  return computePreview(deps, draft);
}

type PreviewNotice = Pick<NoticeRow, "unitCode" | "unitPath" | "category" | "scope" | "villageCodes" | "channels" | "audience" | "smsText" | "fannedOutAt"> & {
  id: string | null;
};

async function computePreview(deps: PreviewDeps, n: PreviewNotice): Promise<AudiencePreview> {
  const input = audienceInputOf(n);
  const channels = personChannelsOf(deps.config, n.channels);
  // The adapters price a NoticeRow; a draft has only the fields a price depends on.
  const priced = n as unknown as NoticeRow;
  const [reach, villages] = await Promise.all([
    Promise.all(
      channels.map(async (c) => {
        const counts = await repo.countChannel(deps.db, input, c, n.category);
        const unitCostVnd = c.costVnd(priced);
        return { channel: c.name, contact: c.contact, optIn: c.optIn, ...counts, unitCostVnd, costVnd: counts.messages * unitCostVnd };
      }),
    ),
    repo.villagesInScope(deps.db, n),
  ]);
  const loudspeaker = n.channels.includes("loudspeaker");
  const stations = loudspeaker ? await repo.villagesWithStations(deps.db, villages) : null;
  const sms = reach.find((r) => r.channel === "sms");
  let smsCap: AudiencePreview["smsCap"] = null;
  if (sms) {
    const now = deps.clock.now();
    const today = toLocalDay(now);
    const due = await repo.smsDueByDay(deps.db, n.unitCode, localInstant(today), n.fannedOutAt ? null : n.id);
    const emergency = n.category === "emergency";
    smsCap = {
      ...capSummary({ count: n.fannedOutAt ? 0 : sms.messages, cap: deps.config.notices.smsDailyCap, dueToday: due.get(today) ?? 0, emergency }),
      emergency,
    };
  }
  return {
    noticeId: n.id,
    unitCode: n.unitCode,
    category: n.category,
    fannedOut: n.fannedOutAt !== null,
    channels: reach,
    web: { chosen: n.channels.includes("web"), villages: villages.length },
    loudspeaker: { chosen: loudspeaker, villages: villages.length, villagesWithStations: stations },
    smsCap,
    totalCostVnd: reach.reduce((s, r) => s + r.costVnd, 0),
  };
}
