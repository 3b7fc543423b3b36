// /api/openapi.json (generated from the zod contracts) and a server-rendered reference page.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { WebContext } from "./web-context.ts";
import { Layout } from "../views/layout.tsx";
import { pageContext } from "../views/page-context.ts";
import type { AppEnv } from "./hono-env.ts";

export function openApiDocument(api: OpenAPIHono<AppEnv>) {
  return api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "XãSố API",
      version: "1.0.0",
      description: "Vietnamese first; send Accept-Language: en for English messages. Errors are RFC 9457 problem+json.",
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
        {/* The table scrolls sideways on a phone: a named region that takes the focus, so the keyboard can scroll it too. */}
        <div class="table-wrap" role="region" aria-labelledby="api-operations" tabindex={0}>
          <table>
            <caption id="api-operations">{t("apiDocs.operations")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("apiDocs.method")}</th>
                <th scope="col">{t("apiDocs.path")}</th>
                <th scope="col">{t("apiDocs.summary")}</th>
                <th scope="col">{t("apiDocs.auth")}</th>
              </tr>
            </thead>
            <tbody>
              {ops.map((o) => (
                <tr>
                  <td>
                    <code>{o.method}</code>
                  </td>
                  <td>
                    <code>{o.path}</code>
                  </td>
                  {/* The OpenAPI summaries are written in English only: say so, for screen readers on the Vietnamese page. */}
                  <td lang="en">{o.op.summary ?? ""}</td>
                  <td>{o.op.security?.length ? t("apiDocs.token") : t("apiDocs.public")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Layout>,
    );
  });
}
