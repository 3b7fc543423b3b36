// /office/reports/new: a volunteer or officer records a report heard in person or at a village meeting, for a
// resident who consented (how, and a note). SMS go to the resident's phone; the report is theirs, not the helper's.
import type { Context } from "hono";
import { canOnOrWithin, type Principal } from "../../../../platform/auth/authorise.ts";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { clientIp } from "../../../../platform/http/client-ip.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { Breadcrumbs, Button, type FormState, SelectField } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { type AdminUnitRow, getAdminUnit } from "../../../admin-units/index.ts";
import type { MapSettings } from "../../public/map-settings.ts";
import { reportPaths } from "../../report-paths.ts";
import type { ConsentMethod } from "../submit-input.ts";
import { reportChoices, submitReport } from "../../use-cases/report-submit.ts";
import { ReportForm } from "./report-form.tsx";
import { inputFromForm, readReportForm, statusOfErrors } from "./shared.tsx";

/** The communes where `p` may record reports: a grant on the commune or on one of its villages. */
export async function assistCommunes(kit: PageKit, p: Principal): Promise<AdminUnitRow[]> {
  const codes = [...new Set(p.grants.map((g) => g.unitPath.split("/").filter(Boolean)[1]).filter((c): c is string => !!c && /^\d{5}$/.test(c)))];
  const units = await Promise.all(codes.map((c) => getAdminUnit(kit.deps, c).catch(() => null)));
  return units.filter((u): u is AdminUnitRow => !!u && u.level === "commune" && canOnOrWithin(p, "report.assist", { code: u.code, path: u.path }));
}

export function officeNewPages(kit: PageKit, map: MapSettings) {
  const { deps, page } = kit;

  const render = async (c: Context<AppEnv>, form: FormState, status: 200 | 400 | 413 | 429 = 200) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t } = ctx;
    const communes = await assistCommunes(kit, p);
    if (communes.length === 0) throw new AppError("forbidden", "error.forbidden");
    const chosen = communes.find((u) => u.code === (form.values.communeCode ?? c.req.query("commune"))) ?? (communes.length === 1 ? communes[0] : undefined);
    const title = t("reports.reporting.office.title");
    const crumbs = <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: title }]} />;
    if (!chosen) {
      return c.html(
        <Layout ctx={ctx} title={title} office>
          {crumbs}
          <h1>{title}</h1>
          <form method="get" action={reportPaths.officeNew}>
            <SelectField
              t={t}
              form={{ values: {}, errors: [] }}
              name="commune"
              label={t("reports.reporting.office.commune")}
              placeholder={t("reports.reporting.office.choose")}
              options={communes.map((u) => ({ value: u.code, label: u.fullName }))}
              required
            />
            <Button>{t("reports.reporting.check")}</Button>
          </form>
        </Layout>,
        status,
      );
    }
    const choices = await reportChoices(deps, chosen);
    return c.html(
      <Layout ctx={ctx} title={title} office>
        {crumbs}
        <h1>{title}</h1>
        <p class="lead">{t("reports.reporting.office.lead")}</p>
        <p>
          {t("reports.reporting.office.commune")}: <strong>{chosen.fullName}</strong>
        </p>
        <ReportForm
          ctx={ctx}
          communeName={chosen.fullName}
          action={reportPaths.officeNew}
          stage="full"
          form={{ values: { channel: "assisted", ...form.values }, errors: form.errors }}
          categories={choices.categories}
          villages={choices.villages}
          assisted
          map={map}
          before={<input type="hidden" name="communeCode" value={chosen.code} />}
        />
      </Layout>,
      status,
    );
  };

  const submit = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const { values, photos } = await readReportForm(c);
    const method = values["consent.method"];
    try {
      const sent = await submitReport(deps, useCaseContext(c), {
        ...inputFromForm(values),
        anonymous: false,
        communeCode: values.communeCode ?? "",
        channel: values.channel === "meeting" ? "meeting" : "assisted",
        consent: method ? { method: method as ConsentMethod, note: values["consent.note"] ?? "" } : null,
        photos,
        clientIp: clientIp(c, deps.config.trustedProxies),
      });
      const ctx = page(c);
      const { t } = ctx;
      return c.html(
        <Layout ctx={ctx} title={t("reports.reporting.office.title")} office>
          <div class="notice notice--success" role="status">
            {t("reports.reporting.office.sent", { code: sent.code })}
          </div>
          <p>
            <a href={reportPaths.officeReport(sent.id)}>{sent.code}</a>
          </p>
          <p>
            <a href={`${reportPaths.officeNew}?commune=${values.communeCode ?? ""}`}>{t("reports.reporting.office.title")}</a>
          </p>
        </Layout>,
      );
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0)
        return render(c, { values, errors: err.fields }, err.status === 413 ? 413 : statusOfErrors(err.fields));
      throw err;
    }
  };

  return { form: (c: Context<AppEnv>) => render(c, { values: {}, errors: [] }), submit };
}
