// What the campaign, training and recognition pages share: the units a form offers, days as people write them,
// and the progress chart (an inline SVG: no JavaScript, readable as an image with its own description).
import type { Deps } from "../../../../deps.ts";
import { can, type Principal } from "../../../../platform/auth/authorise.ts";
import type { Permission } from "../../../../platform/auth/roles.ts";
import type { FieldError } from "../../../../platform/http/app-error.ts";
import { formatNumber } from "../../../../platform/i18n/format.ts";
import type { Locale, Translate } from "../../../../platform/i18n/i18n.ts";
import { dayInputValue } from "../../../../platform/text/day-input.ts";
import type { Child } from "hono/jsx";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  ErrorText,
  errorOf,
  type FieldLabels,
  type FormState,
  fieldId,
} from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import type { PageContext } from "../../../../platform/views/page-context.ts";
import { getAdminUnit, listAdminUnitChildren } from "../../../admin-units/index.ts";
import { loadChecklist, provinceOfPath, skillLabel } from "../../skills.ts";
import type { ProgressPoint } from "../../use-cases/campaign-progress.ts";

/** 2026-11-23 → 23/11/2026. */
export const dayText = (iso: string) => dayInputValue(iso);
export const percentText = (p: number | null, locale: Locale) => (p === null ? "–" : `${formatNumber(p, locale)}%`);

/**
 * The skills a form offers: the active checklist of the province the person works in (the first grant holding the
 * permission), labelled in their language. The use case checks the key against the chosen unit's province.
 */
export async function skillOptions(deps: Pick<Deps, "db">, p: Principal, permission: Permission, locale: Locale) {
  const grant = p.grants.find((g) => can(p, permission, { code: g.unitCode, path: g.unitPath }));
  const { skills } = await loadChecklist(deps.db, provinceOfPath(grant?.unitPath ?? ""));
  return skills.filter((s) => s.active).map((s) => ({ value: s.key, label: skillLabel(s, locale) }));
}

/**
 * The checklist as checkboxes named `skill.<key>` (value 1), in a fieldset whose first box carries the id the
 * error summary links to (`skillKeys`, errors `skillKeys.i` included).
 */
