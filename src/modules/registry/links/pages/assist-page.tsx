// /office/registry/residents/:id/assist: a volunteer or an officer picks the procedure to file for a resident; the
// dossiers module's assisted form then opens pre-filled from the registry (/dossiers/new?procedure=…&resident=…).
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { isUuid } from "../../../../platform/db/uuid.ts";
import { notFound } from "../../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { Breadcrumbs, Pagination, TextField } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { searchProcedures } from "../../../procedures/index.ts";
import { residentApplicant } from "../../use-cases/assist-prefill.ts";
import { residentAssistPath } from "../link-paths.ts";

/** Where the assisted form of the dossiers module opens for this resident and procedure. */
export const assistedFormPath = (residentId: string, procedureCode: string) =>
  `/dossiers/new?procedure=${encodeURIComponent(procedureCode)}&resident=${encodeURIComponent(residentId)}`;

export function assistPages(w: PageKit) {
  const { deps, page } = w;

  /** GET /office/registry/residents/:id/assist[?procedure=CODE][&q=…] */
  const show = async (c: Context<AppEnv>, id: string) => {
    requireSignedIn(c);
    if (!isUuid(id)) throw notFound();
    const code = c.req.query("procedure");
    // The form itself checks that this resident is the filer's to see and to file for.
    if (code) return c.redirect(assistedFormPath(id, code.slice(0, 40)), 303);
    const resident = await residentApplicant(deps, ctxOf(c), id);
    const ctx = page(c);
    const { t } = ctx;
    const q = c.req.query("q")?.slice(0, 100).trim() || undefined;
    const cursor = c.req.query("cursor") || undefined;
    const list = await searchProcedures(deps, { q, cursor, limit: 25 });
    const online = list.items.filter((x) => x.onlineLevel !== "none");
    const title = t("links.assist.title", { name: resident.applicant.fullName });
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: title }]} />
        <h1>{title}</h1>
        <p>{t("links.assist.intro")}</p>
        {resident.linked && <p class="notice">{t("links.assist.linked")}</p>}
        <form class="search-form" method="get" action={residentAssistPath(id)} role="search">
          <TextField
            t={t}
            form={{ values: { q: q ?? "" }, errors: [] }}
            name="q"
            type="search"
            label={t("links.assist.search")}
            hint={t("links.assist.searchHint")}
          />
          <button type="submit" class="button button--secondary">
            {t("links.assist.searchButton")}
          </button>
        </form>
        <h2>{t("links.assist.choose")}</h2>
        {online.length === 0 ? (
          <p>{t("links.assist.noProcedures")}</p>
        ) : (
          <ul>
            {online.map((x) => (
              <li>
                <a href={assistedFormPath(id, x.code)}>{x.name}</a> <code class="nowrap">{x.code}</code>
              </li>
            ))}
          </ul>
        )}
        <Pagination t={t} basePath={residentAssistPath(id)} params={{ q }} nextCursor={list.nextCursor} isFirst={!cursor} />
      </Layout>,
    );
  };

  return { show };
}
