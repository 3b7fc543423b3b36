// /api/v1 routes of reports' desk part. Handlers are thin; use cases live under ../use-cases/.
import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { type DeskListItem, listDeskReports } from "../use-cases/desk-list.ts";
import { type DeskItem, DeskPage, DeskQuery } from "./desk.contract.ts";

const present = (r: DeskListItem, locale: string): z.infer<typeof DeskItem> => ({
  id: r.id,
  code: r.code,
  communeCode: r.communeCode,
  villageCode: r.villageCode,
  villageName: r.villageName,
  categoryCode: r.categoryCode,
  categoryName: locale === "en" ? r.categoryNameEn : r.categoryNameVi,
  description: r.description,
  landmark: r.landmark,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  dueAt: r.dueAt ? r.dueAt.toISOString() : null,
  overdue: r.overdue,
  assigneeUserId: r.assigneeUserId,
  assigneeName: r.assigneeName,
  supportCount: r.supportCount,
  hidden: r.hidden,
});

export function registerDeskApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/reports",
      tags: ["Citizen reports"],
      security: [{ bearerAuth: [] }],
      summary:
        "The office list of citizen reports you may see (your units, and those you recorded or were assigned): tabs, filters, search, 50 a page, with each tab's count",
      request: { query: DeskQuery },
      responses: {
        200: json(DeskPage, "The page of reports"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
      },
    }),
    async (c) => {
      const list = await listDeskReports(deps, useCaseContext(c), c.req.valid("query"));
      const locale = c.get("locale");
      return c.json(
        { items: list.items.map((r) => present(r, locale)), total: list.total, page: list.page, pageSize: list.pageSize, counts: list.counts },
        200,
      );
    },
  );
}
