// /office/trainings: the list, the form of a new session, one session (attendees, materials, who still needs
// training, the search that picks attendees from the registry) and a material's download.
import type { Context } from "hono";
import { scopePaths } from "../../../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { clientIp } from "../../../../platform/http/client-ip.ts";
import { fileResponse } from "../../../../platform/http/file-response.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt, readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatNumber } from "../../../../platform/i18n/format.ts";
import { readDayFields, withDayErrors } from "../../../../platform/text/day-input.ts";
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
} from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { loadTraining } from "../../use-cases/training-access.ts";
import { recordAttendees } from "../../use-cases/training-attendees.ts";
import { createTraining } from "../../use-cases/training-create.ts";
import { getTraining, NEEDS_LIMIT } from "../../use-cases/training-get.ts";
import { listTrainings } from "../../use-cases/training-list.ts";
import { addTrainingMaterial, getTrainingMaterial } from "../../use-cases/training-materials.ts";
import { CONFIRM } from "../campaigns.contract.ts";
import { dayText, filled, ListHead, NewRecordPage, SkillBoxes, skillOptions, unitOptions } from "./shared.tsx";

const FIELDS = ["unitCode", "heldOn", "place", "topic", "trainer", "skillKeys"] as const;
const sizeText = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function trainingPages(kit: PageKit) {
  const { deps, secure, page } = kit;

  /** GET /office/trainings */
  const list = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const items = await listTrainings(deps, ctxOf(c));
    return c.html(
      <Layout ctx={ctx} title={t("trainings.title")} office>
        <ListHead
          t={t}
          title={t("trainings.title")}
          lead={t("trainings.lead")}
          newHref="/office/trainings/new"
          newLabel={t("trainings.new")}
          mayCreate={scopePaths(p, "training.manage").length > 0}
        />
        <DataTable
          caption={t("trainings.title")}
          stack
          rows={items}
          empty={<p>{t("trainings.none")}</p>}
          columns={[
            { header: t("trainings.col.heldOn"), nowrap: true, cell: (r) => dayText(r.heldOn) },
            { header: t("trainings.col.topic"), rowHeader: true, cell: (r) => <a href={`/office/trainings/${r.id}`}>{r.topic}</a> },
            { header: t("trainings.col.place"), cell: (r) => `${r.place} (${r.unitName})` },
            { header: t("trainings.col.trainer"), cell: (r) => r.trainer },
            { header: t("trainings.col.skills"), cell: (r) => r.skillKeys.join(", ") },
            { header: t("trainings.col.attendees"), num: true, cell: (r) => formatNumber(r.attendeeCount, locale) },
          ]}
        />
      </Layout>,
    );
  };

  /** GET /office/trainings/new, and the form again with its errors. */
  const form = async (c: Context<AppEnv>, f: FormState = emptyForm(), status: 200 | 400 | 404 = 200) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const units = await unitOptions(deps, p, "training.manage", ["commune", "village"]);
    if (units.length === 0) throw new AppError("forbidden", "error.forbidden");
    const skills = await skillOptions(deps, p, "training.manage", locale);
    const labels = Object.fromEntries(FIELDS.map((k) => [k, t(`trainings.field.${k}`)]));
    return c.html(
      <NewRecordPage
        ctx={ctx}
        listHref="/office/trainings"
        listTitle={t("trainings.title")}
        title={t("trainings.new")}
        form={f}
        labels={labels}
        submit={t("trainings.create")}
      >
        <SelectField t={t} form={f} name="unitCode" label={labels.unitCode!} options={units} required />
        <Field t={t} form={f} name="heldOn" label={labels.heldOn!} kind="date" required />
        <Field t={t} form={f} name="place" label={labels.place!} required />
        <Field t={t} form={f} name="topic" label={labels.topic!} required />
        <Field t={t} form={f} name="trainer" label={labels.trainer!} required />
        <SkillBoxes t={t} form={f} legend={labels.skillKeys!} hint={t("trainings.field.skillKeysHint")} options={skills} />
      </NewRecordPage>,
      status,
    );
  };

  /** POST /office/trainings/new */
  const create = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const values = await readForm(c);
    const days = readDayFields(values, ["heldOn"]);
    // One checkbox per skill of the checklist, named skill.<key>: gathered into skillKeys.
    const boxes = Object.keys(days.values).filter((k) => k.startsWith("skill."));
    const input: Record<string, unknown> = filled(Object.fromEntries(Object.entries(days.values).filter(([k]) => !boxes.includes(k))));
    input.skillKeys = boxes.filter((k) => days.values[k] === "1").map((k) => k.slice("skill.".length));
    const res = await attempt(() => createTraining(deps, ctxOf(c), input));
    if (!res.ok) {
      // skillKeys.1 is the second box ticked: the error goes to the group.
      const errors = res.errors.map((e) => (e.field.startsWith("skillKeys.") ? { ...e, field: "skillKeys" } : e));
      return form(c, { values, errors: withDayErrors(errors, days.errors) }, errors.some((e) => e.code === "not_found") ? 404 : 400);
    }
    setFlash(c, "trainings.flash.created", secure);
    return c.redirect(`/office/trainings/${res.data.id}`, 303);
  };

  /** GET /office/trainings/:id (?q= searches residents to add). */
  const show = async (c: Context<AppEnv>, errors: FieldError[] = [], status: 200 | 400 | 404 | 413 | 429 = 200) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const q = (c.req.query("q") ?? "").trim();
    const d = await getTraining(deps, ctxOf(c), c.req.param("id") ?? "", { search: q });
    const tr = d.training;
    const manages = scopePaths(p, "training.manage").some((path) => tr.unitPath.startsWith(path));
    const labels = { q: t("trainings.attendees.search"), residentIds: t("trainings.attendees.found"), file: t("trainings.materials.file") };
    const searchForm: FormState = {
      values: { q },
      errors: q && q.length < 2 ? [{ field: "q", code: "too_small", message: "validation.tooShort", params: { min: 2 } }] : [],
    };
    const base = `/office/trainings/${tr.id}`;
    return c.html(
      <Layout ctx={ctx} title={tr.topic} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: "/office/trainings", label: t("trainings.title") }, { label: tr.topic }]}
        />
        <ErrorSummary t={t} errors={[...errors, ...searchForm.errors]} labels={labels} />
        <h1>{tr.topic}</h1>
        <SummaryList
          rows={[
            [t("trainings.col.heldOn"), dayText(tr.heldOn)],
            [t("trainings.col.place"), `${tr.place} (${tr.unitName})`],
            [t("trainings.col.trainer"), tr.trainer],
            [t("trainings.col.skills"), tr.skillKeys.join(", ") || "–"],
          ]}
        />

        <h2>{t("trainings.attendees.title")}</h2>
        <DataTable
          caption={t("trainings.attendees.title")}
          stack
          rows={d.attendees}
          empty={<p>{t("trainings.attendees.none")}</p>}
          columns={[
            { header: t("trainings.col.name"), rowHeader: true, cell: (r) => r.fullName },
            { header: t("trainings.col.birthYear"), num: true, cell: (r) => String(r.birthYear) },
            { header: t("trainings.col.village"), cell: (r) => r.villageName },
          ]}
        />
        {d.attendeesHidden > 0 && <p class="hint">{t("trainings.attendees.hidden", { n: formatNumber(d.attendeesHidden, locale) })}</p>}

        {manages && (
          <>
            <h2>{t("trainings.attendees.add")}</h2>
            <form method="get" action={base} class="search-form">
              <Field t={t} form={searchForm} name="q" label={labels.q} hint={t("trainings.attendees.searchHint")} autocomplete="off" />
              <Button variant="secondary">{t("trainings.attendees.searchButton")}</Button>
            </form>
            {d.found && d.found.length === 0 && <p>{t("trainings.attendees.notFound")}</p>}
            {d.found && d.found.length > 0 && (
              <form method="post" action={`${base}/attendees`}>
                <CsrfField token={ctx.csrfToken} />
                <fieldset>
                  <legend id={`f-residentIds`}>{t("trainings.attendees.found")}</legend>
                  {d.found.map((r, i) => (
                    <div class="checkbox">
                      <input type="checkbox" id={`pick-${i}`} name="residentIds" value={r.residentId} />
                      <label for={`pick-${i}`}>{`${r.fullName} (${r.birthYear}), ${r.villageName}`}</label>
                    </div>
                  ))}
                </fieldset>
                <RadioGroup
                  t={t}
                  form={emptyForm({ confirmSkills: "none" })}
                  name="confirmSkills"
                  legend={t("trainings.attendees.confirm")}
                  options={CONFIRM.map((v) => ({ value: v, label: t(`trainings.attendees.confirm.${v}`) }))}
                />
                <Button>{t("trainings.attendees.save")}</Button>
              </form>
            )}
          </>
        )}

        <h2>{t("trainings.materials.title")}</h2>
        <DataTable
          caption={t("trainings.materials.title")}
          rows={d.materials}
          empty={<p>{t("trainings.materials.none")}</p>}
          columns={[
            { header: t("trainings.col.file"), rowHeader: true, cell: (m) => <a href={`${base}/materials/${m.fileId}`}>{m.name}</a> },
            { header: t("trainings.col.size"), num: true, cell: (m) => sizeText(m.sizeBytes) },
          ]}
        />
        {manages && (
          <form method="post" action={`${base}/materials`} enctype="multipart/form-data">
            <CsrfField token={ctx.csrfToken} />
            <Field
              t={t}
              form={{ values: {}, errors }}
              name="file"
              label={labels.file}
              kind="file"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            />
            <Button variant="secondary">{t("trainings.materials.upload")}</Button>
          </form>
        )}

        <h2>{t("trainings.needs.title")}</h2>
        {tr.skillKeys.length === 0 ? (
          <p>{t("trainings.needs.noSkills")}</p>
        ) : (
          <>
            <p class="hint">{t("trainings.needs.lead", { unit: tr.unitName })}</p>
            {d.needsTrainingTotal > d.needsTraining.length && (
              <p>{t("trainings.needs.more", { shown: formatNumber(NEEDS_LIMIT, locale), total: formatNumber(d.needsTrainingTotal, locale) })}</p>
            )}
            <DataTable
              caption={t("trainings.needs.title")}
              stack
              rows={d.needsTraining}
              empty={<p>{t("trainings.needs.none")}</p>}
              columns={[
                { header: t("trainings.col.name"), rowHeader: true, cell: (r) => r.fullName },
                { header: t("trainings.col.birthYear"), num: true, cell: (r) => String(r.birthYear) },
                { header: t("trainings.col.village"), cell: (r) => r.villageName },
                { header: t("trainings.col.missing"), cell: (r) => r.missing.join(", ") },
              ]}
            />
          </>
        )}
      </Layout>,
      status,
    );
  };

  const statusOf = (errors: FieldError[], fallback: 400 | 413 | 429 = 400) => (errors.some((e) => e.code === "not_found") ? 404 : fallback);

  /** POST /office/trainings/:id/attendees */
  const attendees = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const id = c.req.param("id") ?? "";
    await loadTraining(deps, c.get("principal"), id, { manage: true });
    const body = await c.req.parseBody({ all: true });
    const picked = body.residentIds;
    const residentIds = (Array.isArray(picked) ? picked : picked === undefined ? [] : [picked]).filter((v): v is string => typeof v === "string");
    const confirmSkills = typeof body.confirmSkills === "string" ? body.confirmSkills : "none";
    const res = await attempt(() => recordAttendees(deps, ctxOf(c), id, { residentIds, confirmSkills }));
    if (!res.ok)
      return show(
        c,
        res.errors.map((e) => ({ ...e, field: e.field.split(".")[0] ?? e.field })),
        statusOf(res.errors),
      );
    setFlash(c, "trainings.flash.attendees", secure);
    return c.redirect(`/office/trainings/${id}`, 303);
  };

  /** POST /office/trainings/:id/materials (multipart) */
  const material = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const id = c.req.param("id") ?? "";
    await loadTraining(deps, c.get("principal"), id, { manage: true });
    const body = await c.req.parseBody();
    const file = body.file instanceof File && body.file.size > 0 ? body.file : null;
    try {
      await addTrainingMaterial(deps, ctxOf(c), id, {
        name: file?.name ?? "",
        bytes: file ? new Uint8Array(await file.arrayBuffer()) : null,
        clientIp: clientIp(c, deps.config.trustedProxies),
      });
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) return show(c, err.fields, err.status === 429 ? 429 : 400);
      throw err;
    }
    setFlash(c, "trainings.flash.material", secure);
    return c.redirect(`/office/trainings/${id}`, 303);
  };

  /** GET /office/trainings/:id/materials/:fileId */
  const download = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    return fileResponse(c, await getTrainingMaterial(deps, ctxOf(c), c.req.param("id") ?? "", c.req.param("fileId") ?? ""));
  };

  return { list, form, create, show: (c: Context<AppEnv>) => show(c), attendees, material, download };
}
