// A form with repeated fields (ticked checkboxes): single values as readForm gives them, and the named lists whole.
import type { Context } from "hono";
import type { FieldError } from "../../../../platform/http/app-error.ts";

export async function readAll(c: Context, listNames: readonly string[]): Promise<{ values: Record<string, string>; lists: Record<string, string[]> }> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith("_")) continue;
    const all = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
    if (listNames.includes(k)) lists[k] = all;
    else if (all.length) values[k] = all[all.length - 1]!;
  }
  return { values, lists };
}

/** Errors on one ticked row ("householdIds.3") point at the table as a whole: the summary links to it, once per message. */
export function listErrors(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors
    .map((e) => (/^householdIds\.\d+$/.test(e.field) ? { ...e, field: "householdIds" } : e))
    .filter((e) => {
      const key = `${e.field} ${e.message}`;
      return !seen.has(key) && !!seen.add(key);
    });
}
