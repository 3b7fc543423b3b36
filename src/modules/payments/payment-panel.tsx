// The payment panel the dossier pages embed: the amount, how to pay (VietQR and the account by hand), what was
// recorded, and for the desk the forms to record money received or a waiver.
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { Deps } from "../../deps.ts";
import { formatDateTime, formatMoney } from "../../platform/i18n/format.ts";
import type { Locale, MessageKey, Translate } from "../../platform/i18n/i18n.ts";
import { Button, CsrfField, emptyForm, type FormState, SelectField, SummaryList, Tag, TextField } from "../../platform/views/components.tsx";
import { type Column, DataTable } from "../../platform/views/data-table.tsx";
import type { PageContext } from "../../platform/views/page-context.ts";
import type { DossierRow } from "../dossiers/index.ts";
import { feeDue } from "./fee-rules.ts";
import { DESK_METHODS, type FeeStatus } from "./payments.contract.ts";
import type { PaymentRow } from "./payments.model.ts";
import { canConfirmPayments } from "./use-cases/payment-access.ts";
import { type PaymentQr, paymentQrFor } from "./use-cases/payment-qr.ts";
import { paymentsForDossier } from "./use-cases/list-dossier-payments.ts";

export const statusTone = (s: FeeStatus | PaymentRow["status"]) => (s === "paid" ? "green" : s === "unpaid" ? "red" : "grey");
export const methodLabel = (t: Translate, m: PaymentRow["method"]) => t(`payments.method.${m}` as MessageKey);
export const receiptPath = (paymentId: string) => `/payments/${paymentId}/receipt`;
export const receiptPdfPath = (paymentId: string) => `/payments/${paymentId}/receipt.pdf`;

export type PaymentPanelProps = {
  t: Translate;
  locale?: Locale;
  dossierId: string;
  fee: { amount: number; status: FeeStatus };
  /** False when the fee is not (or no longer) due: no QR, no forms to take it (see feeDue). Default: due while unpaid. */
  due?: boolean;
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

function paymentColumns(t: Translate, locale: Locale): Column<PaymentRow>[] {
  return [
    {
      header: t("payments.receiptNo"),
      cell: (x) => (
        <a href={receiptPath(x.id)}>
          <span class="nowrap">{x.receiptNo}</span>
          <span class="visually-hidden"> – {t("payments.viewReceipt")}</span>
        </a>
      ),
    },
    {
      header: t("forms.fee.pdf"),
      cell: (x) => (
        <a href={receiptPdfPath(x.id)}>
          {t("forms.fee.pdfShort")}
          <span class="visually-hidden"> – {x.receiptNo}</span>
        </a>
      ),
    },
    { header: t("payments.method"), cell: (x) => methodLabel(t, x.method) },
    { header: t("payments.amount"), cell: (x) => formatMoney(x.amount, locale), num: true, nowrap: true },
    { header: t("payments.confirmedAt"), cell: (x) => formatDateTime(new Date(x.confirmedAt), locale) },
    { header: t("payments.statusLabel"), cell: (x) => <Tag tone={statusTone(x.status)}>{t(`payments.status.${x.status}`)}</Tag> },
  ];
}

/** How to pay a dossier's fee, what was recorded, and for the desk the forms to record it. */
export function PaymentPanel(p: PaymentPanelProps) {
  const { t } = p;
  const locale = p.locale ?? "vi";
  const H = p.headingLevel === 3 ? "h3" : "h2";
  const Sub = p.headingLevel === 3 ? "h4" : "h3";
  const money = (n: number) => formatMoney(n, locale);
  const unpaid = p.fee.status === "unpaid" && p.fee.amount > 0 && p.due !== false;
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
      {p.payments.length > 0 && <DataTable caption={t("payments.history")} showCaption columns={paymentColumns(t, locale)} rows={p.payments} />}
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
  const due = feeDue(dossier);
  const [qr, payments] = await Promise.all([due ? paymentQrFor(deps, dossier, ctx.locale) : null, paymentsForDossier(deps, dossier.id)]);
  return {
    t: ctx.t,
    locale: ctx.locale,
    dossierId: dossier.id,
    fee: { amount: dossier.feeAmount, status: dossier.feeStatus },
    due,
    qr,
    payments,
    canConfirm: canConfirmPayments(ctx.principal, dossier),
    csrfToken: ctx.csrfToken,
  };
}
