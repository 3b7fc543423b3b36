// What the citizen pages share beyond the platform's page kit: refusals shown beside their field.
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";

/** Expected refusals (wrong code, too many tries) go back to the form beside their field, with their own status (and Retry-After). */
export async function attemptWithStatus<T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; data: T } | { ok: false; errors: FieldError[]; status: 400 | 409 | 429; retryAfterSeconds?: number }> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    if (err instanceof AppError && err.fields.length > 0 && (err.status === 400 || err.status === 409 || err.status === 429))
      return { ok: false, errors: err.fields, status: err.status, ...(err.retryAfterSeconds ? { retryAfterSeconds: err.retryAfterSeconds } : {}) };
    throw err;
  }
}
