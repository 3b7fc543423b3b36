// GET/POST /hall/:commune/book: book a number online for a time slot. Plain forms (no JavaScript): choose a service
// (GET), then a free time and a phone (POST); the ticket's page follows.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError, setRetryAfter } from "../../../../platform/http/app-error.ts";
import { clientIp } from "../../../../platform/http/client-ip.ts";
import { readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { formatDate } from "../../../../platform/i18n/format.ts";
import { localNoon } from "../../../../platform/calendar/vietnam-time.ts";
import { Button, CsrfField, ErrorSummary, Field } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { hallPaths } from "../../hall-paths.ts";
import { listServices } from "../../hall.repository.ts";
import { bookableSlots, bookSlot } from "../../use-cases/queue-book.ts";
import { hallCommune } from "../../use-cases/queue-commune.ts";

export function bookPage(kit: PageKit) {
  const { deps, page } = kit;
  const render = async (c: Context<AppEnv>, serviceId: string, values: Record<string, string>, errors: FieldError[], status: 200 | 400 | 409 | 429) => {
    const unit = await hallCommune(deps, c.req.param("commune") ?? "");
    const ctx = page(c);
    const { t, locale } = ctx;
    const services = await listServices(deps.db, unit.code);
    const service = services.find((s) => s.id === serviceId) ?? null;
    const slots = service ? (await bookableSlots(deps, unit.code, service.id)).filter((s) => s.free > 0) : [];
    const days = [...new Set(slots.map((s) => s.day))];
    const here = hallPaths.book(unit.code);
    const labels = { serviceId: t("hall.queue.field.service"), slotStart: t("hall.queue.field.slot"), phone: t("hall.queue.book.phone") };
    return c.html(
      <Layout ctx={ctx} title={t("hall.queue.book.title")}>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <h1>{t("hall.queue.book.title")}</h1>
        <p>{unit.fullName}</p>
        <p>{t("hall.queue.book.intro")}</p>
        <form method="get" action={here}>
          <label for="f-service">{t("hall.queue.book.chooseService")}</label>
          <select id="f-service" name="service">
            {services.map((s) => (
              <option value={s.id} selected={s.id === serviceId}>
                {`${s.letter} – ${locale === "en" ? s.nameEn : s.nameVi}`}
              </option>
            ))}
          </select>
          <Button variant="secondary">{t("hall.queue.book.showSlots")}</Button>
        </form>
        {service &&
          (slots.length === 0 ? (
            <p>{t("hall.queue.book.noSlots")}</p>
          ) : (
            <form method="post" action={`${here}?service=${service.id}`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="serviceId" value={service.id} />
              <h2>{t("hall.queue.book.slots")}</h2>
              {days.map((day) => (
                <fieldset class="fieldset" id="f-slotStart">
                  <legend>{formatDate(localNoon(day), locale)}</legend>
                  {slots
                    .filter((s) => s.day === day)
                    .map((s) => (
                      <label class="radio">
                        <input type="radio" name="slotStart" value={s.start.toISOString()} checked={values.slotStart === s.start.toISOString()} />{" "}
                        {t("hall.queue.book.free", { time: s.time, n: s.free })}
                      </label>
                    ))}
                </fieldset>
              ))}
              <Field t={t} form={{ values, errors }} name="phone" label={labels.phone} kind="tel" required autocomplete="tel" />
              <Button>{t("hall.queue.book.submit")}</Button>
            </form>
          ))}
      </Layout>,
      status,
    );
  };
  return {
    get: (c: Context<AppEnv>) => render(c, c.req.query("service") ?? "", {}, [], 200),
    post: async (c: Context<AppEnv>) => {
      const values = await readForm(c);
      try {
        const { id } = await bookSlot(
          deps,
          useCaseContext(c),
          c.req.param("commune") ?? "",
          { serviceId: values.serviceId ?? "", slotStart: values.slotStart ?? "", phone: values.phone ?? "" },
          { clientIp: clientIp(c, deps.config.trustedProxies) },
        );
        return c.redirect(hallPaths.ticket(id), 303);
      } catch (err) {
        if (!(err instanceof AppError) || !["validation", "conflict", "too_many_requests"].includes(err.code)) throw err;
        setRetryAfter(c, err);
        const errors = err.fields.length > 0 ? err.fields : [{ field: "slotStart", code: err.code, message: err.messageKey, params: err.params }];
        return render(c, values.serviceId ?? "", values, errors, err.status as 400 | 409 | 429);
      }
    },
  };
}
