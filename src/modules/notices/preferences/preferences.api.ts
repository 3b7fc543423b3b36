// /api/v1 routes of notices' preferences part: a person's own choices, the desk's record of someone's, and the SMS
// gateway's inbound callback (STOP / DK and the keywords of other modules). Handlers are thin.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import type { SmsKeywordHandler } from "../inbound-sms.ts";
import { noticeApiPaths } from "../notice-paths.ts";
import { findPersonPreferences } from "../use-cases/preferences-find-person.ts";
import { getMyNoticePreferences } from "../use-cases/preferences-get-mine.ts";
import { receiveInboundSms } from "../use-cases/preferences-receive-sms.ts";
import { recordDeskPreferences } from "../use-cases/preferences-record-desk.ts";
import { saveMyNoticePreferences } from "../use-cases/preferences-save-mine.ts";
import type { PersonView } from "./person-view.ts";
import { DeskPreferenceInput, InboundSmsBody, InboundSmsResult, PersonPreferences, PersonQuery, PreferenceChoice } from "./preferences.contract.ts";
import { SMS_SIGNATURE_HEADER } from "./sms-command.ts";

const tags = ["Notice preferences"];
const security = [{ bearerAuth: [] }];
const reads = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };
const writes = { ...reads, 415: problems[415] };
const SIGNATURE_HEADER_DOC = `${SMS_SIGNATURE_HEADER}: <hex>`;
export const presentPerson = (v: PersonView): z.infer<typeof PersonPreferences> => ({
  phone: v.phone,
  residentId: v.residentId,
  name: v.name,
  choice: v.choice,
  chosen: v.chosen,
  history: v.history.map((h) => ({ at: h.at.toISOString(), method: h.method, recordedBy: h.recordedBy, note: h.note, before: h.before, after: h.after })),
});

export function registerPreferencesApi(api: OpenAPIHono<AppEnv>, deps: Deps, keywords: readonly SmsKeywordHandler[] = []): void {
  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.myPreferences,
      tags,
      security,
      summary: "My notice channels and categories, with my consent history (signed in)",
      responses: { 200: json(PersonPreferences, "The choice in force and the history, newest first"), 401: problems[401] },
    }),
    async (c) => c.json(presentPerson(await getMyNoticePreferences(deps, useCaseContext(c))), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: noticeApiPaths.myPreferences,
      tags,
      security,
      summary: "Save my notice channels and categories (a consent entry, method 'online'); saved against my account and my verified phone",
      request: { body: { required: true, content: { "application/json": { schema: PreferenceChoice } } } },
      responses: { 200: json(PersonPreferences, "The choice as saved"), ...writes },
    }),
    async (c) => c.json(presentPerson(await saveMyNoticePreferences(deps, useCaseContext(c), c.req.valid("json"))), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.preferences,
      tags,
      security,
      summary:
        "A person's notice choices and consent history, by phone or by registry resident (notice.preferences). A resident outside the caller's units is 404. Audited as a personal-data read.",
      request: { query: PersonQuery },
      responses: { 200: json(PersonPreferences, "The choice in force and the history"), ...reads },
    }),
    async (c) => c.json(presentPerson(await findPersonPreferences(deps, useCaseContext(c), c.req.valid("query"))), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: noticeApiPaths.preferences,
      tags,
      security,
      summary:
        "Record a person's notice choices at the desk or in the field (notice.preferences): the method, the officer and a note of the consent are kept in the history",
      request: { body: { required: true, content: { "application/json": { schema: DeskPreferenceInput } } } },
      responses: { 200: json(PersonPreferences, "The choice as recorded"), ...writes },
    }),
    async (c) => c.json(presentPerson(await recordDeskPreferences(deps, useCaseContext(c), c.req.valid("json"))), 200),
  );

  // The body is read raw: the signature covers the exact bytes received.
  api.openAPIRegistry.register("InboundSms", InboundSmsBody);
  api.openapi(
    createRoute({
      method: "post",
      path: noticeApiPaths.smsInbound,
      tags,
      summary: "The SMS gateway delivers a resident's message (STOP, DK, a keyword such as SO A)",
      description:
        `Signed with \`${SIGNATURE_HEADER_DOC}\`: the hex HMAC-SHA256 of the raw body under SMS_WEBHOOK_SECRET, compared in constant time; 401 when ` +
        "it is missing or wrong, or when no secret is configured (nothing is recorded). STOP / HUY / TU CHOI turn SMS off for the sender, " +
        "DK / START on again, optionally for one category (STOP Y TE); other first words go to the keyword handlers; anything else gets a help " +
        "reply. The reply is queued as an SMS. The same `id` again (a gateway retry) is answered with duplicate=true and nothing runs twice. " +
        "429 when one number sends more than 10 messages in 10 minutes.",
      request: {
        headers: z.object({ [SMS_SIGNATURE_HEADER.toLowerCase()]: z.string().optional().openapi({ example: "5f2b…(64 hex)" }) }),
        body: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/InboundSms" } } } },
      },
      responses: {
        200: json(InboundSmsResult, "Handled (or already handled)"),
        400: problems[400],
        401: problems[401],
        415: problems[415],
        429: problems[429],
      },
    }),
    async (c) => {
      const rawBody = await c.req.text();
      const out = await receiveInboundSms(deps, keywords, { rawBody, signature: c.req.header(SMS_SIGNATURE_HEADER), requestId: c.get("requestId") });
      return c.json(out, 200);
    },
  );
}
