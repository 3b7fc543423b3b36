// Who may see and edit the calendar. It is national data, so a grant on any unit is enough.
import { type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";

export const canManageCalendar = (p: Principal | null) => scopePaths(p, "calendar.manage").length > 0;

/** 401 without a principal, 403 when no grant of the principal carries calendar.manage. */
export function requireCalendarManager(p: Principal | null): asserts p is Principal {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (!canManageCalendar(p)) throw new AppError("forbidden", "error.forbidden");
}

/** The office page is for officers of any unit (office.access); the same data is public through the API. */
export function requireOfficeReader(p: Principal | null): asserts p is Principal {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (scopePaths(p, "office.access").length === 0) throw new AppError("forbidden", "error.forbidden");
}
