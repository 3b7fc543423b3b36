// GET /help and /help/:guide: one short, task-oriented guide per role, public (no personal data, no 403 for anyone).
import type { Context } from "hono";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { Breadcrumbs } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";

/** The guides and how many tasks each has (help.<guide>.t1…tN, with their bodies b1…bN). */
export const GUIDES = { desk: 4, specialist: 3, leader: 3, volunteer: 6, citizen: 4, admin: 3 } as const;
export type Guide = keyof typeof GUIDES;
const isGuide = (s: string): s is Guide => s in GUIDES;

/** Which guide serves each role. */
const GUIDE_OF_ROLE: Record<Role, Guide> = {
  system_admin: "admin",
  province_admin: "admin",
  commune_admin: "admin",
  one_stop_officer: "desk",
  specialist: "specialist",
  leader: "leader",
  team_leader: "volunteer",
  volunteer: "volunteer",
  citizen: "citizen",
};

/** The guides for what this person does: one per role they hold; a signed-in person with no role is a citizen. */
export function guidesOf(p: Principal | null): Guide[] {
  if (!p) return [];
  const out = [...new Set(p.grants.map((g) => GUIDE_OF_ROLE[g.role]))];
  return out.length > 0 ? out : [p.kind === "volunteer" ? "volunteer" : "citizen"];
}

const key = (guide: Guide, part: string) => `help.${guide}.${part}` as MessageKey;

export function helpPages(kit: PageKit) {
  const index = (c: Context<AppEnv>) => {
    const ctx = kit.page(c);
    const { t } = ctx;
    const yours = guidesOf(c.get("principal") ?? null);
    const others = (Object.keys(GUIDES) as Guide[]).filter((g) => !yours.includes(g));
    const list = (gs: Guide[]) => (
      <ul class="cards">
        {gs.map((g) => (
          <li>
            <a href={`/help/${g}`}>{t(key(g, "title"))}</a>
            <p>{t(key(g, "intro"))}</p>
          </li>
        ))}
      </ul>
    );
    return c.html(
      <Layout ctx={ctx} title={t("help.title")}>
        <h1>{t("help.title")}</h1>
        <p>{t("help.intro")}</p>
        {yours.length > 0 && (
          <>
            <h2>{t("help.yours")}</h2>
            {list(yours)}
            <h2>{t("help.others")}</h2>
          </>
        )}
        {list(others)}
      </Layout>,
    );
  };

  const guide = (c: Context<AppEnv>, name: string) => {
    if (!isGuide(name)) throw notFound();
    const ctx = kit.page(c);
    const { t } = ctx;
    const tasks = Array.from({ length: GUIDES[name] }, (_, i) => i + 1);
    return c.html(
      <Layout ctx={ctx} title={t(key(name, "title"))}>
        <Breadcrumbs t={t} items={[{ href: "/help", label: t("help.title") }, { label: t(key(name, "title")) }]} />
        <h1>
          <span class="hint">{t("help.title")}</span> {t(key(name, "title"))}
        </h1>
        <p>{t(key(name, "intro"))}</p>
        {tasks.map((n) => (
          <section aria-labelledby={`task-${n}`}>
            <h2 id={`task-${n}`}>{t(key(name, `t${n}`))}</h2>
            <p>{t(key(name, `b${n}`))}</p>
          </section>
        ))}
        <p>
          <a href="/help">{t("help.all")}</a>
        </p>
      </Layout>,
    );
  };

  return { index, guide };
}
