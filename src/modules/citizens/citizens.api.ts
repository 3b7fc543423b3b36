// /api/v1/me/profile, /api/v1/me/vault and /api/v1/auth/phone/*: the citizen's own data, and phone sign-in;
// /api/v1/citizens/id-card-checks: an officer records the ID card they checked at the desk.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Deps } from "../../deps.ts";
import { useCaseContext } from "../../platform/auth/use-case-context.ts";
import { AppError, notFound } from "../../platform/http/app-error.ts";
import { fileResponse } from "../../platform/http/file-response.ts";
import { CSRF_HEADER, csrfTokenFor, ensureCsrfSeed } from "../../platform/http/csrf.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { json, problems } from "../../platform/http/openapi-shared.ts";
import { clientIp } from "../../platform/http/client-ip.ts";
import { startBrowserSession } from "../identity/index.ts";
import {
  CitizenProfile,
  citizenProfileInput,
  IdCardCheck,
  idCardCheckInput,
  PhoneCodeRequest,
  PhoneCodeVerify,
  VaultItem,
  VaultUploadJson,
} from "./citizens.contract.ts";
import { getProfile } from "./use-cases/get-profile.ts";
import { PHONE_CODE, requestPhoneCode } from "./use-cases/request-phone-code.ts";
import { saveProfile } from "./use-cases/save-profile.ts";
import { getVaultFile } from "./use-cases/get-vault-file.ts";
import { listVault } from "./use-cases/list-vault.ts";
import { removeFromVault } from "./use-cases/remove-from-vault.ts";
import { uploadToVault } from "./use-cases/upload-to-vault.ts";
import type { VaultItem as VaultRow } from "./vault-item.ts";
import { verifyPhoneCode } from "./use-cases/verify-phone-code.ts";
import { verifyProfilePhone } from "./use-cases/verify-profile-phone.ts";
import { recordIdCardCheck } from "./use-cases/record-id-card-check.ts";

const tags = ["Citizens"];
const security = [{ bearerAuth: [] }];
const IdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });

export const presentVaultItem = (v: VaultRow): z.infer<typeof VaultItem> => ({
  id: v.id,
  title: v.title,
  kind: v.kind,
  documentType: v.documentType,
  sourceDossierId: v.sourceDossierId,
  fileName: v.fileName,
  mediaType: v.mediaType,
  sizeBytes: v.sizeBytes,
  createdAt: new Date(v.createdAt).toISOString(),
});

const me = (c: Context<AppEnv>) => {
  const p = c.get("principal");
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  return p.userId;
};

