// GET /office: the officer's roles and the office pages their permissions open.
import type { Context } from "hono";
import { scopePaths } from "../../../platform/auth/authorise.ts";
import type { Grant } from "../../../platform/auth/authorise.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { communesGranted } from "../../admin-units/index.ts";
import { roleLabel } from "./identity-web.ts";
import { type PageKit, requireSignedIn } from "../../../platform/http/page-kit.ts";

export function officeHomePage(iw: PageKit) {
  return (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const ctx = iw.page(c);
    const { t } = ctx;
    const has = (permission: Parameters<typeof scopePaths>[1]) => scopePaths(p, permission).length > 0;
    // Desk settings belong to a commune: one link per commune where a grant allows changing them.
    const settingsCommunes = communesGranted(p, "commune.settings");
    const columns: Column<Grant>[] = [
      { header: t("users.role"), cell: (g) => roleLabel(t, g.role) },
      { header: t("users.unit"), cell: (g) => <a href={`/units/${g.unitCode}`}>{g.unitCode}</a> },
    ];
    return c.html(
      <Layout ctx={ctx} title={t("office.title")} office>
        <h1>{t("office.welcome", { name: p.displayName })}</h1>
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
        <ul>
          <li>
            <a href="/units">{t("nav.adminUnits")}</a>
          </li>
          {has("user.read") && (
            <li>
              <a href="/office/users">{t("nav.users")}</a>
            </li>
          )}
          {has("audit.read") && (
            <li>
              <a href="/office/audit">{t("nav.audit")}</a>
            </li>
          )}
          <li>
            <a href="/office/tokens">{t("nav.tokens")}</a>
          </li>
          {has("dossier.read") && (
            <li>
              <a href="/office/desk">{t("nav.desk")}</a>
            </li>
          )}
          {has("citizen.verifyId") && (
            <li>
              <a href="/office/id-card-check">{t("nav.idCardCheck")}</a>
            </li>
          )}
          {has("stats.read") && (
            <li>
              <a href="/office/stats">{t("nav.stats")}</a>
            </li>
          )}
          {settingsCommunes.map((code) => (
            <li>
              <a href={`/office/communes/${code}/settings`}>
                {t("nav.deskSettings")} ({code})
              </a>
            </li>
          ))}
          <li>
            <a href="/office/procedures">{t("nav.procedures")}</a>
          </li>
          <li>
            <a href="/office/calendar">{t("nav.calendar")}</a>
          </li>
        </ul>
      </Layout>,
    );
  };
}
