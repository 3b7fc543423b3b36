// /office/notices/new and /office/notices/:id/edit: the notice form. Works without JavaScript (checkbox groups,
// dd/mm/yyyy days, the phone list one per line, files); errors come back beside each field with the values kept.
// With JavaScript the SMS box shows its characters and parts as the author types (public/notice-sms-count.js);
// without it, the notice page shows them after saving.
import type { Context } from "hono";
import { scopeUnitCodes } from "../../../../platform/auth/authorise.ts";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { clientIp } from "../../../../platform/http/client-ip.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { withDayErrors } from "../../../../platform/text/day-input.ts";
import {
  Breadcrumbs,
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  Field,
  inFieldOrder,
  RadioGroup,
  SelectField,
  type FieldLabels,
} from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { type AdminUnitRow, getAdminUnit, listAdminUnitChildren } from "../../../admin-units/index.ts";
import { noticePaths } from "../../notice-paths.ts";
import { AUDIENCE_FLAGS, NOTICE_CATEGORIES, NOTICE_CHANNELS, NOTICE_LIMITS, type NoticeRow } from "../../notices.model.ts";
import { visibleNotice } from "../../notice-access.ts";
import { createNotice } from "../../use-cases/authoring-create.ts";
import { getOfficeNotice } from "../../use-cases/authoring-get.ts";
import { updateNotice } from "../../use-cases/authoring-update.ts";
import { AUDIENCE_ROLES } from "../authoring.contract.ts";
import { deriveSmsText } from "../sms-version.ts";
import { categoryText, channelText, formOfNotice, inputFromForm, type NoticeForm, readNoticeForm } from "./shared.tsx";

const ORDER = [
  "unitCode",
  "category",
  "title",
  "body",
  "scope",
  "villageCodes",
  "validFrom",
  "validUntil",
  "channels",
  "audience",
  "smsText",
  "speechText",
  "attachments",
  "version",
];

type State = { values: Record<string, string>; multi: Record<string, string[]>; errors: FieldError[] };

/** The units `p` drafts notices for (communes and provinces). */
async function draftUnits(kit: PageKit, c: Context<AppEnv>): Promise<AdminUnitRow[]> {
  const p = requireSignedIn(c);
  const codes = scopeUnitCodes(p, "notice.draft");
  if (codes.length === 0) throw new AppError("forbidden", "error.forbidden");
  const units = await Promise.all(codes.map((code) => getAdminUnit(kit.deps, code).catch(() => null)));
  return units.filter((u): u is AdminUnitRow => !!u && (u.level === "commune" || u.level === "province"));
}

