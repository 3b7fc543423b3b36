// The desk's posts from the dossier page: confirm money received, or waive the fee. On success the receipt
// opens; a form with errors comes back on a page of its own, the panel again with errors beside the fields.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { attempt, readForm, validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { Breadcrumbs, ErrorSummary, type FormState } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { PaymentPanel, paymentPanelProps, receiptPath } from "../payment-panel.tsx";
import { ConfirmPaymentInput, ExemptInput } from "../payments.contract.ts";
import { confirmPayment } from "../use-cases/confirm-payment.ts";
import { markExempt } from "../use-cases/mark-exempt.ts";
import { getPaymentInfo } from "../use-cases/get-payment-info.ts";
import { CONFIRM_FIELDS, errorsToForm, EXEMPT_FIELDS, fromForm } from "./payments-web.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";

export function deskFormPages(w: PageKit) {
  const { deps, secure, page } = w;

  const formPage = async (c: Context<AppEnv>, dossierId: string, forms: { confirm?: FormState; exempt?: FormState }) => {
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

  /** POST /office/dossiers/:id/payment/confirm */
  const confirm = async (c: Context<AppEnv>, id: string) => {
    const values = await readForm(c);
    const parsed = validateForm(ConfirmPaymentInput, fromForm(values, CONFIRM_FIELDS));
    if (!parsed.ok) return formPage(c, id, { confirm: { values, errors: errorsToForm(parsed.errors, CONFIRM_FIELDS) } });
    const res = await attempt(() => confirmPayment(deps, ctxOf(c), id, parsed.data));
    if (!res.ok) return formPage(c, id, { confirm: { values, errors: errorsToForm(res.errors, CONFIRM_FIELDS) } });
    // The desk usually hands the receipt over next, so it opens straight away.
    setFlash(c, "payments.flash.confirmed", secure);
    return c.redirect(receiptPath(res.data.id), 303);
  };

  /** POST /office/dossiers/:id/payment/exempt */
  const exempt = async (c: Context<AppEnv>, id: string) => {
    const values = await readForm(c);
    const parsed = validateForm(ExemptInput, fromForm(values, EXEMPT_FIELDS));
    if (!parsed.ok) return formPage(c, id, { exempt: { values, errors: errorsToForm(parsed.errors, EXEMPT_FIELDS) } });
    const res = await attempt(() => markExempt(deps, ctxOf(c), id, parsed.data));
    if (!res.ok) return formPage(c, id, { exempt: { values, errors: errorsToForm(res.errors, EXEMPT_FIELDS) } });
    setFlash(c, "payments.flash.exempted", secure);
    return c.redirect(receiptPath(res.data.id), 303);
  };

  return { confirm, exempt };
}
