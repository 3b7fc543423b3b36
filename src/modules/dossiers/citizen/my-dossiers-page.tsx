// GET /me/dossiers: the signed-in person's dossiers, drafts included.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { Breadcrumbs, Tag } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { myDossiers } from "../use-cases/read-dossiers.ts";
import { type CitizenWeb, dateOf, stateTone } from "./citizen-context.ts";

export function myDossiersPage(citizen: CitizenWeb) {
  const { deps, page, signedIn } = citizen;
  return async (c: Context<AppEnv>) => {
    const p = signedIn(c);
    if (p instanceof Response) return p;
    const ctx = page(c);
    const { t } = ctx;
    const rows = await myDossiers(deps, ctxOf(c));
    return c.html(
      <Layout ctx={ctx} title={t("dossiers.citizen.myTitle")}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("dossiers.citizen.myTitle") }]} />
        <h1>{t("dossiers.citizen.myTitle")}</h1>
        {rows.length === 0 ? (
          <p>{t("dossiers.citizen.myEmpty")}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t("dossiers.citizen.myTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dossiers.citizen.code")}</th>
                  <th scope="col">{t("dossiers.citizen.procedure")}</th>
                  <th scope="col">{t("dossiers.citizen.state")}</th>
                  <th scope="col">{t("dossiers.citizen.dueAt")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr>
                    <td>
                      <a href={d.state === "draft" ? `/dossiers/${d.id}/edit` : `/me/dossiers/${d.id}`}>{d.code ?? t("dossiers.citizen.draftLink")}</a>
                    </td>
                    <td>{d.procedureName}</td>
                    <td>
                      <Tag tone={stateTone(d.state)}>{t(`dossiers.state.${d.state}`)}</Tag>
                    </td>
                    <td>{dateOf(ctx, d.dueAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <a href="/procedures">{t("dossiers.citizen.findProcedure")}</a>
        </p>
      </Layout>,
    );
  };
}
