// GET /office/visits: visits per commune, village or volunteer, newest first; one audit entry per read.
import type { Context } from "hono";
import { scopeUnitCodes } from "../../../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { isUuid } from "../../../../platform/db/uuid.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDate } from "../../../../platform/i18n/format.ts";
import { localNoon } from "../../../../platform/calendar/vietnam-time.ts";
import { Breadcrumbs, Button, emptyForm, SelectField } from "../../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { displayNames } from "../../../identity/index.ts";
import { listVisits, type VisitRow } from "../../use-cases/visit-list.ts";

const CODE = /^[0-9A-Za-z.]{1,20}$/;

export function visitsPage(kit: PageKit) {
  const { deps, page } = kit;
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const q = c.req.query();
    const filter = {
      ...(q.commune && CODE.test(q.commune) ? { commune: q.commune } : {}),
      ...(q.village && CODE.test(q.village) ? { village: q.village } : {}),
      ...(q.volunteer && isUuid(q.volunteer) ? { volunteer: q.volunteer } : {}),
    };
    const rows = await listVisits(deps, ctxOf(c), filter);
    const names = await displayNames(
      deps.db,
      rows.map((r) => r.volunteerUserId),
    );
    const communes = [...new Set([...scopeUnitCodes(p, "registry.read"), ...scopeUnitCodes(p, "registry.readAssigned")])];
    const villages = [...new Set(rows.map((r) => r.villageCode))].sort();
    const ctx = page(c);
    const { t, locale } = ctx;
    const form = emptyForm({ commune: filter.commune ?? "", village: filter.village ?? "", volunteer: filter.volunteer ?? "" });
    const columns: Column<VisitRow>[] = [
      { header: t("visits.visitedOn"), nowrap: true, cell: (r) => formatDate(localNoon(r.visitedOn), locale) },
      { header: t("visits.household"), rowHeader: true, cell: (r) => r.address },
      { header: t("visits.village"), cell: (r) => r.villageCode },
      { header: t("visits.volunteer"), cell: (r) => names.get(r.volunteerUserId) ?? "" },
      { header: t("visits.outcome"), cell: (r) => t(`visits.outcome.${r.outcome}`) },
      { header: t("visits.skills"), num: true, cell: (r) => String(r.skills.filter((s) => s.confirmed).length) },
      { header: t("visits.nextStep"), cell: (r) => r.nextStep ?? "" },
    ];
    return c.html(
      <Layout ctx={ctx} title={t("visits.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("visits.title") }]} />
        <h1>{t("visits.title")}</h1>
        <p>{t("visits.intro")}</p>
        <form method="get" action="/office/visits" class="filters">
          <SelectField
            t={t}
            form={form}
            name="commune"
            label={t("visits.commune")}
            placeholder={t("visits.all")}
            options={communes.map((x) => ({ value: x, label: x }))}
          />
          <SelectField
            t={t}
            form={form}
            name="village"
            label={t("visits.village")}
            placeholder={t("visits.all")}
            options={villages.map((x) => ({ value: x, label: x }))}
          />
          <SelectField
            t={t}
            form={form}
            name="volunteer"
            label={t("visits.volunteer")}
            placeholder={t("visits.all")}
            options={[...names].map(([value, label]) => ({ value, label }))}
          />
          <Button variant="secondary">{t("visits.filter")}</Button>
        </form>
        <DataTable caption={t("visits.title")} columns={columns} rows={rows} stack empty={<p>{t("visits.none")}</p>} />
      </Layout>,
    );
  };
}
