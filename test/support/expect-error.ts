// Awaits a promise that must fail with an AppError, and hands back the error for the test to inspect.
import { AppError } from "../../src/platform/http/app-error.ts";

/** The AppError `p` rejects with; any other rejection is rethrown, and fulfilling is a failure. */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError");
}
