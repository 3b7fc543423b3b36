// Pieces the public pages share: the status tag, the photo, the filter form, the page's own stylesheet.
import type { StaticAssets } from "../../../../platform/http/static-assets.ts";
import type { Locale, Translate } from "../../../../platform/i18n/i18n.ts";
import { formatDate } from "../../../../platform/i18n/format.ts";
import { SelectField, Tag } from "../../../../platform/views/components.tsx";
import type { FieldError } from "../../../../platform/http/app-error.ts";
import { VIETNAM_OFFSET_MS } from "../../../../platform/calendar/vietnam-time.ts";
import { reportPaths } from "../../report-paths.ts";
import type { ReportStatus } from "../../reports.model.ts";
import { STATUS_GROUPS, statusGroupOf, type PublicFilters } from "../public.contract.ts";
import type { CategoryOption, UnitOption } from "../public.repository.ts";

/** The public pages' few extra rules (public/reports.css), linked from the page body: the shell stays shared. */
export function ReportsCss(props: { assets: StaticAssets }) {
  return <link rel="stylesheet" href={props.assets.url("reports.css")} />;
}

export function StatusTag(props: { t: Translate; status: ReportStatus }) {
  const group = statusGroupOf(props.status);
  return <Tag tone={group === "closed" ? "green" : group === "answered" ? undefined : "grey"}>{props.t(`reports.public.status.${props.status}`)}</Tag>;
}

/** A photo at its public URL, sized before it loads (no jump while the page draws), loaded only when scrolled to. */
export function ReportPhoto(props: { id: string; width: number | null; height: number | null; alt: string; max: number }) {
  const w = props.width && props.height ? Math.min(props.max, props.width) : props.max;
  const h = props.width && props.height ? Math.round((w * props.height) / props.width) : Math.round((props.max * 3) / 4);
  return <img class="report-photo" src={reportPaths.photo(props.id)} width={w} height={h} alt={props.alt} loading="lazy" decoding="async" />;
}

export const localName = (locale: Locale, vi: string | null, en: string | null) => (locale === "en" ? (en ?? vi) : vi);

/** The last 24 months (Vietnam time), newest first: YYYY-MM and "11/2026". */
export function recentMonths(now: Date): { value: string; label: string }[] {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const out: { value: string; label: string }[] = [];
  for (let i = 0; i < 24; i++) {
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - i, 1));
    const m = d.getUTCMonth() + 1;
    out.push({ value: `${d.getUTCFullYear()}-${String(m).padStart(2, "0")}`, label: `${String(m).padStart(2, "0")}/${d.getUTCFullYear()}` });
  }
  return out;
}

/** The filters as a GET form: works without JavaScript, and the URL can be shared. */
export function FilterForm(props: {
  t: Translate;
  locale: Locale;
  action: string;
  values: Record<string, string>;
  errors: FieldError[];
  categories: CategoryOption[];
  villages: UnitOption[];
  months: { value: string; label: string }[];
}) {
  const { t, locale, values, errors } = props;
  const form = { values, errors };
  const labels = filterLabels(t);
  const any = t("reports.public.any");
  return (
    <form class="report-filters" method="get" action={props.action} aria-label={t("reports.public.filters")}>
      <SelectField
        t={t}
        form={form}
        name="status"
        label={labels.status}
        placeholder={any}
        options={STATUS_GROUPS.map((g) => ({ value: g, label: t(`reports.public.group.${g}`) }))}
      />
      <SelectField
        t={t}
        form={form}
        name="category"
        label={labels.category}
        placeholder={any}
        options={props.categories.map((c) => ({ value: c.code, label: locale === "en" ? c.nameEn : c.nameVi }))}
      />
      {props.villages.length > 0 && (
        <SelectField
          t={t}
          form={form}
          name="village"
          label={labels.village}
          placeholder={any}
          options={props.villages.map((v) => ({ value: v.code, label: localName(locale, v.nameVi, v.nameEn) ?? v.code }))}
        />
      )}
      <SelectField t={t} form={form} name="month" label={labels.month} placeholder={any} options={props.months} />
      <button type="submit" class="button">
        {t("reports.public.apply")}
      </button>
      {Object.values(values).some(Boolean) && <a href={props.action}>{t("reports.public.clearFilters")}</a>}
    </form>
  );
}

/** The filter fields' labels: the filter form's, and the error summary's above it. */
export const filterLabels = (t: Translate) => ({
  status: t("reports.public.filterStatus"),
  category: t("reports.public.filterCategory"),
  village: t("reports.public.filterVillage"),
  month: t("reports.public.filterMonth"),
});

/** The filters as given, for links (paging, list ⇄ map). */
export const filterParams = (f: PublicFilters): Record<string, string | undefined> => ({
  status: f.status,
  category: f.category,
  village: f.village,
  month: f.month,
});

/** The filters given (empty ones left out) as a query string's parameters, for the list ⇄ map links. */
export const filterQuery = (f: Record<string, string | undefined>): URLSearchParams =>
  new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => !!e[1]));

export const dateText = (d: Date, locale: Locale) => formatDate(d, locale);
