// An attachment of a notice in the office face (a draft's files are not public yet): the notice must be visible.
import type { Deps } from "../../../deps.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { readStoredFile, type StoredFileContent } from "../../../platform/files/file-store.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import { visibleNotice } from "../notice-access.ts";
import { listAttachments } from "../authoring/authoring.repository.ts";
import type { Ctx } from "../authoring/notice-workflow.ts";

export async function readOfficeAttachment(deps: Pick<Deps, "db" | "events">, ctx: Ctx, id: string, fileId: string): Promise<StoredFileContent> {
  const n = await visibleNotice(deps.db, ctx.principal, id);
  const files = await listAttachments(deps.db, n.id);
  const hit = files.find((f) => f.fileId === fileId);
  const file = hit ? await readStoredFile(deps.db, hit.fileId) : null;
  if (!file) throw notFound();
  // An attached document may name residents: its download is an audited read.
  await recordPersonalDataRead(deps, ctx, { target: { type: "notice", id: n.id }, adminUnitCode: n.unitCode, details: { fileId } });
  return { ...file, name: hit!.name };
}
