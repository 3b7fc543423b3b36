// /api/v1 routes of reports' open311 part: the registered Open311 clients (open311.manage). The GeoReport v2 server
// itself lives outside /api/v1 (open311-routes.ts). Handlers are thin; use cases live under ../use-cases/.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { listOpen311Clients } from "../use-cases/open311-clients-list.ts";
import { registerOpen311Client } from "../use-cases/open311-clients-register.ts";
import { revokeOpen311Client } from "../use-cases/open311-clients-revoke.ts";
import { ClientIdParam, Open311Client, RegisterClientInput, RegisteredClient } from "./open311.contract.ts";
import type { ClientRow } from "./open311.repository.ts";

const tags = ["Open311 clients"];
const security = [{ bearerAuth: [] }];
const reads = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };

const present = (k: ClientRow): z.infer<typeof Open311Client> => ({
  id: k.id,
  name: k.name,
  contact: k.contact,
  unitCode: k.unitCode,
  unitName: k.unitName,
  keyHint: k.keyHint,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

export function registerOpen311Api(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/open311-clients",
      tags,
      security,
      summary: "Open311 clients registered on the units you manage (open311.manage), revoked ones last",
      responses: { 200: json(z.object({ items: z.array(Open311Client) }), "The clients (never their keys)"), ...reads },
    }),
    async (c) => c.json({ items: (await listOpen311Clients(deps, useCaseContext(c))).map(present) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/open311-clients",
      tags,
      security,
      summary: "Register an Open311 client: it may post GeoReport v2 requests to the communes of its unit with the api_key answered once",
      request: { body: { required: true, content: { "application/json": { schema: RegisterClientInput } } } },
      responses: { 201: json(RegisteredClient, "The client and its api_key (shown only now)"), ...reads, 415: problems[415] },
    }),
    async (c) => {
      const { client, apiKey } = await registerOpen311Client(deps, useCaseContext(c), c.req.valid("json"));
      return c.json({ client: present(client), apiKey }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/open311-clients/{id}/revoke",
      tags,
      security,
      summary: "Revoke an Open311 client's key: its posts are refused from now on; its reports stay",
      request: { params: ClientIdParam },
      responses: { 200: json(Open311Client, "The revoked client"), ...reads },
    }),
    async (c) => c.json(present(await revokeOpen311Client(deps, useCaseContext(c), c.req.valid("param").id)), 200),
  );
}
