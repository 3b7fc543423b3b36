// /office/registry/residents/:id: the person, their household, an edit form (with the version), a move form (into a
// household of a chosen village, to head a new one, or away), removal from the registry, and their moves. It also
// holds the place for the links area: assisted filing and the citizen-account link (routes of links/).
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
  RadioGroup,
  SelectField,
  SummaryList,
} from "../../../platform/views/components.tsx";
import { DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { ARCHIVE_REASONS, ArchiveResidentInput, MOVE_KINDS, MoveResidentInput, updateResidentInput } from "../registry.contract.ts";
import { moverNames } from "../registry.present.ts";
import { archiveResident } from "../use-cases/archive-resident.ts";
import { getResident } from "../use-cases/get-resident.ts";
import { moveResident } from "../use-cases/move-resident.ts";
import { mayEdit } from "../use-cases/registry-access.ts";
import { updateResident } from "../use-cases/update-resident.ts";
import type { ResidentPanel } from "../registry-slots.ts";
import { moveFromToColumns, moveReasonByColumns } from "./move-columns.tsx";
import { ResidentFields, residentLabels } from "./resident-fields.tsx";
import { bodyText, flagLabel, type RegistryWeb, relationLabel, relationOptions, residentFromForm, runRecordWrite, villagesOf } from "./registry-web.ts";

type Forms = { form?: FormState; notice?: MessageKey };

export function residentPages(web: RegistryWeb, panel?: ResidentPanel) {
  const { deps, page, secure } = web;

  const show = async (c: Context<AppEnv>, id: string, opts: Forms = {}, status: 200 | 400 | 409 = 200) => {
    const ctx = page(c);
    const { t, locale } = ctx;
    const asked = c.req.query("moveVillage");
    const wanted = asked && /^\d{5}\.\d{3}$/.test(asked) ? asked : undefined;
    // The move form offers the households of a chosen village, the person's own by default.
    const first = await getResident(deps, ctxOf(c), id, { moveTargets: wanted ? { village: wanted } : {} });
    const r = first.resident;
    const moveVillage = wanted ?? r.villageCode;
    const targets = first.moveTargets;
    const names = await moverNames(deps.db, first.moves);
    const editable = !r.archivedAt && mayEdit(ctx.principal, { code: r.villageCode, path: r.unitPath });
    const form = opts.form ?? emptyForm();
    const current: Record<string, string> = {
      fullName: r.fullName,
      birthDate: r.birthDate ?? "",
      birthYear: r.birthDate ? "" : String(r.birthYear),
      sex: r.sex ?? "",
      phone: r.phone ?? "",
      citizenIdNumber: r.citizenIdNumber ?? "",
      ethnicity: r.ethnicity ?? "",
      language: r.language ?? "",
      flags: r.flags.join(","),
      relationToHead: r.relationToHead,
    };
    const editForm: FormState = { values: { ...current, ...form.values }, errors: form.errors };
    const villages = await villagesOf(deps, r.communeCode);
    const labels = {
      ...residentLabels(t),
      "move.kind": t("registry.field.moveKind"),
      "move.toHouseholdId": t("registry.field.toHousehold"),
      "move.relationToHead": t("registry.field.relationToHead"),
      "move.toVillageCode": t("registry.field.toVillage"),
      "move.address": t("registry.field.address"),
      "move.reason": t("registry.field.reason"),
      "archive.reason": t("registry.field.archiveReason"),
      "archive.mergedInto": t("registry.field.mergedInto"),
    };
    const isHead = first.household?.headId === r.id;
    // The outreach slot (src/modules.ts): the person's skills, a form to confirm one, their visits.
    const outreach =
      panel && !r.archivedAt
        ? await panel(c, ctx, {
            residentId: r.id,
            householdId: r.householdId,
            communeCode: r.communeCode,
            villageCode: r.villageCode,
            unitPath: r.unitPath,
            returnTo: `/office/registry/residents/${r.id}#outreach`,
          })
        : null;
    return c.html(
      <Layout ctx={ctx} title={r.fullName} office>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            { href: `/office/registry?commune=${r.communeCode}`, label: t("registry.title") },
            ...(r.householdId ? [{ href: `/office/registry/households/${r.householdId}`, label: t("registry.resident.household") }] : []),
            { label: r.fullName },
          ]}
        />
        {opts.notice && (
          <div class="notice" role="status">
            <p>{t(opts.notice)}</p>
          </div>
        )}
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <h1>{r.fullName}</h1>
        {r.archivedReason && <p class="notice">{t("registry.resident.archived", { reason: t(`registry.archive.${r.archivedReason}`) })}</p>}
        <SummaryList
          rows={[
            [
              t("registry.resident.household"),
              r.householdId ? (
                <a href={`/office/registry/households/${r.householdId}`}>{first.household?.address ?? ""}</a>
              ) : (
                t("registry.resident.noHousehold")
              ),
            ],
            [t("registry.field.relationToHead"), relationLabel(t, r.relationToHead)],
            [t("registry.field.birthDate"), r.birthDate ? formatDate(new Date(`${r.birthDate}T00:00:00Z`), locale) : String(r.birthYear)],
            [t("registry.field.sex"), r.sex ? t(`registry.sex.${r.sex}`) : t("registry.sex.unknown")],
            [t("registry.field.phone"), r.phone ?? "—"],
            [t("registry.field.citizenIdNumber"), r.citizenIdNumber ?? "—"],
            [t("registry.field.ethnicity"), r.ethnicity ?? "—"],
            [t("registry.field.language"), r.language ?? "—"],
            [t("registry.field.flags"), r.flags.map((f) => flagLabel(t, f)).join("; ") || "—"],
          ]}
        />
        {outreach && (
          <section aria-labelledby="outreach" class="registry-outreach">
            <h2 id="outreach">{t("registry.resident.outreach")}</h2>
            {outreach}
          </section>
        )}
        {/* The links area (links/) serves these two routes: assisted filing and the account link. */}
        <section aria-labelledby="links-place" class="registry-links">
          <h2 id="links-place">{t("registry.resident.linksPlace")}</h2>
          <p>
            <a href={`/office/registry/residents/${r.id}/assist`}>{t("registry.resident.assist")}</a>
          </p>
          <form method="post" action={`/office/registry/residents/${r.id}/link`}>
            <CsrfField token={ctx.csrfToken} />
            <p>{t("registry.resident.accountLink")}</p>
            <Button variant="secondary">{t("registry.resident.accountLinkSubmit")}</Button>
          </form>
        </section>
        {editable && (
          <>
            <h2 id="edit">{t("registry.resident.edit")}</h2>
            <form method="post" action={`/office/registry/residents/${r.id}`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="version" value={String(r.version)} />
              <ResidentFields t={t} form={editForm} prefix="" relation={!isHead} />
              <Button>{t("registry.resident.save")}</Button>
            </form>
            <h2 id="move">{t("registry.resident.move")}</h2>
            {isHead && <p class="hint">{t("registry.resident.headNote")}</p>}
            <form method="get" action={`/office/registry/residents/${r.id}#move`}>
              <SelectField t={t} form={emptyForm({ moveVillage })} name="moveVillage" label={t("registry.field.village")} options={villages} />
              <Button variant="secondary">{t("registry.move.chooseVillage")}</Button>
            </form>
            <form method="post" action={`/office/registry/residents/${r.id}/move`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="version" value={String(r.version)} />
              <RadioGroup
                t={t}
                form={form}
                name="move.kind"
                legend={labels["move.kind"]}
                options={MOVE_KINDS.map((k) => ({ value: k, label: t(`registry.move.${k}`) }))}
              />
              {targets.length > 0 ? (
                <SelectField
                  t={t}
                  form={form}
                  name="move.toHouseholdId"
                  label={labels["move.toHouseholdId"]}
                  placeholder=""
                  options={targets.filter((h) => h.id !== r.householdId).map((h) => ({ value: h.id, label: `${h.headName ?? "—"}, ${h.address}` }))}
                />
              ) : (
                <p>{t("registry.move.noHouseholds")}</p>
              )}
              <SelectField t={t} form={form} name="move.relationToHead" label={labels["move.relationToHead"]} options={relationOptions(t)} />
              <SelectField t={t} form={form} name="move.toVillageCode" label={labels["move.toVillageCode"]} placeholder="" options={villages} />
              <Field t={t} form={form} name="move.address" label={labels["move.address"]} />
              <Field t={t} form={form} name="move.reason" label={labels["move.reason"]} />
              <Button>{t("registry.resident.moveSubmit")}</Button>
            </form>
            <h2 id="archive">{t("registry.resident.archive")}</h2>
            <form method="post" action={`/office/registry/residents/${r.id}/archive`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="version" value={String(r.version)} />
              <RadioGroup
                t={t}
                form={form}
                name="archive.reason"
                legend={labels["archive.reason"]}
                options={ARCHIVE_REASONS.map((k) => ({ value: k, label: t(`registry.archive.${k}`) }))}
              />
              <Field t={t} form={form} name="archive.mergedInto" label={labels["archive.mergedInto"]} />
              <Button variant="warning">{t("registry.resident.archiveSubmit")}</Button>
            </form>
          </>
        )}
        <h2>{t("registry.resident.history")}</h2>
        <DataTable
          caption={t("registry.resident.history")}
          stack
          rows={first.moves}
          empty={<p>{t("registry.resident.noHistory")}</p>}
          columns={[
            { header: t("registry.col.when"), nowrap: true, cell: (m) => formatDate(m.movedAt, locale) },
            ...moveFromToColumns(t),
            { header: t("registry.col.relation"), cell: (m) => (m.relationToHead ? relationLabel(t, m.relationToHead) : "") },
            ...moveReasonByColumns(t, names),
          ]}
        />
      </Layout>,
      status,
    );
  };

  const run = (c: Context<AppEnv>, id: string, values: Record<string, string>, fn: () => Promise<unknown>, flash: FlashKey, prefix: string, anchor: string) =>
    runRecordWrite(c, secure, (opts, status) => show(c, id, opts, status), {
      values,
      fn,
      flash,
      prefix,
      redirectTo: `/office/registry/residents/${id}${anchor}`,
    });
  const body = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    return c.req.parseBody({ all: true });
  };
  const text = bodyText;
  const version = (b: Record<string, unknown>) => Number(text(b, "version")) || 0;
  const bad = (c: Context<AppEnv>, id: string, values: Record<string, string>, errors: FieldError[]) => show(c, id, { form: { values, errors } }, 400);

  const edit = async (c: Context<AppEnv>, id: string) => {
    const b = await body(c);
    const m = residentFromForm(b, "", "null");
    const parsed = updateResidentInput(() => deps.clock.now()).safeParse({ ...m.value, version: version(b) });
    if (!parsed.success || m.dayErrors.length > 0) {
      const errors = parsed.success ? [] : fieldErrorsFromZod(parsed.error.issues);
      return bad(c, id, m.values, [...m.dayErrors, ...errors.filter((e) => !m.dayErrors.some((d) => d.field === e.field))]);
    }
    return run(c, id, m.values, () => updateResident(deps, ctxOf(c), id, parsed.data), "registry.flash.saved", "", "");
  };

  const move = async (c: Context<AppEnv>, id: string) => {
    const b = await body(c);
    const keys = ["kind", "toHouseholdId", "relationToHead", "toVillageCode", "address", "reason"];
    const values = Object.fromEntries(keys.map((k) => [`move.${k}`, text(b, `move.${k}`)]));
    const input = Object.fromEntries(keys.map((k) => [k, text(b, `move.${k}`)]).filter(([, v]) => v !== ""));
    const parsed = MoveResidentInput.safeParse({ ...input, version: version(b) });
    if (!parsed.success)
      return bad(
        c,
        id,
        values,
        fieldErrorsFromZod(parsed.error.issues).map((e) => ({ ...e, field: `move.${e.field}` })),
      );
    return run(c, id, values, () => moveResident(deps, ctxOf(c), id, parsed.data), "registry.flash.moved", "move.", "");
  };

  const archive = async (c: Context<AppEnv>, id: string) => {
    const b = await body(c);
    const values = { "archive.reason": text(b, "archive.reason"), "archive.mergedInto": text(b, "archive.mergedInto") };
    const merged = values["archive.mergedInto"].trim();
    const parsed = ArchiveResidentInput.safeParse({
      version: version(b),
      reason: values["archive.reason"] || undefined,
      ...(merged ? { mergedInto: merged } : {}),
    });
    if (!parsed.success)
      return bad(
        c,
        id,
        values,
        fieldErrorsFromZod(parsed.error.issues).map((e) => ({ ...e, field: `archive.${e.field}` })),
      );
    return run(c, id, values, () => archiveResident(deps, ctxOf(c), id, parsed.data), "registry.flash.archived", "archive.", "");
  };

  return { show: (c: Context<AppEnv>, id: string) => show(c, id), edit, move, archive };
}
