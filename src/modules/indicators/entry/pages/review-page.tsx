// GET/POST /office/indicators/review (indicator.review): the submitted values of the province's communes grouped by
// commune and period, with their evidence; approve or return each (a comment is required to return), or approve a
// commune's whole period at once. POST → redirect → GET; a missing comment comes back beside the field.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Field, type FormState } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { indicatorPaths } from "../../indicator-paths.ts";
import { periodOf } from "../../periods.ts";
import { setsForProvince } from "../../set-store.ts";
import { manualElements, periodLabel } from "../entry-rules.ts";
import type { ReviewRow } from "../entry.repository.ts";
import * as repo from "../entry.repository.ts";
import { reviewQueue, reviewValues } from "../use-cases/entry-review.ts";
import { EntryNav, valueText } from "./shared.tsx";

export function reviewPage(kit: PageKit) {
  const { deps, page, secure } = kit;

  const render = async (c: Context<AppEnv>, form: FormState | null, status: 200 | 400) => {
    const p = requireSignedIn(c);
    const rows = await reviewQueue(deps, { principal: p });
    const ctx = page(c);
    const { t, locale } = ctx;
    const groups = new Map<string, ReviewRow[]>();
    for (const r of rows) groups.set(`${r.unitCode}|${r.period}`, [...(groups.get(`${r.unitCode}|${r.period}`) ?? []), r]);
    const names = new Map<string, string>();
    for (const province of new Set(rows.map((r) => r.provinceCode)))
      for (const e of manualElements(await setsForProvince(deps, province))) names.set(e.key, locale === "en" ? e.nameEn : e.name);
    const evidence = await repo.evidenceOf(
      deps.db,
      rows.map((r) => r.id),
    );
    const f = form ?? { values: {}, errors: [] };
    return c.html(
      <Layout ctx={ctx} title={t("indicators.entry.review.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("indicators.entry.review.title") }]} />
        <ErrorSummary t={t} errors={f.errors} labels={{ comment: t("indicators.entry.review.comment") }} />
        <h1>{t("indicators.entry.review.title")}</h1>
        <p>{t("indicators.entry.review.intro")}</p>
        <EntryNav t={t} enter={false} review />
        {rows.length === 0 && <p>{t("indicators.entry.review.empty")}</p>}
        {[...groups.values()].map((items) => {
          const first = items[0]!;
          const period = periodOf(first.period, "2100-12-31")!;
          const heading = t("indicators.entry.review.group", { unit: first.communeName, period: periodLabel(t, period) });
          return (
            <section>
              <h2>
                <a href={indicatorPaths.entryForm(first.unitCode, first.period)}>{heading}</a>
              </h2>
              {items.map((r) => {
                const own = f.values.id === r.id;
                return (
                  <form method="post" action={indicatorPaths.review} novalidate class="fieldset">
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="id" value={r.id} />
                    <h3>{names.get(r.elementKey) ?? r.elementKey}</h3>
                    <p>
                      {t("indicators.entry.review.value")}: <strong>{r.value == null ? "–" : valueText(r.value, locale)}</strong>
                      {r.note && ` — ${r.note}`}
                    </p>
                    <ul>
                      {evidence
                        .filter((e) => e.valueId === r.id)
                        .map((e) => (
                          <li>
                            <a href={indicatorPaths.evidence(e.id)}>{e.name}</a>
                          </li>
                        ))}
                    </ul>
                    <Field
                      t={t}
                      form={own ? f : { values: {}, errors: [] }}
                      name="comment"
                      id={own ? undefined : `f-comment-${r.id}`}
                      label={t("indicators.entry.review.comment")}
                      kind="textarea"
                      rows={2}
                    />
                    <Button name="decision" value="approve">
                      {t("indicators.entry.review.approve")}
                    </Button>{" "}
                    <Button name="decision" value="return" variant="warning">
                      {t("indicators.entry.review.return")}
                    </Button>
                  </form>
                );
              })}
              {items.length > 1 && (
                <form method="post" action={indicatorPaths.review}>
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="unit" value={first.unitCode} />
                  <input type="hidden" name="period" value={first.period} />
                  <Button name="decision" value="approve">
                    {t("indicators.entry.review.approveAll", { unit: first.communeName, period: periodLabel(t, period) })}
                  </Button>
                </form>
              )}
            </section>
          );
        })}
      </Layout>,
      status,
    );
  };

  const post = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const body = await c.req.parseBody();
    const str = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
    const decision = str("decision") === "return" ? "return" : "approve";
    const comment = str("comment");
    const input = str("id") ? { decision, comment, ids: [str("id")] } : { decision, comment, unit: str("unit"), period: str("period") };
    try {
      await reviewValues(deps, useCaseContext(c), input as Parameters<typeof reviewValues>[2]);
    } catch (err) {
      if (!(err instanceof AppError) || err.fields.length === 0) throw err;
      return render(c, { values: { id: str("id"), comment }, errors: err.fields as FieldError[] }, 400);
    }
    setFlash(c, decision === "approve" ? "indicators.entry.flash.approved" : "indicators.entry.flash.returned", secure);
    return c.redirect(indicatorPaths.review, 303);
  };

  return { get: (c: Context<AppEnv>) => render(c, null, 200), post };
}
