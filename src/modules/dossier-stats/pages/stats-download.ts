// GET /office/stats.xlsx: the office figures as a spreadsheet, for the same query as the page.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { StatsQuery } from "../dossier-stats.contract.ts";
import { figuresInput } from "../use-cases/compute-figures.ts";
import { exportFigures } from "../use-cases/export-figures.ts";
import { queryValues } from "./stats-query.ts";

export function statsDownload(web: WebContext) {
  const { deps } = web;
  return async (c: Context<AppEnv>) => {
    const parsed = validateForm(StatsQuery, queryValues(c));
    if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
    const file = await exportFigures(deps, ctxOf(c), figuresInput(deps, parsed.data));
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": file.mediaType,
      "content-disposition": `attachment; filename="${file.filename}"`,
    });
  };
}
