// GET/POST /office/indicators/entry/:unit/:period: every manual element due in the period with its value, note and
// evidence; "save draft" and "submit for review" post the whole form (multipart, for the files) and come back here
// (POST → redirect → GET), errors beside each field. Approved values are shown locked with "request a correction"
// (POST …/reopen); values with the province are read-only. Works without JavaScript.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { uploadMessageParams } from "../../../../platform/files/sniff-upload.ts";
import { AppError, type FieldError, setRetryAfter } from "../../../../platform/http/app-error.ts";
import { clientIp } from "../../../../platform/http/client-ip.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Field, type FormState, SummaryList } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { indicatorPaths } from "../../indicator-paths.ts";
import { periodLabel } from "../entry-rules.ts";
import { type EntryForm, type EntryLine, getEntry } from "../use-cases/entry-form.ts";
import { reopenValue } from "../use-cases/entry-reopen.ts";
import { EVIDENCE_TYPES, type EntryInput, saveEntry } from "../use-cases/entry-save.ts";
import { dayText, EntryNav, StateTag, valueText } from "./shared.tsx";

export const reopenPath = (unit: string, period: string) => `${indicatorPaths.entryForm(unit, period)}/reopen`;

export function entryFormPage(kit: PageKit) {
  const { deps, page, secure } = kit;

  const render = async (c: Context<AppEnv>, form: FormState | null, reopen: FormState | null, status: 200 | 400 | 429) => {
    const p = requireSignedIn(c);
    const e: EntryForm = await getEntry(deps, { principal: p }, c.req.param("unit") ?? "", c.req.param("period") ?? "");
    const ctx = page(c);
    const { t, locale } = ctx;
    const title = t("indicators.entry.form.title", { period: periodLabel(t, e.period), unit: e.unit.name });
    const values: Record<string, string> = {};
    for (const l of e.lines) {
      values[`${l.element.key}.value`] = valueText(l.row?.value, locale);
      values[`${l.element.key}.note`] = l.row?.note ?? "";
    }
    const f: FormState = form ?? { values, errors: [] };
    const rf: FormState = reopen ?? { values: {}, errors: [] };
    const labels: Record<string, string> = { values: t("indicators.entry.form.value"), reason: t("indicators.entry.form.reason") };
    for (const l of e.lines) {
      const name = locale === "en" ? l.element.nameEn : l.element.name;
      labels[`${l.element.key}.value`] = name;
      labels[`${l.element.key}.note`] = `${name} – ${t("indicators.entry.form.note")}`;
      labels[`${l.element.key}.evidence`] = `${name} – ${t("indicators.entry.form.evidenceList")}`;
    }
    const editable = e.canEnter && e.lines.some((l) => l.editable);
    const maxText = uploadMessageParams({ maxBytes: deps.config.uploadMaxBytes, allowed: EVIDENCE_TYPES }).max;
    const action = indicatorPaths.entryForm(e.unit.code, e.period.code);
    const evidenceList = (l: EntryLine, removable: boolean) =>
      l.evidence.length === 0 ? (
        <p class="hint">{t("indicators.entry.form.noEvidence")}</p>
      ) : (
        <ul>
          {l.evidence.map((ev) => (
            <li>
              <a href={indicatorPaths.evidence(ev.id)}>{ev.name}</a> ({Math.max(1, Math.round(ev.sizeBytes / 1024))} KB, {formatDateTime(ev.uploadedAt, locale)}
              )
              {removable && (
                <>
                  {" "}
                  <button type="submit" class="link-button" name="remove" value={ev.id}>
                    {t("indicators.entry.form.remove")} <span class="visually-hidden">{ev.name}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      );
    const lineHead = (l: EntryLine) => (
      <>
        <legend>{locale === "en" ? l.element.nameEn : l.element.name}</legend>
        {(locale === "en" ? l.element.descriptionEn : l.element.description) && (
          <p class="hint">{locale === "en" ? l.element.descriptionEn : l.element.description}</p>
        )}
        <p>
          <StateTag t={t} state={l.row?.status ?? "missing"} />
          {l.row && l.row.revision > 1 && ` ${t("indicators.entry.form.revision", { revision: l.row.revision })}`}
        </p>
        {l.row?.status === "returned" && l.row.reviewComment && <p class="notice">{t("indicators.entry.form.returnedBy", { comment: l.row.reviewComment })}</p>}
        {l.row?.status === "draft" && l.row.revision > 1 && l.row.reviewComment && (
          <p class="hint">{t("indicators.entry.form.correctionReason", { comment: l.row.reviewComment })}</p>
        )}
      </>
    );
    const hintOf = (l: EntryLine) => {
      const parts = [t(`indicators.entry.form.valueHint.${l.element.valueType}`)];
      if (l.element.min !== undefined && l.element.max !== undefined) parts.push(t("indicators.entry.form.range", { min: l.element.min, max: l.element.max }));
      return parts.join(". ");
    };
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: indicatorPaths.entry, label: t("indicators.entry.title") }, { label: title }]}
        />
        <ErrorSummary t={t} errors={[...f.errors, ...rf.errors]} labels={labels} />
        <h1>{title}</h1>
        <SummaryList
          rows={[
            [t("indicators.entry.state"), <StateTag t={t} state={e.state} late={e.late} />],
            [t("indicators.entry.dueBy"), dayText(e.dueBy)],
          ]}
        />
        <EntryNav t={t} enter={e.canEnter} review={e.canReview} />
        {e.lines.length === 0 && <p>{t("indicators.entry.form.noElements")}</p>}
        {!e.canEnter && e.lines.length > 0 && <p class="hint">{t("indicators.entry.form.readOnly")}</p>}
        {editable ? (
          <form method="post" action={action} enctype="multipart/form-data" novalidate>
            <CsrfField token={ctx.csrfToken} />
            {e.lines.map((l) =>
              l.editable ? (
                <fieldset class="fieldset">
                  {lineHead(l)}
                  <Field t={t} form={f} name={`${l.element.key}.value`} label={t("indicators.entry.form.value")} hint={hintOf(l)} kind="decimal" />
                  <Field t={t} form={f} name={`${l.element.key}.note`} label={t("indicators.entry.form.note")} kind="textarea" rows={2} />
                  <h3>{t("indicators.entry.form.evidenceList")}</h3>
                  {evidenceList(l, true)}
                  <Field
                    t={t}
                    form={f}
                    name={`${l.element.key}.evidence`}
                    label={t("indicators.entry.form.evidence", { max: maxText })}
                    hint={l.element.evidenceRequired ? t("indicators.entry.form.evidenceRequired") : undefined}
                    kind="file"
                    accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                  />
                </fieldset>
              ) : (
                <fieldset class="fieldset">
                  {lineHead(l)}
                  <ReadOnlyLine l={l} />
                </fieldset>
              ),
            )}
            <Button name="action" value="save" variant="secondary">
              {t("indicators.entry.form.save")}
            </Button>{" "}
            <Button name="action" value="submit">
              {t("indicators.entry.form.submit")}
            </Button>
          </form>
        ) : (
          e.lines.map((l) => (
            <fieldset class="fieldset">
              {lineHead(l)}
              <ReadOnlyLine l={l} />
            </fieldset>
          ))
        )}
        {e.lines
          .filter((l) => l.row?.status === "approved" && (e.canEnter || e.canReview))
          .map((l) => (
            <form method="post" action={reopenPath(e.unit.code, e.period.code)} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="id" value={l.row!.id} />
              <fieldset class="fieldset">
                <legend>
                  {t("indicators.entry.form.requestCorrection")}: {locale === "en" ? l.element.nameEn : l.element.name}
                </legend>
                <p class="hint">{t("indicators.entry.form.lockedHint")}</p>
                <Field
                  t={t}
                  form={rf.values.id === l.row!.id ? rf : { values: {}, errors: [] }}
                  name="reason"
                  id={rf.values.id === l.row!.id ? undefined : `f-reason-${l.element.key}`}
                  label={t("indicators.entry.form.reason")}
                  kind="textarea"
                  rows={2}
                />
                <Button variant="warning">{t("indicators.entry.form.requestCorrection")}</Button>
              </fieldset>
            </form>
          ))}
        <p>
          <a href={indicatorPaths.entry}>{t("indicators.entry.form.back")}</a>
        </p>
      </Layout>,
      status,
    );

    function ReadOnlyLine(props: { l: EntryLine }) {
      const l = props.l;
      return (
        <>
          <SummaryList
            rows={[
              [t("indicators.entry.form.value"), l.row?.value == null ? "–" : valueText(l.row.value, locale)],
              [t("indicators.entry.form.note"), l.row?.note || "–"],
            ]}
          />
          {l.row?.status === "submitted" && <p class="hint">{t("indicators.entry.form.withProvince")}</p>}
          {evidenceList(l, false)}
        </>
      );
    }
  };

  const post = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const unit = c.req.param("unit") ?? "";
    const period = c.req.param("period") ?? "";
    const body = await c.req.parseBody();
    const values: Record<string, string> = {};
    const input: EntryInput = { values: {}, files: [], removeEvidence: [], clientIp: clientIp(c, deps.config.trustedProxies) };
    for (const [name, v] of Object.entries(body)) {
      if (name.startsWith("_")) continue;
      const m = /^([a-z][a-z0-9_]{0,62})\.(value|note|evidence)$/.exec(name);
      if (!m) continue;
      const key = m[1] as string;
      if (m[2] === "evidence") {
        if (v instanceof File && v.size > 0) input.files!.push({ element: key, name: v.name, bytes: new Uint8Array(await v.arrayBuffer()) });
        continue;
      }
      if (typeof v !== "string") continue;
      values[name] = v;
      const entry = input.values[key] ?? {};
      input.values[key] = entry;
      if (m[2] === "value") entry.value = v;
      else entry.note = v;
    }
    if (typeof body.remove === "string") input.removeEvidence = [body.remove];
    input.submit = body.action === "submit" && typeof body.remove !== "string";
    try {
      await saveEntry(deps, useCaseContext(c), unit, period, input);
    } catch (err) {
      if (!(err instanceof AppError) || err.fields.length === 0) throw err;
      if (err.code === "too_many_requests") {
        setRetryAfter(c, err);
        return render(c, { values, errors: err.fields as FieldError[] }, null, 429);
      }
      return render(c, { values, errors: err.fields as FieldError[] }, null, 400);
    }
    setFlash(c, input.submit ? "indicators.entry.flash.submitted" : "indicators.entry.flash.saved", secure);
    return c.redirect(indicatorPaths.entryForm(unit, period), 303);
  };

  const postReopen = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const unit = c.req.param("unit") ?? "";
    const period = c.req.param("period") ?? "";
    const body = await c.req.parseBody();
    const id = typeof body.id === "string" ? body.id : "";
    const reason = typeof body.reason === "string" ? body.reason : "";
    try {
      await reopenValue(deps, useCaseContext(c), id, reason);
    } catch (err) {
      if (!(err instanceof AppError) || err.fields.length === 0) throw err;
      return render(c, null, { values: { id, reason }, errors: err.fields as FieldError[] }, 400);
    }
    setFlash(c, "indicators.entry.flash.reopened", secure);
    return c.redirect(indicatorPaths.entryForm(unit, period), 303);
  };

  return { get: (c: Context<AppEnv>) => render(c, null, null, 200), post, postReopen };
}
