// A form with repeated fields (ticked checkboxes): single values as readForm gives them, and the named lists whole.
import type { Context } from "hono";

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
