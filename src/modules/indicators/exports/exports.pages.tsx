// Pages of indicators' exports part: routes only; each page is its own file under pages/. The downloads answer with
// the file itself (a link on the dashboards and on the reports page).
import type { Context, Hono } from "hono";
import { fileResponse } from "../../../platform/http/file-response.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit, requireSignedIn } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { indicatorPaths } from "../indicator-paths.ts";
import { ExportQuery } from "./exports.contract.ts";
import { reportsPage } from "./pages/reports-page.tsx";
import { EXPORT_FORMATS, type ExportFile, exportIndicatorsFile } from "./use-cases/exports-file.ts";
import { readRunFile } from "./use-cases/exports-run-file.ts";
import { fieldErrorsFromZod } from "../../../platform/http/app-error.ts";

const send = (c: Context<AppEnv>, f: ExportFile) => fileResponse(c, { name: f.filename, mediaType: f.mediaType, content: Buffer.from(f.bytes) });

export function registerExportsPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  const { deps } = kit;
  for (const format of EXPORT_FORMATS) {
    app.get(`/office/indicators/u/:unit/export.${format}`, async (c) => {
      const p = requireSignedIn(c);
      const parsed = ExportQuery.safeParse(c.req.query());
      if (!parsed.success) throw new AppError("validation", "error.validation", fieldErrorsFromZod(parsed.error.issues));
      const q = parsed.data;
      return send(c, await exportIndicatorsFile(deps, p, format, { unit: c.req.param("unit"), set: q.set ?? null, period: q.period, by: q.by }));
    });
  }
  const reports = reportsPage(kit);
  app.get(indicatorPaths.scheduledReports, reports.get);
  app.post(indicatorPaths.scheduledReports, reports.post);
  app.post(indicatorPaths.scheduledReportEnd(":id"), reports.end);
  for (const format of ["pdf", "xlsx"] as const) {
    app.get(indicatorPaths.scheduledReportFile(":id", format), async (c) =>
      send(c, await readRunFile(deps, requireSignedIn(c), c.req.param("id") ?? "", format)),
    );
  }
}
