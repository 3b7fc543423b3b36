// The report form, in two steps that both work without JavaScript on a 360-px phone:
// 1. the place (GET): kind of problem, village, landmark, and a map only where JavaScript is on;
// 2. the full form (GET with the place's answers): similar open reports nearby, each with "tôi cũng gặp", then the
//    description, up to 3 photos, contact or anonymous, sent as one multipart POST. Step 1 is a GET so that going
//    back and forth costs nothing and re-uploads nothing; the photos are chosen once, in step 2.
import type { Child } from "hono/jsx";
import type { FieldError } from "../../../../platform/http/app-error.ts";
import type { Locale, Translate } from "../../../../platform/i18n/i18n.ts";
import type { PageContext } from "../../../../platform/views/page-context.ts";
import {
  Button,
  CsrfField,
  ErrorSummary,
  Field,
  type FormState,
  inFieldOrder,
  PostButton,
  RadioGroup,
  SelectField,
} from "../../../../platform/views/components.tsx";
import { formatDate, formatNumber } from "../../../../platform/i18n/format.ts";
import { MapPicker } from "../../public/map-components.tsx";
import type { MapSettings } from "../../public/map-settings.ts";
import { reportPaths } from "../../report-paths.ts";
import { DESCRIPTION_MAX, MAX_REPORT_PHOTOS } from "../../reports.model.ts";
import type { CategoryChoice, SimilarReport, VillageChoice } from "../reporting.repository.ts";
import { StatusTag } from "./shared.tsx";

export const PLACE_FIELDS = ["categoryCode", "villageCode", "landmark", "lat", "lon"] as const;
export const FORM_ORDER = [
  ...PLACE_FIELDS,
  "description",
  "photos",
  "contact.name",
  "contact.phone",
  "contact.email",
  "anonymous",
  "channel",
  "consent.method",
  "consent.note",
];

export function reportLabels(t: Translate): Record<string, string> {
  return {
    communeCode: t("reports.reporting.office.commune"),
    categoryCode: t("reports.reporting.field.categoryCode"),
    description: t("reports.reporting.field.description"),
    villageCode: t("reports.reporting.field.villageCode"),
    landmark: t("reports.reporting.field.landmark"),
    lat: t("reports.reporting.field.lat"),
    lon: t("reports.reporting.field.lon"),
    photos: t("reports.reporting.field.photos", { max: MAX_REPORT_PHOTOS }),
    photoUrls: t("reports.reporting.field.photos", { max: MAX_REPORT_PHOTOS }),
    "contact.name": t("reports.reporting.field.contact.name"),
    "contact.phone": t("reports.reporting.field.contact.phone"),
    "contact.email": t("reports.reporting.field.contact.email"),
    anonymous: t("reports.reporting.field.anonymous"),
    channel: t("reports.reporting.office.channel"),
    "consent.method": t("reports.reporting.office.consent.method"),
    "consent.note": t("reports.reporting.office.consent.note"),
  };
}

const categoryName = (c: CategoryChoice, locale: Locale) => (locale === "en" ? c.nameEn : c.nameVi);

/** The place's fields: the first step, and the top of the full form. */
function PlaceFields(p: {
  t: Translate;
  locale: Locale;
  form: FormState;
  categories: CategoryChoice[];
  villages: VillageChoice[];
  map: MapSettings | undefined;
}) {
  const { t, form } = p;
  return (
    <>
      <SelectField
        t={t}
        form={form}
        name="categoryCode"
        label={t("reports.reporting.field.categoryCode")}
        hint={t("reports.reporting.field.categoryHint")}
        placeholder=""
        options={p.categories.map((c) => ({ value: c.code, label: categoryName(c, p.locale) }))}
        required
      />
      <SelectField
        t={t}
        form={form}
        name="villageCode"
        label={t("reports.reporting.field.villageCode")}
        placeholder={t("reports.reporting.field.villageNone")}
        options={p.villages.map((v) => ({ value: v.code, label: v.fullName }))}
      />
      <Field t={t} form={form} name="landmark" label={t("reports.reporting.field.landmark")} hint={t("reports.reporting.field.landmarkHint")} />
      {/* The one picker (public/map/report-map.js): "use my location" and "pick on the map" fill these hidden inputs
          when JavaScript runs; without it (or with nothing to offer) it stays hidden and village + landmark suffice. */}
      <input type="hidden" id="f-lat" name="lat" value={form.values.lat ?? ""} />
      <input type="hidden" id="f-lon" name="lon" value={form.values.lon ?? ""} />
      <input type="hidden" id="f-locationSource" name="locationSource" value={form.values.locationSource ?? ""} />
      {p.map && (
        <MapPicker
          map={p.map}
          t={t}
          latInput="f-lat"
          lonInput="f-lon"
          sourceInput="f-locationSource"
          hint={t(p.map.tileUrl ? "reports.reporting.field.placeHint" : "reports.reporting.field.placeHintNoMap")}
        />
      )}
    </>
  );
}