export function SkillBoxes(p: { t: Translate; form: FormState; legend: string; hint?: string; options: { value: string; label: string }[] }) {
  const id = fieldId("skillKeys");
  const err = errorOf(p.form.errors, "skillKeys");
  const described = [p.hint ? `${id}-hint` : "", err ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={err ? "field field--error" : "field"}>
      <fieldset aria-describedby={described}>
        <legend>{p.legend}</legend>
        {p.hint && (
          <span class="hint" id={`${id}-hint`}>
            {p.hint}
          </span>
        )}
        {err && <ErrorText t={p.t} id={id} err={err} label={p.legend} />}
        {p.options.map((o, i) => (
          <div class="checkbox">
            <input type="checkbox" id={i === 0 ? id : `${id}-${i}`} name={`skill.${o.value}`} value="1" checked={p.form.values[`skill.${o.value}`] === "1"} />
            <label for={i === 0 ? id : `${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/**
 * The units a form offers: each unit the person holds the permission on, and the villages of those that are
 * communes (a province's communes are many: a province-wide drive names the province, others come through the API).
 */
export async function unitOptions(deps: Pick<Deps, "db" | "config">, p: Principal, permission: Permission, levels: readonly string[]) {
  const out: { value: string; label: string }[] = [];
  const seen = new Set<string>();
  for (const g of p.grants) {
    if (seen.has(g.unitCode) || !can(p, permission, { code: g.unitCode, path: g.unitPath })) continue;
    seen.add(g.unitCode);
    const unit = await getAdminUnit(deps, g.unitCode).catch(() => null);
    if (!unit) continue;
    if (levels.includes(unit.level)) out.push({ value: unit.code, label: unit.fullName });
    if (unit.level === "commune") {
      const villages = await listAdminUnitChildren(deps, unit.code, { limit: 200 });
      for (const v of villages.items)
        if (!seen.has(v.code)) {
          seen.add(v.code);
          out.push({ value: v.code, label: `${v.fullName}, ${unit.fullName}` });
        }
    }
  }
  return out;
}

/** The form's values without empty fields (browsers send "" for an optional field left empty). */
export const filled = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ""));

/** Errors from a use case that has its own field names for what the form calls otherwise. */
export const renamed = (errors: readonly FieldError[], names: Record<string, string>) =>
  errors.map((e) => {
    const head = e.field.split(".")[0] ?? e.field;
    return names[head] ? { ...e, field: names[head] } : e;
  });

const W = 640;
const H = 220;
const PAD = { left: 40, right: 10, top: 10, bottom: 30 };

/** Bars for the share reached each day, a line for the share expected, a dashed line at the target. */
export function ProgressChart(props: { t: Translate; locale: Locale; series: readonly ProgressPoint[]; target: number; id: string }) {
  const { series, target } = props;
  if (series.length === 0) return null;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (p: number) => PAD.top + plotH - (Math.min(100, Math.max(0, p)) / 100) * plotH;
  const step = plotW / series.length;
  const barW = Math.max(1, step * 0.7);
  const line = series.map((p, i) => `${(PAD.left + step * i + step / 2).toFixed(1)},${y(p.expectedPercent).toFixed(1)}`).join(" ");
  const label = props.t("campaigns.chart.label", {
    from: dayText(series[0]!.day),
    to: dayText(series[series.length - 1]!.day),
    target: formatNumber(target, props.locale),
  });
  return (
    <figure class="campaign-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${props.id}-title`} focusable="false">
        <title id={`${props.id}-title`}>{label}</title>
        {[0, 25, 50, 75, 100].map((g) => (
          <g>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(g)} y2={y(g)} stroke="#b1b4b6" stroke-width="1" />
            <text x={PAD.left - 6} y={y(g) + 4} text-anchor="end" font-size="12" fill="#0b0c0c">
              {`${g}%`}
            </text>
          </g>
        ))}
        {series.map((p, i) => (
          <rect
            x={(PAD.left + step * i + (step - barW) / 2).toFixed(1)}
            y={y(p.percent ?? 0).toFixed(1)}
            width={barW.toFixed(1)}
            height={(PAD.top + plotH - y(p.percent ?? 0)).toFixed(1)}
            fill={p.percent !== null && p.percent >= p.expectedPercent ? "#00703c" : "#1d70b8"}
          />
        ))}
        <polyline points={line} fill="none" stroke="#d4351c" stroke-width="2" />
        <line x1={PAD.left} x2={W - PAD.right} y1={y(target)} y2={y(target)} stroke="#0b0c0c" stroke-width="1.5" stroke-dasharray="6 4" />
        <text x={PAD.left} y={H - 8} font-size="12" fill="#0b0c0c">
          {dayText(series[0]!.day)}
        </text>
        <text x={W - PAD.right} y={H - 8} font-size="12" text-anchor="end" fill="#0b0c0c">
          {dayText(series[series.length - 1]!.day)}
        </text>
      </svg>
    </figure>
  );
}

/** The head of a list page: breadcrumbs, title, lead and, for who may create one, the button to the form. */
export function ListHead(p: { t: Translate; title: string; lead: string; newHref: string; newLabel: string; mayCreate: boolean }) {
  return (
    <>
      <Breadcrumbs t={p.t} items={[{ href: "/office", label: p.t("nav.office") }, { label: p.title }]} />
      <h1>{p.title}</h1>
      <p class="lead">{p.lead}</p>
      {p.mayCreate && (
        <p>
          <a class="button" href={p.newHref}>
            {p.newLabel}
          </a>
        </p>
      )}
    </>
  );
}

/** The page of a new record's form (posted to the page's own path): breadcrumbs under its list, errors, the fields. */
export function NewRecordPage(p: {
  ctx: PageContext;
  listHref: string;
  listTitle: string;
  title: string;
  form: FormState;
  labels: FieldLabels;
  submit: string;
  children: Child;
}) {
  const { t } = p.ctx;
  const action = `${p.listHref}/new`;
  return (
    <Layout ctx={p.ctx} title={p.title} office>
      <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { href: p.listHref, label: p.listTitle }, { label: p.title }]} />
      <ErrorSummary t={t} errors={p.form.errors} labels={p.labels} />
      <h1>{p.title}</h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        {p.children}
        <Button>{p.submit}</Button>
      </form>
    </Layout>
  );
}
