// The office figures' query string: read from the request, written back into links.
import type { Context } from "hono";
import type { FieldError } from "../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { readDayFields } from "../../../platform/text/day-input.ts";

const QUERY_KEYS = ["commune", "from", "to", "groupBy", "basis"] as const;

/** The query string of the page without empty or unknown keys, for links. */
export function queryOf(values: Record<string, string>): string {
  const qs = new URLSearchParams();
  for (const k of QUERY_KEYS) if (values[k]) qs.set(k, values[k]!);
  return qs.toString();
}

/** The query as typed, and with its days (typed dd/mm/yyyy) as YYYY-MM-DD for the contract, and the days it could not read. */
export function typedQuery(c: Context<AppEnv>): { raw: Record<string, string>; values: Record<string, string>; dayErrors: FieldError[] } {
  const raw: Record<string, string> = {};
  for (const k of QUERY_KEYS) {
    const v = c.req.query(k);
    if (v !== undefined) raw[k] = v.trim();
  }
  const dated = readDayFields(raw, ["from", "to"]);
  return { raw, values: dated.values, dayErrors: dated.errors };
}

export function queryValues(c: Context<AppEnv>): Record<string, string> {
  return typedQuery(c).values;
}
