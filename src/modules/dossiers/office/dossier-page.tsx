// One dossier in the office face: its summary, print links, action forms, form data, documents and history.
import type { Context } from "hono";
import { OriginalsSeenList, supplementItemText } from "../dossier-records.tsx";
import type { Child } from "hono/jsx";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { fileResponse } from "../../../platform/http/file-response.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, type FieldLabels, SummaryList, Tag } from "../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import { usersWithRole } from "../../identity/index.ts";
import type { PaymentPanel } from "../citizen/my-dossier-page.tsx";
import type { ProcedureRecord } from "../../procedures/index.ts";
import { type ActionType, nationalStatusOf } from "../dossier-workflow.ts";
import { PRINTABLE_FORMS, printableForms } from "../use-cases/print-forms.ts";
import { getDossier } from "../use-cases/get-dossier.ts";
import { getDossierFile } from "../use-cases/get-dossier-file.ts";
import type { DossierDocument, DossierEvent, DossierView } from "../dossiers.model.ts";
import {
  type ActionForm,
  ActionFields,
  actionFieldLabels,
  actionLabel,
  FILE_ACTIONS,
  isAction,
  type Notice,
  stateLabel,
  WARNING_ACTIONS,
} from "./action-forms.tsx";
import type { OfficeWeb } from "./office-context.ts";
import { PRINT_PATHS } from "./print-routes.ts";
import { pauseGroundLabel, pauseGroundOf } from "../pause-grounds.ts";
import { InteragencySteps, organisationRow } from "./workflow-sections.tsx";
import { localNoon } from "../../../platform/calendar/vietnam-time.ts";

