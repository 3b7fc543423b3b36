// Payment pages: the panel the dossier pages embed (amount, VietQR, the desk's forms), the receipt, the desk's
// confirm / waive / refund posts, and the commune's desk settings. POST → redirect → GET; errors beside fields.
import type { Context, Hono } from "hono";
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { WebContext } from "../../platform/http/web-context.ts";
import type { Deps } from "../../deps.ts";
import { useCaseContext as ctxOf } from "../../platform/auth/use-case-context.ts";
import type { FieldError } from "../../platform/http/app-error.ts";
import { attempt, readForm, validateForm } from "../../platform/http/forms.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { formatDateTime, formatMoney } from "../../platform/i18n/format.ts";
import type { Locale, MessageKey, Translate } from "../../platform/i18n/i18n.ts";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  emptyForm,
  ErrorSummary,
  type FormState,
  SelectField,
  SummaryList,
  Tag,
  TextField,
} from "../../platform/views/components.tsx";
import { Layout } from "../../platform/views/layout.tsx";
import { pageContext, type PageContext } from "../../platform/views/page-context.ts";
import { setFlash, takeFlash } from "../../platform/http/flash.ts";
import type { DossierRow } from "../dossiers/index.ts";
import { BANKS, bankByBin } from "./banks.ts";
import { ConfirmPaymentInput, DESK_METHODS, DeskSettingsInput, ExemptInput, type FeeStatus, RefundInput } from "./payments.contract.ts";
import type { PaymentRow } from "./payments.repository.ts";
import { canConfirmPayments } from "./use-cases/payment-access.ts";
import { confirmPayment, markExempt, refundPayment } from "./use-cases/desk-payments.ts";
import { getDeskSettings, saveDeskSettings } from "./use-cases/desk-settings.ts";
import { type PaymentQr, paymentQrFor } from "./use-cases/payment-qr.ts";
import { getPaymentInfo, getReceipt, paymentsForDossier } from "./use-cases/read-payments.ts";

const statusTone = (s: FeeStatus | PaymentRow["status"]) => (s === "paid" ? "green" : s === "unpaid" ? "red" : "grey");
const methodLabel = (t: Translate, m: PaymentRow["method"]) => t(`payments.method.${m}` as MessageKey);
export const receiptPath = (paymentId: string) => `/payments/${paymentId}/receipt`;

// The desk's forms sit on the dossier page beside its other forms, so their field names carry a prefix
// (ids are derived from names and must stay unique on the page).
const CONFIRM_FIELDS: Record<string, string> = { method: "payMethod", note: "payNote" };
const EXEMPT_FIELDS: Record<string, string> = { reason: "exemptReason" };
const REFUND_FIELDS: Record<string, string> = { reason: "refundReason" };
const fromForm = (values: Record<string, string>, names: Record<string, string>) =>
  Object.fromEntries(Object.entries(names).map(([field, name]) => [field, values[name] ?? ""]));
const errorsToForm = (errors: FieldError[], names: Record<string, string>) => errors.map((e) => ({ ...e, field: names[e.field] ?? e.field }));

export type PaymentPanelProps = {
  t: Translate;
  locale?: Locale;
  dossierId: string;
  fee: { amount: number; status: FeeStatus };
  /** From paymentQrFor(); null when nothing is to be paid by transfer. */
  qr: PaymentQr | null;
  payments: PaymentRow[];
  /** The one-stop desk of the dossier's commune (see canConfirmPayments). */
  canConfirm: boolean;
  csrfToken: string;
  /** False where the page already shows the amount and its status. */
  showSummary?: boolean;
  headingLevel?: 2 | 3;
  forms?: { confirm?: FormState; exempt?: FormState };
};

