// A commune's desk settings: the agency code that starts every dossier code, the desk's address, and the
// bank account its VietQR codes pay into. Only the commune's administrators (and above) see this page.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { attempt, readForm, validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, type FormState, SelectField, TextField } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { BANKS, bankByBin } from "../banks.ts";
import { DeskSettingsInput } from "../desk-settings.contract.ts";
import { getDeskSettings, settingsCommune } from "../use-cases/get-desk-settings.ts";
import { communeLabel, defaultDeskName } from "../desk-settings.model.ts";
import { usersWithRole } from "../../identity/index.ts";
import { saveDeskSettings } from "../use-cases/save-desk-settings.ts";
import type { OfficeWeb } from "./office-context.ts";

export const deskSettingsPath = (communeCode: string) => `/office/communes/${communeCode}/settings`;

export function deskSettingsPages(office: OfficeWeb) {
  const { deps, secure, page } = office;

  /** GET /office/communes/:code/settings */
  const show = async (c: Context<AppEnv>, code: string, form?: FormState, status: 200 | 400 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    const s = await getDeskSettings(deps, ctxOf(c), code);
    const unit = await settingsCommune(deps, ctxOf(c), code);
    const f =
      form ??
      emptyForm({
        agencyCode: s.configured ? s.agencyCode : "",
        deskAddress: s.deskAddress ?? "",
        deskName: s.deskName ?? "",
        chairUserId: s.chairUserId ?? "",
        bankBin: s.bankBin ?? "",
        accountNumber: s.accountNumber ?? "",
        accountName: s.accountName ?? "",
      });
    const chosen = f.values.bankBin ?? "";
    const banks = [
      { value: "", label: t("payments.settings.noBank") },
      ...BANKS.map((b) => ({ value: b.bin, label: `${b.shortName} – ${b.name}` })),
      // A BIN entered through the API for a bank outside the list stays selectable.
      ...(chosen && !bankByBin(chosen) ? [{ value: chosen, label: t("payments.settings.otherBank", { bin: chosen }) }] : []),
    ];
    // The chair is chosen among the commune's leaders (a chair no longer a leader stays shown until changed).
    const leaders = await usersWithRole(deps, "leader", unit.path);
    const chosenChair = f.values.chairUserId ?? "";
    const chairs = [
      { value: "", label: t("forms.settings.noChair") },
      ...leaders.map((u) => ({ value: u.id, label: u.displayName })),
      ...(chosenChair && !leaders.some((u) => u.id === chosenChair) ? [{ value: chosenChair, label: chosenChair }] : []),
    ];
    const labels = {
      agencyCode: t("payments.settings.agencyCode"),
      deskName: t("forms.settings.deskName"),
      deskAddress: t("payments.settings.deskAddress"),
      chairUserId: t("forms.settings.chair"),
      bankBin: t("payments.settings.bankBin"),
      accountNumber: t("payments.settings.accountNumber"),
      accountName: t("payments.settings.accountName"),
    };
    return c.html(
      <Layout ctx={ctx} title={t("payments.settings.title")} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: `/units/${code}`, label: code }, { label: t("payments.settings.title") }]}
        />
        <ErrorSummary t={t} errors={f.errors} labels={labels} />
        <h1>{t("payments.settings.title")}</h1>
        <p class="lead">{t("payments.settings.lead")}</p>
        {!s.configured && <div class="notice">{t("payments.settings.placeholder", { code: s.agencyCode })}</div>}
        <form method="post" action={deskSettingsPath(code)} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField t={t} form={f} name="agencyCode" label={labels.agencyCode} hint={t("payments.settings.agencyCodeHint")} required autocomplete="off" />
          <TextField
            t={t}
            form={f}
            name="deskName"
            label={labels.deskName}
            hint={t("forms.settings.deskNameHint", { name: defaultDeskName(communeLabel(unit)) })}
            autocomplete="off"
          />
          <TextField t={t} form={f} name="deskAddress" label={labels.deskAddress} autocomplete="street-address" />
          <SelectField t={t} form={f} name="chairUserId" label={labels.chairUserId} hint={t("forms.settings.chairHint")} options={chairs} />
          <fieldset>
            <legend>{t("payments.settings.bankSection")}</legend>
            <p class="hint">{t("payments.settings.bankSectionHint")}</p>
            <SelectField t={t} form={f} name="bankBin" label={labels.bankBin} options={banks} />
            <TextField t={t} form={f} name="accountNumber" label={labels.accountNumber} autocomplete="off" />
            <TextField t={t} form={f} name="accountName" label={labels.accountName} hint={t("payments.settings.accountNameHint")} autocomplete="off" />
          </fieldset>
          <Button>{t("payments.settings.save")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  /** POST /office/communes/:code/settings */
  const save = async (c: Context<AppEnv>, code: string) => {
    // Authorise before looking at the form, so that strangers learn nothing from validation messages.
    await getDeskSettings(deps, ctxOf(c), code);
    const values = await readForm(c);
    const parsed = validateForm(DeskSettingsInput, values);
    if (!parsed.ok) return show(c, code, { values, errors: parsed.errors }, 400);
    const res = await attempt(() => saveDeskSettings(deps, ctxOf(c), code, parsed.data));
    if (!res.ok) return show(c, code, { values, errors: res.errors }, 400);
    setFlash(c, "payments.flash.settingsSaved", secure);
    return c.redirect(deskSettingsPath(code), 303);
  };

  return { show, save };
}
