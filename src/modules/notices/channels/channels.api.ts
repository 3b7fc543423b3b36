// /api/v1 routes of notices' channels part: the delivery callbacks of the SMS gateway and of Zalo (machines, signed,
// no session), and the unit's channel settings with its Zalo account. Handlers are thin: parse → one use case → present.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import { localizeField } from "../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, Problem, problems } from "../../../platform/http/openapi-shared.ts";
import { noticeApiPaths } from "../notice-paths.ts";
import { type CallbackOutcome, recordSmsReports } from "../use-cases/channels-record-sms-reports.ts";
import { recordZaloEvent } from "../use-cases/channels-record-zalo-event.ts";
import { removeZaloAccount } from "../use-cases/channels-remove-zalo.ts";
import { saveZaloAccount } from "../use-cases/channels-save-zalo.ts";
import { getChannelSettings } from "../use-cases/channels-settings.ts";
import { testZaloAccount } from "../use-cases/channels-test-zalo.ts";
import {
  DeliveryReportResult,
  SmsReportItem,
  UnitQuery,
  ZaloAccount,
  ZaloAccountInput,
  ZaloEvent,
  ZaloTestInput,
  ZaloTestResult,
} from "./channels.contract.ts";
import { SMS_SIGNATURE_HEADER, ZALO_SIGNATURE_HEADER } from "./delivery-reports.ts";

const tags = ["Notices: channels"];
const problemOnly = (description: string) => ({ description, content: { "application/problem+json": { schema: Problem } } });
const UnknownIds = Problem.extend({ unknown: z.array(z.string()), processed: z.number().int(), ignored: z.number().int() }).openapi("UnknownDeliveryIds");

/** Rendered here rather than thrown: a 404 that also reports what was recorded is for the gateway only. */
function answer(c: Context<AppEnv>, out: CallbackOutcome) {
  if (out.status === 200) return c.json({ processed: out.processed, ignored: out.ignored }, 200);
  const t = c.get("t");
  const base = { instance: c.req.path, requestId: c.get("requestId") };
  const problemHeaders = { "content-type": "application/problem+json; charset=utf-8" };
  if (out.status === 404) {
    const title = t("notices.channels.error.unknownIds", { ids: out.unknown.join(", ") });
    return c.json(
      { type: "/docs/problems#not_found", title, status: 404, detail: title, ...base, unknown: out.unknown, processed: out.processed, ignored: out.ignored },
      404,
      problemHeaders,
    );
  }
  const title = t(out.messageKey);
  const errors = out.fields?.map((f) => ({ field: f.field, code: f.code, message: localizeField(f, t) }));
  const detail = errors?.length ? errors.map((e) => e.message).join("; ") : title;
  return c.json(
    { type: `/docs/problems#${out.code}`, title, status: out.status, detail, ...base, ...(errors?.length ? { errors } : {}) },
    out.status,
    problemHeaders,
  );
}

const callbackResponses = {
  200: json(DeliveryReportResult, "Recorded (reports on deliveries already final are counted as ignored)"),
  400: problems[400],
  401: problemOnly("Missing or wrong signature (or no secret configured): nothing is read or written"),
  404: { description: "Ids we never sent; the other reports of the list are recorded", content: { "application/problem+json": { schema: UnknownIds } } },
  415: problems[415],
};

