// GET requests: the commune's public requests (and the asking client's own), filtered as GeoReport v2 says:
// service_request_id (a comma list) overrides every other filter; by default the last 90 days, at most 1000.
import type { Deps } from "../../../deps.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import { parseW3c } from "../open311/open311-format.ts";
import { type CommuneRef, listRequests, type RequestRow } from "../open311/open311.repository.ts";
import { REPORT_STATUSES, open311Status, type ReportStatus } from "../reports.model.ts";

export const OPEN311_MAX_REQUESTS = 1000;
const SPAN_MS = 90 * 86_400_000;

export type Open311RequestQuery = {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
};

const commaList = (raw: string | undefined) =>
  raw
    ?.split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "") ?? [];

export async function listOpen311Requests(
  deps: Pick<Deps, "db" | "clock">,
  commune: CommuneRef,
  clientId: string | null,
  query: Open311RequestQuery,
): Promise<RequestRow[]> {
  const codes = commaList(query.service_request_id).map((c) => c.toUpperCase());
  if (codes.length > 0) {
    return listRequests(deps.db, { communeCode: commune.code, clientId, codes: codes.slice(0, OPEN311_MAX_REQUESTS), limit: OPEN311_MAX_REQUESTS });
  }
  const errors: FieldError[] = [];
  const date = (field: "start_date" | "end_date") => {
    const raw = query[field]?.trim();
    if (!raw) return undefined;
    const d = parseW3c(raw);
    if (!d) errors.push({ field, code: "format", message: "reports.open311.error.date" });
    return d ?? undefined;
  };
  let from = date("start_date");
  let to = date("end_date");
  const wanted = commaList(query.status).map((s) => s.toLowerCase());
  if (wanted.some((s) => s !== "open" && s !== "closed")) errors.push({ field: "status", code: "choice", message: "reports.open311.error.status" });
  if (errors.length) throw new AppError("validation", "error.validation", errors);
  // Either end alone, or neither, is the 90 days next to it; a range given in full may not be longer.
  if (from && to && (to < from || to.getTime() - from.getTime() > SPAN_MS))
    throw new AppError("validation", "error.validation", [{ field: "start_date", code: "range", message: "reports.open311.error.dateSpan" }]);
  // Neither: the last 90 days (open-ended, so a request of this very second is in). One: the 90 days beside it.
  if (!from && !to) from = new Date(deps.clock.now().getTime() - SPAN_MS);
  else if (!from) from = new Date(to!.getTime() - SPAN_MS);
  else if (!to) to = new Date(from.getTime() + SPAN_MS);
  const statuses: ReportStatus[] | undefined = wanted.length ? REPORT_STATUSES.filter((s) => wanted.includes(open311Status(s))) : undefined;
  const serviceCodes = commaList(query.service_code);
  return listRequests(deps.db, {
    communeCode: commune.code,
    clientId,
    serviceCodes: serviceCodes.length ? serviceCodes : undefined,
    from,
    to,
    statuses,
    limit: OPEN311_MAX_REQUESTS,
  });
}
