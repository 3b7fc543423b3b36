// /api/v1 routes of indicators' sets part: the sets a province uses, one set with its versions, export, import
// (a JSON body) and targets. Handlers are thin: parse → one use case → present.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import {
  ExportQuery,
  ImportBody,
  ProvinceQuery,
  presentDetail,
  presentSummary,
  presentTargets,
  Saved,
  SetDetail,
  SetFileBody,
  SetKeyParam,
  SetList,
  Targets,
  TargetsBody,
  TargetsQuery,
} from "./sets.contract.ts";
import { setVersion, listSets, readSet } from "./use-cases/sets-read.ts";
import { saveSetVersion } from "./use-cases/sets-save.ts";
import { readTargets, setTargets } from "./use-cases/targets.ts";

const tags = ["Indicators"];
const security = [{ bearerAuth: [] }];
const BASE = "/api/v1/indicators/sets";

export function registerSetsApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: BASE,
      tags,
      security,
      summary: "The indicator sets a province uses (shipped, or replaced by a stored version)",
      request: { query: ProvinceQuery },
      responses: { 200: json(SetList, "The sets"), 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
    }),
    async (c) => {
      const r = await listSets(deps, useCaseContext(c), c.req.valid("query").province);
      return c.json({ province: r.province.code, items: r.sets.map(presentSummary) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: `${BASE}/import`,
      tags,
      security,
      summary: "Save a set (the export's format) as the province's new version; the older version is retired, never edited",
      request: { query: ProvinceQuery, body: { required: true, content: { "application/json": { schema: ImportBody } } } },
      responses: {
        201: json(Saved, "The saved version"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        415: problems[415],
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const saved = await saveSetVersion(deps, useCaseContext(c), {
        province: c.req.valid("query").province,
        file: { version: body.version ?? null, set: body.set },
        note: body.note,
        source: "import",
        format: "json",
      });
      return c.json({ key: saved.key, version: saved.version, province: saved.provinceCode }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: `${BASE}/{key}`,
      tags,
      security,
      summary: "One set as the province uses it, with its version history",
      request: { params: SetKeyParam, query: ProvinceQuery },
      responses: { 200: json(SetDetail, "The set"), 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
    }),
    async (c) => {
      const v = await readSet(deps, useCaseContext(c), c.req.valid("query").province, c.req.valid("param").key);
      return c.json(presentDetail(v.province.code, v.set, v.versions), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: `${BASE}/{key}/export`,
      tags,
      security,
      summary: "A set (or one of its versions) in the file format the import takes: { version, set }",
      request: { params: SetKeyParam, query: ExportQuery },
      responses: { 200: json(SetFileBody, "The set file"), 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const v = await setVersion(deps, useCaseContext(c), q.province, c.req.valid("param").key, q.version);
      return c.json({ version: v.version, set: v.definition }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: `${BASE}/{key}/targets`,
      tags,
      security,
      summary: "Targets of one indicator for a year: the province and each of its communes",
      request: { params: SetKeyParam, query: TargetsQuery },
      responses: { 200: json(Targets, "The targets"), 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const v = await readTargets(deps, useCaseContext(c), { province: q.province, set: c.req.valid("param").key, indicator: q.indicator, year: q.year });
      return c.json(presentTargets(v), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: `${BASE}/{key}/targets`,
      tags,
      security,
      summary: "Set (or, with null, remove) the targets of one indicator and year for the province and its communes",
      request: { params: SetKeyParam, body: { required: true, content: { "application/json": { schema: TargetsBody } } } },
      responses: {
        200: json(Targets, "The targets after the change"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        415: problems[415],
      },
    }),
    async (c) => {
      const b = c.req.valid("json");
      const v = await setTargets(deps, useCaseContext(c), { ...b, set: c.req.valid("param").key });
      return c.json(presentTargets(v), 200);
    },
  );
}
