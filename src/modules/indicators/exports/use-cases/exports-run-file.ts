// A generated monthly report, downloaded from the page or the e-mail's link: indicator.read on its unit.
import type { Deps } from "../../../../deps.ts";
import { authorise, type Principal } from "../../../../platform/auth/authorise.ts";
import { readStoredFile } from "../../../../platform/files/file-store.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { periodOf } from "../../periods.ts";
import * as repo from "../exports.repository.ts";
import { fileStem } from "../report-text.ts";
import { XLSX_MEDIA_TYPE } from "../xlsx-writer.ts";
import type { ExportFile } from "./exports-file.ts";

export async function readRunFile(deps: Pick<Deps, "db">, principal: Principal | null, runId: string, format: "pdf" | "xlsx"): Promise<ExportFile> {
  if (!principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const run = /^[0-9a-f-]{36}$/i.test(runId) ? await repo.findRun(deps.db, runId) : null;
  if (!run) throw new AppError("not_found", "error.notFound");
  authorise(principal, "indicator.read", { code: run.unitCode, path: run.unitPath });
  if (format === "pdf") {
    const f = await readStoredFile(deps.db, run.pdfFileId);
    if (!f) throw new AppError("not_found", "error.notFound");
    return { bytes: new Uint8Array(f.content), mediaType: f.mediaType, filename: f.name };
  }
  const xlsx = await repo.runWorkbook(deps.db, run.id);
  if (!xlsx) throw new AppError("not_found", "error.notFound");
  const period = periodOf(run.period, "2100-12-31");
  const name = period ? `${fileStem(run.unitCode, null, period)}.xlsx` : "chi-so.xlsx";
  return { bytes: new Uint8Array(xlsx), mediaType: XLSX_MEDIA_TYPE, filename: name };
}
