// GET /office/stations: the stations an officer manages and a form to add one (POST /office/stations/new shows the
// new station's key once). No JavaScript: links and plain forms.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Field, type FormState, SelectField, Tag, emptyForm } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import type { PageContext } from "../../../../platform/views/page-context.ts";
import { noticePaths } from "../../notice-paths.ts";
import { createStation } from "../../use-cases/loudspeakers-station-create.ts";
import { listManagedStations } from "../../use-cases/loudspeakers-stations-list.ts";
import { AppError } from "../../../../platform/http/app-error.ts";

export function stationsPage(kit: PageKit) {
  const { deps, page } = kit;
  const render = async (c: Context<AppEnv>, form: FormState, status: 200 | 400) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const { stations, villages } = await listManagedStations(deps, p);
    const title = t("notices.loudspeakers.title");
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: title }]} />
        <ErrorSummary
          t={t}
          errors={form.errors}
          labels={{ villageCode: t("notices.loudspeakers.field.villageCode"), name: t("notices.loudspeakers.field.name") }}
        />
        <h1>{title}</h1>
        <p>{t("notices.loudspeakers.lead")}</p>
        <DataTable
          caption={title}
          stack
          rows={stations}
          empty={<p>{t("notices.loudspeakers.none")}</p>}
          columns={[
            { header: t("notices.loudspeakers.col.name"), rowHeader: true, cell: (s) => <a href={noticePaths.station(s.id)}>{s.name}</a> },
            { header: t("notices.loudspeakers.col.village"), cell: (s) => s.villageName },
            {
              header: t("notices.loudspeakers.col.active"),
              cell: (s) => (s.active ? t("notices.loudspeakers.yes") : <Tag tone="grey">{t("notices.loudspeakers.no")}</Tag>),
            },
            { header: t("notices.loudspeakers.col.slots"), num: true, cell: (s) => String(s.slots) },
            {
              header: t("notices.loudspeakers.col.polled"),
              cell: (s) => (s.lastPolledAt ? formatDateTime(s.lastPolledAt, locale) : t("notices.loudspeakers.never")),
            },
          ]}
        />
        {villages.length > 0 && (
          <section aria-labelledby="new-station">
            <h2 id="new-station">{t("notices.loudspeakers.new")}</h2>
            <form method="post" action={noticePaths.stationNew} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <SelectField
                t={t}
                form={form}
                name="villageCode"
                label={t("notices.loudspeakers.field.villageCode")}
                required
                placeholder=""
                options={villages.map((v) => ({ value: v.code, label: v.name }))}
              />
              <Field t={t} form={form} name="name" label={t("notices.loudspeakers.field.name")} required autocomplete="off" />
              <Button>{t("notices.loudspeakers.create")}</Button>
            </form>
          </section>
        )}
      </Layout>,
      status,
    );
  };
  return {
    get: (c: Context<AppEnv>) => render(c, emptyForm(), 200),
    post: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const values = await readForm(c);
      try {
        const { id, key } = await createStation(deps, useCaseContext(c), values);
        return renderKey(c, page(c), id, key);
      } catch (e) {
        if (e instanceof AppError && e.fields.length > 0) return render(c, { values, errors: e.fields }, 400);
        throw e;
      }
    },
  };
}

/** The key, shown this once (never stored, never in a flash cookie). */
export function renderKey(c: Context<AppEnv>, ctx: PageContext, stationId: string, key: string) {
  const { t } = ctx;
  c.header("cache-control", "no-store");
  return c.html(
    <Layout ctx={ctx} title={t("notices.loudspeakers.keyTitle")} office>
      <h1>{t("notices.loudspeakers.keyTitle")}</h1>
      <p>{t("notices.loudspeakers.keyLead")}</p>
      <p>
        <code class="station-key">{key}</code>
      </p>
      <p>
        <a href={noticePaths.station(stationId)}>{t("notices.loudspeakers.backToStation")}</a>
      </p>
    </Layout>,
    200,
  );
}
