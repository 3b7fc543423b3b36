// GET /procedures: citizens search the catalogue, grouped by field.
import type { Context } from "hono";
import { validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { Breadcrumbs, ErrorSummary, Pagination, SelectField, Tag, TextField } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { PROCEDURE_FIELDS, type ProcedureField, type ProcedureListItem, ProcedureSearchQuery } from "../procedures.contract.ts";
import { searchProcedures } from "../use-cases/browse-procedures.ts";
import { feeText, fieldLabel, k, onlineTone, timeText } from "./labels.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";

export function searchPage(web: PageKit) {
  const { deps, page } = web;
  return async (c: Context<AppEnv>) => {
    const ctx = page(c);
    const { t } = ctx;
    const q = c.req.query("q") ?? "";
    const field = c.req.query("field") ?? "";
    const cursor = c.req.query("cursor");
    const parsed = validateForm(ProcedureSearchQuery, { q, field, ...(cursor ? { cursor } : {}), limit: "30" });
    const result = parsed.ok ? await searchProcedures(deps, parsed.data) : { items: [], nextCursor: null };
    const errors = parsed.ok ? [] : parsed.errors;
    const groups: { field: ProcedureField; items: ProcedureListItem[] }[] = [];
    for (const item of result.items) {
      const last = groups[groups.length - 1];
      if (last?.field === item.field) last.items.push(item);
      else groups.push({ field: item.field, items: [item] });
    }
    return c.html(
      <Layout ctx={ctx} title={t("procedures.title")}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("procedures.title") }]} />
        <ErrorSummary t={t} errors={errors} labels={{ q: t("procedures.searchLabel"), field: t("procedures.fieldFilter"), cursor: t("nav.nextPage") }} />
        <h1>{t("procedures.title")}</h1>
        <p class="lead">{t("procedures.lead")}</p>
        <form class="search-form" method="get" action="/procedures" role="search">
          <TextField t={t} form={{ values: { q }, errors }} name="q" type="search" label={t("procedures.searchLabel")} hint={t("procedures.searchHint")} />
          <SelectField
            t={t}
            form={{ values: { field }, errors }}
            name="field"
            label={t("procedures.fieldFilter")}
            options={[{ value: "", label: t("procedures.allFields") }, ...PROCEDURE_FIELDS.map((f) => ({ value: f, label: fieldLabel(t, f) }))]}
          />
          <button type="submit" class="button">
            {t("procedures.searchButton")}
          </button>
        </form>
        {result.items.length === 0 && <p>{t("procedures.noResults")}</p>}
        {groups.map((g) => (
          <section>
            <h2>{fieldLabel(t, g.field)}</h2>
            <ul class="procedure-list">
              {g.items.map((p) => (
                <li>
                  <a href={`/procedures/${p.code}`}>{p.name}</a>
                  <br />
                  <small>
                    <code>{p.code}</code> · <Tag tone={onlineTone(p.onlineLevel)}>{t(k(`procedures.onlineLevel.${p.onlineLevel}`))}</Tag> ·{" "}
                    {timeText(t, ctx.locale, p.processing)} · {feeText(ctx, p.totalFee)}
                  </small>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <Pagination
          t={t}
          basePath="/procedures"
          params={{ q: q.trim() || undefined, field: field || undefined }}
          nextCursor={result.nextCursor}
          isFirst={!cursor}
        />
      </Layout>,
    );
  };
}
