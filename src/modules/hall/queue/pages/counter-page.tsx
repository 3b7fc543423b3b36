// GET/POST /office/hall/counter: an officer's counter. Sit at a counter, see the waiting counts, call the next number
// (access key N), and for each ticket open at the counter: call again, start serving, done, no-show, link the dossier.
// Plain forms; every action carries the ticket's version.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { hallPaths } from "../../hall-paths.ts";
import { actOnTicket, COUNTER_ACTIONS, type CounterAction, callNext, linkDossier, sitAtCounter } from "../../use-cases/queue-counter-act.ts";
import { counterBoard } from "../../use-cases/queue-counter-board.ts";

const counterHref = (commune: string) => `${hallPaths.counter}?commune=${commune}`;

export function counterPage(kit: PageKit) {
  const { deps, page, secure } = kit;

  const render = async (c: Context<AppEnv>, communeCode: string | undefined, errors: FieldError[], status: 200 | 400 | 404 | 409) => {
    const p = requireSignedIn(c);
    const board = await counterBoard(deps, p, communeCode);
    const ctx = page(c);
    const { t, locale } = ctx;
    const name = (id: string) => {
      const s = board.services.find((x) => x.id === id);
      return s ? `${s.letter} – ${locale === "en" ? s.nameEn : s.nameVi}` : "";
    };
    const action = counterHref(board.unit.code);
    const labels = { dossierCode: t("hall.queue.field.dossierCode"), version: t("hall.queue.field.version"), ticket: t("hall.queue.field.ticket") };
    return c.html(
      <Layout ctx={ctx} title={t("hall.queue.counter.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("hall.queue.counter.title") }]} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <h1>{t("hall.queue.counter.title")}</h1>
        <p>{board.unit.fullName}</p>
        <form method="post" action={hallPaths.counterAction}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="commune" value={board.unit.code} />
          <input type="hidden" name="action" value="sit" />
          <label for="f-counterId">{t("hall.queue.counter.choose")}</label>
          <select id="f-counterId" name="counterId">
            {board.counters.map((k) => (
              <option value={k.id} selected={board.mine?.id === k.id}>
                {`${k.number} – ${k.name}`}
              </option>
            ))}
          </select>
          <Button variant="secondary">{t("hall.queue.counter.sit")}</Button>
        </form>
        <h2>{t("hall.queue.counter.waiting")}</h2>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t("hall.queue.field.service")}</th>
              <th scope="col">{t("hall.queue.counter.waitingCount")}</th>
            </tr>
          </thead>
          <tbody>
            {board.services.map((s) => (
              <tr>
                <td>{name(s.id)}</td>
                <td>{board.waiting.get(s.id) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {board.mine ? (
          <>
            <h2>{t("hall.queue.counter.at", { number: board.mine.number, name: board.mine.name })}</h2>
            <form method="post" action={hallPaths.counterAction}>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="commune" value={board.unit.code} />
              <input type="hidden" name="counterId" value={board.mine.id} />
              <button type="submit" class="button" name="action" value="next" accesskey="n">
                {t("hall.queue.counter.next")}
              </button>
            </form>
            {board.open.length === 0 ? (
              <p>{t("hall.queue.counter.none")}</p>
            ) : (
              board.open.map((tk) => (
                <section class="card" aria-labelledby={`tk-${tk.id}`}>
                  <h3 id={`tk-${tk.id}`}>
                    {tk.label} · {name(tk.serviceId)} · {t(`hall.queue.status.${tk.status}`)}
                  </h3>
                  <p class="hint">{t("hall.queue.counter.calledAt", { at: tk.calledAt ? formatDateTime(tk.calledAt, locale) : "", n: tk.callCount })}</p>
                  <form method="post" action={hallPaths.counterAction}>
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="commune" value={board.unit.code} />
                    <input type="hidden" name="ticketId" value={tk.id} />
                    <input type="hidden" name="version" value={String(tk.version)} />
                    {tk.status === "called" && (
                      <>
                        <Button variant="secondary" name="action" value="recall">
                          {t("hall.queue.counter.recall")}
                        </Button>
                        <Button name="action" value="serve">
                          {t("hall.queue.counter.serve")}
                        </Button>
                        <Button variant="warning" name="action" value="no_show">
                          {t("hall.queue.counter.noShow")}
                        </Button>
                      </>
                    )}
                    <Button name="action" value="done">
                      {t("hall.queue.counter.done")}
                    </Button>
                  </form>
                  <form method="post" action={hallPaths.counterAction}>
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="commune" value={board.unit.code} />
                    <input type="hidden" name="ticketId" value={tk.id} />
                    <input type="hidden" name="version" value={String(tk.version)} />
                    <input type="hidden" name="action" value="dossier" />
                    <label for={`f-dossierCode-${tk.id}`}>{t("hall.queue.field.dossierCode")}</label>
                    <input id={`f-dossierCode-${tk.id}`} name="dossierCode" autocomplete="off" value={tk.dossierId ? "" : ""} />
                    <Button variant="secondary">{t("hall.queue.counter.link")}</Button>
                    {tk.procedureCode && <p class="hint">{t("hall.queue.counter.linked", { code: tk.procedureCode })}</p>}
                  </form>
                </section>
              ))
            )}
          </>
        ) : (
          <p>{t("hall.queue.counter.sitFirst")}</p>
        )}
        <p>
          <a href={action}>{t("hall.queue.counter.reload")}</a>
        </p>
      </Layout>,
      status,
    );
  };

  return {
    get: (c: Context<AppEnv>) => render(c, c.req.query("commune"), [], 200),
    post: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const v = await readForm(c);
      const ctx = useCaseContext(c);
      const commune = v.commune || undefined;
      try {
        const act = v.action ?? "";
        if (act === "sit") await sitAtCounter(deps, ctx, v.counterId ?? "");
        else if (act === "next") {
          const called = await callNext(deps, ctx, v.counterId ?? "");
          setFlash(c, called ? "hall.queue.flash.called" : "hall.queue.flash.nobody", secure);
        } else if (act === "dossier") await linkDossier(deps, ctx, v.ticketId ?? "", { version: v.version, dossierCode: v.dossierCode ?? "" });
        else if ((COUNTER_ACTIONS as readonly string[]).includes(act))
          await actOnTicket(deps, ctx, v.ticketId ?? "", act as CounterAction, { version: v.version });
        else throw new AppError("validation", "error.validation", [{ field: "action", code: "unknown", message: "validation.invalid" }]);
      } catch (err) {
        if (err instanceof AppError && (err.code === "validation" || err.code === "conflict")) {
          const errors = err.fields.length > 0 ? err.fields : [{ field: "ticket", code: err.code, message: err.messageKey }];
          return render(c, commune, errors, err.status as 400 | 409);
        }
        throw err;
      }
      return c.redirect(counterHref(commune ?? ""), 303);
    },
  };
}
