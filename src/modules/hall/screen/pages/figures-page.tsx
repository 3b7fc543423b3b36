// GET /office/hall/figures?commune=&from=&to=[&format=csv] (hall.read): waiting and service times of the hall's
// queue, a table per view. Works without JavaScript; the days are typed dd/mm/yyyy.
import type { Context } from "hono";
import { scopePaths } from "../../../../platform/auth/authorise.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatNumber } from "../../../../platform/i18n/format.ts";
import type { Locale, Translate } from "../../../../platform/i18n/i18n.ts";
import { dayInputValue, readDayFields } from "../../../../platform/text/day-input.ts";
import { Breadcrumbs, Button, Field, SelectField, SummaryList } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { getAdminUnit } from "../../../admin-units/index.ts";
import { hallPaths } from "../../hall-paths.ts";
import { type HallFigures, type HallFiguresRow, readHallFigures } from "../../use-cases/screen-figures.ts";
import { figuresCsv } from "../figures-csv.ts";

export const duration = (t: Translate, locale: Locale, s: number | null): string => {
  if (s === null) return "–";
  const m = Math.floor(s / 60);
  return m > 0 ? t("hall.screen.figures.minutes", { m: formatNumber(m, locale), s: String(s % 60) }) : t("hall.screen.figures.seconds", { s: String(s) });
};

function Table(p: { t: Translate; locale: Locale; caption: string; id: string; rows: HallFiguresRow[] }) {
  const { t, locale } = p;
  const d = (s: number | null) => duration(t, locale, s);
  const n = (x: number) => formatNumber(x, locale);
  return (
    <DataTable
      caption={p.caption}
      showCaption
      id={p.id}
      describedBy="hall-figures-defs"
      rows={p.rows}
      columns={[
        { header: t("hall.screen.figures.col.name"), rowHeader: true, cell: (r) => (locale === "en" ? r.labelEn : r.label) },
        { header: t("hall.screen.figures.col.tickets"), num: true, cell: (r) => n(r.tickets) },
        { header: t("hall.screen.figures.col.served"), num: true, cell: (r) => n(r.served) },
        { header: t("hall.screen.figures.col.noShows"), num: true, cell: (r) => n(r.noShows) },
        { header: t("hall.screen.figures.col.waitMedian"), num: true, nowrap: true, cell: (r) => d(r.waiting.median) },
        { header: t("hall.screen.figures.col.waitAvg"), num: true, nowrap: true, cell: (r) => d(r.waiting.average) },
        { header: t("hall.screen.figures.col.waitP90"), num: true, nowrap: true, cell: (r) => d(r.waiting.p90) },
        { header: t("hall.screen.figures.col.serviceMedian"), num: true, nowrap: true, cell: (r) => d(r.service.median) },
        { header: t("hall.screen.figures.col.serviceAvg"), num: true, nowrap: true, cell: (r) => d(r.service.average) },
        { header: t("hall.screen.figures.col.serviceP90"), num: true, nowrap: true, cell: (r) => d(r.service.p90) },
      ]}
    />
  );
}

const TABLES = [
  ["byCounter", "hall.screen.figures.byCounter"],
  ["byService", "hall.screen.figures.byService"],
  ["byProcedure", "hall.screen.figures.byProcedure"],
  ["byHour", "hall.screen.figures.byHour"],
  ["byDay", "hall.screen.figures.byDay"],
  ["bySource", "hall.screen.figures.bySource"],
] as const;

export function figuresPage(kit: PageKit) {
  const { deps, page } = kit;
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const raw: Record<string, string> = {};
    for (const k of ["commune", "from", "to"]) {
      const v = c.req.query(k);
      if (v) raw[k] = v;
    }
    const days = readDayFields(raw, ["from", "to"]);
    if (days.errors.length > 0) throw new AppError("validation", "error.validation", days.errors);
    const f: HallFigures = await readHallFigures(deps, { principal: p }, days.values);
    if (c.req.query("format") === "csv") {
      return c.body(figuresCsv(f), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="hall-figures-${f.commune.code}-${f.from}-${f.to}.csv"`,
      });
    }
    const ctx = page(c);
    const { t, locale } = ctx;
    const paths = new Set(scopePaths(p, "hall.read"));
    const communes = await Promise.all(
      p.grants
        .filter((g) => paths.has(g.unitPath) && /^\d{5}$/.test(g.unitCode))
        .map(async (g) => ({ value: g.unitCode, label: (await getAdminUnit(deps, g.unitCode).catch(() => null))?.fullName ?? g.unitCode })),
    );
    const form = { values: { commune: f.commune.code, from: raw.from ?? dayInputValue(f.from), to: raw.to ?? dayInputValue(f.to) }, errors: [] };
    const title = t("hall.screen.figures.title");
    const n = (x: number) => formatNumber(x, locale);
    const csv = `${hallPaths.figures}?${new URLSearchParams({ commune: f.commune.code, from: f.from, to: f.to, format: "csv" }).toString()}`;
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: title }]} />
        <h1>
          {title} – {f.commune.name}
        </h1>
        <p>{t("hall.screen.figures.lead", { from: dayInputValue(f.from), to: dayInputValue(f.to) })}</p>
        <form method="get" action={hallPaths.figures} class="filters" aria-label={t("hall.screen.figures.period")}>
          {communes.length > 1 ? (
            <SelectField t={t} form={form} name="commune" label={t("hall.screen.figures.commune")} options={communes} />
          ) : (
            <input type="hidden" name="commune" value={f.commune.code} />
          )}
          <Field t={t} form={form} name="from" label={t("hall.screen.figures.from")} kind="date" />
          <Field t={t} form={form} name="to" label={t("hall.screen.figures.to")} kind="date" />
          <Button>{t("hall.screen.figures.show")}</Button>
        </form>
        <p>
          <a href={csv} download>
            {t("hall.screen.figures.csv")}
          </a>
        </p>
        <h2>{t("hall.screen.figures.summary")}</h2>
        <SummaryList
          rows={[
            [t("hall.screen.figures.tickets"), n(f.totals.tickets)],
            [t("hall.screen.figures.served"), n(f.totals.served)],
            [t("hall.screen.figures.noShows"), n(f.totals.noShows)],
            [t("hall.screen.figures.cancelled"), n(f.totals.cancelled)],
            [t("hall.screen.figures.waitMedian"), duration(t, locale, f.totals.waiting.median)],
            [t("hall.screen.figures.serviceMedian"), duration(t, locale, f.totals.service.median)],
          ]}
        />
        <p id="hall-figures-defs">{t("hall.screen.figures.defs")}</p>
        {f.totals.tickets === 0 ? (
          <p>{t("hall.screen.figures.empty")}</p>
        ) : (
          TABLES.map(([key, caption]) =>
            f[key].length > 0 ? <Table t={t} locale={locale} caption={t(caption)} id={`hall-figures-${key}`} rows={f[key]} /> : null,
          )
        )}
      </Layout>,
    );
  };
}
