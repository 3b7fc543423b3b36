// GET /me/dossiers: the signed-in person's dossiers, drafts included.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { Breadcrumbs, Tag } from "../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import type { OwnDossier } from "../dossiers.model.ts";
import { myDossiers } from "../use-cases/list-my-dossiers.ts";
import { type CitizenWeb, dateOf, stateTone } from "./citizen-context.ts";

export function myDossiersPage(citizen: CitizenWeb) {
  const { deps, page, signedIn } = citizen;
  return async (c: Context<AppEnv>) => {
    const p = signedIn(c);
    if (p instanceof Response) return p;
    const ctx = page(c);
    const { t } = ctx;
    const rows = await myDossiers(deps, ctxOf(c));
    const columns: Column<OwnDossier>[] = [
      {
        header: t("dossiers.citizen.code"),
        cell: (d) => <a href={d.state === "draft" ? `/dossiers/${d.id}/edit` : `/me/dossiers/${d.id}`}>{d.code ?? t("dossiers.citizen.draftLink")}</a>,
      },
      { header: t("dossiers.citizen.procedure"), cell: (d) => d.procedureName },
      { header: t("dossiers.citizen.state"), cell: (d) => <Tag tone={stateTone(d.state)}>{t(`dossiers.state.${d.state}`)}</Tag> },
      { header: t("dossiers.citizen.dueAt"), cell: (d) => dateOf(ctx, d.dueAt) },
    ];
    return c.html(
      <Layout ctx={ctx} title={t("dossiers.citizen.myTitle")}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("dossiers.citizen.myTitle") }]} />
        <h1>{t("dossiers.citizen.myTitle")}</h1>
        {/* A phone at 360 px shows each dossier as a card, not a table scrolling sideways. */}
        <DataTable caption={t("dossiers.citizen.myTitle")} columns={columns} rows={rows} empty={<p>{t("dossiers.citizen.myEmpty")}</p>} stack />
        <p>
          <a href="/procedures">{t("dossiers.citizen.findProcedure")}</a>
        </p>
        {/* The citizen's other follow-up: their reports of problems (reports module). */}
        <p>
          <a href="/me/reports">{t("nav.myReports")}</a>
        </p>
        {/* And how the commune's notices reach them (notices module, preferences part). */}
        <p>
          <a href="/me/notices">{t("nav.myNotices")}</a>
        </p>
      </Layout>,
    );
  };
}