export type ReportFormProps = {
  ctx: PageContext;
  communeName: string;
  action: string;
  stage: "place" | "full";
  form: FormState;
  categories: CategoryChoice[];
  villages: VillageChoice[];
  similar?: SimilarReport[];
  /** The office face: recording for a resident (channel, consent) instead of the contact/anonymous choice. */
  assisted?: boolean;
  /** The installation's map: the picker under the place's fields (only with JavaScript). */
  map?: MapSettings;
  /** Extra fields first in the form (the office face's commune). */
  before?: Child;
};

export function ReportForm(p: ReportFormProps) {
  const { t, locale } = p.ctx;
  const form = { ...p.form, errors: inFieldOrder(p.form.errors, FORM_ORDER) };
  const labels = reportLabels(t);
  const similar = p.similar ?? [];
  const here = `${p.action}?${new URLSearchParams(Object.entries(form.values).filter(([k, v]) => v && (PLACE_FIELDS as readonly string[]).includes(k))).toString()}&step=full`;
  return (
    <>
      <ErrorSummary t={t} errors={form.errors} labels={labels} />
      {p.stage === "full" && !p.assisted && (
        <section aria-labelledby="similar-title">
          <h2 id="similar-title">{t("reports.reporting.similar.title")}</h2>
          {similar.length === 0 ? (
            <p>{t("reports.reporting.similar.none")}</p>
          ) : (
            <>
              <p>{t("reports.reporting.similar.lead")}</p>
              <ul class="report-similar">
                {similar.map((s) => (
                  <li>
                    <p>
                      <a href={reportPaths.publicReport(s.code)}>{s.code}</a> <StatusTag t={t} status={s.status} /> {formatDate(s.createdAt, locale)}
                      {s.distanceM !== null && ` · ${t("reports.reporting.similar.distance", { m: formatNumber(Math.round(s.distanceM / 10) * 10, locale) })}`}
                    </p>
                    <p>{s.description.length > 200 ? `${s.description.slice(0, 200)}…` : s.description}</p>
                    {s.landmark && <p class="hint">{s.landmark}</p>}
                    <p class="hint">{t("reports.reporting.similar.supporters", { n: formatNumber(s.supportCount, locale) })}</p>
                    <PostButton
                      action={reportPaths.support(s.code)}
                      csrfToken={p.ctx.csrfToken}
                      label={t("reports.reporting.similar.support")}
                      rowLabel={s.code}
                      fields={{ next: here }}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t("reports.reporting.similar.yours")}</h2>
        </section>
      )}
      {p.stage === "place" ? (
        <form method="get" action={p.action} novalidate>
          {p.before}
          <PlaceFields t={t} locale={locale} form={form} categories={p.categories} villages={p.villages} map={p.map} />
          <input type="hidden" name="step" value="full" />
          <Button>{t("reports.reporting.check")}</Button>
        </form>
      ) : (
        <form method="post" action={p.action} enctype="multipart/form-data" novalidate>
          <CsrfField token={p.ctx.csrfToken} />
          {p.before}
          <PlaceFields t={t} locale={locale} form={form} categories={p.categories} villages={p.villages} map={p.map} />
          <Field
            t={t}
            form={form}
            name="description"
            label={t("reports.reporting.field.description")}
            hint={t("reports.reporting.field.descriptionHint", { max: DESCRIPTION_MAX })}
            kind="textarea"
            rows={5}
            required
          />
          <PhotoInputs t={t} form={form} />
          {p.assisted ? <AssistedFields t={t} form={form} /> : <ContactFields t={t} form={form} />}
          <Button>{similar.length > 0 ? t("reports.reporting.sendAnyway") : t("reports.reporting.send")}</Button>
        </form>
      )}
    </>
  );
}

function PhotoInputs(p: { t: Translate; form: FormState }) {
  const { t } = p;
  const err = p.form.errors.find((e) => e.field === "photos" || e.field.startsWith("photos."));
  return (
    <fieldset class={err ? "field field--error" : "field"} aria-describedby="f-photos-hint">
      <legend>{t("reports.reporting.field.photos", { max: MAX_REPORT_PHOTOS })}</legend>
      <span class="hint" id="f-photos-hint">
        {t("reports.reporting.field.photosHint")}
      </span>
      {err && <PhotoError t={t} err={err} />}
      {Array.from({ length: MAX_REPORT_PHOTOS }, (_, i) => (
        <div class="field">
          <label for={i === 0 ? "f-photos" : `f-photos-${i}`}>{t("reports.reporting.field.photo", { n: i + 1 })}</label>
          <input type="file" id={i === 0 ? "f-photos" : `f-photos-${i}`} name="photos" accept="image/jpeg,image/png,image/heic,image/heif,.heic,.heif" />
        </div>
      ))}
    </fieldset>
  );
}

function PhotoError(p: { t: Translate; err: FieldError }) {
  return (
    <span class="error-message" id="f-photos-error">
      <span class="visually-hidden">{p.t("form.errorPrefix")}</span>{" "}
      {p.t(p.err.message, { field: p.t("reports.reporting.field.photos", { max: MAX_REPORT_PHOTOS }), ...p.err.params })}
    </span>
  );
}

function ContactFields(p: { t: Translate; form: FormState }) {
  const { t, form } = p;
  return (
    <>
      <fieldset class="field" aria-describedby="f-contact-hint">
        <legend>{t("reports.reporting.field.contact")}</legend>
        <span class="hint" id="f-contact-hint">
          {t("reports.reporting.field.contactHint")}
        </span>
        <Field t={t} form={form} name="contact.name" label={t("reports.reporting.field.contact.name")} autocomplete="name" />
        <Field
          t={t}
          form={form}
          name="contact.phone"
          label={t("reports.reporting.field.contact.phone")}
          hint={t("reports.reporting.field.contact.phoneHint")}
          kind="tel"
          autocomplete="tel"
        />
        <Field t={t} form={form} name="contact.email" label={t("reports.reporting.field.contact.email")} kind="email" autocomplete="email" />
      </fieldset>
      <div class="field">
        <fieldset aria-describedby="f-anonymous-hint">
          <legend>{t("reports.reporting.field.anonymous")}</legend>
          <span class="hint" id="f-anonymous-hint">
            {t("reports.reporting.field.anonymousHint")}
          </span>
          <div class="checkbox">
            <input type="checkbox" id="f-anonymous" name="anonymous" value="1" checked={form.values.anonymous === "1"} />
            <label for="f-anonymous">{t("reports.reporting.field.anonymousYes")}</label>
          </div>
        </fieldset>
      </div>
    </>
  );
}

function AssistedFields(p: { t: Translate; form: FormState }) {
  const { t, form } = p;
  return (
    <>
      <RadioGroup
        t={t}
        form={form}
        name="channel"
        legend={t("reports.reporting.office.channel")}
        options={(["assisted", "meeting"] as const).map((v) => ({ value: v, label: t(`reports.reporting.office.channel.${v}`) }))}
      />
      <fieldset class="field">
        <legend>{t("reports.reporting.office.resident")}</legend>
        <Field t={t} form={form} name="contact.name" label={t("reports.reporting.field.contact.name")} required />
        <Field
          t={t}
          form={form}
          name="contact.phone"
          label={t("reports.reporting.field.contact.phone")}
          hint={t("reports.reporting.field.contact.phoneHint")}
          kind="tel"
        />
      </fieldset>
      <fieldset class="field" aria-describedby="f-consent-hint">
        <legend>{t("reports.reporting.office.consent")}</legend>
        <span class="hint" id="f-consent-hint">
          {t("reports.reporting.office.consentHint")}
        </span>
        <RadioGroup
          t={t}
          form={form}
          name="consent.method"
          legend={t("reports.reporting.office.consent.method")}
          options={(["signature", "verbal", "fingerprint"] as const).map((v) => ({ value: v, label: t(`reports.reporting.office.consent.${v}`) }))}
          required
        />
        <Field t={t} form={form} name="consent.note" label={t("reports.reporting.office.consent.note")} kind="textarea" rows={2} />
      </fieldset>
    </>
  );
}
