// Where the photos part's moderation panel (hide a report or a photo, with a reason) goes on the office report page.
// At merge this is replaced by `moderationPanel` from ../photos/moderation-panel.tsx; until then it renders nothing.
import type { Child } from "hono/jsx";
import type { ReportRow } from "../reports.model.ts";
import type { ReportPhotoRow } from "../reports.repository.ts";
import type { PageContext } from "../../../platform/views/page-context.ts";

export function moderationSlot(_props: { ctx: PageContext; report: ReportRow; photos: readonly ReportPhotoRow[] }): Child {
  return null;
}