/** How to pay a dossier's fee, what was recorded, and for the desk the forms to record it. */
export function PaymentPanel(p: PaymentPanelProps) {
  const { t } = p;
  const locale = p.locale ?? "vi";
  const H = p.headingLevel === 3 ? "h3" : "h2";
  const Sub = p.headingLevel === 3 ? "h4" : "h3";
  const money = (n: number) => formatMoney(n, locale);
  const unpaid = p.fee.status === "unpaid" && p.fee.amount > 0;
  if (p.fee.amount <= 0 && p.payments.length === 0) {
    return p.showSummary === false ? null : <p>{t("payments.noFee")}</p>;
  }
  return (
    <section class="payment-panel" aria-labelledby="payment-title">
      <H id="payment-title">{t("payments.title")}</H>
      {p.showSummary !== false && (
        <SummaryList
          rows={[
            [t("payments.amount"), money(p.fee.amount)],
            [t("payments.statusLabel"), <Tag tone={statusTone(p.fee.status)}>{t(`payments.status.${p.fee.status}`)}</Tag>],
          ]}
        />
      )}
      {unpaid && p.qr && (
        <>
          <div class="payment-qr">
            <p>
              <strong>{t("payments.scanQr")}</strong>
            </p>
            {raw(p.qr.svg)}
            <p class="hint">{t("payments.scanQrHint")}</p>
          </div>
          <p>{t("payments.transferByHand")}</p>
          <SummaryList
            rows={[
              [t("payments.bank"), p.qr.bankName],
              [t("payments.accountNumber"), <code>{p.qr.accountNumber}</code>],
              ...(p.qr.accountName ? ([[t("payments.accountName"), p.qr.accountName]] as [string, Child][]) : []),
              [t("payments.amount"), money(p.qr.amount)],
              [
                t("payments.transferNote"),
                <>
                  <code>{p.qr.purpose}</code>
                  <br />
                  <span class="hint">{t("payments.transferNoteHint")}</span>
                </>,
              ],
            ]}
          />
          {!p.canConfirm && <p>{t("payments.afterTransfer")}</p>}
        </>
      )}
      {unpaid && !p.qr && <p>{t("payments.noBankAccount")}</p>}
      {p.payments.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption>{t("payments.history")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("payments.receiptNo")}</th>
                <th scope="col">{t("payments.method")}</th>
                <th scope="col">{t("payments.amount")}</th>
                <th scope="col">{t("payments.confirmedAt")}</th>
                <th scope="col">{t("payments.statusLabel")}</th>
              </tr>
            </thead>
            <tbody>
              {p.payments.map((x) => (
                <tr>
                  <td>
                    <a href={receiptPath(x.id)}>
                      <span class="nowrap">{x.receiptNo}</span>
                      <span class="visually-hidden"> – {t("payments.viewReceipt")}</span>
                    </a>
                  </td>
                  <td>{methodLabel(t, x.method)}</td>
                  <td class="nowrap">{money(x.amount)}</td>
                  <td>{formatDateTime(new Date(x.confirmedAt), locale)}</td>
                  <td>
                    <Tag tone={statusTone(x.status)}>{t(`payments.status.${x.status}`)}</Tag>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {unpaid && p.canConfirm && (
        <>
          <Sub id="payment-confirm">{t("payments.confirm.title")}</Sub>
          <form method="post" action={`/office/dossiers/${p.dossierId}/payment/confirm`} novalidate>
            <CsrfField token={p.csrfToken} />
            <SelectField
              t={t}
              form={p.forms?.confirm ?? emptyForm({ payMethod: p.qr ? "vietqr" : "cash" })}
              name="payMethod"
              label={t("payments.confirm.method")}
              options={DESK_METHODS.map((m) => ({ value: m, label: methodLabel(t, m) }))}
              required
            />
            <TextField t={t} form={p.forms?.confirm ?? emptyForm()} name="payNote" label={t("payments.confirm.note")} hint={t("payments.confirm.noteHint")} />
            <Button>{t("payments.confirm.submit", { amount: money(p.fee.amount) })}</Button>
          </form>
          <Sub id="payment-exempt">{t("payments.exempt.title")}</Sub>
          <form method="post" action={`/office/dossiers/${p.dossierId}/payment/exempt`} novalidate>
            <CsrfField token={p.csrfToken} />
            <TextField
              t={t}
              form={p.forms?.exempt ?? emptyForm()}
              name="exemptReason"
              label={t("payments.exempt.reason")}
              hint={t("payments.exempt.reasonHint")}
              required
            />
            <Button variant="secondary">{t("payments.exempt.submit")}</Button>
          </form>
        </>
      )}
    </section>
  );
}

/** Everything PaymentPanel needs for one dossier, for a page that has already checked the viewer may see it. */
export async function paymentPanelProps(deps: Pick<Deps, "db">, ctx: PageContext, dossier: DossierRow): Promise<PaymentPanelProps> {
  const [qr, payments] = await Promise.all([paymentQrFor(deps, dossier, ctx.locale), paymentsForDossier(deps, dossier.id)]);
  return {
    t: ctx.t,
    locale: ctx.locale,
    dossierId: dossier.id,
    fee: { amount: dossier.feeAmount, status: dossier.feeStatus },
    qr,
    payments,
    canConfirm: canConfirmPayments(ctx.principal, dossier),
    csrfToken: ctx.csrfToken,
  };
}

/**
 * The slot of the citizen dossier page (CitizenPageOptions.paymentPanel): that page shows the amount and
 * status itself, so this adds how to pay and the receipts. Null when there is nothing to add.
 */
export const citizenPaymentPanel =
  (deps: Pick<Deps, "db">) =>
  async (_c: Context<AppEnv>, dossier: DossierRow, ctx: PageContext): Promise<Child | null> => {
    const props = await paymentPanelProps(deps, ctx, dossier);
    if (!props.qr && props.payments.length === 0 && dossier.feeStatus !== "unpaid") return null;
    return <PaymentPanel {...props} canConfirm={false} showSummary={false} headingLevel={3} />;
  };

/** The slot of the office dossier page: the panel with the desk's actions (confirm, exempt, refund) where allowed. */
export const officePaymentPanel =
  (deps: Pick<Deps, "db">) =>
  async (_c: Context<AppEnv>, dossier: DossierRow, ctx: PageContext): Promise<Child | null> => <PaymentPanel {...(await paymentPanelProps(deps, ctx, dossier))} />;

export function registerPaymentPages(app: Hono<AppEnv>, web: WebContext) {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  const page = (c: Context<AppEnv>) => pageContext(c, web.assets, takeFlash(c, secure));

  // --- the desk's posts from the dossier page -----------------------------------------------------------

  /** Shown only when a desk form comes back with errors: the panel again, errors beside the fields. */
  const paymentFormPage = async (c: Context<AppEnv>, dossierId: string, forms: { confirm?: FormState; exempt?: FormState }) => {
    const ctx = page(c);
    const { t } = ctx;
    const info = await getPaymentInfo(deps, ctxOf(c), dossierId);
    const d = info.dossier;
    const props = await paymentPanelProps(deps, ctx, d);
    const errors = [...(forms.confirm?.errors ?? []), ...(forms.exempt?.errors ?? [])];
    const title = `${t("payments.title")} – ${d.code ?? ""}`;
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: `/office/dossiers/${d.id}`, label: d.code ?? d.id }, { label: t("payments.title") }]}
        />
        <ErrorSummary
          t={t}
          errors={errors}
          labels={{ payMethod: t("payments.confirm.method"), payNote: t("payments.confirm.note"), exemptReason: t("payments.exempt.reason") }}
        />
        <h1>{title}</h1>
        <PaymentPanel {...props} forms={forms} />
      </Layout>,
      400,
    );
  };

  app.post("/office/dossiers/:id/payment/confirm", async (c) => {
    const id = c.req.param("id");
    const values = await readForm(c);
    const parsed = validateForm(ConfirmPaymentInput, fromForm(values, CONFIRM_FIELDS));
    if (!parsed.ok) return paymentFormPage(c, id, { confirm: { values, errors: errorsToForm(parsed.errors, CONFIRM_FIELDS) } });
    const res = await attempt(() => confirmPayment(deps, ctxOf(c), id, parsed.data));
    if (!res.ok) return paymentFormPage(c, id, { confirm: { values, errors: errorsToForm(res.errors, CONFIRM_FIELDS) } });
    // The desk usually hands the receipt over next, so it opens straight away.
    setFlash(c, "payments.flash.confirmed", secure);
    return c.redirect(receiptPath(res.data.id), 303);
  });

  app.post("/office/dossiers/:id/payment/exempt", async (c) => {
    const id = c.req.param("id");
    const values = await readForm(c);
    const parsed = validateForm(ExemptInput, fromForm(values, EXEMPT_FIELDS));
    if (!parsed.ok) return paymentFormPage(c, id, { exempt: { values, errors: errorsToForm(parsed.errors, EXEMPT_FIELDS) } });
    const res = await attempt(() => markExempt(deps, ctxOf(c), id, parsed.data));
    if (!res.ok) return paymentFormPage(c, id, { exempt: { values, errors: errorsToForm(res.errors, EXEMPT_FIELDS) } });
    setFlash(c, "payments.flash.exempted", secure);
    return c.redirect(receiptPath(res.data.id), 303);
  });

  // --- the receipt ---------------------------------------------------------------------------------------

  const receiptPage = async (c: Context<AppEnv>, paymentId: string, refundForm: FormState = emptyForm(), status: 200 | 400 = 200) => {
    const ctx = page(c);
    const { t, locale } = ctx;
    const r = await getReceipt(deps, ctxOf(c), paymentId);
    const { payment: x, dossier: d } = r;
    const title = x.status === "exempt" ? t("payments.receipt.exemptTitle") : t("payments.receipt.title");
    const dossierHref = r.capacity === "office" ? `/office/dossiers/${d.id}` : `/me/dossiers/${d.id}`;
    const officer = x.confirmedById ? (x.confirmedByName ?? "—") : t("payments.byGateway");
    return c.html(
      <Layout ctx={ctx} title={`${title} ${x.receiptNo}`} office={r.capacity === "office"}>
        <Breadcrumbs
          t={t}
          items={[
            r.capacity === "office" ? { href: "/office", label: t("nav.office") } : { href: "/", label: t("nav.home") },
            { href: dossierHref, label: d.code ?? d.id },
            { label: x.receiptNo },
          ]}
        />
        <ErrorSummary t={t} errors={refundForm.errors} labels={{ refundReason: t("payments.refund.reason") }} />
        <article class="payment-receipt" aria-labelledby="receipt-title">
          <p class="payment-receipt__agency">{r.communeName}</p>
          {r.deskAddress && <p>{r.deskAddress}</p>}
          <h1 id="receipt-title">{title}</h1>
          <SummaryList
            rows={[
              [t("payments.receiptNo"), <strong>{x.receiptNo}</strong>],
              [t("payments.receipt.agency"), r.communeName],
              [t("payments.receipt.payer"), d.applicantName],
              [t("payments.receipt.dossierCode"), <code>{d.code ?? "—"}</code>],
              [t("payments.receipt.procedure"), r.procedureName],
              [t("payments.amount"), <strong>{formatMoney(x.amount, locale)}</strong>],
              [t("payments.method"), methodLabel(t, x.method)],
              [t("payments.confirmedAt"), formatDateTime(new Date(x.confirmedAt), locale)],
              [t("payments.confirmedBy"), officer],
              ...(x.note ? ([[t("payments.note"), x.note]] as [string, Child][]) : []),
              [t("payments.statusLabel"), <Tag tone={statusTone(x.status)}>{t(`payments.status.${x.status}`)}</Tag>],
            ]}
          />
          {x.refundedAt && <p>{t("payments.receipt.refundedOn", { date: formatDateTime(new Date(x.refundedAt), locale) })}</p>}
        </article>
        <p class="hint no-print">{t("payments.receipt.printHint")}</p>
        {r.canRefund && (
          <div class="no-print">
            <h2 id="refund">{t("payments.refund.title")}</h2>
            <form method="post" action={`/office/payments/${x.id}/refund`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextField t={t} form={refundForm} name="refundReason" label={t("payments.refund.reason")} hint={t("payments.refund.reasonHint")} required />
              <Button variant="warning">{t("payments.refund.submit")}</Button>
            </form>
          </div>
        )}
        <p class="no-print">
          <a href={dossierHref}>{t("payments.receipt.backToDossier")}</a>
        </p>
      </Layout>,
      status,
    );
  };

  app.get("/payments/:id/receipt", (c) => receiptPage(c, c.req.param("id")));

  app.post("/office/payments/:id/refund", async (c) => {
    const id = c.req.param("id");
    const values = await readForm(c);
    const parsed = validateForm(RefundInput, fromForm(values, REFUND_FIELDS));
    if (!parsed.ok) return receiptPage(c, id, { values, errors: errorsToForm(parsed.errors, REFUND_FIELDS) }, 400);
    const res = await attempt(() => refundPayment(deps, ctxOf(c), id, parsed.data));
    if (!res.ok) return receiptPage(c, id, { values, errors: errorsToForm(res.errors, REFUND_FIELDS) }, 400);
    setFlash(c, "payments.flash.refunded", secure);
    return c.redirect(receiptPath(id), 303);
  });

  // --- the commune's desk settings -----------------------------------------------------------------------

  const settingsPage = async (c: Context<AppEnv>, code: string, form?: FormState, status: 200 | 400 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    const s = await getDeskSettings(deps, ctxOf(c), code);
    const f =
      form ??
      emptyForm({
        agencyCode: s.configured ? s.agencyCode : "",
        deskAddress: s.deskAddress ?? "",
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
    const labels = {
      agencyCode: t("payments.settings.agencyCode"),
      deskAddress: t("payments.settings.deskAddress"),
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
        <form method="post" action={`/office/communes/${code}/settings`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField t={t} form={f} name="agencyCode" label={labels.agencyCode} hint={t("payments.settings.agencyCodeHint")} required autocomplete="off" />
          <TextField t={t} form={f} name="deskAddress" label={labels.deskAddress} autocomplete="street-address" />
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

  app.get("/office/communes/:code/settings", (c) => settingsPage(c, c.req.param("code")));

  app.post("/office/communes/:code/settings", async (c) => {
    const code = c.req.param("code");
    // Authorise before looking at the form, so that strangers learn nothing from validation messages.
    await getDeskSettings(deps, ctxOf(c), code);
    const values = await readForm(c);
    const parsed = validateForm(DeskSettingsInput, values);
    if (!parsed.ok) return settingsPage(c, code, { values, errors: parsed.errors }, 400);
    const res = await attempt(() => saveDeskSettings(deps, ctxOf(c), code, parsed.data));
    if (!res.ok) return settingsPage(c, code, { values, errors: res.errors }, 400);
    setFlash(c, "payments.flash.settingsSaved", secure);
    return c.redirect(`/office/communes/${code}/settings`, 303);
  });
}
