// GET/POST /office/registry/households/new: a household with its head and up to three more members, entered at
// once. Nothing is saved unless every member is right; the form comes back with each error beside its field.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError, fieldErrorsFromZod } from "../../../platform/http/app-error.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { requireSignedIn } from "../../../platform/http/page-kit.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, Field, type FormState, SelectField } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { createHouseholdInput, POVERTY } from "../registry.contract.ts";
import { createHousehold } from "../use-cases/create-household.ts";
import { ResidentFields, residentLabels } from "./resident-fields.tsx";
import { flagLabel, type RegistryWeb, registryCommunes, residentFromForm, villagesOf } from "./registry-web.ts";

const EXTRA_MEMBERS = 3;

export function newHouseholdPages(web: RegistryWeb) {
  const { deps, page, secure } = web;

  const show = async (c: Context<AppEnv>, commune: string | undefined, form: FormState, status: 200 | 400 | 409 = 200) => {
    const p = requireSignedIn(c);
    const communes = await registryCommunes(deps, p);
    const code = communes.find((x) => x.code === commune)?.code ?? communes[0]?.code;
    if (!code) throw new AppError("forbidden", "error.forbidden");
    const ctx = page(c);
    const { t } = ctx;
    const labels: Record<string, string> = {
      villageCode: t("registry.field.village"),
      address: t("registry.field.address"),
      poverty: t("registry.field.poverty"),
    };
    for (let i = 0; i <= EXTRA_MEMBERS; i++) Object.assign(labels, residentLabels(t, `members.${i}.`));
    return c.html(
      <Layout ctx={ctx} title={t("registry.new.title")} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: "/office/registry", label: t("registry.title") }, { label: t("registry.new.title") }]}
        />
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <h1>{t("registry.new.title")}</h1>
        <form method="post" action="/office/registry/households/new" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <SelectField t={t} form={form} name="villageCode" label={labels.villageCode!} options={await villagesOf(deps, code)} />
          <Field t={t} form={form} name="address" label={labels.address!} />
          <SelectField
            t={t}
            form={form}
            name="poverty"
            label={labels.poverty!}
            placeholder={t("registry.poverty.none")}
            options={POVERTY.map((x) => ({ value: x, label: flagLabel(t, x) }))}
          />
          <fieldset>
            <legend>{t("registry.new.head")}</legend>
            <ResidentFields t={t} form={form} prefix="members.0." />
          </fieldset>
          {Array.from({ length: EXTRA_MEMBERS }, (_, k) => (
            <fieldset>
              <legend>{t("registry.new.member", { n: k + 2 })}</legend>
              <ResidentFields t={t} form={form} prefix={`members.${k + 1}.`} relation />
            </fieldset>
          ))}
          <Button>{t("registry.new.submit")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  const submit = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const body = await c.req.parseBody({ all: true });
    const str = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
    const values: Record<string, string> = { villageCode: str("villageCode"), address: str("address"), poverty: str("poverty") };
    const members: Record<string, unknown>[] = [];
    const dayErrors: FieldError[] = [];
    const positions: number[] = [];
    for (let i = 0; i <= EXTRA_MEMBERS; i++) {
      const m = residentFromForm(body, `members.${i}.`, "omit");
      for (const [k, v] of Object.entries(m.values)) values[`members.${i}.${k}`] = v;
      if (i > 0 && m.empty) continue;
      positions.push(i);
      members.push(m.value);
      dayErrors.push(...m.dayErrors.map((e) => ({ ...e, field: `members.${i}.${e.field}` })));
    }
    // Member blocks left empty are skipped: errors name the block as the form shows it.
    const renumber = (errors: FieldError[]) =>
      errors.map((e) => {
        const m = /^members\.(\d+)\.(.*)$/.exec(e.field);
        return m ? { ...e, field: `members.${positions[Number(m[1])] ?? m[1]}.${m[2]}` } : e;
      });
    const input = { villageCode: values.villageCode, address: values.address, ...(values.poverty ? { poverty: values.poverty } : {}), members };
    const parsed = createHouseholdInput(() => deps.clock.now()).safeParse(input);
    const commune = values.villageCode?.split(".")[0];
    if (!parsed.success || dayErrors.length > 0) {
      const errors = [
        ...dayErrors,
        ...(parsed.success ? [] : renumber(fieldErrorsFromZod(parsed.error.issues)).filter((e) => !dayErrors.some((d) => d.field === e.field))),
      ];
      return show(c, commune, { values, errors }, 400);
    }
    try {
      const { id } = await createHousehold(deps, ctxOf(c), parsed.data);
      setFlash(c, "registry.flash.created", secure);
      return c.redirect(`/office/registry/households/${id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0)
        return show(c, commune, { values, errors: renumber(err.fields) }, err.code === "conflict" ? 409 : 400);
      throw err;
    }
  };

  return { show: (c: Context<AppEnv>) => show(c, c.req.query("commune"), emptyForm()), submit };
}
