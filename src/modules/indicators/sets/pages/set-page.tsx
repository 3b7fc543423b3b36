// GET /office/indicators/sets/:key: one set — groups, indicators with their formulas in words, manual elements,
// thresholds, versions, exports; with indicator.manage, a form saving the province's new version (POST, never an
// edit in place).
import type { Context } from "hono";
import { can } from "../../../../platform/auth/authorise.ts";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt, readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { formatDateTime, formatDecimal, formatNumber } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Field, type FormState, Tag } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { indicatorPaths } from "../../indicator-paths.ts";
import { setFileFromJson } from "../set-file.ts";
import { provinceAccess } from "../sets-access.ts";
import { definitionOf, readSet } from "../use-cases/sets-read.ts";
import { saveSetVersion } from "../use-cases/sets-save.ts";
import { elementName, formulaInWords } from "./set-words.ts";
import { provinceParam, withProvince } from "./shared.ts";

export function setPages(kit: PageKit) {
  const show = async (c: Context<AppEnv>, key: string, state?: FormState, status: 200 | 400 = 200) => {
    const province = provinceParam(c);
    const view = await readSet(kit.deps, useCaseContext(c), province, key);
    const { set, versions } = view;
    const ctx = kit.page(c);
    const { t, locale } = ctx;
    const en = locale === "en";
    const manage = can(ctx.principal, "indicator.manage", view.province);
    const edit: FormState = state ?? { values: { definition: JSON.stringify(definitionOf(set), null, 2), note: "" }, errors: [] };
    const labels = { definition: t("indicators.sets.edit.definition"), note: t("indicators.sets.import.note"), key: t("indicators.sets.col.key") };
    const groups = [
      ...set.groups.map((g) => ({ key: g.key as string | undefined, name: en ? g.nameEn : g.name, points: g.points })),
      { key: undefined, name: t("indicators.sets.group.none"), points: undefined },
    ];
    const maxIndex = set.compiled.filter((i) => i.unit === "points").reduce((s, i) => s + (i.points ?? 0), 0);
    const yesNo = (b: boolean) => t(b ? "indicators.sets.yes" : "indicators.sets.no");
    return c.html(
      <Layout ctx={ctx} title={en ? set.nameEn : set.name} office>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            { href: withProvince(indicatorPaths.sets, province), label: t("indicators.sets.title") },
            { label: en ? set.nameEn : set.name },
          ]}
        />
        <ErrorSummary t={t} errors={edit.errors} labels={labels} />
        <h1>{en ? set.nameEn : set.name}</h1>
        {(en ? set.descriptionEn : set.description) && <p>{en ? set.descriptionEn : set.description}</p>}
        {set.index && <p>{t("indicators.sets.index", { max: formatNumber(maxIndex, locale) })}</p>}
        <p>
          <a href={withProvince(indicatorPaths.targets(set.key), province)}>{t("indicators.sets.targetsLink")}</a>
        </p>
        <h2>{t("indicators.sets.indicators")}</h2>
        {groups.map((g) => {
          const inGroup = set.compiled.filter((i) => i.group === g.key);
          if (inGroup.length === 0) return null;
          const caption = g.points ? `${g.name} (${formatNumber(g.points, locale)} ${t("indicators.unit.points")})` : g.name;
          return (
            <DataTable
              caption={caption}
              showCaption
              id={`group-${g.key ?? "none"}`}
              stack
              rows={inGroup}
              columns={[
                {
                  header: t("indicators.sets.col.name"),
                  rowHeader: true,
                  cell: (i) => (
                    <>
                      {en ? i.nameEn : i.name}
                      {(en ? i.descriptionEn : i.description) && <span class="hint">{en ? i.descriptionEn : i.description}</span>}
                    </>
                  ),
                },
                {
                  header: t("indicators.sets.col.formula"),
                  cell: (i) => (
                    <>
                      {formulaInWords(set, i, t, locale)}
                      {i.records && <span class="hint">{t("indicators.sets.records", { element: elementName(set, i.records, t, locale) })}</span>}
                    </>
                  ),
                },
                {
                  header: t("indicators.sets.col.unit"),
                  cell: (i) => `${t(`indicators.unit.${i.unit}`)}${i.points ? ` (${formatNumber(i.points, locale)})` : ""}`,
                },
                {
                  header: t("indicators.sets.col.thresholds"),
                  cell: (i) =>
                    i.thresholds
                      ? `${formatDecimal(i.thresholds.good, locale)} / ${formatDecimal(i.thresholds.warn, locale)} — ${t(`indicators.direction.${i.direction}`)}`
                      : "—",
                },
                { header: t("indicators.sets.col.public"), cell: (i) => yesNo(i.public) },
              ]}
            />
          );
        })}
        <h2>{t("indicators.sets.elements")}</h2>
        <DataTable
          caption={t("indicators.sets.elements")}
          stack
          rows={set.elements}
          empty={<p>{t("indicators.sets.elements.none")}</p>}
          columns={[
            {
              header: t("indicators.sets.col.element"),
              rowHeader: true,
              cell: (m) => (
                <>
                  {en ? m.nameEn : m.name}
                  {(en ? m.descriptionEn : m.description) && <span class="hint">{en ? m.descriptionEn : m.description}</span>}
                </>
              ),
            },
            { header: t("indicators.sets.col.valueType"), cell: (m) => t(`indicators.sets.valueType.${m.valueType}`) },
            { header: t("indicators.sets.col.range"), nowrap: true, cell: (m) => `${m.min ?? "…"} – ${m.max ?? "…"}` },
            { header: t("indicators.sets.col.aggregation"), cell: (m) => t(`indicators.sets.aggregation.${m.aggregation}`) },
            { header: t("indicators.sets.col.frequency"), cell: (m) => t(`indicators.sets.frequency.${m.frequency}`) },
            { header: t("indicators.sets.col.evidence"), cell: (m) => yesNo(m.evidenceRequired) },
          ]}
        />
        <h2>{t("indicators.sets.versions")}</h2>
        <DataTable
          caption={t("indicators.sets.versions")}
          stack
          rows={versions}
          columns={[
            { header: t("indicators.sets.col.version"), rowHeader: true, num: true, cell: (v) => formatNumber(v.version, locale) },
            { header: t("indicators.sets.col.origin"), cell: (v) => t(`indicators.sets.origin.${v.origin}`) },
            {
              header: t("indicators.sets.col.status"),
              cell: (v) => <Tag tone={v.active ? "green" : "grey"}>{t(v.active ? "indicators.sets.version.active" : "indicators.sets.version.retired")}</Tag>,
            },
            { header: t("indicators.sets.col.when"), nowrap: true, cell: (v) => (v.createdAt ? formatDateTime(v.createdAt, locale) : "—") },
            { header: t("indicators.sets.col.note"), cell: (v) => v.note || "—" },
            {
              header: t("indicators.sets.export"),
              nowrap: true,
              cell: (v) => (
                <>
                  <a href={withProvince(indicatorPaths.setExport(set.key, "json"), province, { version: String(v.version) })}>JSON</a>
                  {" · "}
                  <a href={withProvince(indicatorPaths.setExport(set.key, "xlsx"), province, { version: String(v.version) })}>XLSX</a>
                </>
              ),
            },
          ]}
        />
        <h2>{t("indicators.sets.export")}</h2>
        <ul>
          <li>
            <a href={withProvince(indicatorPaths.setExport(set.key, "json"), province)}>{t("indicators.sets.export.json")}</a>
          </li>
          <li>
            <a href={withProvince(indicatorPaths.setExport(set.key, "xlsx"), province)}>{t("indicators.sets.export.xlsx")}</a>
          </li>
        </ul>
        {manage && (
          <>
            <h2 id="edit">{t("indicators.sets.edit.title")}</h2>
            <p>{t("indicators.sets.edit.lead")}</p>
            <form method="post" action={withProvince(indicatorPaths.set(set.key), province)} novalidate aria-labelledby="edit">
              <CsrfField token={ctx.csrfToken} />
              <Field t={t} form={edit} name="definition" kind="textarea" rows={16} label={labels.definition} />
              <Field t={t} form={edit} name="note" label={labels.note} />
              <Button>{t("indicators.sets.edit.submit")}</Button>
            </form>
          </>
        )}
      </Layout>,
      status,
    );
  };

  /** POST /office/indicators/sets/:key (definition: the set's JSON, note). */
  const save = async (c: Context<AppEnv>, key: string) => {
    const province = provinceParam(c);
    // The province first: another province's is a 404, a commune officer's a 403, whatever the form holds.
    await provinceAccess(kit.deps, c.get("principal"), province, "manage");
    const values = await readForm(c);
    const definition = values.definition ?? "";
    const refuse = (errors: FormState["errors"]) => show(c, key, { values: { definition, note: values.note ?? "" }, errors }, 400);
    let raw: unknown;
    try {
      raw = JSON.parse(definition);
    } catch (err) {
      return refuse([
        {
          field: "definition",
          code: "format",
          message: "indicators.sets.file.badJson",
          params: { detail: err instanceof Error ? err.message.slice(0, 200) : "" },
        },
      ]);
    }
    const r = await attempt(async () =>
      saveSetVersion(kit.deps, useCaseContext(c), { province, file: setFileFromJson(raw), note: values.note, source: "edit", expectedKey: key }),
    );
    if (!r.ok) {
      // A definition's problems name their place (indicators.3.denominator): shown at the definition field.
      return refuse(r.errors.map((e) => (e.field === "note" ? e : { ...e, field: "definition", params: { ...(e.params ?? {}), place: e.field } })));
    }
    setFlash(c, "indicators.sets.flash.saved", kit.secure);
    return c.redirect(withProvince(indicatorPaths.set(key), province), 303);
  };

  return { show, save };
}
