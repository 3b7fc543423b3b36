// The public status page: anyone with the code and the last four digits of the applicant's phone or ID number.
// Wrong guesses are counted per client and code, per code and per client, so neither a client nor a code can be
// brute-forced, and one person's typos on one code do not lock out the rest of an office behind the same address.
import type { Deps } from "../../../deps.ts";
import { AppError, tooManyRequests } from "../../../platform/http/app-error.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { release, reserve, waitBeforeRoom } from "../../../platform/throttle/throttle.ts";
import { NATIONAL_STATUS } from "../dossier-workflow.ts";
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
  // The guess is reserved on this code (from this address, and from all) before its answer is known; the
  // look-up runs meanwhile, and its answer is used only if the reservation was granted, so a throttled client
  // learns nothing from it. The address's ceiling is filled by wrong guesses only: each is reserved there too
  // before it is answered, and a right answer is refused while the address is at its ceiling, so at the ceiling
  // no answer tells right from wrong. Right answers, most look-ups, do not queue on the address's lock.
  const address = { key: `ip:${client}`, limit: LOOKUP_MAX_PER_ADDRESS, windowMs };
  const [r, d, wait] = await Promise.all([
    reserve(
      deps.db,
      BUCKET,
      [
        { key: `ipcode:${client}:${code}`, limit: LOOKUP_MAX_FAILURES, windowMs },
        { key: `code:${code}`, limit: LOOKUP_MAX_PER_CODE, windowMs },
      ],
      now,
    ),
    repo.findPublicStatus(deps.db, code, input.last4),
    waitBeforeRoom(deps.db, BUCKET, address, now),
  ]);
  if (!r.allowed) throw tooManyRequests("dossiers.error.lookupThrottled", r.retryAfterSeconds);
  if (wait > 0) {
    await release(deps.db, r); // not checked, so not counted
    throw tooManyRequests("dossiers.error.lookupThrottled", wait);
  }
  if (!d || d.state === "draft") {
    // The same answer for a wrong code and for wrong digits: a guess learns nothing. The reservations stay.
    const atAddress = await reserve(deps.db, BUCKET, [address], now);
    if (!atAddress.allowed) throw tooManyRequests("dossiers.error.lookupThrottled", atAddress.retryAfterSeconds);
    throw new AppError("not_found", "dossiers.error.lookupNotFound", [{ field: "code", code: "not_found", message: "dossiers.error.lookupNotFoundField" }]);
  }
  // A right answer is not a failed guess.
  await release(deps.db, r);
  const iso = (x: Date | null) => (x ? new Date(x).toISOString() : null);
  return {
    code: d.code!,
    procedureName: d.procedureName,
    state: d.state,
    nationalStatus: NATIONAL_STATUS[d.state],
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
