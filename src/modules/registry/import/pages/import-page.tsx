// GET /office/registry/imports/:id: the check's result (counts, problems by row and column, duplicates to decide),
// the Commit button; while committing, the progress (the page reloads itself); then the result.
// POST /office/registry/imports/:id/commit: small files are written before the answer, large ones in the background.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { formatNumber } from "../../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../../platform/i18n/i18n.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, RadioGroup, SummaryList, Tag } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import type { PageContext } from "../../../../platform/views/page-context.ts";
import { type Decision, prepareCommit } from "../../use-cases/import-commit.ts";
import { getImport } from "../../use-cases/import-read.ts";
import { RELATION_LABELS } from "../household-file.ts";
import type { Duplicate } from "../import.repository.ts";
import { STATUS_TONE } from "./imports-page.tsx";

/** Files with more people than this are committed in the background, the browser following the progress page. */
export const BACKGROUND_FROM = 1000;
const REFRESH_SECONDS = 2;

function matchText(ctx: PageContext, d: Duplicate): string {
  const { t } = ctx;
  const name = d.existing?.fullName ? `${d.existing.fullName} (${d.existing.villageCode ?? ""})` : t("registryImport.dup.elsewhere");
  return t(`registryImport.dup.${d.kind}`, { row: d.otherRow ?? 0, name });
}

