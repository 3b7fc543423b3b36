// /api/v1 routes of report categories. Handlers are thin; use cases live under ../use-cases/.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { activeCategories } from "../use-cases/categories-active.ts";
import { listCategoriesForAdmin } from "../use-cases/categories-list.ts";
import { saveCategory, updateCategoryById } from "../use-cases/categories-save.ts";
import { findCategory } from "./categories.repository.ts";
import type { CategoryRow } from "./categories.repository.ts";
import { CategoriesQuery, Category, CategoryInput, CategoryUpdate, ReportArea, ReportAreaInput } from "./categories.contract.ts";
import { getReportArea } from "../use-cases/area-get.ts";
import { clearReportArea, saveReportArea } from "../use-cases/area-save.ts";
import type { ReportAreaRow } from "./areas.repository.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { splitKeywords } from "../use-cases/categories-active.ts";

const security = [{ bearerAuth: [] }];
const reads = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };
const writes = { ...reads, 413: problems[413], 415: problems[415], 429: problems[429] };
const tags = ["Report categories"];

type Presentable = Omit<CategoryRow, "keywords" | "updatedAt" | "version"> & { keywords: string | string[]; version?: number };

const present = (r: Presentable): z.infer<typeof Category> => ({
  id: r.id,
  provinceCode: r.provinceCode,
  communeCode: r.communeCode,
  code: r.code,
  nameVi: r.nameVi,
  nameEn: r.nameEn,
  descriptionVi: r.descriptionVi,
  descriptionEn: r.descriptionEn,
  keywords: Array.isArray(r.keywords) ? r.keywords : splitKeywords(r.keywords),
  responsibleUnit: r.responsibleUnit,
  responsibleUserId: r.responsibleUserId,
  timeLimitDays: r.timeLimitDays,
  publicByDefault: r.publicByDefault,
  active: r.active,
  sortOrder: r.sortOrder,
  attributes: r.attributes,
  ...(r.version === undefined ? {} : { version: r.version }),
});

const presentArea = (provinceCode: string, r: ReportAreaRow | null): z.infer<typeof ReportArea> => ({
  provinceCode,
  area: r ? { minLat: r.minLat, maxLat: r.maxLat, minLon: r.minLon, maxLon: r.maxLon } : null,
  updatedAt: r ? r.updatedAt.toISOString() : null,
});

const provinceParam = z.object({ province: z.string().openapi({ param: { name: "province", in: "path" }, example: "15" }) });

export function registerCategoriesApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/report-categories",
      tags,
      summary:
        "Report categories. `commune`: the commune's effective list (its own rows and the province defaults it does not override), active only — public. `all=1` (category admins): inactive rows too, each marked overridden. `province` with `all=1`: the province's defaults.",
      request: { query: CategoriesQuery },
      responses: { 200: json(z.object({ items: z.array(Category) }), "The categories in display order"), ...reads },
    }),
    async (c) => {
      const q = c.req.valid("query");
      if (q.all === "1" || (!q.commune && q.province)) {
        const unit = q.commune ?? q.province;
        if (!unit) throw new AppError("validation", "error.validation", [{ field: "commune", code: "required", message: "validation.required" }]);
        const list = await listCategoriesForAdmin(deps, c.get("principal"), unit);
        return c.json({ items: list.rows.map(present) }, 200);
      }
      if (!q.commune) throw new AppError("validation", "error.validation", [{ field: "commune", code: "required", message: "validation.required" }]);
      const items = await activeCategories(deps, q.commune);
      return c.json({ items: items.map((i) => present({ ...i, active: true })) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/report-categories",
      tags,
      security,
      summary:
        "Save a category by its code: a province default (provinceCode, no communeCode; province admins) or a commune's own row (communeCode; commune admins), which overrides the province default of the same code. Saving the same code again updates it.",
      request: { body: { required: true, content: { "application/json": { schema: CategoryInput } } } },
      responses: { 200: json(Category, "The category, updated"), 201: json(Category, "The category, created"), ...writes },
    }),
    async (c) => {
      const { id, created } = await saveCategory(deps, useCaseContext(c), c.req.valid("json"));
      const row = await findCategory(deps.db, id);
      return c.json(present(row as CategoryRow), created ? 201 : 200);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/report-categories/{id}",
      tags,
      security,
      summary: "Update a category row by id (its scope and code stay)",
      request: {
        params: z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) }),
        body: { required: true, content: { "application/json": { schema: CategoryUpdate } } },
      },
      responses: { 200: json(Category, "The category"), ...writes },
    }),
    async (c) => {
      const { id } = await updateCategoryById(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(present((await findCategory(deps.db, id)) as CategoryRow), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/report-areas/{province}",
      tags,
      security,
      summary: "A province's report area: the rectangle its reports may be placed in (the province's category admins)",
      request: { params: provinceParam },
      responses: { 200: json(ReportArea, "The area, or area null when none is set"), ...reads },
    }),
    async (c) => {
      const province = c.req.valid("param").province;
      return c.json(presentArea(province, await getReportArea(deps, c.get("principal"), province)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/report-areas/{province}",
      tags,
      security,
      summary:
        "Set a province's report area: reports to its communes placed outside it are refused (400 naming lat/lon). Take the province's extreme points with a margin.",
      request: { params: provinceParam, body: { required: true, content: { "application/json": { schema: ReportAreaInput } } } },
      responses: { 200: json(ReportArea, "The area as saved"), ...writes },
    }),
    async (c) => {
      const province = c.req.valid("param").province;
      await saveReportArea(deps, useCaseContext(c), province, c.req.valid("json"));
      return c.json(presentArea(province, await getReportArea(deps, c.get("principal"), province)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/report-areas/{province}",
      tags,
      security,
      summary: "Clear a province's report area: places are checked against Vietnam's extent again",
      request: { params: provinceParam },
      responses: { 204: { description: "Cleared (or none was set)" }, ...reads },
    }),
    async (c) => {
      await clearReportArea(deps, useCaseContext(c), c.req.valid("param").province);
      return c.body(null, 204);
    },
  );
}
