// The one-stop desk: the queues of one commune, and the form that prints the register of a period.
import type { Context } from "hono";
import { can } from "../../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { encodeCursor } from "../../../platform/http/cursor.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { formatDateTime, formatNumber } from "../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, Pagination, Tag } from "../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { getAdminUnit } from "../../admin-units/index.ts";
import { type QueueItem, QUEUES } from "../dossiers.model.ts";
import { deskQueues } from "../use-cases/list-desk-queues.ts";
import { PAUSE_GROUNDS, pauseGroundLabel } from "../pause-grounds.ts";
import { Input, Select } from "./fields.tsx";
import { type OfficeWeb, pickCommune } from "./office-context.ts";
import { requireSignedIn } from "../../../platform/http/page-kit.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";

const QUEUE_PAGE = 25;

/** GET /office/desk: ?commune, ?queue and ?cursor pick what is shown. */
export function deskPage(office: OfficeWeb) {
  const { deps, page } = office;
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const { code, choices } = pickCommune(c, p, "dossier.read");
    const askedQueue = c.req.query("queue");
    const queue = QUEUES.find((q) => q === askedQueue) ?? "newOnline";
    const cursor = c.req.query("cursor") || undefined;
    const desk = await deskQueues(deps, ctxOf(c), code, queue, { cursor, limit: QUEUE_PAGE });
    const ctx = page(c);
    const { t, locale } = ctx;
    const names = await Promise.all(
      choices.map(async (x) => ({ value: x, label: x === desk.commune.code ? desk.commune.fullName : (await getAdminUnit(deps, x)).fullName })),
    );
    const receives = can(p, "dossier.receive", desk.commune);
    const today = toLocalDay(deps.clock.now());
    const queueHref = (q: string) => `/office/desk?commune=${desk.commune.code}&queue=${q}`;
    const dueOf = (i: QueueItem) => (i.dueAt ? new Date(i.dueAt) : null);
    const columns: Column<QueueItem & { receiveBy: Date | null }>[] = [
      { header: t("dossiers.office.col.code"), cell: (i) => <a href={`/office/dossiers/${i.id}`}>{i.code ?? t("dossiers.office.noCode")}</a> },
      { header: t("dossiers.office.col.procedure"), cell: (i) => i.procedureName },
      { header: t("dossiers.office.col.applicant"), cell: (i) => i.applicantName },
      { header: t("dossiers.office.col.channel"), cell: (i) => t(`dossiers.channel.${i.channel}`) },
      {
        header: t("dossiers.office.col.received"),
        nowrap: true,
        cell: (i) => (i.receivedAt ? formatDateTime(new Date(i.receivedAt), locale) : i.submittedAt ? formatDateTime(new Date(i.submittedAt), locale) : "–"),
      },
      {
        header: t("dossiers.office.col.due"),
        nowrap: true,
        cell: (i) => {
          // An online dossier waiting at the desk has no deadline yet, but a time limit to be received or refused.
          if (i.receiveBy)
            return (
              <>
                {t("dossiers.office.receiveBy", { at: formatDateTime(i.receiveBy, locale) })}{" "}
                {i.receiveBy < desk.now && <Tag tone="red">{t("dossiers.office.tag.lateToReceive")}</Tag>}
              </>
            );
          const due = dueOf(i);
          // A stopped clock is late only if it stopped after its deadline: exactly those the overdue queue holds.
          const stopped = i.state === "paused" || i.state === "supplementRequested";
          const late = due !== null && due < desk.now && (!stopped || queue === "overdue");
          const soon = !late && due !== null && due < desk.dueSoon && !stopped;
          return (
            <>
              {due ? formatDateTime(due, locale) : "–"} {late && <Tag tone="red">{t("dossiers.office.tag.late")}</Tag>}
              {soon && <Tag>{t("dossiers.office.tag.dueSoon")}</Tag>}
            </>
          );
        },
      },
    ];
    return c.html(
      <Layout ctx={ctx} title={t("dossiers.office.desk.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("dossiers.office.desk.title") }]} />
        <h1>
          {t("dossiers.office.desk.title")} <span class="hint">{desk.commune.fullName}</span>
        </h1>
        {choices.length > 1 && (
          <form class="search-form" method="get" action="/office/desk">
            <Select t={t} id="desk-commune" name="commune" label={t("dossiers.office.desk.commune")} value={desk.commune.code} options={names} />
            <input type="hidden" name="queue" value={queue} />
            <button type="submit" class="button button--secondary">
              {t("dossiers.office.desk.show")}
            </button>
          </form>
        )}
        {receives && (
          <p>
            <a class="button" href={`/office/desk/intake?commune=${desk.commune.code}`}>
              {t("dossiers.office.intake.title")}
            </a>
          </p>
        )}
        {can(p, "citizen.verifyId", desk.commune) && (
          <p>
            <a href={`/office/id-card-check?unit=${desk.commune.code}`}>{t("nav.idCardCheck")}</a>
          </p>
        )}
        <nav aria-label={t("dossiers.office.desk.queues")}>
          <ul class="cards">
            {QUEUES.map((q) => (
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
        <DataTable caption={t(`dossiers.queue.${queue}`)} columns={columns} rows={desk.items} empty={<p>{t("dossiers.office.desk.empty")}</p>} />
        <Pagination
          t={t}
          basePath="/office/desk"
          params={{ commune: desk.commune.code, queue }}
          nextCursor={desk.next ? encodeCursor(desk.next) : null}
          isFirst={!cursor}
        />

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
      </Layout>,
    );
  };
}
