// GET/POST /office/stations/:id/slots/new and /office/stations/:id/slots/:slotId: a slot's notice, days, time,
// validity and audio (an upload, or speech generated from the notice's spoken script). A refusal shows the form
// again with each field's error (400; 409 for a collision, naming the slot; 415 for a file that is not audio).
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { dayInputValue, readDayFields } from "../../../../platform/text/day-input.ts";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  errorOf,
  Field,
  type FormState,
  RadioGroup,
  SelectField,
} from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { localDayOf, formatClock, WEEKDAYS } from "../broadcast-week.ts";
import { noticePaths } from "../../notice-paths.ts";
import { saveSlot } from "../../use-cases/loudspeakers-slot-save.ts";
import { getStation } from "../../use-cases/loudspeakers-station-get.ts";
import { dayKey } from "./station-page.tsx";

const FIELDS = ["noticeId", "weekdays", "start", "durationMinutes", "validFrom", "validUntil", "audioSource", "audio"] as const;

export function slotForm(kit: PageKit) {
  const { deps, page, secure } = kit;
  const render = async (c: Context<AppEnv>, form: FormState | null, status: 200 | 400 | 409 | 413 | 415 | 503) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t } = ctx;
    const id = c.req.param("id") ?? "";
    const slotId = c.req.param("slotId") ?? null;
    const view = await getStation(deps, p, id);
    const slot = slotId ? view.slots.find((s) => s.id === slotId) : null;
    if (slotId && !slot) throw new AppError("not_found", "error.notFound");
    const values: Record<string, string> = form?.values ?? {
      noticeId: slot?.noticeId ?? "",
      weekdays: (slot?.weekdays ?? []).join(","),
      start: slot ? formatClock(slot.startMinute) : "",
      durationMinutes: slot ? String(slot.durationMinutes) : "",
      validFrom: dayInputValue(slot?.validFrom ?? localDayOf(deps.clock.now())),
      validUntil: dayInputValue(slot?.validUntil ?? ""),
      audioSource: slot ? "keep" : "upload",
      version: slot ? String(slot.version) : "",
    };
    const state: FormState = { values, errors: form?.errors ?? [] };
    const chosen = new Set((values.weekdays ?? "").split(",").filter(Boolean));
    const title = t(slot ? "notices.loudspeakers.editSlot" : "notices.loudspeakers.addSlot");
    const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`notices.loudspeakers.field.${f}`)]));
    const daysErr = errorOf(state.errors, "weekdays");
    const action = slot ? noticePaths.stationSlot(id, slot.id) : noticePaths.stationSlotNew(id);
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            { href: noticePaths.stations, label: t("notices.loudspeakers.title") },
            { href: noticePaths.station(id), label: view.station.name },
            { label: title },
          ]}
        />
        <ErrorSummary t={t} errors={state.errors} labels={labels} />
        <h1>{title}</h1>
        {view.notices.length === 0 ? (
          <p>{t("notices.loudspeakers.noNotices")}</p>
        ) : (
          <form method="post" action={action} enctype="multipart/form-data" novalidate>
            <CsrfField token={ctx.csrfToken} />
            {slot && <input type="hidden" name="version" value={values.version ?? ""} />}
            <SelectField
              t={t}
              form={state}
              name="noticeId"
              label={labels.noticeId!}
              hint={t("notices.loudspeakers.field.noticeHint")}
              required
              placeholder=""
              options={view.notices.map((n) => ({ value: n.id, label: n.title }))}
            />
            <div class={daysErr ? "field field--error" : "field"}>
              <fieldset id="f-weekdays">
                <legend>{labels.weekdays}</legend>
                {daysErr && (
                  <p class="error-message" id="f-weekdays-error">
                    {t(daysErr.message, daysErr.params)}
                  </p>
                )}
                {WEEKDAYS.map((d) => (
                  <div class="checkbox">
                    <input type="checkbox" id={`f-weekday-${d}`} name="weekdays" value={String(d)} checked={chosen.has(String(d))} />
                    <label for={`f-weekday-${d}`}>{t(dayKey(d))}</label>
                  </div>
                ))}
              </fieldset>
            </div>
            <Field t={t} form={state} name="start" label={labels.start!} required autocomplete="off" />
            <Field t={t} form={state} name="durationMinutes" label={labels.durationMinutes!} kind="numericId" required autocomplete="off" />
            <Field t={t} form={state} name="validFrom" label={labels.validFrom!} kind="date" required autocomplete="off" />
            <Field t={t} form={state} name="validUntil" label={labels.validUntil!} kind="date" autocomplete="off" />
            <RadioGroup
              t={t}
              form={state}
              name="audioSource"
              legend={labels.audioSource!}
              options={[
                ...(slot ? [{ value: "keep", label: t("notices.loudspeakers.audio.keep") }] : []),
                { value: "upload", label: t("notices.loudspeakers.audio.upload") },
                { value: "generate", label: t("notices.loudspeakers.audio.generate") },
              ]}
            />
            <Field t={t} form={state} name="audio" label={labels.audio!} kind="file" accept="audio/mpeg,audio/ogg,audio/wav,.mp3,.ogg,.wav" />
            <Button>{t("notices.loudspeakers.save")}</Button>
          </form>
        )}
      </Layout>,
      status,
    );
  };
  return {
    get: (c: Context<AppEnv>) => render(c, null, 200),
    post: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const id = c.req.param("id") ?? "";
      const slotId = c.req.param("slotId") ?? null;
      const body = await c.req.parseBody({ all: true });
      const file = body.audio instanceof File && body.audio.size > 0 ? body.audio : null;
      const text = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
      const weekdays = (Array.isArray(body.weekdays) ? body.weekdays : [body.weekdays]).filter((x): x is string => typeof x === "string");
      const shown: Record<string, string> = { ...Object.fromEntries(FIELDS.map((f) => [f, text(f)])), weekdays: weekdays.join(","), version: text("version") };
      const days = readDayFields({ validFrom: shown.validFrom ?? "", validUntil: shown.validUntil ?? "" }, ["validFrom", "validUntil"]);
      if (days.errors.length > 0) return render(c, { values: shown, errors: days.errors }, 400);
      const upload = file ? { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name } : null;
      try {
        await saveSlot(
          deps,
          useCaseContext(c),
          id,
          slotId,
          { ...shown, ...days.values, weekdays, validUntil: days.values.validUntil || undefined, version: shown.version || undefined },
          upload,
        );
      } catch (e) {
        if (e instanceof AppError && e.fields.length > 0) return render(c, { values: shown, errors: e.fields }, e.status as 400 | 409 | 413 | 415 | 503);
        throw e;
      }
      setFlash(c, "notices.loudspeakers.flash.slotSaved", secure);
      return c.redirect(noticePaths.station(id), 303);
    },
  };
}
