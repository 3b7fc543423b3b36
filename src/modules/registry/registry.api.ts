// /api/v1 routes of registry: households, residents, moves, search. Handlers are thin; use cases live under use-cases/.
// Scoped like the pages: outside what the caller may see (householdVisibleSql), every id answers 404.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Deps } from "../../deps.ts";
import { useCaseContext } from "../../platform/auth/use-case-context.ts";
import { AppError, toProblem } from "../../platform/http/app-error.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { json, pageOf, Problem, problems } from "../../platform/http/openapi-shared.ts";
import {
  ArchiveResidentInput,
  ChangeHeadInput,
  createHouseholdInput,
  HouseholdOut,
  memberInput,
  MoveResidentInput,
  ResidentOut,
  SearchItemOut,
  SearchQuery,
  UpdateHouseholdInput,
  updateResidentInput,
} from "./registry.contract.ts";
import { moverNames, presentHousehold, presentResident, presentSearchItem } from "./registry.present.ts";
import { addResident } from "./use-cases/add-resident.ts";
import { archiveResident } from "./use-cases/archive-resident.ts";
import { changeHead } from "./use-cases/change-head.ts";
import { createHousehold } from "./use-cases/create-household.ts";
import { getHousehold } from "./use-cases/get-household.ts";
import { getResident } from "./use-cases/get-resident.ts";
import { moveResident } from "./use-cases/move-resident.ts";
import { searchResidents } from "./use-cases/search-residents.ts";
import { updateHousehold } from "./use-cases/update-household.ts";
import { updateResident } from "./use-cases/update-resident.ts";

const tags = ["Registry"];
const security = [{ bearerAuth: [] }];
const IdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const RegistryConflict = Problem.extend({ currentVersion: z.number().int().optional() }).openapi("RegistryConflictProblem");
const conflict = {
  description: "Changed meanwhile: `errors` names `version`, and `currentVersion` is the version now; or the ID number is already in the registry",
  content: { "application/problem+json": { schema: RegistryConflict } },
};
const writeProblems = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404], 409: conflict, 415: problems[415] };
const readProblems = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };

export function registerRegistryApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  const today = () => deps.clock.now();
  const household = async (c: Context<AppEnv>, id: string) => {
    const v = await getHousehold(deps, useCaseContext(c), id);
    return presentHousehold(v, await moverNames(deps.db, v.moves));
  };
  const resident = async (c: Context<AppEnv>, id: string) => {
    const v = await getResident(deps, useCaseContext(c), id);
    return presentResident(v, await moverNames(deps.db, v.moves));
  };
  // A stale version answers 409 with the version now, so a client can fetch, merge and retry.
  const withConflict = async <T>(c: Context<AppEnv>, fn: () => Promise<T>): Promise<T | Response> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof AppError && err.code === "conflict") {
        const current = err.params.currentVersion;
        const body = { ...toProblem(err, c.get("t"), c.req.path, c.get("requestId")), ...(typeof current === "number" ? { currentVersion: current } : {}) };
        return c.json(body, 409, { "content-type": "application/problem+json; charset=utf-8" });
      }
      throw err;
    }
  };

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/households",
      tags,
      security,
      summary: "Search the registry: residents by name (diacritics optional), phone or ID number, households by head; filters by commune, village, flag",
      request: { query: SearchQuery },
      responses: { 200: json(pageOf(SearchItemOut, "RegistrySearchPage"), "A page of residents, each with their household"), ...readProblems },
    }),
    async (c) => {
      const { heads, ...q } = c.req.valid("query");
      const page = await searchResidents(deps, useCaseContext(c), { ...q, heads: heads !== undefined });
      return c.json({ items: page.items.map(presentSearchItem), nextCursor: page.nextCursor }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/households",
      tags,
      security,
      summary: "Create a household with its members; the first member is the head",
      request: { body: { required: true, content: { "application/json": { schema: createHouseholdInput(today) } } } },
      responses: { 201: json(HouseholdOut, "The household created"), ...writeProblems },
    }),
    async (c) => {
      const r = await withConflict(c, () => createHousehold(deps, useCaseContext(c), c.req.valid("json")));
      if (r instanceof Response) return r as never;
      return c.json(await household(c, r.id), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/households/{id}",
      tags,
      security,
      summary: "A household with its members and moves (the read is recorded in the audit log)",
      request: { params: IdParam },
      responses: { 200: json(HouseholdOut, "The household"), ...readProblems },
    }),
    async (c) => c.json(await household(c, c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/api/v1/households/{id}",
      tags,
      security,
      summary: "Edit a household's address, village or poverty; send the version you saw",
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: UpdateHouseholdInput } } } },
      responses: { 200: json(HouseholdOut, "The household after the change"), ...writeProblems },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const r = await withConflict(c, () => updateHousehold(deps, useCaseContext(c), id, c.req.valid("json")));
      if (r instanceof Response) return r as never;
      return c.json(await household(c, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/households/{id}/head",
      tags,
      security,
      summary: "Change the household's head to another member; send the household's version",
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: ChangeHeadInput } } } },
      responses: { 200: json(HouseholdOut, "The household after the change"), ...writeProblems },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const r = await withConflict(c, () => changeHead(deps, useCaseContext(c), id, c.req.valid("json")));
      if (r instanceof Response) return r as never;
      return c.json(await household(c, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/households/{id}/residents",
      tags,
      security,
      summary: "Add a member to a household",
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: memberInput(today) } } } },
      responses: { 201: json(ResidentOut, "The resident added"), ...writeProblems },
    }),
    async (c) => {
      const r = await withConflict(c, () => addResident(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json")));
      if (r instanceof Response) return r as never;
      return c.json(await resident(c, r.id), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/residents/{id}",
      tags,
      security,
      summary: "A resident with their moves (the read is recorded in the audit log)",
      request: { params: IdParam },
      responses: { 200: json(ResidentOut, "The resident"), ...readProblems },
    }),
    async (c) => c.json(await resident(c, c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/api/v1/residents/{id}",
      tags,
      security,
      summary: "Edit a resident; only the fields sent change (null clears an optional one); send the version you saw",
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: updateResidentInput(today) } } } },
      responses: { 200: json(ResidentOut, "The resident after the change"), ...writeProblems },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const r = await withConflict(c, () => updateResident(deps, useCaseContext(c), id, c.req.valid("json")));
      if (r instanceof Response) return r as never;
      return c.json(await resident(c, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/residents/{id}/move",
      tags,
      security,
      summary: "Move a resident into another household, to head a new one, or away from the commune; the move is kept in their history",
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: MoveResidentInput } } } },
      responses: { 200: json(ResidentOut, "The resident after the move"), ...writeProblems },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const r = await withConflict(c, () => moveResident(deps, useCaseContext(c), id, c.req.valid("json")));
      if (r instanceof Response) return r as never;
      return c.json(await resident(c, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/residents/{id}/archive",
      tags,
      security,
      summary: "Remove a resident from the registry (died, or a duplicate merged into the record kept); the record stays for history",
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: ArchiveResidentInput } } } },
      responses: { 200: json(ResidentOut, "The resident, archived"), ...writeProblems },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const r = await withConflict(c, () => archiveResident(deps, useCaseContext(c), id, c.req.valid("json")));
      if (r instanceof Response) return r as never;
      return c.json(await resident(c, id), 200);
    },
  );
}
