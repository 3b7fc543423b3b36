// /api/v1/admin-units: list, children, search, and village management. Handlers are thin.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../deps.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { json, pageOf, problems } from "../../platform/http/openapi-shared.ts";
import { useCaseContext } from "../../platform/auth/use-case-context.ts";
import { AdminUnit, AdminUnitCode, CreateVillageInput, PageQuery, RenameVillageInput, SearchQuery } from "./admin-units.contract.ts";
import type { AdminUnitRow } from "./admin-units.model.ts";
import * as units from "./index.ts";

const present = (u: AdminUnitRow): z.infer<typeof AdminUnit> => ({
  code: u.code,
  parentCode: u.parentCode,
  level: u.level,
  unitType: u.unitType,
  name: u.name,
  fullName: u.fullName,
  nameEn: u.nameEn,
  fullNameEn: u.fullNameEn,
});
const AdminUnitPage = pageOf(AdminUnit, "AdminUnitPage");
const CodeParam = z.object({ code: AdminUnitCode.openapi({ param: { name: "code", in: "path" } }) });
const tags = ["Admin units"];

export function registerAdminUnitsApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/admin-units",
      tags,
      summary: "Provinces this installation serves",
      responses: { 200: json(AdminUnitPage, "Provinces") },
    }),
    async (c) => c.json({ items: (await units.listServedProvinces(deps)).map(present), nextCursor: null }, 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/admin-units/search",
      tags,
      summary: "Search units by name, ignoring diacritics and case",
      request: { query: SearchQuery },
      responses: { 200: json(AdminUnitPage, "Matches, provinces first"), 400: problems[400] },
    }),
    async (c) => {
      const page = await units.searchAdminUnits(deps, c.req.valid("query"));
      return c.json({ items: page.items.map(present), nextCursor: page.nextCursor }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/admin-units/{code}",
      tags,
      summary: "One unit",
      request: { params: CodeParam },
      responses: { 200: json(AdminUnit, "The unit"), 400: problems[400], 404: problems[404] },
    }),
    async (c) => c.json(present(await units.getAdminUnit(deps, c.req.valid("param").code)), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/admin-units/{code}/children",
      tags,
      summary: "Units directly below a unit",
      request: { params: CodeParam, query: PageQuery },
      responses: { 200: json(AdminUnitPage, "Children, by name"), 400: problems[400], 404: problems[404] },
    }),
    async (c) => {
      const page = await units.listAdminUnitChildren(deps, c.req.valid("param").code, c.req.valid("query"));
      return c.json({ items: page.items.map(present), nextCursor: page.nextCursor }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/admin-units/{code}/villages",
      tags,
      summary: "Create a village in a commune",
      security: [{ bearerAuth: [] }],
      request: { params: CodeParam, body: { required: true, content: { "application/json": { schema: CreateVillageInput } } } },
      responses: {
        201: json(AdminUnit, "The new village"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        415: problems[415],
      },
    }),
    async (c) => {
      return c.json(present(await units.createVillage(deps, useCaseContext(c), c.req.valid("param").code, c.req.valid("json"))), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/api/v1/admin-units/{code}",
      tags,
      summary: "Rename a village",
      security: [{ bearerAuth: [] }],
      request: { params: CodeParam, body: { required: true, content: { "application/json": { schema: RenameVillageInput } } } },
      responses: {
        200: json(AdminUnit, "The renamed village"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        415: problems[415],
      },
    }),
    async (c) => {
      return c.json(present(await units.renameVillage(deps, useCaseContext(c), c.req.valid("param").code, c.req.valid("json"))), 200);
    },
  );
}
