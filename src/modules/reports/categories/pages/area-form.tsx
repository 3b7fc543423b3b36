// The province's report area on the categories page: four numbers (the rectangle reports may be placed in), set or
// cleared by the province's category admins; a commune's admins see it read-only. POST
// /office/reports/categories/area?unit=<province>: saved or cleared, then back to the page; a refusal re-renders the
// page with every field's error (400).
import type { Context } from "hono";
import type { Principal } from "../../../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt, readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import type { Translate } from "../../../../platform/i18n/i18n.ts";
import { Button, CsrfField, Field, type FormState } from "../../../../platform/views/components.tsx";
import { reportPaths } from "../../report-paths.ts";
import { areaProvince } from "../../use-cases/area-get.ts";
import { AREA_FIELDS, clearReportArea, saveReportArea } from "../../use-cases/area-save.ts";
import type { ReportAreaRow } from "../areas.repository.ts";

export const areaHref = (unit: string) => `${reportPaths.categories}/area?unit=${encodeURIComponent(unit)}`;

/** Degrees as the page shows them: four decimals, the locale's decimal mark. */
const shown = (n: number, locale: string) => n.toLocaleString(locale === "en" ? "en-GB" : "vi-VN", { minimumFractionDigits: 4, maximumFractionDigits: 6 });

export const areaLabels = (t: Translate): Record<string, string> => Object.fromEntries(AREA_FIELDS.map((f) => [f, t(`reports.categories.area.field.${f}`)]));

export function areaValues(area: ReportAreaRow | null): Record<string, string> {
  return area ? Object.fromEntries(AREA_FIELDS.map((f) => [f, area[f].toFixed(4)])) : {};
}

export function AreaSection(p: {
  t: Translate;
  locale: string;
  csrfToken: string;
  unit: { code: string; level: "province" | "commune" };
  area: ReportAreaRow | null;
  form: FormState;
}) {
  const { t, area } = p;
  const current = area ? (
    <p>
      {t("reports.categories.area.current", {
        minLat: shown(area.minLat, p.locale),
        maxLat: shown(area.maxLat, p.locale),
        minLon: shown(area.minLon, p.locale),
        maxLon: shown(area.maxLon, p.locale),
      })}
    </p>
  ) : (
    <p>{t("reports.categories.area.none")}</p>
  );
  if (p.unit.level === "commune")
    return (
      <section aria-labelledby="area-title">
        <h2 id="area-title">{t("reports.categories.area.title")}</h2>
        {current}
        <p class="hint">{t("reports.categories.area.communeNote")}</p>
      </section>
    );
  const labels = areaLabels(t);
  const hint = (f: string) => t(f.endsWith("Lat") ? "reports.categories.area.field.latHint" : "reports.categories.area.field.lonHint");
  return (
    <section aria-labelledby="area-title">
      <h2 id="area-title">{t("reports.categories.area.title")}</h2>
      <p>{t("reports.categories.area.lead")}</p>
      {current}
      <form method="post" action={areaHref(p.unit.code)} novalidate>
        <CsrfField token={p.csrfToken} />
        {AREA_FIELDS.map((f) => (
          <Field t={t} form={p.form} name={f} label={labels[f]!} hint={hint(f)} kind="decimal" required autocomplete="off" />
        ))}
        <Button name="action" value="save">
          {t("reports.categories.area.save")}
        </Button>
      </form>
      {area && (
        <form method="post" action={areaHref(p.unit.code)}>
          <CsrfField token={p.csrfToken} />
          <Button name="action" value="clear" variant="secondary">
            {t("reports.categories.area.clear")}
          </Button>
        </form>
      )}
    </section>
  );
}

/** The POST handler; `rerender` shows the categories page again with the refused form. */
export function areaPost(kit: PageKit, rerender: (c: Context<AppEnv>, unit: string, form: FormState) => Promise<Response>) {
  const { deps, secure } = kit;
  return async (c: Context<AppEnv>) => {
    const p: Principal = requireSignedIn(c);
    const unit = await areaProvince(deps, p, c.req.query("unit") ?? "");
    const values = await readForm(c);
    const back = `${reportPaths.categories}?unit=${unit.code}`;
    if (values.action === "clear") {
      await clearReportArea(deps, ctxOf(c), unit.code);
      setFlash(c, "reports.flash.categories.areaCleared", secure);
      return c.redirect(back, 303);
    }
    const res = await attempt(() => saveReportArea(deps, ctxOf(c), unit.code, values));
    if (!res.ok) return rerender(c, unit.code, { values, errors: res.errors });
    setFlash(c, "reports.flash.categories.areaSaved", secure);
    return c.redirect(back, 303);
  };
}