export function registerChannelsApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  // The bodies are declared by reference, not as zod validators: nothing reads them before the signature is checked
  // against the exact bytes received.
  api.openAPIRegistry.register("SmsDeliveryReport", SmsReportItem);
  api.openAPIRegistry.register("ZaloEvent", ZaloEvent);
  api.openapi(
    createRoute({
      method: "post",
      path: noticeApiPaths.smsDeliveryReports,
      tags,
      summary: "The SMS gateway reports delivered or failed messages",
      description:
        `One report or a list (up to 1000). Signed with \`${SMS_SIGNATURE_HEADER}: <hex HMAC-SHA256 of the raw body>\` (a \`sha256=\` prefix is accepted) ` +
        "using SMS_WEBHOOK_SECRET; every report is refused (401) while it is unset. A report on a delivery already delivered or failed is ignored (200).",
      request: {
        headers: z.object({ [SMS_SIGNATURE_HEADER.toLowerCase()]: z.string().optional() }),
        body: {
          required: true,
          content: {
            "application/json": {
              schema: {
                oneOf: [{ $ref: "#/components/schemas/SmsDeliveryReport" }, { type: "array", items: { $ref: "#/components/schemas/SmsDeliveryReport" } }],
              },
            },
          },
        },
      },
      responses: callbackResponses,
    }),
    async (c) => answer(c, await recordSmsReports(deps, { rawBody: await c.req.text(), signature: c.req.header(SMS_SIGNATURE_HEADER) })),
  );
  api.openapi(
    createRoute({
      method: "post",
      path: noticeApiPaths.zaloCallbacks,
      tags,
      summary: "Zalo's webhook: a ZNS message was received by the phone",
      description:
        `Signed by Zalo with \`${ZALO_SIGNATURE_HEADER}: mac=<hex SHA-256 of app_id + raw body + timestamp + OA secret key>\`, checked against the ` +
        "account the event's app_id names. user_received_message marks the message with that msg_id delivered; other events are acknowledged (200, ignored).",
      request: {
        headers: z.object({ [ZALO_SIGNATURE_HEADER.toLowerCase()]: z.string().optional() }),
        body: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ZaloEvent" } } } },
      },
      responses: callbackResponses,
    }),
    async (c) => answer(c, await recordZaloEvent(deps, { rawBody: await c.req.text(), signature: c.req.header(ZALO_SIGNATURE_HEADER) })),
  );

  const ChannelSettings = z
    .object({
      unitCode: z.string(),
      zalo: ZaloAccount.nullable(),
      sms: z.object({ gateway: z.enum(["http", "log"]), reportsSigned: z.boolean(), dailyCap: z.number().int().nullable(), priceVnd: z.number().int() }),
      zaloPriceVnd: z.number().int(),
      email: z.object({ smtp: z.boolean(), priceVnd: z.number().int() }),
    })
    .openapi("ChannelSettings");
  const office = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };
  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.channelSettings,
      tags,
      summary: "The unit's channels: Zalo account (secrets masked), SMS gateway state, daily cap and prices",
      security: [{ bearerAuth: [] }],
      request: { query: UnitQuery },
      responses: { 200: json(ChannelSettings, "The settings in force"), ...office },
    }),
    async (c) => {
      const s = await getChannelSettings(deps, c.get("principal"), c.req.valid("query").unit);
      return c.json({ unitCode: s.unit.code, zalo: s.zalo, sms: s.sms, zaloPriceVnd: s.zaloPriceVnd, email: s.email }, 200);
    },
  );
  api.openAPIRegistry.register("ZaloAccountInput", ZaloAccountInput);
  api.openapi(
    createRoute({
      method: "put",
      path: noticeApiPaths.zaloAccount,
      tags,
      summary: "Set or replace the unit's Zalo Official Account",
      description:
        "Secrets (appSecret, accessToken, oaSecretKey) are required the first time; omitted later, the stored ones are kept. They are never returned.",
      security: [{ bearerAuth: [] }],
      request: { query: UnitQuery, body: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ZaloAccountInput" } } } } },
      responses: { 200: json(ZaloAccount, "Saved"), 201: json(ZaloAccount, "Created"), ...office, 415: problems[415] },
    }),
    async (c) => {
      const out = await saveZaloAccount(deps, useCaseContext(c), c.req.valid("query").unit, await c.req.json().catch(() => null));
      return c.json(out.account, out.created ? 201 : 200);
    },
  );
  api.openapi(
    createRoute({
      method: "delete",
      path: noticeApiPaths.zaloAccount,
      tags,
      summary: "Remove the unit's Zalo account and its tokens",
      security: [{ bearerAuth: [] }],
      request: { query: UnitQuery },
      responses: { 204: { description: "Removed" }, ...office },
    }),
    async (c) => {
      await removeZaloAccount(deps, useCaseContext(c), c.req.valid("query").unit);
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: noticeApiPaths.zaloTest,
      tags,
      summary: "Send one test template message through the unit's Zalo account",
      security: [{ bearerAuth: [] }],
      request: { query: UnitQuery, body: { required: true, content: { "application/json": { schema: ZaloTestInput } } } },
      responses: { 200: json(ZaloTestResult, "Zalo accepted it"), ...office, 409: problems[409], 415: problems[415], 503: problems[503] },
    }),
    async (c) => c.json(await testZaloAccount(deps, useCaseContext(c), c.req.valid("query").unit, c.req.valid("json")), 200),
  );
}
