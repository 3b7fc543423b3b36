// What hiding and showing again have in common: the reason's rule and the moderator's permission on the report.
import type { Principal } from "../../../platform/auth/authorise.ts";
import { authorise } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { ReportRow } from "../reports.model.ts";
import { visibleReport } from "../report-access.ts";

export const MODERATION_REASON_MAX = 500;

/** A reason to hide is required (it is kept in the audit log and shown to the reporter); to show again it is optional. */
export function moderationReason(raw: unknown, required: boolean): string | null {
  const reason = typeof raw === "string" ? raw.normalize("NFC").replace(/\s+/g, " ").trim() : "";
  if (!reason) {
    if (required)
      throw new AppError("validation", "error.validation", [{ field: "reason", code: "required", message: "reports.photos.moderation.reasonRequired" }]);
    return null;
  }
  if ([...reason].length > MODERATION_REASON_MAX) {
    throw new AppError("validation", "error.validation", [
      { field: "reason", code: "too_big", message: "validation.tooLong", params: { max: String(MODERATION_REASON_MAX) } },
    ]);
  }
  return reason;
}

/** The report locked for the change: 404 to whoever does not see it, 403 to whoever sees it without report.moderate. */
export async function reportToModerate(q: Queryable, principal: Principal | null, reportId: string): Promise<ReportRow> {
  const report = await visibleReport(q, principal, reportId, true);
  authorise(principal, "report.moderate", { code: report.villageCode ?? report.communeCode, path: report.unitPath });
  return report;
}