export function registerCitizensApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  const ProfileInput = citizenProfileInput(() => deps.clock.now());
  const IdCardCheckInput = idCardCheckInput(() => deps.clock.now());
  const PhoneCodeSent = z.object({ expiresAt: z.string() }).openapi("PhoneCodeSent");

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/me/profile",
      tags,
      summary: "Your profile (prefills every form)",
      security,
      responses: { 200: json(CitizenProfile, "Your profile"), 401: problems[401], 404: problems[404] },
    }),
    async (c) => {
      const profile = await getProfile(deps, useCaseContext(c), me(c));
      if (!profile) throw notFound();
      return c.json(profile, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/me/profile",
      tags,
      summary: "Enter or replace your profile",
      description:
        "A complete profile's GET answer may be sent back as it is: its read-only fields are ignored, and an empty email means none. The phone and ID number typed here only prefill forms; the phone is verified by a code (`/api/v1/me/phone/code`).",
      security,
      request: { body: body(ProfileInput) },
      responses: { 200: json(CitizenProfile, "The saved profile"), 400: problems[400], 401: problems[401], 415: problems[415] },
    }),
    async (c) => c.json(await saveProfile(deps, useCaseContext(c), me(c), c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/me/phone/code",
      tags,
      summary: "Send a 6-digit code by SMS to verify a phone number for your profile",
      description: `The same limits as sign-in codes: valid ${PHONE_CODE.ttlMinutes} minutes, at most ${PHONE_CODE.perPhone} codes per number per ${PHONE_CODE.windowMinutes} minutes.`,
      security,
      request: { body: body(PhoneCodeRequest) },
      responses: { 202: json(PhoneCodeSent, "Queued for sending"), 400: problems[400], 401: problems[401], 415: problems[415], 429: problems[429] },
    }),
    async (c) => {
      me(c);
      const { phone } = c.req.valid("json");
      const { expiresAt } = await requestPhoneCode(deps, useCaseContext(c), { phone, locale: c.get("locale"), ip: clientIp(c, deps.config.trustedProxies) });
      return c.json({ expiresAt: expiresAt.toISOString() }, 202);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/me/phone/verify",
      tags,
      summary: "Verify a phone number with the code sent to it: it becomes your profile's verified phone",
      description:
        "The verified phone signs you in by code and receives the SMS about your own dossiers; with a verified ID number it links the dossiers an officer or volunteer files for you. 409 when another account has verified the number (sign in with it instead).",
      security,
      request: { body: body(PhoneCodeVerify) },
      responses: {
        200: json(CitizenProfile, "Your profile, with the phone verified"),
        400: problems[400],
        401: problems[401],
        409: problems[409],
        415: problems[415],
        429: problems[429],
      },
    }),
    async (c) => {
      const ip = clientIp(c, deps.config.trustedProxies);
      return c.json(await verifyProfilePhone(deps, useCaseContext(c), me(c), { ...c.req.valid("json"), ip }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/citizens/id-card-checks",
      tags,
      summary: "Record that you checked a citizen's ID card in person: the number read from it becomes their account's verified ID number",
      description:
        "For one-stop officers and commune admins, at one of their units. The account is the one that verified `phone` by a code. With that phone, the verified number links the dossiers filed for the citizen at the desk or by a volunteer, earlier ones included (their results reach the citizen's vault). 403 for anyone who checks cards nowhere, and for your own account; 404 for a unit outside your grants; 400 when no active citizen account verified the phone; 409 when the number is verified for another account, or the national SSO vouched for another number for this one. Audited.",
      security,
      request: { body: body(IdCardCheckInput) },
      responses: {
        200: json(IdCardCheck, "The number is the account's verified ID number"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        409: problems[409],
        415: problems[415],
      },
    }),
    async (c) => c.json(await recordIdCardCheck(deps, useCaseContext(c), c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/me/vault",
      tags,
      summary: "Documents in your vault, newest first",
      security,
      responses: { 200: json(z.object({ items: z.array(VaultItem) }).openapi("VaultList"), "Your documents"), 401: problems[401] },
    }),
    async (c) => c.json({ items: (await listVault(deps, useCaseContext(c), me(c))).map(presentVaultItem) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/me/vault",
      tags,
      summary: "Upload a document to your vault (JSON, content in base64)",
      security,
      request: { body: body(VaultUploadJson) },
      responses: {
        201: json(VaultItem, "The stored document"),
        400: problems[400],
        401: problems[401],
        413: problems[413],
        415: problems[415],
        429: {
          ...problems[429],
          description:
            "Over the upload limit (files or megabytes) of the account or the address per window, shared with every other upload; Retry-After says when to try again. Nothing is stored; the vault keeps what it had",
        },
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const item = await uploadToVault(deps, useCaseContext(c), me(c), {
        title: input.title,
        documentType: input.documentType,
        name: input.name,
        bytes: Buffer.from(input.content, "base64"),
        clientIp: clientIp(c, deps.config.trustedProxies),
        field: "content",
      });
      return c.json(presentVaultItem(item), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/me/vault/{id}/file",
      tags,
      summary: "Download a document of your vault",
      security,
      request: { params: IdParam },
      responses: {
        200: {
          description: "The file, as an attachment",
          content: {
            "application/pdf": { schema: z.string().openapi({ format: "binary" }) },
            "image/jpeg": { schema: z.string().openapi({ format: "binary" }) },
            "image/png": { schema: z.string().openapi({ format: "binary" }) },
          },
        },
        401: problems[401],
        404: problems[404],
      },
    }),
    async (c) => fileResponse(c, (await getVaultFile(deps, useCaseContext(c), me(c), c.req.valid("param").id)).file),
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/me/vault/{id}",
      tags,
      summary: "Remove a document from your vault (dossiers filed with it keep it)",
      security,
      request: { params: IdParam },
      responses: { 204: { description: "Removed" }, 401: problems[401], 404: problems[404] },
    }),
    async (c) => {
      await removeFromVault(deps, useCaseContext(c), me(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/auth/phone/code",
      tags,
      summary: "Send a 6-digit sign-in code by SMS",
      description: `The code is valid ${PHONE_CODE.ttlMinutes} minutes. At most ${PHONE_CODE.perPhone} codes per number per ${PHONE_CODE.windowMinutes} minutes (429 after that).`,
      request: { body: body(PhoneCodeRequest) },
      responses: {
        202: json(PhoneCodeSent, "Queued for sending"),
        400: problems[400],
        415: problems[415],
        429: problems[429],
      },
    }),
    async (c) => {
      const { phone } = c.req.valid("json");
      const { expiresAt } = await requestPhoneCode(deps, useCaseContext(c), { phone, locale: c.get("locale"), ip: clientIp(c, deps.config.trustedProxies) });
      return c.json({ expiresAt: expiresAt.toISOString() }, 202);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/auth/phone/verify",
      tags,
      summary: "Sign in with the code: answers 204 and sets the session cookie",
      description:
        "The session is the same HttpOnly cookie as the web sign-in. Cookie-authenticated writes need the `x-csrf-token` header: its value comes back in this response's `x-csrf-token` header. A first sign-in creates a citizen account.",
      request: { body: body(PhoneCodeVerify) },
      responses: {
        204: { description: "Signed in; Set-Cookie carries the session, `x-csrf-token` the token for later writes" },
        400: problems[400],
        403: problems[403],
        415: problems[415],
        429: problems[429],
      },
    }),
    async (c) => {
      const ip = clientIp(c, deps.config.trustedProxies);
      const { userId } = await verifyPhoneCode(deps, useCaseContext(c), { ...c.req.valid("json"), ip });
      const session = await startBrowserSession(c, deps, userId, "phone");
      // An API client has no page to read a CSRF token from: it gets one here, bound to its CSRF cookie and new session.
      const { seed } = ensureCsrfSeed(c, deps.config.cookieSecure);
      c.header(CSRF_HEADER, csrfTokenFor(seed, deps.config.sessionSecret, session));
      return c.body(null, 204);
    },
  );
}
