// The office figures' query string: read from the request, written back into links.
import type { Context } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";

const QUERY_KEYS = ["commune", "from", "to", "groupBy", "basis"] as const;

/** The query string of the page without empty or unknown keys, for links. */
export function queryOf(values: Record<string, string>): string {
  const qs = new URLSearchParams();
  for (const k of QUERY_KEYS) if (values[k]) qs.set(k, values[k]!);
  return qs.toString();
}

export function queryValues(c: Context<AppEnv>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of QUERY_KEYS) {
    const v = c.req.query(k);
    if (v !== undefined) out[k] = v.trim();
  }
  return out;
}
