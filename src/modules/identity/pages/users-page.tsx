// GET /office/users: the accounts in the officer's scope, searchable, a page at a time.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { Breadcrumbs, Pagination, Tag } from "../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { listUsers } from "../use-cases/list-users.ts";
import { roleLabel } from "./identity-web.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";

type UserItem = Awaited<ReturnType<typeof listUsers>>["items"][number];

export function usersPage(iw: PageKit) {
  return async (c: Context<AppEnv>) => {
    const ctx = iw.page(c);
    const { t } = ctx;
    const q = c.req.query("q")?.slice(0, 100) || undefined;
    const cursor = c.req.query("cursor");
    const result = await listUsers(iw.deps, ctxOf(c), { cursor, limit: 25, q });
    const columns: Column<UserItem>[] = [
      { header: t("users.username"), cell: (u) => <a href={`/office/users/${u.id}`}>{u.username}</a> },
      { header: t("users.displayName"), cell: (u) => u.displayName },
      { header: t("users.unit"), cell: (u) => u.homeUnitCode ?? "–" },
      { header: t("users.roles"), cell: (u) => u.grants.map((g) => `${roleLabel(t, g.role)} (${g.unitCode})`).join(", ") || "–" },
      { header: t("users.status"), cell: (u) => (u.disabledAt ? <Tag tone="red">{t("users.disabled")}</Tag> : <Tag tone="green">{t("users.active")}</Tag>) },
    ];
    return c.html(
      <Layout ctx={ctx} title={t("users.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("users.title") }]} />
        <h1>{t("users.title")}</h1>
        <p>
          <a class="button" href="/office/users/new">
            {t("users.create")}
          </a>
        </p>
        <form class="search-form" method="get" action="/office/users" role="search">
          <div class="field">
            <label for="users-q">{t("users.search")}</label>
            <input type="search" id="users-q" name="q" value={q ?? ""} />
          </div>
          <button class="button button--secondary" type="submit">
            {t("units.searchButton")}
          </button>
        </form>
        <DataTable caption={t("users.title")} columns={columns} rows={result.items} empty={<p>{t("users.none")}</p>} />
        <Pagination t={t} basePath="/office/users" params={{ q }} nextCursor={result.nextCursor} isFirst={!cursor} />
      </Layout>,
    );
  };
}
