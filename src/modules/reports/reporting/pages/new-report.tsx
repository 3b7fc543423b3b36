// /reports/:commune/new: the public report form (two steps, see report-form.tsx) and its POST.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { clientIp } from "../../../../platform/http/client-ip.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { Layout } from "../../../../platform/views/layout.tsx";
import type { FormState } from "../../../../platform/views/components.tsx";
import type { AdminUnitRow } from "../../../admin-units/index.ts";
import { getProfileForPrefill } from "../../../citizens/index.ts";
import type { MapSettings } from "../../public/map-settings.ts";
import { reportPaths } from "../../report-paths.ts";
import { similarReports } from "../../use-cases/report-similar.ts";
import { checkReport, reportChoices, reportCommune, submitReport } from "../../use-cases/report-submit.ts";
import { PLACE_FIELDS, ReportForm } from "./report-form.tsx";
import { inputFromForm, readReportForm, statusOfErrors } from "./shared.tsx";

/** The commune of the route, or 404 (not a form error: there is no form without a commune). */
export async function routeCommune(kit: PageKit, code: string): Promise<AdminUnitRow> {
  try {
    return await reportCommune(kit.deps, code);
  } catch (err) {
    if (err instanceof AppError && err.code === "validation") throw new AppError("not_found", "error.notFound");
    throw err;
  }
}

const placeValues = (query: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(query).filter(([k]) => (PLACE_FIELDS as readonly string[]).includes(k) || k === "locationSource"));

export function newReportPages(kit: PageKit, map: MapSettings) {
  const { deps, page } = kit;

  const render = async (c: Context<AppEnv>, commune: AdminUnitRow, stage: "place" | "full", form: FormState, status: 200 | 400 | 404 | 413 | 429 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    const choices = await reportChoices(deps, commune);
    const values = form.values;
    const similar =
      stage === "full" && values.categoryCode && choices.categories.some((x) => x.code === values.categoryCode)
        ? await similarReports(deps, {
            communeCode: commune.code,
            categoryCode: values.categoryCode,
            villageCode: values.villageCode || null,
            lat: values.lat ? Number(values.lat) : null,
            lon: values.lon ? Number(values.lon) : null,
          })
        : [];
    const communeName = commune.fullName;
    return c.html(
      <Layout ctx={ctx} title={t("reports.reporting.title")}>
        <h1>{t("reports.reporting.title")}</h1>
        <p class="lead">{t("reports.reporting.lead", { commune: commune.name })}</p>
        <p>{t("reports.reporting.publicNote")}</p>
        {choices.categories.length === 0 ? (
          <p class="notice">{t("reports.reporting.noCategories")}</p>
        ) : (
          <ReportForm
            ctx={ctx}
            communeName={communeName}
            action={reportPaths.newReport(commune.code)}
            stage={stage}
            form={form}
            categories={choices.categories}
            villages={choices.villages}
            similar={similar}
            map={map}
          />
        )}
      </Layout>,
      status,
    );
  };

  /** GET: the place step; with step=full and a valid place, the full form with similar reports. */
  const form = async (c: Context<AppEnv>) => {
    const commune = await routeCommune(kit, c.req.param("commune") ?? "");
    const query = c.req.query();
    const values = placeValues(query);
    if (query.step !== "full") return render(c, commune, "place", { values, errors: [] });
    const { errors } = checkReport(
      { ...inputFromForm(values), description: "-", communeCode: commune.code, channel: "web" },
      await reportChoices(deps, commune),
    );
    const placeErrors = errors.filter((e) => (PLACE_FIELDS as readonly string[]).includes(e.field));
    if (placeErrors.length > 0) return render(c, commune, "place", { values, errors: placeErrors }, 400);
    return render(c, commune, "full", { values: { ...values, ...(await contactOf(c)) }, errors: [] });
  };

  /** A signed-in citizen's contact, from their profile: they may clear it or tick "anonymous". */
  const contactOf = async (c: Context<AppEnv>): Promise<Record<string, string>> => {
    const p = c.get("principal");
    if (p?.kind !== "citizen") return {};
    const profile = await getProfileForPrefill(deps, p.userId);
    if (!profile) return {};
    return Object.fromEntries(
      Object.entries({ "contact.name": profile.fullName, "contact.phone": profile.phone, "contact.email": profile.email }).filter(
        (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "",
      ),
    );
  };

  /** POST: send; the form comes back with every error and what was typed (the photos must be chosen again). */
  const submit = async (c: Context<AppEnv>) => {
    const commune = await routeCommune(kit, c.req.param("commune") ?? "");
    const { values, photos } = await readReportForm(c);
    try {
      const sent = await submitReport(deps, useCaseContext(c), {
        ...inputFromForm(values),
        communeCode: commune.code,
        channel: "web",
        photos,
        clientIp: clientIp(c, deps.config.trustedProxies),
      });
      return c.redirect(`${reportPaths.follow(sent.code, sent.followToken)}?sent=1`, 303);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return render(c, commune, "full", { values, errors: err.fields }, err.status === 413 ? 413 : statusOfErrors(err.fields));
      }
      throw err;
    }
  };

  return { form, submit };
}
