// Shared by setting and removing a stored day.
import { isDay } from "../../../platform/calendar/holidays.ts";
import { AppError } from "../../../platform/http/app-error.ts";

// The contract already checks the day; this guards callers that skip it (CLI, other modules).
export function checkDay(day: string) {
  if (!isDay(day)) throw new AppError("validation", "error.validation", [{ field: "day", code: "invalid", message: "calendar.badDay" }]);
}
