// GET /office/coverage.xlsx: the coverage and the gap list as a workbook, for the same filters as the pages.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../../platform/http/web-context.ts";
import { exportCoverage } from "../../use-cases/coverage-export.ts";
import { ExportQuery } from "../coverage.contract.ts";
import { queryValues } from "./shared.tsx";

export function coverageDownload(web: WebContext) {
  return async (c: Context<AppEnv>) => {
    const parsed = validateForm(ExportQuery, queryValues(c));
    if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
    const file = await exportCoverage(web.deps, ctxOf(c), parsed.data);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": file.mediaType,
      "content-disposition": `attachment; filename="${file.filename}"`,
    });
  };
}
