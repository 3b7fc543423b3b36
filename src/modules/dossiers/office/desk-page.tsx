// The one-stop desk: the queues of one commune, and the form that prints the register of a period.
import type { Context } from "hono";
import { can } from "../../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { encodeCursor } from "../../../platform/http/cursor.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { formatDateTime, formatNumber } from "../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, Pagination, Tag } from "../../../platform/views/components.tsx";
import { DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { getAdminUnit } from "../../admin-units/index.ts";
import { defaultQueue, deskQueues, queuesFor } from "../use-cases/list-desk-queues.ts";
import { PAUSE_GROUNDS, pauseGroundLabel } from "../pause-grounds.ts";
import { Input, Select } from "./fields.tsx";
import { type OfficeWeb, pickCommune } from "./office-context.ts";
import { isOverdue } from "../dossier-workflow.ts";
import { workColumns } from "./work-columns.tsx";
import { requireSignedIn } from "../../../platform/http/page-kit.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";

const QUEUE_PAGE = 25;
/** The print view lists a whole queue on one page, as far as a day's work goes. */
const QUEUE_PRINT = 200;

/** GET /office/desk: ?commune, ?queue and ?cursor pick what is shown; ?view=print is the queue to print. */
export function deskPage(office: OfficeWeb) {
  const { deps, page } = office;
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const { code, choices } = pickCommune(c, p, "dossier.read");
    const unit = await getAdminUnit(deps, code);
    const visible = queuesFor(p, unit);
    const askedQueue = c.req.query("queue");
    const queue = visible.find((q) => q === askedQueue) ?? defaultQueue(p, unit);
    const print = c.req.query("view") === "print";
    const cursor = print ? undefined : c.req.query("cursor") || undefined;
    const desk = await deskQueues(deps, ctxOf(c), code, queue, { cursor, limit: print ? QUEUE_PRINT : QUEUE_PAGE });
    const ctx = page(c);
    const { t, locale } = ctx;
    const queueHref = (q: string) => `/office/desk?commune=${desk.commune.code}&queue=${q}`;
    const columns = workColumns(ctx, desk);
    const table = (
      <DataTable
        caption={t(`dossiers.queue.${queue}`)}
        columns={columns}
        rows={desk.items}
        empty={<p>{t("dossiers.office.desk.empty")}</p>}
        rowClass={(i) => (isOverdue(i, desk.now) ? "row--late" : undefined)}
      />
    );
    if (print) {
      return c.html(
        <Layout ctx={ctx} title={`${t(`dossiers.queue.${queue}`)} – ${desk.commune.fullName}`} office>
          <p class="no-print">
            <a href={queueHref(queue)}>{t("dossiers.work.print.back")}</a>
          </p>
          <h1>
            {t(`dossiers.queue.${queue}`)} <span class="hint">{desk.commune.fullName}</span>
          </h1>
          <p>{t("dossiers.work.print.at", { at: formatDateTime(desk.now, locale), n: formatNumber(desk.items.length, locale) })}</p>
          {table}
          {desk.next && <p>{t("dossiers.work.print.more", { n: formatNumber(QUEUE_PRINT, locale) })}</p>}
        </Layout>,
      );
    }
    const names = await Promise.all(
      choices.map(async (x) => ({ value: x, label: x === desk.commune.code ? desk.commune.fullName : (await getAdminUnit(deps, x)).fullName })),
    );
    const receives = can(p, "dossier.receive", desk.commune);
    const today = toLocalDay(deps.clock.now());
    return c.html(
      <Layout ctx={ctx} title={t("dossiers.office.desk.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("dossiers.office.desk.title") }]} />
        <h1>
          {t("dossiers.office.desk.title")} <span class="hint">{desk.commune.fullName}</span>
        </h1>
        {choices.length > 1 && (
          <form class="search-form no-print" method="get" action="/office/desk">
            <Select t={t} id="desk-commune" name="commune" label={t("dossiers.office.desk.commune")} value={desk.commune.code} options={names} />
            <input type="hidden" name="queue" value={queue} />
            <button type="submit" class="button button--secondary">
              {t("dossiers.office.desk.show")}
            </button>
          </form>
        )}
        <ul class="desk-tools no-print">
          {receives && (
            <li>
              <a class="button" href={`/office/desk/intake?commune=${desk.commune.code}`}>
                {t("dossiers.office.intake.title")}
              </a>
            </li>
          )}
          <li>
            <a href={`/office/search?commune=${desk.commune.code}`}>{t("dossiers.work.search.title")}</a>
          </li>
          {can(p, "citizen.verifyId", desk.commune) && (
            <li>
              <a href={`/office/id-card-check?unit=${desk.commune.code}`}>{t("nav.idCardCheck")}</a>
            </li>
          )}
        </ul>
        <nav aria-label={t("dossiers.office.desk.queues")} class="no-print">
          <ul class="cards">
            {visible.map((q) => (
              <li>
                <a href={queueHref(q)} aria-current={q === queue ? "page" : undefined}>
                  {q === queue ? <strong>{t(`dossiers.queue.${q}`)}</strong> : t(`dossiers.queue.${q}`)}
                </a>{" "}
                <Tag tone={q === "overdue" && desk.counts[q] > 0 ? "red" : "grey"}>{formatNumber(desk.counts[q], locale)}</Tag>
              </li>
            ))}
          </ul>
        </nav>
        {Object.keys(desk.pausedByGround).length > 0 && (
          <p>
            {t("dossiers.office.desk.pausedByGround")}{" "}
            {PAUSE_GROUNDS.filter((g) => desk.pausedByGround[g])
              .map((g) => `${pauseGroundLabel(t, g)}: ${formatNumber(desk.pausedByGround[g]!, locale)}`)
              .join("; ")}
          </p>
        )}
        <h2 id="queue">{t(`dossiers.queue.${queue}`)}</h2>
        <p class="no-print">
          <a href={`${queueHref(queue)}&view=print`}>{t("dossiers.work.print.link")}</a>
        </p>
        {table}
        <Pagination
          t={t}
          basePath="/office/desk"
          params={{ commune: desk.commune.code, queue }}
          nextCursor={desk.next ? encodeCursor(desk.next) : null}
          isFirst={!cursor}
        />

        <div class="no-print">
          <h2 id="register">{t("dossiers.office.register.title")}</h2>
          <form method="get" action="/office/desk/register.pdf">
            <input type="hidden" name="commune" value={desk.commune.code} />
            <Input
              t={t}
              id="register-from"
              name="from"
              type="date"
              label={t("dossiers.office.register.from")}
              hint={t("dossiers.office.hint.date")}
              value={`${today.slice(0, 8)}01`}
            />
            <Input t={t} id="register-to" name="to" type="date" label={t("dossiers.office.register.to")} hint={t("dossiers.office.hint.date")} value={today} />
            <Button variant="secondary">{t("dossiers.office.register.print")}</Button>
          </form>
        </div>
      </Layout>,
    );
  };
}
