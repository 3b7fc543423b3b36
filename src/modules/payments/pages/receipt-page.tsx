// A payment's receipt (or waiver), printable; for the desk, the form that records a refund.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { attempt, readForm, validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { formatDateTime, formatMoney } from "../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, type FormState, SummaryList, Tag, TextField } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { methodLabel, receiptPath, receiptPdfPath, statusTone } from "../payment-panel.tsx";
import { printFeeReceipt } from "../../dossiers/index.ts";
import { translator } from "../../../platform/i18n/i18n.ts";
import { RefundInput } from "../payments.contract.ts";
import { getReceipt } from "../use-cases/get-receipt.ts";
import { refundPayment } from "../use-cases/refund-payment.ts";
import { errorsToForm, fromForm, REFUND_FIELDS } from "./payments-web.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";

export function receiptPages(w: PageKit) {
  const { deps, secure, page } = w;

  /** GET /payments/:id/receipt */
  const show = async (c: Context<AppEnv>, paymentId: string, refundForm: FormState = emptyForm(), status: 200 | 400 = 200) => {
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
        <p class="no-print">
          <a href={receiptPdfPath(x.id)}>{t("forms.fee.pdfLink")}</a>
        </p>
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

  /** GET /payments/:id/receipt.pdf: the printed fee receipt, for the applicant and the commune's office alike. */
  const pdf = async (c: Context<AppEnv>, paymentId: string) => {
    const locale = c.get("locale");
    const t = translator(locale);
    const r = await getReceipt(deps, ctxOf(c), paymentId);
    const { payment: x, dossier: d } = r;
    const bytes = await printFeeReceipt(
      deps,
      d,
      {
        receiptNo: x.receiptNo,
        status: x.status,
        payer: { name: d.applicantName, ...(d.applicant.address ? { address: d.applicant.address } : {}) },
        dossierCode: d.code ?? d.id,
        procedureName: r.procedureName,
        amount: x.amount,
        method: methodLabel(t, x.method),
        paidAt: new Date(x.confirmedAt),
        ...(x.note ? { note: x.note } : {}),
        ...(x.confirmedById && x.confirmedByName ? { collectorName: x.confirmedByName } : {}),
      },
      locale,
    );
    return c.body(new Uint8Array(bytes), 200, {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="bien-lai-${x.receiptNo.replace(/[^A-Za-z0-9.-]/g, "_")}.pdf"`,
      "cache-control": "private, no-store",
    });
  };

  /** POST /office/payments/:id/refund */
  const refund = async (c: Context<AppEnv>, id: string) => {
    const values = await readForm(c);
    const parsed = validateForm(RefundInput, fromForm(values, REFUND_FIELDS));
    if (!parsed.ok) return show(c, id, { values, errors: errorsToForm(parsed.errors, REFUND_FIELDS) }, 400);
    const res = await attempt(() => refundPayment(deps, ctxOf(c), id, parsed.data));
    if (!res.ok) return show(c, id, { values, errors: errorsToForm(res.errors, REFUND_FIELDS) }, 400);
    setFlash(c, "payments.flash.refunded", secure);
    return c.redirect(receiptPath(id), 303);
  };

  return { show, pdf, refund };
}
