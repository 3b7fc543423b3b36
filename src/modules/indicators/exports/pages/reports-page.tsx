// GET /office/indicators/reports: download links for a unit, set and period (a GET form, so it works without
// JavaScript), the monthly reports of the units the reader may read with their generated files, and the form to
// add one (POST → redirect → GET; errors next to the fields). POST …/{id}/end stops one.
import type { Context } from "hono";
import { scopeUnitCodes } from "../../../../platform/auth/authorise.ts";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { toLocalDay } from "../../../../platform/calendar/vietnam-time.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import {
  Breadcrumbs,
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  Field,
  type FormState,
  PostButton,
  RadioGroup,
  SelectField,
} from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { indicatorPaths } from "../../indicator-paths.ts";
import type { UnitRef } from "../../indicators.repository.ts";
import { parsePeriod, previousPeriod, periodContaining } from "../../periods.ts";
import type { ResolvedSet } from "../../set-store.ts";
import { chosenSets, readableUnit } from "../use-cases/exports-build.ts";
import { canSchedule, listScheduledReports, subscribeReport, unsubscribeReport } from "../use-cases/exports-subscriptions.ts";

type Forms = { download?: FormState; subscribe?: FormState };

export function reportsPage(kit: PageKit) {
  const { deps, page, secure } = kit;

  const render = async (c: Context<AppEnv>, forms: Forms, status: 200 | 400) => {
    const p = requireSignedIn(c);
    const list = await listScheduledReports(deps, p);
    const ctx = page(c);
    const { t, locale } = ctx;
    const today = toLocalDay(deps.clock.now());
    const q = c.req.query();
    // A subscription sent without a unit still shows its form (and its errors) for the officer's own unit.
    const unitCode = (q.unit || forms.subscribe?.values.unit?.trim() || scopeUnitCodes(p, "indicator.read")[0] || "").trim();
    const download: FormState = forms.download ?? {
      values: { unit: unitCode, set: q.set ?? "", period: q.period ?? previousPeriod(periodContaining("month", today), today).code, by: q.by ?? "self" },
      errors: [],
    };
    // The unit chosen (for its province's sets and the links); a bad code is an error next to the field.
    let unit: UnitRef | null = null;
    let sets: ResolvedSet[] = [];
    let links: string | null = null;
    try {
      unit = await readableUnit(deps, p, unitCode);
      sets = await chosenSets(deps, unit, []);
      if (q.period !== undefined && download.errors.length === 0) {
        parsePeriod(download.values.period ?? "", today);
        if (download.values.set) await chosenSets(deps, unit, [download.values.set]);
        const by = download.values.by === "children" ? "children" : "self";
        links = `?${new URLSearchParams({ ...(download.values.set ? { set: download.values.set } : {}), period: download.values.period ?? "", by })}`;
      }
    } catch (err) {
      if (!(err instanceof AppError) || !["validation", "not_found", "forbidden"].includes(err.code)) throw err;
      const fields: FieldError[] = err.code === "validation" ? err.fields : [{ field: "unit", code: "unknown", message: "error.notFound" }];
      download.errors = fields;
      status = 400;
    }
    const sub: FormState = forms.subscribe ?? { values: { unit: unit?.code ?? unitCode, by: "self", sets: "", recipients: "" }, errors: [] };
    const mayAdd = unit ? canSchedule(p, unit) : false;
    const labels: Record<string, string> = {
      unit: t("indicators.exports.field.unit"),
      set: t("indicators.exports.field.set"),
      sets: t("indicators.exports.field.sets"),
      period: t("indicators.exports.field.period"),
      by: t("indicators.exports.field.by"),
      recipients: t("indicators.exports.field.recipients"),
    };
    const byOptions = [
      { value: "self", label: t("indicators.exports.by.self") },
      { value: "children", label: t("indicators.exports.by.children") },
    ];
    const setName = (key: string) => sets.find((s) => s.key === key)?.name ?? key;
    const title = t("indicators.exports.page.title");
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: indicatorPaths.office, label: t("indicators.title") }, { label: title }]}
        />
        <ErrorSummary t={t} errors={[...download.errors, ...(forms.subscribe?.errors ?? [])]} labels={labels} />
        <h1>{title}</h1>

        <h2 id="download">{t("indicators.exports.page.downloadHeading")}</h2>
        <p class="hint">{t("indicators.exports.page.downloadHint")}</p>
        <form method="get" action={`${indicatorPaths.scheduledReports}#download`} novalidate>
          <Field t={t} form={download} name="unit" label={labels.unit!} hint={t("indicators.exports.field.unitHint")} required autocomplete="off" />
          <SelectField
            t={t}
            form={download}
            name="set"
            label={labels.set!}
            options={[{ value: "", label: t("indicators.exports.field.setAll") }, ...sets.map((s) => ({ value: s.key, label: s.name }))]}
          />
          <Field t={t} form={download} name="period" label={labels.period!} hint={t("indicators.exports.field.periodHint")} required autocomplete="off" />
          <RadioGroup t={t} form={download} name="by" legend={labels.by!} options={byOptions} />
          <Button variant="secondary">{t("indicators.exports.page.showLinks")}</Button>
        </form>
        {links && unit && (
          <div role="status">
            <ul>
              <li>
                <a href={indicatorPaths.exportFile(unit.code, "xlsx") + links}>{t("indicators.exports.page.downloadXlsx")}</a>
              </li>
              <li>
                <a href={indicatorPaths.exportFile(unit.code, "pdf") + links}>{t("indicators.exports.page.downloadPdf")}</a>
              </li>
              <li>
                <a href={indicatorPaths.exportFile(unit.code, "csv") + links}>{t("indicators.exports.page.downloadCsv")}</a>
              </li>
            </ul>
          </div>
        )}

        <h2>{t("indicators.exports.page.scheduledHeading")}</h2>
        <p class="hint">{t("indicators.exports.page.scheduledHint")}</p>
        <DataTable
          caption={t("indicators.exports.page.scheduledHeading")}
          stack
          rows={list.subscriptions}
          empty={<p>{t("indicators.exports.page.noSubscriptions")}</p>}
          columns={[
            { header: t("indicators.exports.field.unit"), cell: (s) => s.unitCode, nowrap: true, rowHeader: true },
            { header: t("indicators.exports.col.sets"), cell: (s) => s.setKeys.map(setName).join(", ") },
            { header: t("indicators.exports.col.by"), cell: (s) => t(`indicators.exports.by.${s.grouping}`) },
            {
              header: t("indicators.exports.col.recipients"),
              cell: (s) => (s.canEnd ? s.recipients.join(", ") : t("indicators.exports.page.recipientsCount", { count: s.recipients.length })),
            },
            {
              header: t("indicators.exports.col.actions"),
              cell: (s) =>
                s.canEnd ? (
                  <PostButton
                    action={indicatorPaths.scheduledReportEnd(s.id)}
                    csrfToken={ctx.csrfToken}
                    label={t("indicators.exports.page.end")}
                    rowLabel={s.unitCode}
                  />
                ) : (
                  ""
                ),
            },
          ]}
        />

        <h2>{t("indicators.exports.page.runsHeading")}</h2>
        <DataTable
          caption={t("indicators.exports.page.runsHeading")}
          stack
          rows={list.runs}
          empty={<p>{t("indicators.exports.page.noRuns")}</p>}
          columns={[
            { header: t("indicators.exports.col.period"), cell: (r) => r.period, nowrap: true, rowHeader: true },
            { header: t("indicators.exports.field.unit"), cell: (r) => list.subscriptions.find((s) => s.id === r.subscriptionId)?.unitCode ?? "" },
            { header: t("indicators.exports.col.generatedAt"), cell: (r) => formatDateTime(r.generatedAt, locale), nowrap: true },
            {
              header: t("indicators.exports.col.files"),
              cell: (r) => (
                <>
                  <a href={indicatorPaths.scheduledReportFile(r.id, "pdf")}>PDF</a> · <a href={indicatorPaths.scheduledReportFile(r.id, "xlsx")}>XLSX</a>
                </>
              ),
            },
          ]}
        />

        {mayAdd && (
          <form method="post" action={indicatorPaths.scheduledReports} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <h2>{t("indicators.exports.page.newHeading")}</h2>
            <p class="hint">{t("indicators.exports.page.newHint")}</p>
            <Field t={t} form={sub} name="unit" label={labels.unit!} hint={t("indicators.exports.field.unitHint")} required autocomplete="off" />
            {sets.length > 0 ? (
              <CheckboxGroup
                t={t}
                errors={sub.errors}
                name="sets"
                legend={labels.sets!}
                options={sets.map((s) => ({ value: s.key, label: s.name }))}
                checked={(sub.values.sets ?? "").split(",")}
              />
            ) : (
              // No unit chosen yet: the sets are its province's; the error summary still links here.
              <p class="hint" id="f-sets">
                {t("indicators.exports.field.setsAfterUnit")}
              </p>
            )}
            <RadioGroup t={t} form={sub} name="by" legend={labels.by!} options={byOptions} />
            <Field
              t={t}
              form={sub}
              name="recipients"
              label={labels.recipients!}
              hint={t("indicators.exports.field.recipientsHint")}
              kind="textarea"
              rows={4}
              required
            />
            <Button>{t("indicators.exports.page.subscribe")}</Button>
          </form>
        )}
      </Layout>,
      status,
    );
  };

  /** A form's checkboxes of one name. */
  const all = async (c: Context<AppEnv>, name: string) => {
    const body = await c.req.parseBody({ all: true });
    const v = body[name];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");
  };

  return {
    get: (c: Context<AppEnv>) => render(c, {}, 200),
    post: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const values = await readForm(c);
      const sets = await all(c, "sets");
      values.sets = sets.join(",");
      try {
        await subscribeReport(deps, useCaseContext(c), { unit: values.unit ?? "", sets, by: values.by || "self", recipients: values.recipients ?? "" });
      } catch (err) {
        if (err instanceof AppError && err.code === "validation") return render(c, { subscribe: { values, errors: err.fields } }, 400);
        throw err;
      }
      setFlash(c, "indicators.exports.flash.subscribed", secure);
      return c.redirect(`${indicatorPaths.scheduledReports}?unit=${encodeURIComponent(values.unit ?? "")}`, 303);
    },
    end: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      await unsubscribeReport(deps, useCaseContext(c), c.req.param("id") ?? "");
      setFlash(c, "indicators.exports.flash.ended", secure);
      return c.redirect(indicatorPaths.scheduledReports, 303);
    },
  };
}
