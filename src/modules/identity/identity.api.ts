// /api/v1/me and /api/v1/users: the signed-in user, and users inside the caller's units.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../platform/http/app-error.ts";
import { useCaseContext } from "../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { json, pageOf, problems } from "../../platform/http/openapi-shared.ts";
import { ROLES } from "../../platform/auth/roles.ts";
import { GrantRoleInput, UserView } from "./identity.contract.ts";
import * as identity from "./index.ts";

const Me = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    kind: z.string(),
    locale: z.enum(["vi", "en"]).nullable(),
    viaApiToken: z.boolean(),
    grants: z.array(z.object({ role: z.enum(ROLES), adminUnitCode: z.string() })),
  })
  .openapi("Me");
const UserDetail = UserView.extend({ email: z.string().nullable(), phone: z.string().nullable(), createdAt: z.string() }).openapi("UserDetail");
const UserPage = pageOf(UserView, "UserPage");
const IdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const tags = ["Identity"];
const security = [{ bearerAuth: [] }];

type Listed = {
  id: string;
  username: string;
  displayName: string;
  kind: string;
  homeUnitCode: string | null;
  disabledAt: Date | null;
  grants: { role: (typeof ROLES)[number]; unitCode: string }[];
};
const presentUser = (u: Listed) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  kind: u.kind,
  homeUnitCode: u.homeUnitCode,
  disabled: !!u.disabledAt,
  grants: u.grants.map((g) => ({ role: g.role, adminUnitCode: g.unitCode })),
});

export function registerIdentityApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/me",
      tags,
      summary: "The signed-in user or the API token's owner",
      security,
      responses: { 200: json(Me, "Who you are"), 401: problems[401] },
    }),
    (c) => {
      const p = c.get("principal");
      if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
      return c.json(
        {
          id: p.userId,
          username: p.username,
          displayName: p.displayName,
          kind: p.kind,
          locale: p.locale,
          viaApiToken: !!p.tokenId,
          grants: p.grants.map((g) => ({ role: g.role, adminUnitCode: g.unitCode })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/users",
      tags,
      summary: "Users whose home unit is inside your units",
      security,
      request: {
        query: z.strictObject({
          q: z.string().max(100).optional(),
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: { 200: json(UserPage, "Users by username"), 400: problems[400], 401: problems[401], 403: problems[403] },
    }),
    async (c) => {
      const page = await identity.listUsers(deps, useCaseContext(c), c.req.valid("query"));
      return c.json({ items: page.items.map(presentUser), nextCursor: page.nextCursor }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/users/{id}",
      tags,
      summary: "One user (audited: contains personal data)",
      security,
      request: { params: IdParam },
      responses: { 200: json(UserDetail, "The user"), 400: problems[400], 401: problems[401], 404: problems[404] },
    }),
    async (c) => {
      const u = await identity.getUser(deps, useCaseContext(c), c.req.valid("param").id);
      return c.json({ ...presentUser(u), email: u.email, phone: u.phone, createdAt: new Date(u.createdAt).toISOString() }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/users/{id}/roles",
      tags,
      summary: "Grant a role on a unit",
      security,
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: GrantRoleInput } } } },
      responses: {
        201: json(z.object({ granted: z.boolean() }), "Granted (false when it already existed)"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
      },
    }),
    async (c) => c.json({ granted: await identity.grantRole(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json")) }, 201),
  );
}
