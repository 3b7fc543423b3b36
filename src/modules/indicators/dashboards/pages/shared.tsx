// What the dashboard pages share: a value in words and colours (the colour never alone: a sign and a word too),
// a period's name, the "as of" line, the set and period picker, and the trend chart with its table.
import type { Child } from "hono/jsx";
import { formatDateTime, formatDecimal, formatNumber } from "../../../../platform/i18n/format.ts";
import type { Locale, Translate } from "../../../../platform/i18n/i18n.ts";
import { localName } from "../../../../platform/views/commune-picker.tsx";
import { Button, SelectField } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import type { UnitRef } from "../../indicators.repository.ts";
import type { Period, PeriodKind } from "../../periods.ts";
import type { CompiledIndicator } from "../../set-definition.ts";
import type { ResolvedSet } from "../../set-store.ts";
import type { IndicatorValue } from "../../use-cases/indicators-compute.ts";
import { ChartFigure, LineChart } from "../charts/line-chart.tsx";

export type View = { t: Translate; locale: Locale };

export const unitName = (v: View, u: Pick<UnitRef, "name" | "nameEn">) => localName(v.locale, u.name, u.nameEn);
export const indName = (v: View, i: Pick<CompiledIndicator, "name" | "nameEn">) => (v.locale === "en" ? i.nameEn : i.name);
export const setName = (v: View, s: Pick<ResolvedSet, "name" | "nameEn">) => (v.locale === "en" ? s.nameEn : s.name);

export function periodName(v: View, p: Period): string {
  if (p.kind === "month") return v.t("indicators.period.month", { month: p.code.slice(5, 7), year: p.year });
  if (p.kind === "quarter") return v.t("indicators.period.quarter", { quarter: p.code.slice(-1), year: p.year });
  if (p.kind === "ytd") return v.t("indicators.period.ytd", { year: p.year, day: `${p.end.slice(8, 10)}/${p.end.slice(5, 7)}` });
  return v.t("indicators.period.year", { year: p.year });
}

/** A number in the indicator's unit (12,5 % · 3,2 điểm · 1.204). */
export function formatIndicator(v: View, unit: CompiledIndicator["unit"], n: number): string {
  if (unit === "percent") return v.t("indicators.dashboards.valuePercent", { value: formatDecimal(n, v.locale) });
  if (unit === "points") return v.t("indicators.dashboards.valuePoints", { value: formatDecimal(n, v.locale) });
  if (unit === "count") return formatNumber(n, v.locale);
  return formatDecimal(n, v.locale);
}

/** A value, or what stands in its place: "no source yet", "no data", "not by village" — never a zero. */
export function valueText(v: View, x: IndicatorValue): string {
  if (x.status === "ok" && x.value !== null) return formatIndicator(v, x.unit, x.value);
  if (x.status === "ok") return v.t("indicators.status.noData");
  return v.t(`indicators.status.${x.status}`);
}

const SIGN = { good: "✓", warn: "!", bad: "✗" } as const;

/** The assessment: a coloured box with a sign and a word (read the same in black and white). */
export function Assessment(p: { view: View; value: IndicatorValue }) {
  const c = p.value.colour;
  if (!c) return <span class="ind-none">{p.view.t("indicators.dashboards.none")}</span>;
  return (
    <span class={`ind-colour ind-colour--${c}`}>
      <span aria-hidden="true">{SIGN[c]} </span>
      {p.view.t(`indicators.colour.${c}`)}
    </span>
  );
}

/** A table cell: the value (or its status) with its assessment. */
export function ValueCell(p: { view: View; value: IndicatorValue; href?: string }) {
  const text = valueText(p.view, p.value);
  const ok = p.value.status === "ok" && p.value.value !== null;
  return (
    <span class={ok ? `ind-cell ind-cell--${p.value.colour ?? "plain"}` : "ind-cell ind-cell--missing"}>
      {p.href && ok ? <a href={p.href}>{text}</a> : text}
      {p.value.colour ? (
        <>
          {" "}
          <Assessment view={p.view} value={p.value} />
        </>
      ) : null}
    </span>
  );
}

export const numberOrDash = (v: View, n: number | null) => (n === null ? v.t("indicators.dashboards.none") : formatNumber(n, v.locale));

