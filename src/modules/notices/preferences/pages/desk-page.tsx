// GET/POST /office/notices/preferences: an officer finds a person (by phone, or a registry resident of their units by
// name), sees their choices and consent history, and records a change with how the person consented.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt, readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { scopePaths } from "../../../../platform/auth/authorise.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Field, type FormState, RadioGroup } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { noticePaths } from "../../notice-paths.ts";
import { findPersonPreferences } from "../../use-cases/preferences-find-person.ts";
import { recordDeskPreferences } from "../../use-cases/preferences-record-desk.ts";
import { searchResidentsForPreferences } from "../../use-cases/preferences-search-residents.ts";
import type { PersonView } from "../person-view.ts";
import type { ResidentContact } from "../preferences.repository.ts";
import { ChoiceFields, ConsentHistory, choiceOfValues, valuesOfChoice } from "./shared.tsx";

const here = noticePaths.deskPreferences;
const national = (e164: string | null) => (e164 ? `0${e164.slice(3)}` : "");
const linkTo = (who: { residentId?: string | null; phone?: string | null }) =>
  who.residentId ? `${here}?resident=${who.residentId}` : `${here}?phone=${encodeURIComponent(national(who.phone ?? null))}`;

type Found = PersonView & { person: { sameNumber: ResidentContact[] } };

export function deskPreferencesPage(kit: PageKit) {
  const { deps, page, secure } = kit;

  const render = (
    c: Context<AppEnv>,
    s: { search: FormState; residents: ResidentContact[] | null; found: Found | null; form: FormState },
    status: 200 | 400,
  ) => {
    const ctx = page(c);
    const { t, locale } = ctx;
    const title = t("notices.preferences.desk.title");
    const labels = {
      phone: t("notices.preferences.field.phone"),
      name: t("notices.preferences.field.name"),
      method: t("notices.preferences.field.method"),
      note: t("notices.preferences.field.note"),
      categoriesOff: t("notices.preferences.categories"),
      residentId: t("notices.preferences.field.residentId"),
    };
    const f = s.found;
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: title }]} />
        <ErrorSummary t={t} errors={[...s.search.errors, ...s.form.errors]} labels={labels} />
        <h1>{title}</h1>
        <p>{t("notices.preferences.desk.intro")}</p>
        <div>
          <form method="get" action={here}>
            <Field t={t} form={s.search} name="phone" label={t("notices.preferences.desk.findPhone")} kind="tel" autocomplete="off" />
            <Button variant="secondary">{t("notices.preferences.desk.find")}</Button>
          </form>
          <form method="get" action={here}>
            <Field t={t} form={s.search} name="name" label={t("notices.preferences.desk.findName")} autocomplete="off" />
            <Button variant="secondary">{t("notices.preferences.desk.find")}</Button>
          </form>
        </div>
        {s.residents && (
          <section>
            <h2>{t("notices.preferences.desk.results")}</h2>
            <ResidentTable t={t} rows={s.residents} caption={t("notices.preferences.desk.results")} empty={t("notices.preferences.desk.noResults")} />
          </section>
        )}
        {f && (
          <section>
            <h2>{f.name ? t("notices.preferences.desk.person", { name: f.name }) : t("notices.preferences.desk.personPhone", { phone: national(f.phone) })}</h2>
            {f.name && f.phone && <p>{t("notices.preferences.desk.personPhone", { phone: national(f.phone) })}</p>}
            {!f.chosen && <p>{t("notices.preferences.defaults")}</p>}
            {f.person.sameNumber.length > 0 && (
              <>
                <h3>{t("notices.preferences.desk.sameNumber")}</h3>
                <ResidentTable t={t} rows={f.person.sameNumber} caption={t("notices.preferences.desk.sameNumber")} empty="" />
              </>
            )}
            <form method="post" action={here}>
              <CsrfField token={ctx.csrfToken} />
              {f.residentId ? <input type="hidden" name="residentId" value={f.residentId} /> : <input type="hidden" name="phone" value={national(f.phone)} />}
              <ChoiceFields t={t} form={s.form} />
              <RadioGroup
                t={t}
                form={s.form}
                name="method"
                legend={t("notices.preferences.desk.method")}
                options={(["desk", "field"] as const).map((m) => ({ value: m, label: t(`notices.preferences.method.${m}`) }))}
                required
              />
              <Field t={t} form={s.form} name="note" label={t("notices.preferences.desk.note")} hint={t("notices.preferences.desk.noteHint")} kind="textarea" />
              <Button>{t("notices.preferences.desk.record")}</Button>
            </form>
            <ConsentHistory t={t} locale={locale} history={f.history} />
          </section>
        )}
      </Layout>,
      status,
    );
  };

  const noForm: FormState = { values: {}, errors: [] };

  return {
    get: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const ctx = useCaseContext(c);
      const phone = c.req.query("phone")?.trim();
      const resident = c.req.query("resident")?.trim();
      const name = c.req.query("name")?.trim();
      const search: FormState = { values: { phone: phone ?? "", name: name ?? "" }, errors: [] };
      if (name) {
        const residents = await searchResidentsForPreferences(deps, ctx, name);
        return render(c, { search, residents, found: null, form: noForm }, 200);
      }
      if (phone || resident) {
        const res = await attempt(() => findPersonPreferences(deps, ctx, resident ? { residentId: resident } : { phone }));
        if (!res.ok) return render(c, { search: { ...search, errors: res.errors }, residents: null, found: null, form: noForm }, 400);
        const form = { values: { ...valuesOfChoice(res.data.choice), method: "desk" }, errors: [] };
        return render(c, { search, residents: null, found: res.data, form }, 200);
      }
      if (scopePaths(c.get("principal"), "notice.preferences").length === 0) throw new AppError("forbidden", "error.forbidden");
      return render(c, { search, residents: null, found: null, form: noForm }, 200);
    },
    post: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const ctx = useCaseContext(c);
      const values = await readForm(c);
      const who = values.residentId ? { residentId: values.residentId } : { phone: values.phone };
      const input = { ...choiceOfValues(values), ...who, method: values.method ?? "", note: values.note || undefined };
      const res = await attempt(() => recordDeskPreferences(deps, ctx, input));
      if (!res.ok) {
        const found = await attempt(() => findPersonPreferences(deps, ctx, who));
        const errors: FieldError[] = res.errors;
        if (!found.ok) return render(c, { search: { values: { phone: values.phone ?? "" }, errors }, residents: null, found: null, form: noForm }, 400);
        return render(c, { search: noForm, residents: null, found: found.data, form: { values, errors } }, 400);
      }
      setFlash(c, "notices.preferences.desk.flash.saved", secure);
      return c.redirect(linkTo(res.data), 303);
    },
  };
}

function ResidentTable(p: {
  t: (k: "notices.preferences.field.name" | "notices.preferences.field.phone" | "notices.preferences.desk.pick") => string;
  rows: ResidentContact[];
  caption: string;
  empty: string;
}) {
  const { t } = p;
  return (
    <DataTable
      caption={p.caption}
      rows={p.rows}
      stack
      empty={p.empty ? <p>{p.empty}</p> : undefined}
      columns={[
        { header: t("notices.preferences.field.name"), cell: (r) => r.fullName, rowHeader: true },
        { header: t("notices.preferences.field.phone"), cell: (r) => r.phone ?? "", nowrap: true },
        {
          header: t("notices.preferences.desk.pick"),
          cell: (r) => <a href={`${here}?resident=${r.id}`}>{`${t("notices.preferences.desk.pick")}: ${r.fullName}`}</a>,
        },
      ]}
    />
  );
}
