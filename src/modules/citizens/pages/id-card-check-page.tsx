// The desk's "ID card checked" form: an officer who compared a citizen's ID card with its holder records the number
// read from it for the account that verified the phone the citizen gives. Works without JavaScript.
import type { Context } from "hono";
import { type Principal, scopeUnitCodes } from "../../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { readForm, validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../platform/http/page-kit.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, type FormState, SelectField, TextField } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { getAdminUnit } from "../../admin-units/index.ts";
import { idCardCheckInput } from "../citizens.contract.ts";
import { recordIdCardCheck } from "../use-cases/record-id-card-check.ts";
import { attemptWithStatus } from "./citizens-web.ts";

export const ID_CARD_CHECK_PATH = "/office/id-card-check";

export function idCardCheckPages(w: PageKit) {
  const { deps, secure, page } = w;
  const input = idCardCheckInput(() => deps.clock.now());

  /** The units where the officer may record a check; someone with none gets 403, as the use case would answer. */
  const unitsOf = (p: Principal) => {
    const codes = scopeUnitCodes(p, "citizen.verifyId");
    if (codes.length === 0) throw new AppError("forbidden", "error.forbidden");
    return codes;
  };

  const form = async (c: Context<AppEnv>, state: FormState, status: 200 | 400 | 409 | 429 = 200) => {
    const codes = unitsOf(requireSignedIn(c));
    const ctx = page(c);
    const { t } = ctx;
    const options = await Promise.all(
      codes.map(async (code) => ({ value: code, label: (await getAdminUnit(deps, code).catch(() => null))?.fullName ?? code })),
    );
    const labels = { adminUnitCode: t("citizens.idCheck.unit"), phone: t("citizens.idCheck.phone"), citizenIdNumber: t("citizens.idCheck.citizenIdNumber") };
    return c.html(
      <Layout ctx={ctx} title={t("citizens.idCheck.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("citizens.idCheck.title") }]} />
        <ErrorSummary t={t} errors={state.errors} labels={labels} />
        <h1>{t("citizens.idCheck.title")}</h1>
        <p>{t("citizens.idCheck.intro")}</p>
        <form method="post" action={ID_CARD_CHECK_PATH} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <SelectField t={t} form={state} name="adminUnitCode" label={labels.adminUnitCode} options={options} required />
          <TextField
            t={t}
            form={state}
            name="phone"
            type="tel"
            label={labels.phone}
            hint={t("citizens.idCheck.phoneHint")}
            autocomplete="off"
            inputmode="tel"
            required
          />
          <TextField
            t={t}
            form={state}
            name="citizenIdNumber"
            label={labels.citizenIdNumber}
            hint={t("citizens.idCheck.citizenIdNumberHint")}
            autocomplete="off"
            inputmode="numeric"
            required
          />
          <Button>{t("citizens.idCheck.submit")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  /** GET /office/id-card-check[?unit=]: the empty form, at the unit asked for (the desk links with its commune). */
  const show = (c: Context<AppEnv>) => form(c, emptyForm({ adminUnitCode: c.req.query("unit") ?? "" }));

  /** POST /office/id-card-check */
  const submit = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const values = await readForm(c);
    const parsed = validateForm(input, values);
    if (!parsed.ok) return form(c, { values, errors: parsed.errors }, 400);
    const res = await attemptWithStatus(() => recordIdCardCheck(deps, ctxOf(c), parsed.data));
    if (!res.ok) return form(c, { values, errors: res.errors }, res.status);
    setFlash(c, "citizens.flash.idCardChecked", secure);
    return c.redirect(`${ID_CARD_CHECK_PATH}?unit=${encodeURIComponent(parsed.data.adminUnitCode)}`, 303);
  };

  return { show, submit };
}
