// GET /office: the officer's roles on named units, and only the office pages their permissions open: daily work
// (desks, their own worklists, search), administration, and the guides for their roles.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { type Grant, scopePaths } from "../../../platform/auth/authorise.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../platform/http/page-kit.ts";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { communesGranted, getAdminUnit } from "../../admin-units/index.ts";
import { guidesOf } from "./help-page.tsx";
import { roleLabel } from "./identity-web.ts";

type Link = { href: string; label: Child };

export function officeHomePage(iw: PageKit) {
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    // Citizens have no office: their own page is their dossiers, with profile and vault beside them.
    if (scopePaths(p, "office.access").length === 0) return c.redirect("/me/dossiers", 303);
    const ctx = iw.page(c);
    const { t } = ctx;
    const has = (permission: Parameters<typeof scopePaths>[1]) => scopePaths(p, permission).length > 0;
    const codes = [...new Set(p.grants.map((g) => g.unitCode))];
    const names = new Map(
      await Promise.all(
        codes.map(
          async (code) =>
            [
              code,
              await getAdminUnit(iw.deps, code).then(
                (u) => u.fullName,
                () => code,
              ),
            ] as const,
        ),
      ),
    );
    const unitName = (code: string) => names.get(code) ?? code;
    const desks = communesGranted(p, "dossier.read");
    const many = desks.length > 1;
    const of = (code: string) => (many ? ` – ${unitName(code)}` : "");
    const daily: Link[] = [
      ...communesGranted(p, "dossier.process").map((code) => ({
        href: `/office/desk?commune=${code}&queue=assignedToMe`,
        label: `${t("office.worklist.assignedToMe")}${of(code)}`,
      })),
      ...communesGranted(p, "dossier.approve").map((code) => ({
        href: `/office/desk?commune=${code}&queue=awaitingApproval`,
        label: `${t("office.worklist.awaitingApproval")}${of(code)}`,
      })),
      ...desks.map((code) => ({ href: `/office/desk?commune=${code}`, label: t("office.deskOf", { unit: unitName(code) }) })),
      ...(has("dossier.read") ? [{ href: "/office/search", label: t("office.search") }] : []),
      ...(has("citizen.verifyId") ? [{ href: "/office/id-card-check", label: t("nav.idCardCheck") }] : []),
      ...(has("stats.read") ? [{ href: "/office/stats", label: t("nav.stats") }] : []),
      // Citizen reports (reports module): its addresses as text, so identity does not import the module.
      ...(has("report.read") || has("report.assist") ? [{ href: "/office/reports", label: t("reports.desk.home.link") }] : []),
      ...(has("report.read") ? [{ href: "/office/reports/figures", label: t("reports.desk.figures") }] : []),
      ...(has("report.assist") ? [{ href: "/office/reports/new", label: t("office.recordReport") }] : []),
      // Notices to residents (notices module, authoring part).
      ...(has("notice.read") ? [{ href: "/office/notices", label: t("notices.authoring.home.link") }] : []),
      // Notices' other desks and the commune hall (notices and hall modules; their addresses as text too).
      ...(has("broadcast.manage") ? [{ href: "/office/stations", label: t("notices.loudspeakers.title") }] : []),
      ...(has("notice.preferences") ? [{ href: "/office/notices/preferences", label: t("notices.preferences.desk.title") }] : []),
      ...(has("hall.serve") ? [{ href: "/office/hall/counter", label: t("hall.queue.counter.title") }] : []),
      // The figures are a commune's: shown to those granted on a commune (a province's officer names one in the URL).
      ...(communesGranted(p, "hall.read").length > 0 ? [{ href: "/office/hall/figures", label: t("hall.screen.figures.title") }] : []),
      // The digital-transformation dashboard (indicators module): its address as text too.
      ...(has("indicator.read") ? [{ href: "/office/indicators", label: t("indicators.dashboards.navLink") }] : []),
      ...(has("indicator.enter") ? [{ href: "/office/indicators/entry", label: t("indicators.entry.title") }] : []),
      ...(has("indicator.review") ? [{ href: "/office/indicators/review", label: t("indicators.entry.review.title") }] : []),
    ];
    // The digital teams' work: a volunteer's day starts with their households and the field app.
    const community: Link[] = [
      ...(has("registry.readAssigned") ? [{ href: "/office/my-households", label: t("nav.myHouseholds") }] : []),
      ...(has("outreach.record") ? [{ href: "/field", label: t("nav.fieldApp") }] : []),
      ...(has("registry.read") ? [{ href: "/office/registry", label: t("nav.registry") }] : []),
      ...(has("registry.manage") ? [{ href: "/office/registry/imports", label: t("nav.registryImports") }] : []),
      ...(has("registry.read") || has("team.manage") || has("team.assign") ? [{ href: "/office/teams", label: t("nav.teams") }] : []),
      ...(has("outreach.settle") ? [{ href: "/office/field/conflicts", label: t("nav.conflicts") }] : []),
      ...(has("registry.read") || has("registry.readAssigned") ? [{ href: "/office/visits", label: t("nav.visits") }] : []),
      ...(has("coverage.read") ? [{ href: "/office/coverage", label: t("nav.coverage") }] : []),
      ...(has("coverage.read") ? [{ href: "/office/coverage/gaps", label: t("nav.gaps") }] : []),
      ...(has("coverage.read") || has("campaign.manage") ? [{ href: "/office/campaigns", label: t("nav.campaigns") }] : []),
      ...(has("coverage.read") || has("training.manage") ? [{ href: "/office/trainings", label: t("nav.trainings") }] : []),
      ...(has("coverage.read") ? [{ href: "/office/recognition", label: t("nav.recognition") }] : []),
    ];
    const admin: Link[] = [
      ...(has("user.read") ? [{ href: "/office/users", label: t("nav.users") }] : []),
      ...(has("audit.read") ? [{ href: "/office/audit", label: t("nav.audit") }] : []),
      ...communesGranted(p, "commune.settings").map((code) => ({
        href: `/office/communes/${code}/settings`,
        label: t("office.settingsOf", { unit: unitName(code) }),
      })),
      ...(has("procedure.manage") ? [{ href: "/office/procedures", label: t("nav.procedures") }] : []),
      ...(has("skills.manage") ? [{ href: "/office/skills", label: t("nav.skills") }] : []),
      ...(has("report.categories") ? [{ href: "/office/reports/categories", label: t("reports.desk.categories") }] : []),
      ...(has("open311.manage") ? [{ href: "/office/open311-clients", label: t("office.open311Clients") }] : []),
      // Notices' channels (SMS, Zalo, e-mail) and the hall's services, counters and kiosks.
      ...(has("notice.channels") ? [{ href: "/office/notices/channels", label: t("notices.channels.home.link") }] : []),
      ...(has("hall.manage") ? [{ href: "/office/hall/settings", label: t("hall.queue.settings.title") }] : []),
    ];
    const more: Link[] = [
      ...guidesOf(p).map((g) => ({ href: `/help/${g}`, label: t("office.help", { role: t(`help.${g}.title`) }) })),
      { href: "/office/calendar", label: t("nav.calendar") },
      { href: "/units", label: t("nav.adminUnits") },
      { href: "/office/tokens", label: t("nav.tokens") },
    ];
    const columns: Column<Grant>[] = [
      { header: t("users.role"), cell: (g) => roleLabel(t, g.role) },
      { header: t("users.unit"), cell: (g) => <a href={`/units/${g.unitCode}`}>{unitName(g.unitCode)}</a> },
    ];
    const group = (id: string, title: string, links: Link[]) =>
      links.length > 0 && (
        <section aria-labelledby={id}>
          <h2 id={id}>{title}</h2>
          <ul class="cards">
            {links.map((l) => (
              <li>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </section>
      );
    return c.html(
      <Layout ctx={ctx} title={t("office.title")} office>
        <h1>{t("office.welcome", { name: p.displayName })}</h1>
        {group("office-daily", t("office.daily"), daily)}
        {group("office-community", t("office.community"), community)}
        {group("office-admin", t("office.admin"), admin)}
        <DataTable caption={t("office.yourRoles")} showCaption columns={columns} rows={p.grants} empty={<p>{t("office.noRoles")}</p>} />
        {has("dossier.assist") && (
          // A volunteer's day starts here: filing for someone who asked for help.
          <p>
            <a class="button" href="/procedures">
              {t("nav.fileForCitizen")}
            </a>
            <span class="hint">{t("nav.fileForCitizenHint")}</span>
          </p>
        )}
        {group("office-more", t("office.more"), more)}
      </Layout>,
    );
  };
}
