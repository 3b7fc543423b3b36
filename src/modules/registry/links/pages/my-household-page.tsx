// /me/household: the citizen's household as the registry knows it, and "is this you?" for each link proposed to them.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { isUuid } from "../../../../platform/db/uuid.ts";
import { AppError, notFound } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Breadcrumbs, Button, CsrfField, SummaryList } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { decideMyLink } from "../../use-cases/link-decide.ts";
import { myHousehold } from "../../use-cases/link-my-household.ts";
import { MY_HOUSEHOLD_PATH } from "../link-paths.ts";
import { relationLabel } from "./link-words.ts";

const birthText = (birthDate: string | null, birthYear: number) =>
  birthDate ? `${birthDate.slice(8, 10)}/${birthDate.slice(5, 7)}/${birthDate.slice(0, 4)}` : String(birthYear);

export function myHouseholdPages(w: PageKit) {
  const { deps, secure, page } = w;

  /** GET /me/household */
  const show = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const ctx = page(c);
    const { t } = ctx;
    const mine = await myHousehold(deps, ctxOf(c));
    const h = mine.household;
    return c.html(
      <Layout ctx={ctx} title={t("links.me.title")}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("links.me.title") }]} />
        <h1>{t("links.me.title")}</h1>
        <p>{t("links.me.intro")}</p>
        {mine.proposals.length > 0 && (
          <section aria-labelledby="proposals">
            <h2 id="proposals">{t("links.me.proposalsTitle")}</h2>
            {mine.proposals.map((x) => (
              <div class="notice">
                <p>{t("links.me.proposalLead", { matched: t(`links.matched.${x.matchedOn}`) })}</p>
                <p>
                  <strong>{t("links.me.proposalPerson", { name: x.fullName, year: x.birthYear, village: x.villageName })}</strong>
                </p>
                <form method="post" action={`${MY_HOUSEHOLD_PATH}/links/${x.linkId}`}>
                  <CsrfField token={ctx.csrfToken} />
                  <Button name="decision" value="confirm">
                    {t("links.me.yes")}
                  </Button>
                  <Button name="decision" value="reject" variant="secondary">
                    {t("links.me.no")}
                  </Button>
                </form>
              </div>
            ))}
          </section>
        )}
        {h ? (
          <>
            <h2>{t("links.me.householdTitle")}</h2>
            <SummaryList rows={[[t("links.me.address"), `${h.address}, ${h.villageName}, ${h.communeName}`]]} />
            <h2>{t("links.me.meTitle")}</h2>
            <p class="hint">{t("links.me.meHint")}</p>
            <SummaryList
              rows={[
                [t("links.field.fullName"), h.me.fullName],
                [t("links.field.birth"), birthText(h.me.birthDate, h.me.birthYear)],
                [t("links.field.sex"), h.me.sex ? t(`links.sex.${h.me.sex}`) : t("links.none")],
                [t("links.field.phone"), h.me.phone ?? t("links.none")],
                [t("links.field.citizenIdNumber"), h.me.citizenIdNumber ?? t("links.none")],
                [t("links.me.relation"), relationLabel(t, h.me.relationToHead)],
              ]}
            />
            <DataTable
              caption={t("links.me.membersTitle")}
              showCaption
              stack
              rows={h.members}
              columns={[
                { header: t("links.me.memberName"), rowHeader: true, cell: (m) => (m.isMe ? `${m.fullName} ${t("links.me.you")}` : m.fullName) },
                { header: t("links.me.relation"), cell: (m) => relationLabel(t, m.relationToHead) },
              ]}
            />
          </>
        ) : (
          mine.proposals.length === 0 && (
            <>
              <p>{t("links.me.nothing")}</p>
              <p class="hint">{t("links.me.nothingHint")}</p>
            </>
          )
        )}
        <p>
          <a href="/me/profile">{t("links.me.profileLink")}</a>
        </p>
      </Layout>,
    );
  };

  /** POST /me/household/links/:linkId (decision=confirm|reject) */
  const decide = async (c: Context<AppEnv>, linkId: string) => {
    requireSignedIn(c);
    if (!isUuid(linkId)) throw notFound();
    const { decision } = await readForm(c);
    if (decision !== "confirm" && decision !== "reject")
      throw new AppError("validation", "error.validation", [{ field: "decision", code: "invalid", message: "links.error.decision" }]);
    await decideMyLink(deps, ctxOf(c), linkId, decision);
    setFlash(c, decision === "confirm" ? "links.flash.meConfirmed" : "links.flash.meRejected", secure);
    return c.redirect(MY_HOUSEHOLD_PATH, 303);
  };

  return { show, decide };
}
