// HTML form posts go through the same zod schemas as the API; errors come back beside each field.
import type { Context } from "hono";
import type { z } from "zod";
import { AppError, type FieldError, fieldErrorsFromZod } from "./app-error.ts";

/** The form's text fields, without the CSRF token and other "_"-prefixed control fields. */
export async function readForm(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith("_") || typeof v !== "string") continue;
    out[k] = v;
  }
  return out;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

export function validateForm<S extends z.ZodType>(schema: S, values: Record<string, string>): FormResult<z.infer<S>> {
  // Empty optional fields arrive as "" from browsers; treat them as absent.
  const cleaned = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
  const r = schema.safeParse(cleaned);
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: fieldErrorsFromZod(r.error.issues) };
}

/** Runs a use case; its field errors go back to the form, other errors go to the error handler. */
export async function attempt<T>(fn: () => Promise<T>): Promise<FormResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    if (err instanceof AppError && err.fields.length > 0) return { ok: false, errors: err.fields };
    throw err;
  }
}

/** Only same-site relative paths may be used as a redirect target. */
export function safeNext(next: unknown, fallback = "/"): string {
  return typeof next === "string" && /^\/(?![/\\])[\w\-./?=&%~+]*$/.test(next) ? next : fallback;
}
