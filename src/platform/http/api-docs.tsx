// /api/openapi.json (generated from the zod contracts) and a server-rendered reference page.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { WebContext } from "./web-context.ts";
import { DataTable } from "../views/data-table.tsx";
import { Layout } from "../views/layout.tsx";
import { pageContext } from "../views/page-context.ts";
import type { AppEnv } from "./hono-env.ts";

export function openApiDocument(api: OpenAPIHono<AppEnv>) {
  return api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "XãSố API",
      version: "1.0.0",
      description:
        "Vietnamese first; send Accept-Language: en for English messages (pages ignore it: they are Vietnamese until the person picks English). Errors are RFC 9457 problem+json.",
    },
    servers: [{ url: "/" }],
  });
}

type Operation = { summary?: string; tags?: string[]; security?: unknown[] };

export function registerApiDocs(app: Hono<AppEnv>, api: OpenAPIHono<AppEnv>, web: WebContext) {
  let doc: ReturnType<typeof openApiDocument> | undefined;
  const get = () => (doc ??= openApiDocument(api));
  app.get("/api/openapi.json", (c) => c.json(get()));
  app.get("/api/docs", (c) => {
    const ctx = pageContext(c, web.assets);
    const { t } = ctx;
    const ops = Object.entries(get().paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
    return c.html(
      <Layout ctx={ctx} title={t("apiDocs.title")}>
        <h1>{t("apiDocs.title")}</h1>
        <p>{t("apiDocs.intro")}</p>
        <p>
          <a href="/api/openapi.json">{t("apiDocs.download")}</a>
        </p>
        <DataTable
          caption={t("apiDocs.operations")}
          showCaption
          id="api-operations"
          rows={ops}
          columns={[
            { header: t("apiDocs.method"), cell: (o) => <code>{o.method}</code> },
            { header: t("apiDocs.path"), cell: (o) => <code>{o.path}</code> },
            // The OpenAPI summaries are written in English only: say so, for screen readers on the Vietnamese page.
            { header: t("apiDocs.summary"), cell: (o) => <span lang="en">{o.op.summary ?? ""}</span> },
            { header: t("apiDocs.auth"), cell: (o) => (o.op.security?.length ? t("apiDocs.token") : t("apiDocs.public")) },
          ]}
        />
      </Layout>,
    );
  });
}
