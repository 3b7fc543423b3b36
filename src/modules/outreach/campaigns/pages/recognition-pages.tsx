// /office/recognition: the teams and members who did most in a period; /office/recognition/print: the same as a
// list to print for certificates (no navigation, names, team, village, figures, period).
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError, validationError } from "../../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatNumber } from "../../../../platform/i18n/format.ts";
import { readDayFields, withDayErrors } from "../../../../platform/text/day-input.ts";
import { Breadcrumbs, Button, ErrorSummary, Field, type FormState, SelectField } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { PrintLayout } from "../../../../platform/views/print-layout.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import type { PageContext } from "../../../../platform/views/page-context.ts";
import { type Recognition, recognise } from "../../use-cases/recognition.ts";
import { exportRecognition } from "../../use-cases/recognition-export.ts";
import { RecognitionQuery } from "../campaigns.contract.ts";
import { dayText, filled, unitOptions } from "./shared.tsx";

function Tables(props: { ctx: PageContext; r: Recognition }) {
  const { t, locale } = props.ctx;
  const n = (x: number) => formatNumber(x, locale);
  const figures = [
    { header: t("recognition.col.visits"), num: true, cell: (x: { visits: number }) => n(x.visits) },
    { header: t("recognition.col.households"), num: true, cell: (x: { householdsHelped: number }) => n(x.householdsHelped) },
    { header: t("recognition.col.skills"), num: true, cell: (x: { skillsConfirmed: number }) => n(x.skillsConfirmed) },
  ];
  if (props.r.members.length === 0) return <p>{t("recognition.none")}</p>;
  return (
    <>
      <h2>{t("recognition.teams")}</h2>
      <DataTable
        caption={t("recognition.teams")}
        stack
        rows={props.r.teams}
        columns={[
          { header: t("recognition.col.rank"), num: true, cell: (x) => n(x.rank) },
          { header: t("recognition.col.team"), rowHeader: true, cell: (x) => x.name },
          { header: t("recognition.col.village"), cell: (x) => x.villageName ?? "–" },
          { header: t("recognition.col.members"), num: true, cell: (x) => n(x.members) },
          ...figures,
        ]}
      />
      <h2>{t("recognition.members")}</h2>
      <DataTable
        caption={t("recognition.members")}
        stack
        rows={props.r.members}
        columns={[
          { header: t("recognition.col.rank"), num: true, cell: (x) => n(x.rank) },
          { header: t("recognition.col.member"), rowHeader: true, cell: (x) => x.name },
          { header: t("recognition.col.team"), cell: (x) => x.teamName ?? "–" },
          { header: t("recognition.col.village"), cell: (x) => x.villageName ?? "–" },
          ...figures,
        ]}
      />
    </>
  );
}

export function recognitionPages(kit: PageKit) {
  const { deps, page } = kit;

  /** The query as typed (dd/mm/yyyy days), read into the use case's terms; errors name the field. */
  const read = (c: Context<AppEnv>) => {
    const values = { from: c.req.query("from") ?? "", to: c.req.query("to") ?? "", unit: c.req.query("unit") ?? "" };
    const days = readDayFields(values, ["from", "to"]);
    const parsed = RecognitionQuery.safeParse(filled(days.values));
    const errors = withDayErrors(parsed.success ? [] : validationError(parsed.error.issues).fields, days.errors);
    return { values, errors, query: parsed.success && days.errors.length === 0 ? parsed.data : null };
  };

  /** GET /office/recognition?from=&to=&unit= */
  const show = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t } = ctx;
    const { values, errors, query } = read(c);
    const r = query ? await recognise(deps, ctxOf(c), query) : null;
    const units = await unitOptions(deps, p, "coverage.read", ["province", "commune", "village"]);
    const f: FormState = { values: r ? { ...values, from: dayText(r.from), to: dayText(r.to) } : values, errors };
    const labels = { from: t("recognition.field.from"), to: t("recognition.field.to"), unit: t("recognition.field.unit") };
    const qs = r ? new URLSearchParams({ from: r.from, to: r.to, ...(r.unitCode ? { unit: r.unitCode } : {}) }).toString() : "";
    return c.html(
      <Layout ctx={ctx} title={t("recognition.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("recognition.title") }]} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <h1>{t("recognition.title")}</h1>
        <p class="lead">{t("recognition.lead")}</p>
        <form method="get" action="/office/recognition" novalidate>
          <Field t={t} form={f} name="from" label={labels.from} kind="date" />
          <Field t={t} form={f} name="to" label={labels.to} kind="date" />
          <SelectField t={t} form={f} name="unit" label={labels.unit} placeholder={t("recognition.field.unitAll")} options={units} />
          <Button variant="secondary">{t("recognition.show")}</Button>
        </form>
        {r && (
          <>
            <p>{t("recognition.period", { from: dayText(r.from), to: dayText(r.to) })}</p>
            <p class="hint">{t("recognition.rule")}</p>
            {r.members.length > 0 && (
              <p>
                <a href={`/office/recognition/print?${qs}`}>{t("recognition.print")}</a>
                {" · "}
                <a href={`/office/recognition.xlsx?${qs}`}>{t("recognition.xlsx")}</a>
              </p>
            )}
            <Tables ctx={ctx} r={r} />
          </>
        )}
      </Layout>,
      r ? 200 : 400,
    );
  };

  /** GET /office/recognition/print?from=&to=&unit=: a document of its own, without the site's navigation. */
  const print = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const ctx = page(c);
    const { t } = ctx;
    const { errors, query } = read(c);
    if (!query) throw new AppError("validation", "error.validation", errors);
    const r = await recognise(deps, ctxOf(c), query);
    const title = t("recognition.certificate");
    return c.html(
      <PrintLayout ctx={ctx} title={title}>
        <div class="container">
          <main id="main">
            <p class="no-print">
              <a href={`/office/recognition?${new URLSearchParams({ from: r.from, to: r.to, ...(r.unitCode ? { unit: r.unitCode } : {}) })}`}>
                {t("recognition.back")}
              </a>
            </p>
            <h1>{title}</h1>
            <p>
              {r.unitName ? `${r.unitName}. ` : ""}
              {t("recognition.period", { from: dayText(r.from), to: dayText(r.to) })}
            </p>
            <p>{t("recognition.rule")}</p>
            <Tables ctx={ctx} r={r} />
            <p>{t("recognition.signature")}</p>
          </main>
        </div>
      </PrintLayout>,
    );
  };

  /** GET /office/recognition.xlsx?from=&to=&unit= */
  const xlsx = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const { errors, query } = read(c);
    if (!query) throw new AppError("validation", "error.validation", errors);
    const file = await exportRecognition(deps, ctxOf(c), query);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": file.mediaType,
      "content-disposition": `attachment; filename="${file.filename}"`,
    });
  };

  return { show, print, xlsx };
}
