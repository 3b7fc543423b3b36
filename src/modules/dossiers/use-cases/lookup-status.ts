// The public status page: anyone with the code and the last four digits of the applicant's phone or ID number.
// Wrong guesses are counted per client and code, per code and per client, so neither a client nor a code can be
// brute-forced, and one person's typos on one code do not lock out the rest of an office behind the same address.
import type { Deps } from "../../../deps.ts";
import { AppError, tooManyRequests } from "../../../platform/http/app-error.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { checkHeld, recordHeld, reserve, waitBeforeRoom } from "../../../platform/throttle/throttle.ts";
import { nationalStatusOf } from "../dossier-workflow.ts";
import type { PublicStatus } from "../dossiers.contract.ts";
import * as repo from "../dossiers.repository.ts";

export const LOOKUP_WINDOW_MINUTES = 15;
const BUCKET = "statusLookup";
/** Wrong guesses per window from one address on one code. */
export const LOOKUP_MAX_FAILURES = 10;
/** Wrong guesses per window on one code from every address together: guessing from many addresses gains little. */
export const LOOKUP_MAX_PER_CODE = 30;
/** Wrong guesses per window from one address over every code: an office or a shared connection, not one person. */
export const LOOKUP_MAX_PER_ADDRESS = 100;

/** "Nguyễn Văn An" → "N*** V*** An": enough for the applicant to recognise, not enough to identify. */
export function maskName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return parts.map((w, i) => (i === parts.length - 1 ? w : `${[...w][0] ?? ""}***`)).join(" ");
}

/** Public steps: what happened and when, never who or why (reasons can hold personal data). */
const PUBLIC_ACTIONS = new Set([
  "submit",
  "intake",
  "receive",
  "requestSupplement",
  "answerSupplement",
  "assign",
  "forward",
  "forwardReturned",
  "propose",
  "approve",
  "sendBack",
  "pause",
  "resume",
  "refuse",
  "cancel",
  "returnResult",
  "apologise",
]);

export async function lookupStatus(
  deps: Pick<Deps, "db" | "clock">,
  t: Translate,
  input: { code: string; last4: string; client: string | null },
): Promise<PublicStatus> {
  const now = deps.clock.now();
  const code = input.code.trim().toUpperCase();
  const windowMs = LOOKUP_WINDOW_MINUTES * 60_000;
  // Clients whose address is unknown share one.
  const client = input.client ?? "unknown";
  // In one transaction: the keys of this code (from this address, and from all) are locked and checked before
  // the answer is known, and a wrong guess is recorded under those locks before it is answered, so parallel
  // guesses cannot pass the limits; a right answer writes nothing. The address's ceiling is filled by wrong
  // guesses only (each reserved there too), and while it is full no answer is given, right or wrong, so at the
  // ceiling no answer tells one from the other; right answers do not queue on the address's lock.
  const address = { key: `ip:${client}`, limit: LOOKUP_MAX_PER_ADDRESS, windowMs };
  const outcome = await deps.db.tx(async (q): Promise<{ throttled: number } | { found: repo.PublicLookupRow | null }> => {
    const r = await checkHeld(
      q,
      BUCKET,
      [
        { key: `ipcode:${client}:${code}`, limit: LOOKUP_MAX_FAILURES, windowMs },
        { key: `code:${code}`, limit: LOOKUP_MAX_PER_CODE, windowMs },
      ],
      now,
    );
    if (!r.allowed) return { throttled: r.retryAfterSeconds };
    const wait = await waitBeforeRoom(q, BUCKET, address, now);
    if (wait > 0) return { throttled: wait };
    const d = await repo.findPublicStatus(q, code, input.last4);
    if (d && d.state !== "draft") return { found: d };
    const atAddress = await reserve(q, BUCKET, [address], now);
    if (!atAddress.allowed) return { throttled: atAddress.retryAfterSeconds };
    await recordHeld(q, r);
    return { found: null };
  });
  if ("throttled" in outcome) throw tooManyRequests("dossiers.error.lookupThrottled", outcome.throttled);
  const d = outcome.found;
  if (!d) {
    // The same answer for a wrong code and for wrong digits: a guess learns nothing.
    throw new AppError("not_found", "dossiers.error.lookupNotFound", [{ field: "code", code: "not_found", message: "dossiers.error.lookupNotFoundField" }]);
  }
  const iso = (x: Date | null) => (x ? new Date(x).toISOString() : null);
  return {
    code: d.code!,
    procedureName: d.procedureName,
    state: d.state,
    nationalStatus: nationalStatusOf(d),
    stateLabel: t(`dossiers.state.${d.state}`),
    applicantName: maskName(d.applicantName),
    submittedAt: iso(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    newDueAt: iso(d.apologyDueAt),
    finishedAt: iso(d.finishedAt),
    returnedAt: iso(d.returnedAt),
    steps: d.events
      .filter((e) => PUBLIC_ACTIONS.has(e.action))
      .map((e) => ({ action: e.action, label: t(`dossiers.action.${e.action}` as never), at: new Date(e.at).toISOString() })),
  };
}