export function importPages(web: PageKit) {
  const { deps, page } = web;

  const show = async (
    c: Context<AppEnv>,
    id: string,
    form: { values: Record<string, string>; errors: FieldError[] } = { values: {}, errors: [] },
    status: 200 | 400 = 200,
  ) => {
    const imp = await getImport(deps, ctxOf(c), id, { sample: 10 });
    const ctx = page(c);
    const { t, locale } = ctx;
    const n = (x: number | undefined) => formatNumber(x ?? 0, locale);
    const problemCount = imp.summary.problemCount ?? imp.problems.length;
    const open = imp.status === "checked" || imp.status === "failed";
    const committing = imp.status === "committing";
    return c.html(
      <Layout ctx={ctx} title={`${t("registryImport.preview")}: ${imp.fileName}`} office refreshSeconds={committing ? REFRESH_SECONDS : undefined}>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: "/office/registry/imports", label: t("registryImport.title") }, { label: imp.fileName }]}
        />
        <ErrorSummary t={t} errors={form.errors} />
        <h1>
          {imp.fileName} <Tag tone={STATUS_TONE[imp.status]}>{t(`registryImport.status.${imp.status}`)}</Tag>
        </h1>
        {committing && (
          <p role="status">
            {t("registryImport.progress", { done: n(imp.processedRows), total: n(imp.totalRows) })}{" "}
            <progress max={imp.totalRows} value={imp.processedRows} aria-label={t("registryImport.status.committing")} />
          </p>
        )}
        {imp.status === "committed" && (
          <p role="status">
            {t("registryImport.done")}{" "}
            {imp.summary.imported &&
              t("registryImport.summary.imported", {
                households: n(imp.summary.imported.households),
                people: n(imp.summary.imported.people),
                skipped: n(imp.summary.imported.skipped),
              })}
          </p>
        )}
        {imp.status === "failed" && imp.summary.error && (
          <p class="error-message" role="alert">
            {t("registryImport.failed", { reason: t(imp.summary.error.message as MessageKey, imp.summary.error.params) })}
          </p>
        )}
        <h2>{t("registryImport.preview")}</h2>
        <SummaryList
          rows={[
            [t("registryImport.summary.people"), n(imp.summary.people)],
            [t("registryImport.summary.households"), n(imp.summary.households)],
            [t("registryImport.summary.villages"), n(imp.summary.villages)],
            [t("registryImport.summary.problems"), n(problemCount)],
            [t("registryImport.summary.duplicates"), n(imp.duplicates.length)],
          ]}
        />
        {problemCount > 0 && (
          <>
            <h2 id="problems">{t("registryImport.problems")}</h2>
            <p>{t("registryImport.problemsLead")}</p>
            <DataTable
              caption={t("registryImport.problems")}
              id="problems-caption"
              stack
              rows={imp.problems}
              columns={[
                { header: t("registryImport.col.sheet"), cell: (p) => p.sheet },
                { header: t("registryImport.col.row"), num: true, cell: (p) => p.row },
                { header: t("registryImport.col.column"), nowrap: true, cell: (p) => p.column ?? "" },
                { header: t("registryImport.col.message"), cell: (p) => t(p.message, p.params) },
              ]}
            />
            {problemCount > imp.problems.length && <p>{t("registryImport.problemsMore", { n: n(problemCount - imp.problems.length) })}</p>}
          </>
        )}
        {imp.sample.length > 0 && (
          <>
            <h2 id="sample">{t("registryImport.sample")}</h2>
            <DataTable
              caption={t("registryImport.sample")}
              id="sample-caption"
              stack
              rows={imp.sample}
              columns={[
                { header: t("registryImport.col.row"), num: true, cell: (p) => p.row },
                { header: t("registryImport.col.person"), rowHeader: true, cell: (p) => p.fullName },
                { header: t("registryImport.col.details"), cell: (p) => `${RELATION_LABELS[p.relation]} · ${p.birthYear || ""} · ${p.household}` },
              ]}
            />
          </>
        )}
        {open && problemCount === 0 && (
          <form method="post" action={`/office/registry/imports/${imp.id}/commit`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            {imp.duplicates.length > 0 && (
              <>
                <h2 id="duplicates">{t("registryImport.duplicates")}</h2>
                <p>{t("registryImport.duplicatesLead")}</p>
                {imp.duplicates.map((d) => (
                  <RadioGroup
                    t={t}
                    form={form}
                    name={`decision.${d.row}`}
                    errorName={`decisions.${d.row}`}
                    legend={`${t("registryImport.decision.legend", { row: d.row, name: `${d.fullName} (${d.birthYear})` })} — ${matchText(ctx, d)}`}
                    options={[
                      { value: "skip", label: t("registryImport.decision.skip") },
                      ...(d.canImport ? [{ value: "import", label: t("registryImport.decision.import") }] : []),
                    ]}
                  />
                ))}
              </>
            )}
            <p>{t("registryImport.commitLead")}</p>
            <Button>{t("registryImport.commit")}</Button>
          </form>
        )}
        {open && problemCount > 0 && <p>{t("registryImport.cannotCommit")}</p>}
        <p>
          <a href="/office/registry/imports">{t("registryImport.again")}</a>
        </p>
      </Layout>,
      status,
    );
  };

  /** POST /office/registry/imports/:id/commit (form: decision.<row> = skip | import) */
  const commit = async (c: Context<AppEnv>, id: string) => {
    const body = await c.req.parseBody();
    const values: Record<string, string> = {};
    const decisions: Decision[] = [];
    for (const [k, v] of Object.entries(body)) {
      const m = /^decision\.(\d{1,7})$/.exec(k);
      if (!m || (v !== "skip" && v !== "import")) continue;
      values[k] = v;
      decisions.push({ row: Number(m[1]), action: v });
    }
    const uc = ctxOf(c);
    let job: Awaited<ReturnType<typeof prepareCommit>>;
    try {
      job = await prepareCommit(deps, uc, id, { decisions });
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) return show(c, id, { values, errors: err.fields }, 400);
      throw err;
    }
    if (job.people > BACKGROUND_FROM) {
      // The page follows the progress; a failure is recorded on the import (failImport) and shown there.
      job.run().catch((err: unknown) => deps.log.warn({ err, importId: id }, "registry import not committed"));
    } else {
      await job.run().catch((err: unknown) => {
        if (!(err instanceof AppError)) throw err;
      });
    }
    return c.redirect(`/office/registry/imports/${id}`, 303);
  };

  return { show, commit };
}