export function AsOf(p: { view: View; asOf: Date | null }) {
  return <p class="ind-asof">{p.asOf ? p.view.t("indicators.asOf", { time: formatDateTime(p.asOf, p.view.locale) }) : p.view.t("indicators.asOfNever")}</p>;
}

/** The GET form choosing the set, the period (months, quarters, years, year to date) and, optionally, the ranking. */
export function PeriodForm(p: {
  view: View;
  action: string;
  sets?: ResolvedSet[];
  set: ResolvedSet;
  period: Period;
  choices: { kind: PeriodKind; periods: Period[] }[];
  sort?: { options: { value: string; label: string }[]; current: string };
}) {
  const { t } = p.view;
  const form = { values: { set: p.set.key, period: p.period.code, sort: p.sort?.current ?? "" }, errors: [] };
  return (
    <form method="get" action={p.action} class="filters no-print" aria-label={t("indicators.dashboards.filters")}>
      {p.sets && p.sets.length > 1 ? (
        <SelectField
          t={t}
          form={form}
          name="set"
          label={t("indicators.dashboards.set")}
          options={p.sets.map((s) => ({ value: s.key, label: setName(p.view, s) }))}
        />
      ) : null}
      <SelectField
        t={t}
        form={form}
        name="period"
        label={t("indicators.dashboards.period")}
        hint={t("indicators.dashboards.periodHint")}
        options={[]}
        groups={p.choices.map((g) => ({
          label: t(`indicators.dashboards.kind.${g.kind}`),
          options: g.periods.map((x) => ({ value: x.code, label: periodName(p.view, x) })),
        }))}
      />
      {p.sort ? <SelectField t={t} form={form} name="sort" label={t("indicators.dashboards.sort")} options={p.sort.options} /> : null}
      <Button>{t("indicators.dashboards.show")}</Button>
    </form>
  );
}

/** One indicator over periods: the SVG line and, below it, the same numbers as a table. */
export function TrendFigure(p: {
  view: View;
  id: string;
  name: string;
  unit: CompiledIndicator["unit"];
  points: { period: Period; value: IndicatorValue }[];
  extra?: Child;
}) {
  const v = p.view;
  const labels = p.points.map((x) => periodName(v, x.period));
  const values = p.points.map((x) => (x.value.status === "ok" ? x.value.value : null));
  const first = labels[0] ?? "";
  const last = labels[labels.length - 1] ?? "";
  const desc = v.t("indicators.dashboards.trendDesc", {
    name: p.name,
    count: p.points.length,
    from: first,
    to: last,
    values: p.points.map((x, i) => `${labels[i]}: ${valueText(v, x.value)}`).join("; "),
  });
  const target = p.points[p.points.length - 1]?.value.target ?? null;
  return (
    <ChartFigure
      chart={
        <LineChart
          id={p.id}
          title={v.t("indicators.dashboards.trendOf", { name: p.name })}
          desc={desc}
          labels={p.points.map((x) =>
            x.period.kind === "month" ? x.period.code.slice(5, 7) : x.period.kind === "quarter" ? `Q${x.period.code.slice(-1)}` : String(x.period.year),
          )}
          values={values}
          max={p.unit === "percent" ? 100 : undefined}
          target={target}
          format={(n) => (p.unit === "percent" ? `${formatDecimal(n, v.locale)}%` : formatDecimal(n, v.locale))}
        />
      }
      table={
        <DataTable
          caption={v.t("indicators.dashboards.trendOf", { name: p.name })}
          id={`${p.id}-table`}
          rows={p.points}
          columns={[
            { header: v.t("indicators.dashboards.col.period"), rowHeader: true, cell: (x) => periodName(v, x.period) },
            { header: v.t("indicators.dashboards.col.value"), num: true, cell: (x) => <ValueCell view={v} value={x.value} /> },
            { header: v.t("indicators.dashboards.col.numerator"), num: true, cell: (x) => numberOrDash(v, x.value.numerator) },
            { header: v.t("indicators.dashboards.col.denominator"), num: true, cell: (x) => numberOrDash(v, x.value.denominator) },
          ]}
        />
      }
    />
  );
}
