// /api/v1 for payments: a dossier's fee and VietQR, the desk's confirm / waive / refund, the gateway webhook.
// Handlers are thin. (A commune's desk settings are the dossiers module's.)
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../deps.ts";
import { useCaseContext } from "../../platform/auth/use-case-context.ts";
import { localizeField } from "../../platform/http/app-error.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { json, Problem, problems } from "../../platform/http/openapi-shared.ts";
import {
  ConfirmPaymentInput,
  DossierIdParam,
  ExemptInput,
  GatewayNotice,
  Payment,
  PaymentIdParam,
  PaymentInfo,
  RefundInput,
  WebhookResult,
} from "./payments.contract.ts";
import type { PaymentRow } from "./payments.model.ts";
import { confirmPayment } from "./use-cases/confirm-payment.ts";
import { markExempt } from "./use-cases/mark-exempt.ts";
import { refundPayment } from "./use-cases/refund-payment.ts";
import { handleGatewayWebhook } from "./use-cases/gateway-webhook.ts";
import { getPaymentInfo } from "./use-cases/get-payment-info.ts";
import { SIGNATURE_HEADER } from "./webhook-signature.ts";

const tags = ["Payments"];
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export const presentPayment = (x: PaymentRow): z.infer<typeof Payment> => ({
  id: x.id,
  dossierId: x.dossierId,
  amount: x.amount,
  method: x.method,
  status: x.status,
  receiptNo: x.receiptNo,
  gatewayRef: x.gatewayRef,
  confirmedAt: iso(x.confirmedAt)!,
  confirmedBy: x.confirmedById ? x.confirmedByName : null,
  refundedAt: iso(x.refundedAt),
  note: x.note,
  receiptUrl: `/payments/${x.id}/receipt`,
});

const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
const deskProblems = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404], 409: problems[409], 415: problems[415] };

export function registerPaymentsApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/dossiers/{id}/payment",
      tags,
      summary: "A dossier's fee: amount, status, VietQR payload while unpaid, and what was recorded",
      security: [{ bearerAuth: [] }],
      request: { params: DossierIdParam },
      responses: { 200: json(PaymentInfo, "The fee"), 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
    }),
    async (c) => {
      const info = await getPaymentInfo(deps, useCaseContext(c), c.req.valid("param").id);
      const d = info.dossier;
      return c.json(
        { dossierId: d.id, dossierCode: d.code, amount: d.feeAmount, status: d.feeStatus, qr: info.qr, payments: info.payments.map(presentPayment) },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/dossiers/{id}/payment/confirm",
      tags,
      summary: "The desk confirms the fee was received (cash, or a transfer seen on the statement)",
      description: "Only while the fee is unpaid (409 otherwise). Issues the next receipt number of the commune's book for the year.",
      security: [{ bearerAuth: [] }],
      request: { params: DossierIdParam, body: body(ConfirmPaymentInput) },
      responses: { 201: json(Payment, "The payment and its receipt number"), ...deskProblems },
    }),
    async (c) => c.json(presentPayment(await confirmPayment(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/dossiers/{id}/payment/exempt",
      tags,
      summary: "The desk waives the fee, with the reason",
      security: [{ bearerAuth: [] }],
      request: { params: DossierIdParam, body: body(ExemptInput) },
      responses: { 201: json(Payment, "The waiver record"), ...deskProblems },
    }),
    async (c) => c.json(presentPayment(await markExempt(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/payments/{id}/refund",
      tags,
      summary: "The desk records that a paid fee was refunded",
      security: [{ bearerAuth: [] }],
      request: { params: PaymentIdParam, body: body(RefundInput) },
      responses: { 200: json(Payment, "The refunded payment"), ...deskProblems },
    }),
    async (c) => c.json(presentPayment(await refundPayment(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json"))), 200),
  );

  // The body is declared with a plain reference, not a zod schema, so no validator reads it before the
  // signature is checked against the exact bytes received.
  api.openAPIRegistry.register("GatewayNotice", GatewayNotice);
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/payments/webhook",
      tags,
      summary: "A payment gateway reports a paid fee",
      description:
        `Signed with \`${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">\` using PAYMENT_WEBHOOK_SECRET; ` +
        "answers 404 when no secret is configured. 401: missing, malformed, stale or wrong signature (nothing is written). " +
        "404: no dossier with that code. 422: the amount differs from the fee (nothing is written). " +
        "200 with duplicate=true when the same gatewayRef was already recorded; 409 when the fee was settled otherwise.",
      request: {
        headers: z.object({ [SIGNATURE_HEADER.toLowerCase()]: z.string().optional().openapi({ example: "t=1795402800,v1=5f2b…" }) }),
        body: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/GatewayNotice" } } } },
      },
      responses: {
        200: json(WebhookResult, "Recorded (or already recorded)"),
        400: problems[400],
        401: problems[401],
        404: problems[404],
        409: problems[409],
        415: problems[415],
        422: { description: "The amount does not match the fee", content: { "application/problem+json": { schema: Problem } } },
      },
    }),
    async (c) => {
      const rawBody = await c.req.text();
      const out = await handleGatewayWebhook(deps, { rawBody, signatureHeader: c.req.header(SIGNATURE_HEADER), requestId: c.get("requestId") });
      if (out.status === 200) return c.json({ paymentId: out.paymentId, receiptNo: out.receiptNo, duplicate: out.duplicate }, 200);
      // Rendered here rather than thrown: 422 is not one of the app's error codes, and a gateway reads only this.
      const t = c.get("t");
      const title = t(out.messageKey, out.params);
      const errors = out.fields?.map((f) => ({ field: f.field, code: f.code, message: localizeField(f, t) }));
      const problem = {
        type: `/docs/problems#${out.code}`,
        title,
        status: out.status,
        detail: errors?.length ? errors.map((e) => e.message).join("; ") : title,
        instance: c.req.path,
        requestId: c.get("requestId"),
        ...(errors?.length ? { errors } : {}),
      };
      return c.json(problem, out.status, { "content-type": "application/problem+json; charset=utf-8" });
    },
  );
}
