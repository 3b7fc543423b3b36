// /office/registry/residents/:id/link: a resident's account link as the office sees it, and the confirm / reject form
// for an officer who manages the household. Works without JavaScript; the table stacks into cards at 360 px.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { isUuid } from "../../../../platform/db/uuid.ts";
import { AppError, notFound } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, CsrfField, SummaryList, Tag } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { decideResidentLink } from "../../use-cases/link-decide.ts";
import { residentAssistPath, residentLinkPath } from "../link-paths.ts";
import { residentLinkStatus } from "../../use-cases/link-status.ts";

export function residentLinkPages(w: PageKit) {
  const { deps, secure, page } = w;

  /** GET /office/registry/residents/:id/link */
  const show = async (c: Context<AppEnv>, id: string) => {
    requireSignedIn(c);
    if (!isUuid(id)) throw notFound();
    const status = await residentLinkStatus(deps, ctxOf(c), id);
    const ctx = page(c);
    const { t, locale } = ctx;
    const r = status.resident;
    const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso), locale) : "");
    const tone = { proposed: "grey", confirmed: "green", rejected: "red" } as const;
    return c.html(
      <Layout ctx={ctx} title={t("links.office.title", { name: r.fullName })} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("links.office.title", { name: r.fullName }) }]} />
        <h1>{t("links.office.title", { name: r.fullName })}</h1>
        <SummaryList
          rows={[
            [t("links.office.resident"), `${r.fullName} (${r.birthYear})`],
            [t("links.office.linkedTo"), status.account ? status.account.displayName : t("links.office.notLinked")],
          ]}
        />
        <h2>{t("links.office.history")}</h2>
        {!status.canDecide && status.links.some((l) => l.status === "proposed") && <p class="hint">{t("links.office.cannotDecide")}</p>}
        <DataTable
          caption={t("links.office.history")}
          stack
          rows={status.links}
          empty={<p>{t("links.office.noLinks")}</p>}
          columns={[
            { header: t("links.office.account"), rowHeader: true, cell: (l) => l.displayName },
            { header: t("links.office.matchedOn"), cell: (l) => t(`links.matched.${l.matchedOn}`) },
            { header: t("links.office.status"), cell: (l) => <Tag tone={tone[l.status]}>{t(`links.status.${l.status}`)}</Tag> },
            {
              header: t("links.office.decided"),
              cell: (l) =>
                l.decidedHow
                  ? `${t("links.office.decidedBy", { how: t(`links.how.${l.decidedHow}`), name: l.decidedByName ?? "" })} ${when(l.decidedAt)}`
                  : when(l.proposedAt),
            },
            {
              header: t("links.office.actions"),
              cell: (l) =>
                status.canDecide && l.status === "proposed" && !status.account ? (
                  <form method="post" action={residentLinkPath(r.id)}>
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="linkId" value={l.id} />
                    <span class="hint">{t("links.office.confirmHint")}</span>{" "}
                    <button type="submit" class="button" name="decision" value="confirm">
                      {t("links.office.confirm")} <span class="visually-hidden">{l.displayName}</span>
                    </button>{" "}
                    <button type="submit" class="button button--secondary" name="decision" value="reject">
                      {t("links.office.reject")} <span class="visually-hidden">{l.displayName}</span>
                    </button>
                  </form>
                ) : (
                  ""
                ),
            },
          ]}
        />
        <p>
          <a href={residentAssistPath(r.id)}>{t("links.office.assist")}</a>
        </p>
      </Layout>,
    );
  };

  /** POST /office/registry/residents/:id/link (linkId, decision=confirm|reject) */
  const decide = async (c: Context<AppEnv>, id: string) => {
    requireSignedIn(c);
    if (!isUuid(id)) throw notFound();
    const { linkId, decision } = await readForm(c);
    if (decision !== "confirm" && decision !== "reject")
      throw new AppError("validation", "error.validation", [{ field: "decision", code: "invalid", message: "links.error.decision" }]);
    if (!linkId || !isUuid(linkId)) throw notFound();
    await decideResidentLink(deps, ctxOf(c), id, { linkId, decision });
    setFlash(c, decision === "confirm" ? "links.flash.confirmed" : "links.flash.rejected", secure);
    return c.redirect(residentLinkPath(id), 303);
  };

  return { show, decide };
}
