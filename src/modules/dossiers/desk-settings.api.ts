// /api/v1 for a commune's desk settings: agency code, desk name and address, chair, fee account. Handlers are thin.
import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Deps } from "../../deps.ts";
import { useCaseContext } from "../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { json, problems } from "../../platform/http/openapi-shared.ts";
import { bankLabel } from "./banks.ts";
import { CommuneCodeParam, DeskSettingsInput, DeskSettingsView } from "./desk-settings.contract.ts";
import type { DeskSettings } from "./desk-settings.model.ts";
import { getDeskSettings } from "./use-cases/get-desk-settings.ts";
import { saveDeskSettings } from "./use-cases/save-desk-settings.ts";

// Under "Payments" in the API docs, where clients have found them since the fee account was added.
const tags = ["Payments"];

const presentSettings = (s: DeskSettings & { printedDeskName: string }): z.infer<typeof DeskSettingsView> => ({
  communeCode: s.communeCode,
  agencyCode: s.agencyCode,
  deskAddress: s.deskAddress,
  deskName: s.deskName,
  printedDeskName: s.printedDeskName,
  chairUserId: s.chairUserId,
  bankBin: s.bankBin,
  bankName: s.bankBin ? bankLabel(s.bankBin) : null,
  accountNumber: s.accountNumber,
  accountName: s.accountName,
  configured: s.configured,
});

export function registerDeskSettingsApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/communes/{code}/settings",
      tags,
      summary: "A commune's desk settings: agency code, desk name and address, chair, fee account",
      security: [{ bearerAuth: [] }],
      request: { params: CommuneCodeParam },
      responses: { 200: json(DeskSettingsView, "The settings"), 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
    }),
    async (c) => c.json(presentSettings(await getDeskSettings(deps, useCaseContext(c), c.req.valid("param").code)), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/communes/{code}/settings",
      tags,
      summary: "Replace a commune's desk settings",
      description: "Fields left out are cleared. The fee account is all or nothing: bankBin, accountNumber and accountName together.",
      security: [{ bearerAuth: [] }],
      request: { params: CommuneCodeParam, body: { required: true, content: { "application/json": { schema: DeskSettingsInput } } } },
      responses: {
        200: json(DeskSettingsView, "The saved settings"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        415: problems[415],
      },
    }),
    async (c) => c.json(presentSettings(await saveDeskSettings(deps, useCaseContext(c), c.req.valid("param").code, c.req.valid("json"))), 200),
  );
}
