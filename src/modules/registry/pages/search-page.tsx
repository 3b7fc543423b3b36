// GET /office/registry: the registry of the communes the person may read, searched by name (with or without
// diacritics), phone or ID number, filtered by village and flag, a page at a time. A GET form: works without
// JavaScript and can be bookmarked. Each page of results is one audited read.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { can, scopePaths } from "../../../platform/auth/authorise.ts";
import { AppError, type FieldError, fieldErrorsFromZod } from "../../../platform/http/app-error.ts";
import type { Page } from "../../../platform/http/cursor.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { requireSignedIn } from "../../../platform/http/page-kit.ts";
import { Breadcrumbs, emptyForm, ErrorSummary, Pagination, SelectField, TextField } from "../../../platform/views/components.tsx";
import { DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { SEARCH_FLAGS, SearchQuery } from "../registry.contract.ts";
import type { SearchRow } from "../registry.model.ts";
import { searchResidents } from "../use-cases/search-residents.ts";
import { flagLabel, type RegistryWeb, registryCommunes, relationLabel, villagesOf } from "./registry-web.ts";

export function searchPage(web: RegistryWeb) {
  const { deps, page } = web;
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const communes = await registryCommunes(deps, p);
    const raw = c.req.query();
    const commune = communes.find((x) => x.code === raw.commune)?.code ?? communes[0]?.code;
    if (!commune) throw new AppError("forbidden", "error.forbidden");
    const query = { ...Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== "")), commune };
    let result: Page<SearchRow> | null = null;
    let errors: FieldError[] = [];
    const parsed = SearchQuery.safeParse(query);
    if (!parsed.success) errors = fieldErrorsFromZod(parsed.error.issues);
    else {
      try {
        const { heads, ...rest } = parsed.data;
        result = await searchResidents(deps, ctxOf(c), { ...rest, heads: heads !== undefined });
      } catch (err) {
        if (!(err instanceof AppError && err.code === "validation")) throw err;
        errors = err.fields;
      }
    }
    const ctx = page(c);
    const { t } = ctx;
    const villages = await villagesOf(deps, commune);
    const form = emptyForm({ q: raw.q ?? "", village: raw.village ?? "", flag: raw.flag ?? "", commune, heads: raw.heads ?? "" });
    form.errors = errors;
    const labels = { q: t("registry.search.label"), village: t("registry.search.village"), flag: t("registry.search.flag"), cursor: "cursor" };
    // The gap list (outreach's coverage page) asks for the unit and village by these names; someone who reads
    // coverage only in a village (a volunteer) asks for that village as the unit.
    const chosenVillage = villages.some((v) => v.value === raw.village) ? raw.village : undefined;
    const communeUnit = communes.find((x) => x.code === commune)!;
    const wholeCommune = can(p, "coverage.read", { code: communeUnit.code, path: communeUnit.path });
    const readsCoverage = scopePaths(p, "coverage.read").length > 0;
    const gapsQuery = new URLSearchParams(
      wholeCommune ? { unit: commune, ...(chosenVillage ? { village: chosenVillage } : {}) } : chosenVillage ? { unit: chosenVillage } : {},
    ).toString();
    const mayAdd = p.grants.some((g) => can(p, "registry.manage", { code: g.unitCode, path: g.unitPath }));
    return c.html(
      <Layout ctx={ctx} title={t("registry.search.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("registry.title") }]} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <h1>{t("registry.search.title")}</h1>
        <p>
          {mayAdd && (
            <>
              <a href={`/office/registry/households/new?commune=${commune}`}>{t("registry.search.newHousehold")}</a>
              {readsCoverage && " · "}
            </>
          )}
          {readsCoverage && <a href={`/office/coverage/gaps${gapsQuery ? `?${gapsQuery}` : ""}`}>{t("registry.search.gaps")}</a>}
        </p>
        <form class="search-form" method="get" action="/office/registry" role="search">
          <TextField t={t} form={form} name="q" type="search" label={labels.q} hint={t("registry.search.hint")} />
          {communes.length > 1 && (
            <SelectField
              t={t}
              form={form}
              name="commune"
              label={t("registry.search.commune")}
              options={communes.map((x) => ({ value: x.code, label: x.name }))}
            />
          )}
          <SelectField t={t} form={form} name="village" label={labels.village} placeholder={t("registry.search.allVillages")} options={villages} />
          <SelectField
            t={t}
            form={form}
            name="flag"
            label={labels.flag}
            placeholder={t("registry.search.anyFlag")}
            options={SEARCH_FLAGS.map((f) => ({ value: f, label: flagLabel(t, f) }))}
          />
          <div class="checkbox">
            <input type="checkbox" id="f-heads" name="heads" value="1" checked={!!raw.heads} />
            <label for="f-heads">{t("registry.search.heads")}</label>
          </div>
          <button type="submit" class="button">
            {t("registry.search.submit")}
          </button>
        </form>
        {result && (
          <>
            <h2 id="results">{t("registry.search.results")}</h2>
            <DataTable
              caption={t("registry.search.results")}
              stack
              rows={result.items}
              empty={<p>{t("registry.search.none")}</p>}
              columns={[
                { header: t("registry.col.name"), rowHeader: true, cell: (r) => <a href={`/office/registry/residents/${r.id}`}>{r.fullName}</a> },
                { header: t("registry.col.born"), num: true, cell: (r) => r.birthYear },
                { header: t("registry.col.relation"), cell: (r) => relationLabel(t, r.relationToHead) },
                {
                  header: t("registry.col.household"),
                  cell: (r) => <a href={`/office/registry/households/${r.householdId}`}>{`${r.headName ?? "—"}, ${r.householdAddress ?? ""}`}</a>,
                },
                { header: t("registry.col.phone"), nowrap: true, cell: (r) => r.phone ?? "" },
                {
                  header: t("registry.col.flags"),
                  cell: (r) => [...r.flags, ...(r.poverty ? [r.poverty] : [])].map((f) => flagLabel(t, f)).join("; "),
                },
              ]}
            />
            <Pagination
              t={t}
              basePath="/office/registry"
              params={{ q: raw.q, commune, village: raw.village, flag: raw.flag, heads: raw.heads }}
              nextCursor={result.nextCursor}
              isFirst={!raw.cursor}
            />
          </>
        )}
      </Layout>,
      errors.length > 0 ? 400 : 200,
    );
  };
}