export function noticeFormPages(kit: PageKit) {
  const { deps, page, secure } = kit;

  const render = async (c: Context<AppEnv>, state: State, notice: NoticeRow | null, status: 200 | 400 | 409 | 413 | 429 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    const units = await draftUnits(kit, c);
    const unit = units.find((u) => u.code === (state.values.unitCode ?? c.req.query("unit"))) ?? units[0];
    const villages = unit?.level === "commune" ? (await listAdminUnitChildren(deps, unit.code, { limit: 500 })).items : [];
    const title = notice ? t("notices.authoring.edit") : t("notices.authoring.new");
    const labels: FieldLabels = Object.fromEntries(
      [...ORDER.filter((f) => f !== "audience"), "audience.flags", "audience.roles", "audience.list"].map((f) => [
        f,
        t(`notices.authoring.field.${f.replace("audience.", "")}` as Parameters<typeof t>[0]),
      ]),
    );
    const form = { values: state.values, errors: state.errors };
    const checked = (name: string) => state.multi[name] ?? [];
    const derived = state.values.title && state.values.body ? deriveSmsText(state.values.title, state.values.body) : null;
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            { href: noticePaths.desk, label: t("notices.authoring.title") },
            ...(notice ? [{ href: noticePaths.officeNotice(notice.id), label: notice.title }] : []),
            { label: title },
          ]}
        />
        <h1>{title}</h1>
        <ErrorSummary t={t} errors={inFieldOrder(state.errors, ORDER)} labels={labels} />
        {units.length > 1 && !notice && (
          <form method="get" action={noticePaths.officeNew}>
            <SelectField
              t={t}
              form={{ values: { unit: unit?.code ?? "" }, errors: [] }}
              name="unit"
              label={labels.unitCode!}
              options={units.map((u) => ({ value: u.code, label: u.fullName }))}
            />
            <Button variant="secondary">{t("notices.authoring.filter.apply")}</Button>
          </form>
        )}
        <form method="post" action={notice ? noticePaths.officeEdit(notice.id) : noticePaths.officeNew} enctype="multipart/form-data" novalidate>
          <CsrfField token={ctx.csrfToken} />
          {notice && <input type="hidden" name="version" value={state.values.version ?? String(notice.version)} />}
          <input type="hidden" name="unitCode" value={unit?.code ?? ""} />
          <p>
            {labels.unitCode}: <strong>{unit?.fullName}</strong>
          </p>
          <SelectField
            t={t}
            form={form}
            name="category"
            label={labels.category!}
            required
            placeholder=""
            options={NOTICE_CATEGORIES.map((x) => ({ value: x, label: categoryText(t, x) }))}
          />
          <Field t={t} form={form} name="title" label={labels.title!} required />
          <Field t={t} form={form} name="body" label={labels.body!} hint={t("notices.authoring.field.bodyHint")} kind="textarea" rows={10} required />
          <RadioGroup
            t={t}
            form={form}
            name="scope"
            legend={labels.scope!}
            required
            options={(unit?.level === "province" ? (["province"] as const) : (["commune", "villages"] as const)).map((s) => ({
              value: s,
              label: t(`notices.authoring.scope.${s}`),
            }))}
          />
          {villages.length > 0 && (
            <CheckboxGroup
              t={t}
              errors={state.errors}
              name="villageCodes"
              legend={labels.villageCodes!}
              options={villages.map((v) => ({ value: v.code, label: v.name }))}
              checked={checked("villageCodes")}
            />
          )}
          <Field t={t} form={form} name="validFrom" label={labels.validFrom!} kind="date" required />
          <Field t={t} form={form} name="validUntil" label={labels.validUntil!} kind="date" />
          <CheckboxGroup
            t={t}
            errors={state.errors}
            name="channels"
            legend={labels.channels!}
            options={NOTICE_CHANNELS.map((ch) => ({ value: ch, label: channelText(t, ch), disabled: ch === "web" }))}
            checked={checked("channels")}
          />
          <CheckboxGroup
            t={t}
            errors={state.errors}
            name="audience.flags"
            legend={labels["audience.flags"]!}
            options={AUDIENCE_FLAGS.map((f) => ({ value: f, label: t(`notices.authoring.flag.${f}`) }))}
            checked={checked("audience.flags")}
          />
          <CheckboxGroup
            t={t}
            errors={state.errors}
            name="audience.roles"
            legend={labels["audience.roles"]!}
            options={AUDIENCE_ROLES.map((r) => ({ value: r, label: t(`notices.authoring.role.${r}`) }))}
            checked={checked("audience.roles")}
          />
          <Field
            t={t}
            form={form}
            name="audience.list"
            label={labels["audience.list"]!}
            hint={t("notices.authoring.field.listHint", { max: NOTICE_LIMITS.listNumbers })}
            kind="textarea"
            rows={4}
          />
          <Field t={t} form={form} name="smsText" label={labels.smsText!} hint={t("notices.authoring.field.smsHint")} kind="textarea" rows={4} />
          <p class="hint" id="sms-count" data-template={t("notices.authoring.smsCount", { chars: "{chars}", parts: "{parts}" })} aria-live="polite">
            {derived?.ok ? `${t("notices.authoring.smsPreview")}: ${t("notices.authoring.smsCount", { chars: derived.chars, parts: derived.segments })}` : ""}
          </p>
          <Field t={t} form={form} name="speechText" label={labels.speechText!} hint={t("notices.authoring.field.speechHint")} kind="textarea" rows={5} />
          <div class="field">
            <label for="f-attachments">{t("notices.authoring.field.attachments", { max: NOTICE_LIMITS.attachments })}</label>
            <input type="file" id="f-attachments" name="attachments" multiple accept="application/pdf,image/jpeg,image/png" />
          </div>
          <Button>{t("notices.authoring.save")}</Button>
        </form>
        <script defer src={ctx.assets.url("notice-sms-count.js")} />
      </Layout>,
      status,
    );
  };

  const failed = (err: unknown, dayErrors: FieldError[]): { errors: FieldError[]; status: 400 | 409 | 413 | 429 } | null => {
    if (!(err instanceof AppError) || err.fields.length === 0) return null;
    const status = err.status === 409 || err.status === 413 || err.status === 429 ? err.status : 400;
    return { errors: withDayErrors(err.fields, dayErrors), status };
  };

  const create = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const f: NoticeForm = await readNoticeForm(c);
    // Days it could not read go to the use case as typed (so every other field is checked too); their errors are the page's.
    const { input, dayErrors } = inputFromForm(f, false);
    try {
      const n = await createNotice(deps, useCaseContext(c), input, f.files, clientIp(c, deps.config.trustedProxies));
      setFlash(c, "notices.authoring.flash.saved", secure);
      return c.redirect(noticePaths.officeNotice(n.id), 303);
    } catch (err) {
      const r = failed(err, dayErrors);
      if (!r) throw err;
      return render(c, { values: f.values, multi: f.multi, errors: r.errors }, null, r.status);
    }
  };

  const edit = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const n = await visibleNotice(deps.db, p, c.req.param("id") ?? "");
    const f: NoticeForm = await readNoticeForm(c);
    const { input, dayErrors } = inputFromForm(f, true);
    try {
      await updateNotice(deps, useCaseContext(c), n.id, input, f.files, clientIp(c, deps.config.trustedProxies));
      setFlash(c, "notices.authoring.flash.saved", secure);
      return c.redirect(noticePaths.officeNotice(n.id), 303);
    } catch (err) {
      const r = failed(err, dayErrors);
      if (!r) throw err;
      return render(c, { values: f.values, multi: f.multi, errors: r.errors }, n, r.status);
    }
  };

  return {
    newForm: (c: Context<AppEnv>) =>
      render(
        c,
        { values: { validFrom: new Date(deps.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10) }, multi: { channels: ["web"] }, errors: [] },
        null,
      ),
    create,
    editForm: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const { notice: n } = await getOfficeNotice(deps, useCaseContext(c), c.req.param("id") ?? "");
      if (n.status !== "draft") return c.redirect(noticePaths.officeNotice(n.id), 303);
      const s = formOfNotice(n);
      return render(c, { ...s, errors: [] }, n);
    },
    edit,
  };
}
