// /office/reports/:id/moderation: the moderation panel on a page of its own, and its forms' posts (no JS). After a
// change the browser goes back to the page the form was on (the handling part's report page includes the panel).
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { readForm, safeNext } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { Breadcrumbs, ErrorSummary } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { visibleReport } from "../../report-access.ts";
import { reportPaths } from "../../report-paths.ts";
import { listReportPhotos } from "../../reports.repository.ts";
import { moderatePhoto } from "../../use-cases/moderation-photo.ts";
import { moderateReport } from "../../use-cases/moderation-report.ts";
import { moderationPanel } from "../moderation-panel.tsx";

export function moderationPages(kit: PageKit) {
  const { deps, secure } = kit;

  const show = async (c: Context<AppEnv>, failed?: { form: string; values: Record<string, string>; errors: FieldError[] }, status: 200 | 400 = 200) => {
    requireSignedIn(c);
    const ctx = kit.page(c);
    const { t } = ctx;
    const report = await visibleReport(deps.db, ctx.principal, c.req.param("id") ?? "");
    const photos = await listReportPhotos(deps.db, report.id, { includeHidden: true });
    const title = t("reports.photos.moderation.pageTitle", { code: report.code });
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs
          t={t}
          items={[
            { href: reportPaths.desk, label: t("reports.desk.title") },
            { href: reportPaths.officeReport(report.id), label: report.code },
            { label: t("reports.photos.moderation.title") },
          ]}
        />
        <h1>{title}</h1>
        {failed && <ErrorSummary t={t} errors={failed.errors} labels={{ reason: t("reports.photos.moderation.reason") }} />}
        <p>{t("reports.photos.moderation.intro")}</p>
        {moderationPanel({
          ctx,
          report,
          photos,
          ...(failed ? { failed: { form: failed.form, state: { values: failed.values, errors: failed.errors } } } : {}),
        })}
        <p>
          <a href={reportPaths.officeReport(report.id)}>{t("reports.photos.moderation.back")}</a>
        </p>
      </Layout>,
      status,
    );
  };

  /** Runs one moderation step from a form; field errors show the moderation page again with the form filled in. */
  const act = (hide: boolean, target: "report" | "photo") => async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const id = c.req.param("id") ?? "";
    const values = await readForm(c);
    const photoId = c.req.param("photoId") ?? "";
    try {
      if (target === "report") await moderateReport(deps, ctxOf(c), { reportId: id, hide, reason: values.reason });
      else await moderatePhoto(deps, ctxOf(c), { reportId: id, photoId, hide, reason: values.reason });
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) return show(c, { form: target === "report" ? "report" : photoId, values, errors: err.fields }, 400);
      throw err;
    }
    const flash =
      target === "report"
        ? hide
          ? "reports.flash.moderationReportHidden"
          : "reports.flash.moderationReportShown"
        : hide
          ? "reports.flash.moderationPhotoHidden"
          : "reports.flash.moderationPhotoShown";
    setFlash(c, flash, secure);
    return c.redirect(safeNext(values.returnTo, reportPaths.moderation(id)), 303);
  };

  return { show: (c: Context<AppEnv>) => show(c), act };
}
