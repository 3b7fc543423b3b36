// The public status page: anyone with the code and the last four digits of the applicant's phone or ID number.
// Wrong guesses are counted per client and per code, so neither a client nor a code can be brute-forced.
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { maxThrottleHits, recordThrottleHits } from "../../../platform/throttle/throttle.ts";
import { NATIONAL_STATUS } from "../dossier-workflow.ts";
import type { PublicStatus } from "../dossiers.contract.ts";
import * as repo from "../dossiers.repository.ts";

export const LOOKUP_WINDOW_MINUTES = 15;
export const LOOKUP_MAX_FAILURES = 10;

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
  const since = new Date(now.getTime() - LOOKUP_WINDOW_MINUTES * 60_000);
  const code = input.code.trim().toUpperCase();
  const keys = [`code:${code}`, ...(input.client ? [`ip:${input.client}`] : [])];
  // The throttle count and the look-up go out together (two statements, one round trip of waiting); the
  // answer is decided on the count first, so a throttled client learns nothing from the look-up.
  const [hits, d] = await Promise.all([maxThrottleHits(deps.db, "statusLookup", keys, since), repo.findPublicStatus(deps.db, code, input.last4)]);
  if (hits >= LOOKUP_MAX_FAILURES) {
    throw new AppError("too_many_requests", "dossiers.error.lookupThrottled", [], { minutes: LOOKUP_WINDOW_MINUTES });
  }
  if (!d || d.state === "draft") {
    await recordThrottleHits(deps.db, "statusLookup", keys, now);
    // The same answer for a wrong code and for wrong digits: a guess learns nothing.
    throw new AppError("not_found", "dossiers.error.lookupNotFound", [{ field: "code", code: "not_found", message: "dossiers.error.lookupNotFoundField" }]);
  }
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
