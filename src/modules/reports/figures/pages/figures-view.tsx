// The figures as the office and the public see them: a summary list and three tables (category, place, month),
// plain HTML with no JavaScript, every number in the reader's language.
import type { Child } from "hono/jsx";
import { formatNumber } from "../../../../platform/i18n/format.ts";
import type { Locale, Translate } from "../../../../platform/i18n/i18n.ts";
import { SummaryList } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { dayInputValue } from "../../../../platform/text/day-input.ts";
import type { FiguresRow, ReportFigures } from "../../use-cases/figures-compute.ts";

const pct = (n: number | null, locale: Locale) => (n === null ? "–" : `${formatNumber(n, locale)}%`);

export const periodText = (t: Translate, f: ReportFigures) => t("reports.figures.lead", { from: dayInputValue(f.from), to: dayInputValue(f.to) });

function Table(p: { t: Translate; locale: Locale; caption: string; id: string; head: string; rows: FiguresRow[]; name: (r: FiguresRow) => Child }) {
  const { t, locale } = p;
  return (
    <DataTable
      caption={p.caption}
      showCaption
      id={p.id}
      describedBy="report-figures-defs"
      rows={p.rows}
      columns={[
        { header: p.head, rowHeader: true, cell: p.name },
        { header: t("reports.figures.col.received"), num: true, cell: (r) => formatNumber(r.received, locale) },
        { header: t("reports.figures.col.answered"), num: true, cell: (r) => formatNumber(r.answered, locale) },
        { header: t("reports.figures.col.onTime"), num: true, cell: (r) => pct(r.onTimeShare, locale) },
      ]}
    />
  );
}

export function FiguresView(p: { t: Translate; locale: Locale; figures: ReportFigures }) {
  const { t, locale, figures: f } = p;
  const n = (x: number) => formatNumber(x, locale);
  const byCommune = f.unit.level !== "commune" && f.unit.level !== "village";
  const monthName = (key: string | null) => (key ? `${key.slice(5, 7)}/${key.slice(0, 4)}` : "–");
  return (
    <>
      <h2>{t("reports.figures.summary")}</h2>
      <SummaryList
        rows={[
          [t("reports.figures.received"), n(f.received)],
          [t("reports.figures.open"), n(f.open)],
          [t("reports.figures.answered"), n(f.answered)],
          [t("reports.figures.rejected"), n(f.rejected)],
          [t("reports.figures.closed"), n(f.closed)],
          [
            t("reports.figures.onTime"),
            f.onTime.share === null
              ? t("reports.figures.none")
              : t("reports.figures.onTimeOf", { share: pct(f.onTime.share, locale), n: n(f.onTime.count), of: n(f.onTime.of) }),
          ],
          [
            t("reports.figures.averageAnswer"),
            f.averageAnswerWorkingDays === null
              ? t("reports.figures.none")
              : t("reports.figures.days", { n: formatNumber(f.averageAnswerWorkingDays, locale) }),
          ],
          [
            t("reports.figures.reopened"),
            f.reopened.share === null
              ? t("reports.figures.none")
              : t("reports.figures.onTimeOf", { share: pct(f.reopened.share, locale), n: n(f.reopened.count), of: n(f.reopened.of) }),
          ],
          [
            t("reports.figures.satisfaction"),
            f.satisfaction.average === null
              ? t("reports.figures.none")
              : t("reports.figures.satisfactionOf", { avg: formatNumber(f.satisfaction.average, locale), n: n(f.satisfaction.count) }),
          ],
        ]}
      />
      {f.received === 0 ? (
        <p>{t("reports.figures.empty")}</p>
      ) : (
        <>
          <Table
            t={t}
            locale={locale}
            caption={t("reports.figures.byCategory")}
            id="report-figures-category"
            head={t("reports.figures.col.category")}
            rows={f.byCategory}
            name={(r) => (locale === "en" ? r.labelEn : r.label) ?? r.key}
          />
          <Table
            t={t}
            locale={locale}
            caption={t(byCommune ? "reports.figures.byCommune" : "reports.figures.byVillage")}
            id="report-figures-place"
            head={t(byCommune ? "reports.figures.col.commune" : "reports.figures.col.village")}
            rows={f.byPlace}
            name={(r) => (r.key === null ? t("reports.figures.noVillage") : ((locale === "en" ? r.labelEn : r.label) ?? r.key))}
          />
          <Table
            t={t}
            locale={locale}
            caption={t("reports.figures.byMonth")}
            id="report-figures-month"
            head={t("reports.figures.col.month")}
            rows={f.byMonth}
            name={(r) => monthName(r.key)}
          />
        </>
      )}
      <h2>{t("reports.figures.definitions")}</h2>
      <ul id="report-figures-defs">
        <li>{t("reports.figures.def.onTime")}</li>
        <li>{t("reports.figures.def.average")}</li>
        <li>{t("reports.figures.def.reopened")}</li>
        <li>{t("reports.figures.def.satisfaction")}</li>
        <li>{t("reports.figures.def.privacy")}</li>
      </ul>
    </>
  );
}