function formValue(field: ProcedureRecord["definition"]["form"][number], v: unknown, locale: PageContext["locale"]): string {
  if (v === null || v === undefined || v === "") return "–";
  if (field.type === "person" && typeof v === "object") {
    const p = v as { fullName?: string; birthDate?: string | null; citizenIdNumber?: string | null };
    return [p.fullName, p.birthDate ? formatDate(localNoon(p.birthDate), locale) : null, p.citizenIdNumber].filter(Boolean).join(", ") || "–";
  }
  if (field.type === "choice") return field.options?.find((o) => o.value === v)?.label ?? String(v);
  if (field.type === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(new Date(`${v}T12:00:00+07:00`), locale);
  if (field.type === "number" && typeof v === "number") return formatNumber(v, locale);
  return typeof v === "string" ? v : JSON.stringify(v);
}

function DossierPage(props: {
  ctx: PageContext;
  view: DossierView;
  assigneeName: string | null;
  form: ActionForm | null;
  notice: Notice | null;
  payment: Child | null;
  /** The application clock's time, so a fake clock judges lateness like everything else. */
  now: Date;
}) {
  const { ctx, view } = props;
  const { t, locale } = ctx;
  const d = view.dossier;
  const def = view.procedure.definition;
  const base = `/office/dossiers/${d.id}`;
  const at = (x: Date | null) => (x ? formatDateTime(new Date(x), locale) : "–");
  const actions = view.actions.filter(isAction);
  const documentColumns: Column<DossierDocument>[] = [
    { header: t("dossiers.office.documents.requirement"), cell: (doc) => docName(doc.requirementKey) },
    {
      header: t("dossiers.office.documents.file"),
      cell: (doc) => (
        <>
          <a href={`${base}/files/${doc.id}`}>{doc.name}</a>{" "}
          <span class="nowrap">({formatNumber(Math.max(1, Math.round(doc.sizeBytes / 1024)), locale)} KB)</span>
        </>
      ),
    },
    { header: t("dossiers.office.documents.source"), cell: (doc) => t(`dossiers.office.source.${doc.source}`) },
    { header: t("dossiers.office.documents.round"), num: true, cell: (doc) => doc.round },
  ];
  const eventColumns: Column<DossierEvent>[] = [
    { header: t("dossiers.office.history.at"), nowrap: true, cell: (e) => at(e.at) },
    { header: t("dossiers.office.history.action"), cell: (e) => actionLabel(t, e.action) },
    { header: t("dossiers.office.history.actor"), cell: (e) => e.actorLabel },
    { header: t("dossiers.office.history.state"), cell: (e) => stateLabel(t, e.toState) },
    {
      header: t("dossiers.office.history.note"),
      cell: (e) => {
        const ground = pauseGroundOf(e);
        return ground ? [pauseGroundLabel(t, ground), e.reason].filter(Boolean).join(": ") : (e.reason ?? "");
      },
    },
  ];
  const printable = printableForms(view);
  const labels = actionFieldLabels(t);
  const summaryErrors = (props.form?.errors ?? []).map((e) => ({ ...e, field: `${props.form!.action}.${e.field}` }));
  const summaryLabels: FieldLabels = Object.fromEntries(
    summaryErrors.map((e) => {
      const name = e.field.slice(e.field.indexOf(".") + 1);
      const item = view.supplements.flatMap((s) => s.items).find((i) => name === `documents.${i.key}`);
      return [e.field, item?.label ?? labels[name] ?? labels[name.split(".")[0] ?? name] ?? name];
    }),
  );
  const docName = (key: string) =>
    key === "result"
      ? t("dossiers.office.doc.result", { name: def.resultName })
      : (def.documents.find((x) => x.key === key)?.name ??
        def.form.find((x) => x.key === key)?.label ??
        view.supplements.flatMap((s) => s.items).find((i) => i.key === key)?.label ??
        key);
  const delivery = [
    t(`dossiers.delivery.${d.delivery.method}`),
    d.delivery.address ?? null,
    d.delivery.collectedBy ? t("dossiers.office.collectedByValue", { name: d.delivery.collectedBy }) : null,
    d.delivery.trackingNumber ? t("dossiers.office.trackingValue", { number: d.delivery.trackingNumber }) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const national = nationalStatusOf(d);
  const title = d.code ?? t("dossiers.office.noCode");
  const optional = (show: unknown, row: () => [string, Child]): [string, Child][] => (show ? [row()] : []);
  // The application as filed: who asks, for what, how the result goes back. Add rows about the application here.
  const applicationRows: [string, Child][] = [
    [
      t("dossiers.office.summary.procedure"),
      t("dossiers.office.procedureVersion", { name: def.name, code: view.procedure.code, version: view.procedure.version }),
    ],
    ...organisationRow(ctx, d.applicant),
    [
      t("dossiers.office.summary.applicant"),
      [d.applicant.fullName, d.applicant.citizenIdNumber, d.applicant.phone, d.applicant.email, d.applicant.address].filter(Boolean).join(" · "),
    ],
    [t("dossiers.office.summary.channel"), t(`dossiers.channel.${d.channel}`)],
    [t("dossiers.office.summary.delivery"), delivery],
    ...optional(d.assistedConsent, () => [
      t("dossiers.office.summary.consent"),
      [
        t(`dossiers.consent.${d.assistedConsent!.method}`),
        t("dossiers.office.consentBy", {
          name: d.assistedConsent!.recordedByName ?? d.assistedConsent!.recordedBy,
          at: at(new Date(d.assistedConsent!.at)),
        }),
        d.assistedConsent!.note,
      ]
        .filter(Boolean)
        .join(" · "),
    ]),
  ];
  // Where the dossier stands: state, deadlines, handler, fee. Add rows about processing here.
  const processingRows: [string, Child][] = [
    [
      t("dossiers.office.summary.state"),
      <>
        <Tag tone={d.state === "refused" || d.state === "cancelled" ? "red" : d.state === "returned" ? "green" : undefined}>{stateLabel(t, d.state)}</Tag>{" "}
        {national !== null && t("dossiers.office.nationalStatus", { n: national })}
      </>,
    ],
    [t("dossiers.office.summary.submitted"), at(d.submittedAt)],
    ...(view.receiveBy
      ? ([
          [
            t("dossiers.office.summary.receiveBy"),
            <>
              {at(view.receiveBy.at)} {view.receiveBy.late && <Tag tone="red">{t("dossiers.office.tag.lateToReceive")}</Tag>}
            </>,
          ],
        ] as [string, Child][])
      : []),
    [t("dossiers.office.summary.received"), at(d.receivedAt)],
    // The receipt's (Mẫu 01) and the register's (Mẫu 07) entry, one numbering per book and year.
    ...optional(d.registerNumber !== null, () => [
      t("dossiers.office.summary.register"),
      t("dossiers.office.registerEntry", { year: d.registerYear ?? "", number: d.registerNumber ?? "" }),
    ]),
    [t("dossiers.office.summary.due"), at(d.dueAt)],
    ...optional(d.apologyDueAt, () => [t("dossiers.office.summary.newDue"), at(d.apologyDueAt)]),
    ...optional(d.stepDueAt, () => [t("dossiers.office.summary.stepDue"), at(d.stepDueAt)]),
    ...optional(props.assigneeName, () => [t("dossiers.office.summary.assignee"), props.assigneeName ?? ""]),
    ...optional(d.forwardedTo, () => [t("dossiers.office.summary.forwardedTo"), d.forwardedTo ?? ""]),
    [
      t("dossiers.office.summary.fee"),
      d.feeAmount > 0 ? `${formatMoney(d.feeAmount, locale)} · ${t(`dossiers.office.fee.${d.feeStatus}`)}` : t("dossiers.office.fee.none"),
    ],
  ];
  const proposal = d.state === "awaitingApproval" ? view.events.findLast((e) => e.action === "propose") : undefined;
  const mainActions = sortActions(actions.filter((a) => !APART_ACTIONS.has(a)));
  const apartActions = actions.filter((a) => APART_ACTIONS.has(a));
  const actionForm = (a: ActionType) => (
    <section aria-labelledby={`action-${a}`}>
      <h3 id={`action-${a}`}>{actionLabel(t, a)}</h3>
      <form method="post" action={`${base}/actions/${a}`} enctype={FILE_ACTIONS.has(a) ? "multipart/form-data" : undefined} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(d.version)} />
        <ActionFields ctx={ctx} view={view} action={a} form={props.form} />
        {!(a === "assign" && view.specialists.length === 0) && <Button variant={WARNING_ACTIONS.has(a) ? "warning" : undefined}>{actionLabel(t, a)}</Button>}
      </form>
    </section>
  );
  // The page is a list of sections in reading order: the application and its documents first, then where it
  // stands, what to do next (the positive action first), the refusal apart, prints and history. Add a section
  // as one more <PageSection> at its place.
  return (
    <Layout ctx={ctx} title={title} office>
      <Breadcrumbs
        t={t}
        items={[
          { href: "/office", label: t("nav.office") },
          { href: `/office/desk?commune=${d.communeCode}`, label: t("dossiers.office.desk.title") },
          { label: title },
        ]}
      />
      <ErrorSummary t={t} errors={summaryErrors} labels={summaryLabels} />
      {props.notice && (
        <div class="notice" role="alert" tabindex={-1} autofocus>
          <h2>{t("dossiers.office.changed.title")}</h2>
          <p>{t(props.notice.key, props.notice.params)}</p>
        </div>
      )}
      <h1>
        <span class="hint">{t("dossiers.office.dossier")}</span> {title}
      </h1>
      <p>
        <Tag tone={d.state === "refused" || d.state === "cancelled" ? "red" : d.state === "returned" ? "green" : undefined}>{stateLabel(t, d.state)}</Tag>
        {d.dueAt && <> {t("dossiers.work.dueLine", { at: at(d.apologyDueAt ?? d.dueAt) })}</>}
      </p>
      {printable.includes("receipt") && (
        <p>
          <a class="button" href={`${base}/receipt.pdf`}>
            {t("dossiers.office.print.receipt")}
          </a>
        </p>
      )}

      {proposal && (
        <section class="dossier-proposal" aria-labelledby="proposal">
          <h2 id="proposal">{t("dossiers.work.proposal.title")}</h2>
          <p class="hint">{t("dossiers.work.proposal.by", { name: proposal.actorLabel, at: at(proposal.at) })}</p>
          <p class="dossier-proposal__note">{proposal.reason ?? ""}</p>
        </section>
      )}

      <PageSection id="application" title={t("dossiers.work.section.application")}>
        <SummaryList rows={applicationRows} />
        <h3>{t("dossiers.office.form.title")}</h3>
        {def.form.filter((x) => x.type !== "file").length === 0 ? (
          <p>{t("dossiers.office.form.none")}</p>
        ) : (
          <SummaryList rows={def.form.filter((x) => x.type !== "file").map((x) => [x.label, formValue(x, d.formData[x.key], locale)] as [string, string])} />
        )}
      </PageSection>

      <PageSection id="documents" title={t("dossiers.office.documents.title")}>
        <DataTable
          caption={t("dossiers.office.documents.title")}
          columns={documentColumns}
          rows={view.documents}
          empty={<p>{t("dossiers.office.documents.none")}</p>}
        />
        <OriginalsSeenList ctx={ctx} seen={view.originalsSeen} docName={docName} />
        {view.supplements.length > 0 && (
          <>
            <h3>{t("dossiers.office.supplements.title")}</h3>
            {view.supplements.map((s) => (
              <section aria-labelledby={`round-${s.round}`}>
                <h4 id={`round-${s.round}`}>{t("dossiers.office.supplements.round", { n: s.round })}</h4>
                <p>
                  {t("dossiers.office.supplements.requested", { at: at(s.requestedAt) })}{" "}
                  {s.answeredAt ? (
                    t("dossiers.office.supplements.answered", { at: at(s.answeredAt) })
                  ) : (
                    <Tag tone="grey">{t("dossiers.office.supplements.open")}</Tag>
                  )}
                </p>
                <ul>
                  {s.items.map((i) => (
                    <li>{supplementItemText(ctx, i)}</li>
                  ))}
                </ul>
                {s.overrideReason && <p>{t("dossiers.office.supplements.override", { reason: s.overrideReason })}</p>}
                {s.note && <p>{s.note}</p>}
              </section>
            ))}
          </>
        )}
      </PageSection>

      <PageSection id="processing" title={t("dossiers.work.section.processing")}>
        <SummaryList rows={processingRows} />
        {props.payment}
      </PageSection>

      {mainActions.length > 0 && (
        <PageSection id="actions" title={t("dossiers.office.actions.title")}>
          {mainActions.map(actionForm)}
        </PageSection>
      )}

      {apartActions.length > 0 && (
        <section class="dossier-apart" aria-labelledby="apart">
          <details open={apartActions.some((a) => props.form?.action === a) || undefined}>
            <summary>
              <h2 id="apart">{t("dossiers.work.section.apart")}</h2>
            </summary>
            <p class="hint">{t("dossiers.work.apartHint")}</p>
            {apartActions.map(actionForm)}
          </details>
        </section>
      )}

      {printable.length > 0 && (
        <PageSection id="print" title={t("dossiers.office.print.title")}>
          <ul>
            {PRINT_PATHS.filter(([, kind]) => printable.includes(kind)).map(([slug, kind]) => (
              <li>
                <a href={`${base}/${slug}.pdf`}>{t(PRINTABLE_FORMS[kind].label)}</a>
              </li>
            ))}
          </ul>
        </PageSection>
      )}

      <InteragencySteps ctx={ctx} steps={view.interagencySteps ?? []} now={props.now} />

      <PageSection id="history" title={t("dossiers.office.history.title")}>
        <DataTable caption={t("dossiers.office.history.title")} columns={eventColumns} rows={view.events} />
      </PageSection>
    </Layout>
  );
}

/** One titled part of the dossier page; its heading names it for screen readers and the in-page links (#id). */
function PageSection(props: { id: string; title: string; children: Child }) {
  return (
    <section aria-labelledby={`${props.id}-title`} id={props.id}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** Refusing, pausing and cancelling stand apart from the way forward, so no one presses them by habit. */
export const APART_ACTIONS: ReadonlySet<ActionType> = new Set(["refuse", "cancel", "pause"]);
/** The way forward first: the action that moves the dossier on, then the detours. */
const FORWARD_ORDER: readonly ActionType[] = [
  "receive",
  "approve",
  "propose",
  "assign",
  "returnResult",
  "answerSupplement",
  "resume",
  "forwardReturned",
  "forward",
  "requestSupplement",
  "sendBack",
  "apologise",
];
const sortActions = (as: ActionType[]) =>
  [...as].sort((a, b) => (FORWARD_ORDER.indexOf(a) + 1 || FORWARD_ORDER.length + 1) - (FORWARD_ORDER.indexOf(b) + 1 || FORWARD_ORDER.length + 1));

export type DossierPageOptions = { form?: ActionForm; notice?: Notice; status?: 200 | 400 | 409 | 429 };

/** The fee panel is a slot filled by the payments module at composition (it shows and confirms payments). */
export function dossierPages(office: OfficeWeb, slots: { paymentPanel?: PaymentPanel } = {}) {
  const { deps, page } = office;

  /** GET /office/dossiers/:id, and the same page again after a failed action (400, 409, 429). */
  const show = async (c: Context<AppEnv>, id: string, opts: DossierPageOptions = {}) => {
    const view = await getDossier(deps, ctxOf(c), id, { as: "office" });
    const d = view.dossier;
    const assigneeName = d.assigneeId ? ((await usersWithRole(deps, "specialist", d.unitPath)).find((u) => u.id === d.assigneeId)?.displayName ?? null) : null;
    const pageCtx = page(c);
    const payment = d.feeAmount > 0 && slots.paymentPanel ? await slots.paymentPanel(c, d, pageCtx) : null;
    return c.html(
      <DossierPage
        ctx={pageCtx}
        view={view}
        assigneeName={assigneeName}
        form={opts.form ?? null}
        notice={opts.notice ?? null}
        payment={payment}
        now={deps.clock.now()}
      />,
      opts.status ?? 200,
    );
  };

  /** GET /office/dossiers/:id/files/:docId: one uploaded document, as a download like every stored file. */
  const sendFile = async (c: Context<AppEnv>, id: string, docId: string) => fileResponse(c, await getDossierFile(deps, ctxOf(c), id, docId, { as: "office" }));

  return { show, sendFile };
}
