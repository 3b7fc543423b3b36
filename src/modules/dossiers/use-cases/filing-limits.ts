// How many dossiers one account (and, for citizens, one address) may submit, and how many new drafts it may
// create, per window (FILING_* settings). A citizen filing their own is limited per account and per address;
// an officer or volunteer (desk intake for walk-ins, assisted filing) files for many people from one office,
// so only their account is counted, with a much higher ceiling. Submissions and new drafts are counted apart.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { AppError, type FieldError, tooManyRequests } from "../../../platform/http/app-error.ts";
import { actorKeys, type Reservation, reserve, type ThrottleLimit } from "../../../platform/throttle/throttle.ts";
import type { SmsQuota } from "../../notifications/index.ts";

export type FilingCount = "submission" | "draft";

const BUCKET: Record<FilingCount, string> = { submission: "dossierSubmit", draft: "dossierDraft" };

function limitsFor(config: Deps["config"], p: Principal, clientIp: string | null): ThrottleLimit[] {
  const windowMs = config.filing.windowMinutes * 60_000;
  return actorKeys({ userId: p.userId, citizen: p.kind === "citizen", clientIp }, config.filing).map(({ key, ceiling }) => ({ key, limit: ceiling, windowMs }));
}

/** Reserves one submission or one new draft (in q's transaction when given one, else committed at once). */
export function reserveFiling(
  deps: Pick<Deps, "db" | "config">,
  q: Queryable | null,
  what: FilingCount,
  p: Principal,
  clientIp: string | null,
  now: Date,
): Promise<Reservation> {
  return reserve(q ?? deps.db, BUCKET[what], limitsFor(deps.config, p, clientIp), now);
}

/** Over the limit: 429 with Retry-After. `draftId`: the submission was kept as this draft, with its uploads. */
export class FilingThrottledError extends AppError {
  constructor(
    readonly draftId: string | null,
    retryAfterSeconds: number,
    what: FilingCount = "submission",
  ) {
    const field: FieldError =
      what === "submission"
        ? { field: "intent", code: "throttled", message: "dossiers.error.filingThrottledField" }
        : { field: "intent", code: "throttled", message: "dossiers.error.draftThrottledField" };
    const e = tooManyRequests(what === "submission" ? "dossiers.error.filingThrottled" : "dossiers.error.draftThrottled", retryAfterSeconds, [field]);
    super("too_many_requests", e.messageKey, e.fields, e.params, retryAfterSeconds);
  }
}

/** The SMS a citizen's own filing sends (to their verified phone) counts against the SMS limits (SMS_*); the office's do not. */
export function smsQuotaFor(config: Deps["config"], p: Principal, now: Date): SmsQuota | undefined {
  if (p.kind !== "citizen") return undefined;
  const { windowHours, perRecipient, perAccount } = config.sms.limits;
  return { accountId: p.userId, perRecipient, perAccount, windowMs: windowHours * 3_600_000, now };
}
