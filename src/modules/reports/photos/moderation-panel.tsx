// The moderation panel: the handling part's office report page includes it, and /office/reports/:id/moderation
// shows it alone. Everyone who sees the report in the office sees whether it and each photo are on the public page,
// the photos (hidden ones too) and the link to each original; officers with report.moderate get the forms (no JS).
import { can } from "../../../platform/auth/authorise.ts";
import { Button, CsrfField, emptyForm, Field, type FormState } from "../../../platform/views/components.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import { reportPaths } from "../report-paths.ts";
import type { ReportRow } from "../reports.model.ts";
import type { ReportPhotoRow } from "../reports.repository.ts";
import { MODERATION_REASON_MAX } from "../use-cases/moderation-shared.ts";
import { PhotoThumb } from "./photo-view.tsx";

export type ModerationPanelProps = {
  ctx: PageContext;
  report: ReportRow;
  /** Every photo of the report and of its answer, hidden ones included (listReportPhotos with includeHidden: true). */
  photos: readonly ReportPhotoRow[];
  /** Where the forms come back to after a change: the page the panel is on (default: the moderation page). */
  returnTo?: string;
  /** A form shown again with its errors: "report" or a photo's id, and its state. */
  failed?: { form: string; state: FormState };
};

export function moderationPanel(props: ModerationPanelProps) {
  const { ctx, report, photos } = props;
  const { t } = ctx;
  const mayModerate = can(ctx.principal, "report.moderate", { code: report.villageCode ?? report.communeCode, path: report.unitPath });
  const returnTo = props.returnTo ?? reportPaths.moderation(report.id);
  const base = reportPaths.moderation(report.id);
  const stateOf = (form: string) => (props.failed?.form === form ? props.failed.state : emptyForm());
  const reasonField = (form: string) => (
    <Field
      t={t}
      form={stateOf(form)}
      name="reason"
      // The form shown again with its errors takes the id its error summary links to.
      id={props.failed?.form === form ? "f-reason" : `f-reason-${form}`}
      label={t("reports.photos.moderation.reason")}
      hint={t("reports.photos.moderation.reasonHint", { max: String(MODERATION_REASON_MAX) })}
      kind="textarea"
      rows={2}
    />
  );
  const hidden = (form: string, action: string, label: string) => (
    <form method="post" action={action}>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {reasonField(form)}
      <Button variant="warning">{label}</Button>
    </form>
  );
  const shown = (action: string, label: string) => (
    <form method="post" action={action}>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <Button variant="secondary">{label}</Button>
    </form>
  );
  return (
    <section aria-labelledby="moderation-title" id="moderation">
      <h2 id="moderation-title">{t("reports.photos.moderation.title")}</h2>
      <p>
        {report.hiddenAt
          ? t("reports.photos.moderation.reportHidden", { reason: report.hiddenReason ?? "" })
          : report.public
            ? t("reports.photos.moderation.reportShown")
            : t("reports.photos.moderation.reportNotPublic")}
      </p>
      {mayModerate &&
        (report.hiddenAt
          ? shown(`${base}/unhide`, t("reports.photos.moderation.unhideReport"))
          : hidden("report", `${base}/hide`, t("reports.photos.moderation.hideReport")))}
      {photos.length === 0 && (
        <>
          <h3>{t("reports.photos.moderation.photos")}</h3>
          <p>{t("reports.photos.moderation.noPhotos")}</p>
        </>
      )}
      {/* The resident's photos and the ones taken after the work, apart: each numbered from 1, as the alt texts say. */}
      {(["report", "answer"] as const).map((stage) => {
        const ofStage = photos.filter((p) => p.stage === stage);
        return (
          ofStage.length > 0 && (
            <>
              <h3>{t(stage === "answer" ? "reports.photos.moderation.answerPhotos" : "reports.photos.moderation.reportPhotos")}</h3>
              <ul class="report-photos">
                {ofStage.map((p, i) => (
                  <li>
                    <PhotoThumb t={t} viewer={{ kind: "office" }} photo={p} n={i + 1} />
                    {p.hiddenAt && <p>{t("reports.photos.moderation.photoHidden", { reason: p.hiddenReason ?? "" })}</p>}
                    <p>
                      <a href={reportPaths.photoOriginal(p.id)}>{t("reports.photos.moderation.original")}</a>
                    </p>
                    {mayModerate &&
                      (p.hiddenAt
                        ? shown(`${base}/photos/${p.id}/unhide`, t("reports.photos.moderation.unhidePhoto"))
                        : hidden(p.id, `${base}/photos/${p.id}/hide`, t("reports.photos.moderation.hidePhoto")))}
                  </li>
                ))}
              </ul>
            </>
          )
        );
      })}
    </section>
  );
}
