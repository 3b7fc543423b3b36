// GET/POST /me/notices: a signed-in person chooses their channels and categories and sees their consent history.
// A citizen page: no JavaScript, plain form, checkboxes with their explanations.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt, readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { Button, CsrfField, ErrorSummary, type FormState } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { noticePaths } from "../../notice-paths.ts";
import { getMyNoticePreferences } from "../../use-cases/preferences-get-mine.ts";
import { saveMyNoticePreferences } from "../../use-cases/preferences-save-mine.ts";
import type { PersonView } from "../person-view.ts";
import { ChoiceFields, ConsentHistory, choiceOfValues, valuesOfChoice } from "./shared.tsx";

const PHONE_PAGE = "/me/profile/phone";

export function myPreferencesPage(kit: PageKit) {
  const { deps, page, secure } = kit;

  const render = (c: Context<AppEnv>, view: PersonView, form: FormState, status: 200 | 400) => {
    const ctx = page(c);
    const { t, locale } = ctx;
    const title = t("notices.preferences.title");
    return c.html(
      <Layout ctx={ctx} title={title}>
        <ErrorSummary t={t} errors={form.errors} labels={{ categoriesOff: t("notices.preferences.categories") }} />
        <h1>{title}</h1>
        <p>{t("notices.preferences.intro")}</p>
        {view.phone ? (
          <p>{t("notices.preferences.phone", { phone: `0${view.phone.slice(3)}` })}</p>
        ) : (
          <p class="notice">
            {t("notices.preferences.noPhone")} <a href={PHONE_PAGE}>{t("notices.preferences.verifyPhone")}</a>
          </p>
        )}
        {!view.chosen && <p>{t("notices.preferences.defaults")}</p>}
        <form method="post" action={noticePaths.myPreferences}>
          <CsrfField token={ctx.csrfToken} />
          <ChoiceFields t={t} form={form} />
          <p class="hint">{t("notices.preferences.consentNote")}</p>
          <Button>{t("notices.preferences.save")}</Button>
        </form>
        <ConsentHistory t={t} locale={locale} history={view.history} />
      </Layout>,
      status,
    );
  };

  return {
    get: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const view = await getMyNoticePreferences(deps, useCaseContext(c));
      return render(c, view, { values: valuesOfChoice(view.choice), errors: [] }, 200);
    },
    post: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const values = await readForm(c);
      const res = await attempt(() => saveMyNoticePreferences(deps, useCaseContext(c), choiceOfValues(values)));
      if (!res.ok) return render(c, await getMyNoticePreferences(deps, useCaseContext(c)), { values, errors: res.errors }, 400);
      setFlash(c, "notices.preferences.flash.saved", secure);
      return c.redirect(noticePaths.myPreferences, 303);
    },
  };
}
