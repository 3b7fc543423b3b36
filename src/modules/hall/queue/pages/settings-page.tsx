// GET /office/hall/settings and its forms (hall.manage): the commune's services (letter, names, procedure fields,
// order, active), counters (number, name, services called, active) and kiosk devices (register: a one-time setup
// link shown once; revoke). Saving a letter or number that exists updates it.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { scopeUnitCodes } from "../../../../platform/auth/authorise.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Field, type FormState, PostButton } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { isCommuneCode } from "../../../admin-units/index.ts";
import { PROCEDURE_FIELDS } from "../../../procedures/index.ts";
import { hallPaths } from "../../hall-paths.ts";
import { hallSettings, registerKiosk, revokeKiosk } from "../../use-cases/queue-kiosk-register.ts";
import { saveCounter, saveService } from "../../use-cases/queue-settings-save.ts";

type Forms = { service?: FormState; counter?: FormState; kiosk?: FormState; setupLink?: string };
const settingsHref = (commune: string) => `${hallPaths.settings}?commune=${commune}`;

export function settingsPage(kit: PageKit) {
  const { deps, page, secure } = kit;

  const render = async (c: Context<AppEnv>, communeCode: string | undefined, forms: Forms, status: 200 | 400) => {
    const p = requireSignedIn(c);
    const code = communeCode ?? scopeUnitCodes(p, "hall.manage").find(isCommuneCode) ?? "";
    const s = await hallSettings(deps, useCaseContext(c), code);
    const ctx = page(c);
    const { t, locale } = ctx;
    const sf = forms.service ?? { values: { active: "true", position: "0" }, errors: [] };
    const cf = forms.counter ?? { values: { active: "true" }, errors: [] };
    const kf = forms.kiosk ?? { values: {}, errors: [] };
    const labels: Record<string, string> = {
      letter: t("hall.queue.field.letter"),
      nameVi: t("hall.queue.field.nameVi"),
      nameEn: t("hall.queue.field.nameEn"),
      procedureFields: t("hall.queue.field.procedureFields"),
      position: t("hall.queue.field.position"),
      number: t("hall.queue.field.number"),
      name: t("hall.queue.field.name"),
      serviceIds: t("hall.queue.field.serviceIds"),
    };
    const commune = s.unit.code;
    const checked = (f: FormState, name: string, value: string) => (f.values[name] ?? "").split(",").includes(value);
    return c.html(
      <Layout ctx={ctx} title={t("hall.queue.settings.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("hall.queue.settings.title") }]} />
        <ErrorSummary t={t} errors={[...sf.errors, ...cf.errors, ...kf.errors]} labels={labels} />
        <h1>{t("hall.queue.settings.title")}</h1>
        <p>{s.unit.fullName}</p>
        <p>
          <a href={hallPaths.kiosk(commune)}>{t("hall.queue.settings.openKiosk")}</a> ·{" "}
          <a href={`${hallPaths.counter}?commune=${commune}`}>{t("hall.queue.counter.title")}</a>
        </p>

        <h2>{t("hall.queue.settings.services")}</h2>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{labels.letter}</th>
              <th scope="col">{labels.nameVi}</th>
              <th scope="col">{labels.nameEn}</th>
              <th scope="col">{labels.procedureFields}</th>
              <th scope="col">{t("hall.queue.field.active")}</th>
            </tr>
          </thead>
          <tbody>
            {s.services.map((x) => (
              <tr>
                <td>{x.letter}</td>
                <td>{x.nameVi}</td>
                <td>{x.nameEn}</td>
                <td>{x.procedureFields.map((f) => t(`procedures.field.${f}` as never)).join(", ")}</td>
                <td>{x.active ? t("hall.queue.yes") : t("hall.queue.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="post" action={`${hallPaths.settingsService}?commune=${commune}`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <fieldset class="fieldset">
            <legend>{t("hall.queue.settings.serviceForm")}</legend>
            <Field t={t} form={sf} name="letter" label={labels.letter!} hint={t("hall.queue.settings.letterHint")} required autocomplete="off" />
            <Field t={t} form={sf} name="nameVi" label={labels.nameVi!} required />
            <Field t={t} form={sf} name="nameEn" label={labels.nameEn!} required />
            <fieldset class="fieldset">
              <legend>{labels.procedureFields}</legend>
              {PROCEDURE_FIELDS.map((f) => (
                <label class="checkbox">
                  <input type="checkbox" name="procedureFields" value={f} checked={checked(sf, "procedureFields", f)} /> {t(`procedures.field.${f}` as never)}
                </label>
              ))}
            </fieldset>
            <Field t={t} form={sf} name="position" label={labels.position!} kind="numericId" />
            <label class="checkbox">
              <input type="checkbox" name="active" value="true" checked={sf.values.active === "true"} /> {t("hall.queue.field.active")}
            </label>
            <Button>{t("hall.queue.settings.save")}</Button>
          </fieldset>
        </form>

        <h2>{t("hall.queue.settings.counters")}</h2>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{labels.number}</th>
              <th scope="col">{labels.name}</th>
              <th scope="col">{labels.serviceIds}</th>
              <th scope="col">{t("hall.queue.field.active")}</th>
            </tr>
          </thead>
          <tbody>
            {s.counters.map((k) => (
              <tr>
                <td>{k.number}</td>
                <td>{k.name}</td>
                <td>{k.serviceIds.map((id) => s.services.find((x) => x.id === id)?.letter ?? "").join(", ")}</td>
                <td>{k.active ? t("hall.queue.yes") : t("hall.queue.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="post" action={`${hallPaths.settingsCounter}?commune=${commune}`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <fieldset class="fieldset">
            <legend>{t("hall.queue.settings.counterForm")}</legend>
            <Field t={t} form={cf} name="number" label={labels.number!} kind="numericId" required />
            <Field t={t} form={cf} name="name" label={labels.name!} required />
            <fieldset class="fieldset">
              <legend>{labels.serviceIds}</legend>
              {s.services.map((x) => (
                <label class="checkbox">
                  <input type="checkbox" name="serviceIds" value={x.id} checked={checked(cf, "serviceIds", x.id)} />{" "}
                  {`${x.letter} – ${locale === "en" ? x.nameEn : x.nameVi}`}
                </label>
              ))}
            </fieldset>
            <label class="checkbox">
              <input type="checkbox" name="active" value="true" checked={cf.values.active === "true"} /> {t("hall.queue.field.active")}
            </label>
            <Button>{t("hall.queue.settings.save")}</Button>
          </fieldset>
        </form>

        <h2>{t("hall.queue.settings.kiosks")}</h2>
        <p class="hint">{t("hall.queue.settings.kiosksHint")}</p>
        {forms.setupLink && (
          <p class="notice" role="status">
            {t("hall.queue.settings.setupLink")} <code>{forms.setupLink}</code>
          </p>
        )}
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{labels.name}</th>
              <th scope="col">{t("hall.queue.settings.kioskState")}</th>
              <th scope="col">{t("hall.queue.settings.lastSeen")}</th>
              <th scope="col">{t("hall.queue.settings.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {s.kiosks.map((k) => (
              <tr>
                <td>{k.name}</td>
                <td>{t(!k.active ? "hall.queue.settings.revoked" : k.activatedAt ? "hall.queue.settings.activated" : "hall.queue.settings.pending")}</td>
                <td>{k.lastSeenAt ? formatDateTime(k.lastSeenAt, locale) : "–"}</td>
                <td>
                  {k.active && (
                    <PostButton
                      action={`${hallPaths.settingsKiosk}/revoke?commune=${commune}`}
                      csrfToken={ctx.csrfToken}
                      label={t("hall.queue.settings.revoke")}
                      rowLabel={k.name}
                      fields={{ id: k.id }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="post" action={`${hallPaths.settingsKiosk}?commune=${commune}`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field t={t} form={kf} name="name" label={t("hall.queue.settings.kioskName")} required />
          <Button>{t("hall.queue.settings.register")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  const fail = async (c: Context<AppEnv>, commune: string | undefined, which: keyof Forms, values: Record<string, string>, err: unknown) => {
    if (err instanceof AppError && err.code === "validation") return render(c, commune, { [which]: { values, errors: err.fields as FieldError[] } }, 400);
    throw err;
  };

  /** A form's checkboxes of one name, as the contract's array. */
  const all = async (c: Context<AppEnv>, name: string) => {
    const body = await c.req.parseBody({ all: true });
    const v = body[name];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");
  };

  return {
    get: (c: Context<AppEnv>) => render(c, c.req.query("commune"), {}, 200),
    postService: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const commune = c.req.query("commune") ?? "";
      const values = await readForm(c);
      const fields = await all(c, "procedureFields");
      values.procedureFields = fields.join(",");
      try {
        await saveService(deps, useCaseContext(c), commune, {
          letter: values.letter ?? "",
          nameVi: values.nameVi ?? "",
          nameEn: values.nameEn ?? "",
          procedureFields: fields,
          position: values.position || "0",
          active: values.active === "true",
        });
      } catch (err) {
        return fail(c, commune, "service", values, err);
      }
      setFlash(c, "hall.queue.flash.saved", secure);
      return c.redirect(settingsHref(commune), 303);
    },
    postCounter: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const commune = c.req.query("commune") ?? "";
      const values = await readForm(c);
      const ids = await all(c, "serviceIds");
      values.serviceIds = ids.join(",");
      try {
        await saveCounter(deps, useCaseContext(c), commune, {
          number: values.number ?? "",
          name: values.name ?? "",
          serviceIds: ids,
          active: values.active === "true",
        });
      } catch (err) {
        return fail(c, commune, "counter", values, err);
      }
      setFlash(c, "hall.queue.flash.saved", secure);
      return c.redirect(settingsHref(commune), 303);
    },
    postKiosk: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const commune = c.req.query("commune") ?? "";
      const values = await readForm(c);
      try {
        const k = await registerKiosk(deps, useCaseContext(c), commune, { name: values.name ?? "" });
        const origin = deps.config.publicUrl ?? new URL(c.req.url).origin;
        return render(c, commune, { setupLink: `${origin}${hallPaths.kioskSetup(k.setupToken)}` }, 200);
      } catch (err) {
        return fail(c, commune, "kiosk", values, err);
      }
    },
    postRevoke: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const commune = c.req.query("commune") ?? "";
      const values = await readForm(c);
      await revokeKiosk(deps, useCaseContext(c), commune, values.id ?? "");
      setFlash(c, "hall.queue.flash.revoked", secure);
      return c.redirect(settingsHref(commune), 303);
    },
  };
}
