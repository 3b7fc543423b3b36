// The audience panel on the office notice page: how many people each channel reaches, what it costs and what the
// daily cap leaves, before anyone approves. Once sent, a link to the delivery report instead.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";
import { noticePaths } from "../notice-paths.ts";
import type { NoticeRow } from "../notices.model.ts";
import { previewNoticeAudience } from "../use-cases/audiences-preview.ts";
import { AudienceView } from "./pages/audience-view.tsx";

export async function audiencePanel(kit: PageKit, c: Context<AppEnv>, notice: NoticeRow): Promise<Child> {
  const { t, locale } = kit.page(c);
  if (notice.fannedOutAt) {
    return (
      <section class="panel" aria-labelledby="audience-panel">
        <h2 id="audience-panel">{t("notices.audiences.deliveriesTitle")}</h2>
        <p>{t("notices.audiences.fannedOut")}</p>
        <p>
          <a href={noticePaths.officeDeliveries(notice.id)}>{t("notices.audiences.openReport")}</a>
        </p>
      </section>
    );
  }
  const preview = await previewNoticeAudience(kit.deps, useCaseContext(c), notice.id);
  return (
    <section class="panel" aria-labelledby="audience-panel">
      <h2 id="audience-panel">{t("notices.audiences.panelTitle")}</h2>
      <p>{t("notices.audiences.panelIntro")}</p>
      <AudienceView t={t} locale={locale} preview={preview} headingLevel={3} />
      <p>
        <a href={noticePaths.officeAudience(notice.id)}>{t("notices.audiences.openPage")}</a>
      </p>
    </section>
  );
}
