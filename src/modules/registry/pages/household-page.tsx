// /office/registry/households/:id: the household with its members, their relation to the head, flags and the moves
// in and out; forms to edit it (with its version), add a member and change the head. POST → redirect → GET, or the
// page again with the errors beside the fields (409 with the latest data when someone saved first).
import type { FlashKey } from "../../../platform/http/flash.ts";
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { type FieldError, fieldErrorsFromZod } from "../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { requireSignedIn } from "../../../platform/http/page-kit.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  emptyForm,
  ErrorSummary,
  Field,
  type FormState,
  SelectField,
  SummaryList,
} from "../../../platform/views/components.tsx";
import { DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { ChangeHeadInput, memberInput, POVERTY, UpdateHouseholdInput } from "../registry.contract.ts";
import { moverNames } from "../registry.present.ts";
import { addResident } from "../use-cases/add-resident.ts";
import { changeHead } from "../use-cases/change-head.ts";
import { getHousehold } from "../use-cases/get-household.ts";
import { mayEdit } from "../use-cases/registry-access.ts";
import { updateHousehold } from "../use-cases/update-household.ts";
import type { HouseholdPanel } from "../registry-slots.ts";
import { moveFromToColumns, moveReasonByColumns } from "./move-columns.tsx";
import { ResidentFields, residentLabels } from "./resident-fields.tsx";
import { bodyText, flagLabel, type RegistryWeb, relationLabel, relationOptions, residentFromForm, runRecordWrite, villagesOf } from "./registry-web.ts";

type Forms = { form?: FormState; notice?: MessageKey };

export function householdPages(web: RegistryWeb, panel?: HouseholdPanel) {
  const { deps, page, secure } = web;

  const show = async (c: Context<AppEnv>, id: string, opts: Forms = {}, status: 200 | 400 | 409 = 200) => {
    const ctx = page(c);
    const { t, locale } = ctx;
    const v = await getHousehold(deps, ctxOf(c), id);
    const h = v.household;
    const head = v.members.find((m) => m.id === h.headId);
    const names = await moverNames(deps.db, v.moves);
    const editable = !h.archivedAt && mayEdit(ctx.principal, { code: h.villageCode, path: h.unitPath });
    const villages = await villagesOf(deps, h.communeCode);
    const form = opts.form ?? emptyForm();
    const value = (k: string, fallback: string) => form.values[k] ?? fallback;
    const editForm: FormState = {
      values: { address: value("address", h.address), villageCode: value("villageCode", h.villageCode), poverty: value("poverty", h.poverty ?? "") },
      errors: form.errors,
    };
    const labels = {
      address: t("registry.field.address"),
      villageCode: t("registry.field.village"),
      poverty: t("registry.field.poverty"),
      version: t("registry.field.version"),
      residentId: t("registry.field.newHead"),
      formerHeadRelation: t("registry.field.formerHeadRelation"),
      ...residentLabels(t, "new."),
    };
    // The outreach slot (src/modules.ts): the household's visits and coverage.
    const outreach =
      panel && !h.archivedAt ? await panel(c, ctx, { householdId: h.id, communeCode: h.communeCode, villageCode: h.villageCode, unitPath: h.unitPath }) : null;
    const title = head ? t("registry.household.title", { head: head.fullName }) : t("registry.household.noHead");
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            { href: `/office/registry?commune=${h.communeCode}`, label: t("registry.title") },
            { label: title },
          ]}
        />
        {opts.notice && (
          <div class="notice" role="status">
            <p>{t(opts.notice)}</p>
          </div>
        )}
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <h1>{title}</h1>
        {h.archivedAt && <p class="notice">{t("registry.household.archived")}</p>}
        <SummaryList
          rows={[
            [t("registry.field.address"), h.address],
            [t("registry.field.village"), villages.find((v) => v.value === h.villageCode)?.label ?? h.villageCode],
            [t("registry.field.poverty"), h.poverty ? flagLabel(t, h.poverty) : t("registry.poverty.none")],
          ]}
        />
        <h2>{t("registry.household.members")}</h2>
        <DataTable
          caption={t("registry.household.members")}
          stack
          rows={v.members}
          columns={[
            { header: t("registry.col.name"), rowHeader: true, cell: (m) => <a href={`/office/registry/residents/${m.id}`}>{m.fullName}</a> },
            { header: t("registry.col.relation"), cell: (m) => relationLabel(t, m.relationToHead) },
            { header: t("registry.col.born"), num: true, cell: (m) => m.birthYear },
            { header: t("registry.col.phone"), nowrap: true, cell: (m) => m.phone ?? "" },
            { header: t("registry.col.flags"), cell: (m) => m.flags.map((f) => flagLabel(t, f)).join("; ") },
            ...(editable
              ? [
                  {
                    header: t("registry.resident.move"),
                    cell: (m: (typeof v.members)[number]) => (
                      <a href={`/office/registry/residents/${m.id}#move`}>{t("registry.household.moveMember", { name: m.fullName })}</a>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {outreach && (
          <section aria-labelledby="outreach" class="registry-outreach">
            <h2 id="outreach">{t("registry.household.outreach")}</h2>
            {outreach}
          </section>
        )}
        <h2>{t("registry.household.moves")}</h2>
        <DataTable
          caption={t("registry.household.moves")}
          stack
          rows={v.moves}
          empty={<p>{t("registry.household.noMoves")}</p>}
          columns={[
            { header: t("registry.col.when"), nowrap: true, cell: (m) => formatDate(m.movedAt, locale) },
            { header: t("registry.col.name"), cell: (m) => <a href={`/office/registry/residents/${m.residentId}`}>{m.residentName}</a> },
            ...moveFromToColumns(t),
            ...moveReasonByColumns(t, names),
          ]}
        />
        {editable && (
          <>
            <h2 id="edit">{t("registry.household.edit")}</h2>
            <form method="post" action={`/office/registry/households/${h.id}`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="version" value={String(h.version)} />
              <Field t={t} form={editForm} name="address" label={labels.address} />
              <SelectField t={t} form={editForm} name="villageCode" label={labels.villageCode} options={villages} />
              <SelectField
                t={t}
                form={editForm}
                name="poverty"
                label={labels.poverty}
                placeholder={t("registry.poverty.none")}
                options={POVERTY.map((x) => ({ value: x, label: flagLabel(t, x) }))}
              />
              <Button>{t("registry.household.save")}</Button>
            </form>
            <h2 id="add">{t("registry.household.addMember")}</h2>
            <form method="post" action={`/office/registry/households/${h.id}/residents`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <ResidentFields t={t} form={form} prefix="new." relation />
              <Button>{t("registry.household.add")}</Button>
            </form>
            {v.members.length > 1 && (
              <>
                <h2 id="head">{t("registry.household.changeHead")}</h2>
                <form method="post" action={`/office/registry/households/${h.id}/head`} novalidate>
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="version" value={String(h.version)} />
                  <SelectField
                    t={t}
                    form={form}
                    name="residentId"
                    label={labels.residentId}
                    options={v.members.filter((m) => m.id !== h.headId).map((m) => ({ value: m.id, label: m.fullName }))}
                  />
                  <SelectField t={t} form={form} name="formerHeadRelation" label={labels.formerHeadRelation} options={relationOptions(t)} />
                  <Button>{t("registry.household.changeHeadSubmit")}</Button>
                </form>
              </>
            )}
          </>
        )}
      </Layout>,
      status,
    );
  };

  /** Runs a write; its field errors come back on the page, a stale version shows the latest with a notice. */
  const run = (c: Context<AppEnv>, id: string, values: Record<string, string>, fn: () => Promise<unknown>, flash: FlashKey, prefix = "") =>
    runRecordWrite(c, secure, (opts, status) => show(c, id, opts, status), { values, fn, flash, prefix, redirectTo: `/office/registry/households/${id}` });
  const form = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    return c.req.parseBody({ all: true });
  };
  const text = bodyText;
  const bad = (c: Context<AppEnv>, id: string, values: Record<string, string>, errors: FieldError[]) => show(c, id, { form: { values, errors } }, 400);

  const edit = async (c: Context<AppEnv>, id: string) => {
    const body = await form(c);
    const values = { address: text(body, "address"), villageCode: text(body, "villageCode"), poverty: text(body, "poverty") };
    const parsed = UpdateHouseholdInput.safeParse({
      version: Number(text(body, "version")) || 0,
      address: values.address,
      villageCode: values.villageCode || undefined,
      poverty: values.poverty || null,
    });
    if (!parsed.success) return bad(c, id, values, fieldErrorsFromZod(parsed.error.issues));
    return run(c, id, values, () => updateHousehold(deps, ctxOf(c), id, parsed.data), "registry.flash.saved");
  };

  const add = async (c: Context<AppEnv>, id: string) => {
    const body = await form(c);
    const m = residentFromForm(body, "new.", "omit");
    const values = Object.fromEntries(Object.entries(m.values).map(([k, v]) => [`new.${k}`, v]));
    const parsed = memberInput(() => deps.clock.now()).safeParse(m.value);
    const dayErrors = m.dayErrors.map((e) => ({ ...e, field: `new.${e.field}` }));
    if (!parsed.success || dayErrors.length > 0) {
      const errors = parsed.success ? [] : fieldErrorsFromZod(parsed.error.issues).map((e) => ({ ...e, field: `new.${e.field}` }));
      return bad(c, id, values, [...dayErrors, ...errors.filter((e) => !dayErrors.some((d) => d.field === e.field))]);
    }
    return run(c, id, values, () => addResident(deps, ctxOf(c), id, parsed.data), "registry.flash.added", "new.");
  };

  const head = async (c: Context<AppEnv>, id: string) => {
    const body = await form(c);
    const values = { residentId: text(body, "residentId"), formerHeadRelation: text(body, "formerHeadRelation") };
    const parsed = ChangeHeadInput.safeParse({
      version: Number(text(body, "version")) || 0,
      residentId: values.residentId,
      formerHeadRelation: values.formerHeadRelation || undefined,
    });
    if (!parsed.success) return bad(c, id, values, fieldErrorsFromZod(parsed.error.issues));
    return run(c, id, values, () => changeHead(deps, ctxOf(c), id, parsed.data), "registry.flash.headChanged");
  };

  return { show: (c: Context<AppEnv>, id: string) => show(c, id), edit, add, head };
}
