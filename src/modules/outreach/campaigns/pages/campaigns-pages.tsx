// /office/campaigns: the list, the form of a new campaign, and one campaign's progress by village or team.
import type { Context } from "hono";
import { scopePaths } from "../../../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt, readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatNumber } from "../../../../platform/i18n/format.ts";
import { readDayFields, withDayErrors } from "../../../../platform/text/day-input.ts";
import { Breadcrumbs, emptyForm, Field, type FormState, RadioGroup, SelectField, SummaryList, Tag } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { createCampaign } from "../../use-cases/campaign-create.ts";
import { getCampaign } from "../../use-cases/campaign-get.ts";
import { listCampaigns } from "../../use-cases/campaign-list.ts";
import type { ProgressRow } from "../../use-cases/campaign-progress.ts";
import { MEASURES, type ProgressBy } from "../campaigns.contract.ts";
import { dayText, filled, ListHead, NewRecordPage, percentText, ProgressChart, skillOptions, unitOptions } from "./shared.tsx";

const FIELDS = ["name", "unitCode", "skillKey", "measure", "targetPercent", "startsOn", "endsOn"] as const;

export function campaignPages(kit: PageKit) {
  const { deps, secure, page } = kit;

  /** GET /office/campaigns */
  const list = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const items = await listCampaigns(deps, ctxOf(c));
    const manages = scopePaths(p, "campaign.manage").length > 0;
    return c.html(
      <Layout ctx={ctx} title={t("campaigns.title")} office>
        <ListHead
          t={t}
          title={t("campaigns.title")}
          lead={t("campaigns.lead")}
          newHref="/office/campaigns/new"
          newLabel={t("campaigns.new")}
          mayCreate={manages}
        />
        <DataTable
          caption={t("campaigns.title")}
          stack
          rows={items}
          empty={<p>{t("campaigns.none")}</p>}
          columns={[
            { header: t("campaigns.col.name"), rowHeader: true, cell: (r) => <a href={`/office/campaigns/${r.id}`}>{r.name}</a> },
            { header: t("campaigns.col.unit"), cell: (r) => r.unitName },
            { header: t("campaigns.col.skill"), cell: (r) => r.skillKey },
            { header: t("campaigns.col.measure"), cell: (r) => t(`campaigns.measure.${r.measure}.short`) },
            { header: t("campaigns.col.target"), num: true, cell: (r) => percentText(r.targetPercent, locale) },
            { header: t("campaigns.col.period"), nowrap: true, cell: (r) => t("campaigns.period", { from: dayText(r.startsOn), to: dayText(r.endsOn) }) },
          ]}
        />
        {items.length > 0 && <p class="hint">{t("campaigns.explain")}</p>}
      </Layout>,
    );
  };

  /** GET /office/campaigns/new, and the form again with its errors. */
  const form = async (c: Context<AppEnv>, f: FormState = emptyForm({ measure: "adults", targetPercent: "80" }), status: 200 | 400 | 404 = 200) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const units = await unitOptions(deps, p, "campaign.manage", ["province", "commune", "village"]);
    if (units.length === 0) throw new AppError("forbidden", "error.forbidden");
    const skills = await skillOptions(deps, p, "campaign.manage", locale);
    const labels = Object.fromEntries(FIELDS.map((k) => [k, t(`campaigns.field.${k}`)]));
    return c.html(
      <NewRecordPage
        ctx={ctx}
        listHref="/office/campaigns"
        listTitle={t("campaigns.title")}
        title={t("campaigns.new")}
        form={f}
        labels={labels}
        submit={t("campaigns.create")}
      >
        <Field t={t} form={f} name="name" label={labels.name!} required />
        <SelectField t={t} form={f} name="unitCode" label={labels.unitCode!} options={units} required />
        <SelectField
          t={t}
          form={f}
          name="skillKey"
          label={labels.skillKey!}
          hint={t("campaigns.field.skillKeyHint")}
          options={skills}
          placeholder={t("campaigns.field.skillKeyPick")}
          required
        />
        <RadioGroup t={t} form={f} name="measure" legend={labels.measure!} options={MEASURES.map((m) => ({ value: m, label: t(`campaigns.measure.${m}`) }))} />
        <Field t={t} form={f} name="targetPercent" label={labels.targetPercent!} hint={t("campaigns.field.targetPercentHint")} kind="decimal" required />
        <Field t={t} form={f} name="startsOn" label={labels.startsOn!} kind="date" required />
        <Field t={t} form={f} name="endsOn" label={labels.endsOn!} kind="date" required />
      </NewRecordPage>,
      status,
    );
  };

  /** POST /office/campaigns/new */
  const create = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const values = await readForm(c);
    const days = readDayFields(values, ["startsOn", "endsOn"]);
    const input = filled(days.values);
    // A decimal comma is how people write 80,5.
    if (input.targetPercent) input.targetPercent = input.targetPercent.replace(",", ".");
    const res = await attempt(() => createCampaign(deps, ctxOf(c), input));
    if (!res.ok) return form(c, { values, errors: withDayErrors(res.errors, days.errors) }, res.errors.some((e) => e.code === "not_found") ? 404 : 400);
    setFlash(c, "campaigns.flash.created", secure);
    return c.redirect(`/office/campaigns/${res.data.id}`, 303);
  };

  /** GET /office/campaigns/:id?by=village|team */
  const show = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const by: ProgressBy = c.req.query("by") === "team" ? "team" : "village";
    const { campaign, progress } = await getCampaign(deps, ctxOf(c), c.req.param("id") ?? "", { by, t });
    const status = (r: ProgressRow) =>
      r.onTrack ? <Tag tone="green">{t("campaigns.status.onTrack")}</Tag> : <Tag tone="red">{t("campaigns.status.behind")}</Tag>;
    const byLabel = t(by === "team" ? "campaigns.progress.byTeam" : "campaigns.progress.byVillage");
    const started = progress.total.series.length > 0;
    return c.html(
      <Layout ctx={ctx} title={campaign.name} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: "/office/campaigns", label: t("campaigns.title") }, { label: campaign.name }]}
        />
        <h1>{campaign.name}</h1>
        <SummaryList
          rows={[
            [t("campaigns.col.unit"), campaign.unitName],
            [t("campaigns.col.skill"), campaign.skillKey],
            [t("campaigns.col.measure"), t(`campaigns.measure.${campaign.measure}`)],
            [t("campaigns.col.target"), percentText(campaign.targetPercent, locale)],
            [t("campaigns.col.period"), t("campaigns.period", { from: dayText(campaign.startsOn), to: dayText(campaign.endsOn) })],
            [t("campaigns.summary.asOf"), dayText(progress.asOf)],
            [
              t("campaigns.summary.reached"),
              `${percentText(progress.total.percent, locale)} (${formatNumber(progress.total.counted, locale)}/${formatNumber(progress.total.total, locale)})`,
            ],
            [t("campaigns.summary.expected"), percentText(progress.total.expectedPercent, locale)],
            [t("campaigns.summary.status"), status(progress.total)],
          ]}
        />
        <p class="hint" id="campaign-explain">
          {t("campaigns.explain")}
        </p>
        {!started && <p>{t("campaigns.progress.notStarted")}</p>}
        {progress.total.total === 0 && <p>{t("campaigns.progress.none")}</p>}
        <h2>{t("campaigns.progress.seriesCaption")}</h2>
        <ProgressChart t={t} locale={locale} series={progress.total.series} target={campaign.targetPercent} id="campaign-chart" />
        <DataTable
          caption={t("campaigns.progress.seriesCaption")}
          describedBy="campaign-explain"
          rows={progress.total.series}
          columns={[
            { header: t("campaigns.col.day"), rowHeader: true, nowrap: true, cell: (p) => dayText(p.day) },
            { header: t("campaigns.col.counted"), num: true, cell: (p) => formatNumber(p.counted, locale) },
            { header: t("campaigns.col.total"), num: true, cell: (p) => formatNumber(p.total, locale) },
            { header: t("campaigns.col.percent"), num: true, cell: (p) => percentText(p.percent, locale) },
            { header: t("campaigns.col.expected"), num: true, cell: (p) => percentText(p.expectedPercent, locale) },
          ]}
        />
        <h2>{t("campaigns.progress.rowsCaption", { by: byLabel })}</h2>
        <nav aria-label={t("campaigns.progress.by")}>
          <ul class="desk-tools">
            {(["village", "team"] as const).map((b) => (
              <li>
                <a href={`/office/campaigns/${campaign.id}?by=${b}`} aria-current={b === by ? "page" : undefined}>
                  {t(b === "team" ? "campaigns.progress.byTeam" : "campaigns.progress.byVillage")}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <DataTable
          caption={t("campaigns.progress.rowsCaption", { by: byLabel })}
          id="campaign-rows-caption"
          stack
          rows={progress.rows}
          columns={[
            { header: t("campaigns.col.group"), rowHeader: true, cell: (r) => r.label },
            { header: t("campaigns.col.counted"), num: true, cell: (r) => formatNumber(r.counted, locale) },
            { header: t("campaigns.col.total"), num: true, cell: (r) => formatNumber(r.total, locale) },
            { header: t("campaigns.col.percent"), num: true, cell: (r) => percentText(r.percent, locale) },
            { header: t("campaigns.col.expected"), num: true, cell: (r) => percentText(r.expectedPercent, locale) },
            { header: t("campaigns.col.status"), cell: status },
          ]}
        />
      </Layout>,
    );
  };

  return { list, form, create, show };
}
